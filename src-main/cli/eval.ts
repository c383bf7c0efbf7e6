// `npm run eval`: quality of the product and of the plain baseline on a labeled file with columns
// id, name, unit, expected_sku (an empty expected_sku means the catalog has no such item).

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { DEFAULT_MATCHER } from '../../src-worker/pipeline/matcher.js';
import { JaccardBaseline } from '../engine/baseline.js';
import { ensureIndex } from '../engine/catalog-index.js';
import { chooseEmbedder } from '../engine/embedder-choice.js';
import { type LabeledAnswer, type QualityFigures, qualityFigures } from '../engine/evaluation.js';
import { runMatchJob } from '../engine/match-job.js';
import { UserError } from '../errors.js';
import { readCatalog } from '../io/catalog.js';
import { readTable } from '../io/read-table.js';
import { detectLanguage } from './args.js';

const BASELINE_THRESHOLD = 0.8;

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      catalog: { type: 'string' },
      queries: { type: 'string' },
      model: { type: 'string' },
      'data-dir': { type: 'string' },
      verbose: { type: 'boolean', short: 'v' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const usage = {
    ru: 'Запуск: npm run eval -- --catalog ФАЙЛ --queries ФАЙЛ [--model ПАПКА] [--verbose]\nФайл запросов: столбцы id, name, unit, expected_sku (пустой expected_sku — позиции в каталоге нет).\n',
    en: 'Usage: npm run eval -- --catalog FILE --queries FILE [--model DIR] [--verbose]\nQueries file: columns id, name, unit, expected_sku (an empty expected_sku means the catalog has no such item).\n',
  };
  const lang = detectLanguage(argv);
  if (values.help) {
    process.stdout.write(usage[lang]);
    return 0;
  }
  if (!values.catalog || !values.queries) {
    process.stderr.write(usage[lang]);
    return 2;
  }

  const catalog = await readCatalog(values.catalog);
  const queries = await readLabeledLines(values.queries);
  const dataDir = values['data-dir'] ?? (await mkdtemp(path.join(os.tmpdir(), 'mm-eval-')));
  const embedder = await chooseEmbedder(values.model);
  const { index } = await ensureIndex(path.join(dataDir, 'sku-index'), catalog.items, embedder, values.catalog);

  const started = performance.now();
  const results = await runMatchJob({ lines: queries.map((query) => ({ id: query.id, name: query.name, unit: query.unit })), index, settings: DEFAULT_MATCHER });
  const seconds = (performance.now() - started) / 1000;

  const product: LabeledAnswer[] = results.map((result, i) => ({
    expectedSku: queries[i]?.expectedSku ?? null,
    topSku: result.candidates[0]?.sku ?? null,
    matched: result.status === 'matched',
    matchedSku: result.status === 'matched' ? result.sku : null,
  }));
  const baseline = new JaccardBaseline(catalog.items);
  const plain: LabeledAnswer[] = queries.map((query) => {
    const answer = baseline.best(query.name);
    const matched = answer.score >= BASELINE_THRESHOLD;
    return { expectedSku: query.expectedSku, topSku: answer.sku, matched, matchedSku: matched ? answer.sku : null };
  });

  if (values.verbose) {
    results.forEach((result, i) => {
      const query = queries[i]!;
      const wrong = query.expectedSku ? result.status !== 'matched' || result.sku !== query.expectedSku : result.status === 'matched';
      if (!wrong) return;
      const top = result.candidates.slice(0, 2).map((candidate) => `${candidate.sku} ${candidate.score.toFixed(3)} ${candidate.name}`);
      process.stdout.write(`${query.id} ${result.status} | ${query.name} | ${query.unit}\n   expected ${query.expectedSku ?? '—'}\n   got ${top.join('\n       ')}\n`);
    });
  }

  process.stdout.write(`Lines: ${queries.length} (${product.filter((a) => a.expectedSku).length} with a catalog item, ${product.filter((a) => !a.expectedSku).length} without); catalog: ${catalog.items.length} items; matched in ${seconds.toFixed(1)} s\n\n`);
  process.stdout.write(table([
    ['figure', 'product', `baseline (IDF token Jaccard, threshold ${BASELINE_THRESHOLD})`],
    ...rows(qualityFigures(product), qualityFigures(plain)),
  ]));
  index.close();
  if (!values['data-dir']) await rm(dataDir, { recursive: true, force: true });
  return 0;
}

interface LabeledLine {
  id: string;
  name: string;
  unit: string;
  expectedSku: string | null;
}

async function readLabeledLines(file: string): Promise<LabeledLine[]> {
  const table = await readTable(file);
  const column = (name: string): number => {
    const index = table.headers.findIndex((header) => header.trim().toLowerCase() === name);
    if (index < 0) {
      throw new UserError('column_not_found', {
        ru: `Нет столбца «${name}». Нужны столбцы id, name, unit, expected_sku.`,
        en: `Column "${name}" not found. Required columns: id, name, unit, expected_sku.`,
      }, { file });
    }
    return index;
  };
  const [id, name, unit, expected] = [column('id'), column('name'), column('unit'), column('expected_sku')];
  return table.rows.map((row) => ({
    id: row.cells[id] ?? String(row.rowNumber),
    name: row.cells[name] ?? '',
    unit: row.cells[unit] ?? '',
    expectedSku: (row.cells[expected] ?? '').trim() || null,
  }));
}

function rows(product: QualityFigures, baseline: QualityFigures): string[][] {
  const format = (value: number): string => value.toFixed(3);
  return [
    ['top-1 accuracy on lines with an item', format(product.top1), format(baseline.top1)],
    ['precision of matched', format(product.matchedPrecision), format(baseline.matchedPrecision)],
    ['no-item lines kept out of matched', format(product.noItemKeptOut), format(baseline.noItemKeptOut)],
    ['lines with an item matched automatically and correctly', format(product.autoMatchedCorrect), format(baseline.autoMatchedCorrect)],
    ['lines marked matched', String(product.matchedCount), String(baseline.matchedCount)],
  ];
}

function table(lines: string[][]): string {
  const widths = lines[0]!.map((_, column) => Math.max(...lines.map((line) => (line[column] ?? '').length)));
  return lines.map((line) => line.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')).join('\n') + '\n';
}

const argv = process.argv.slice(2);
main(argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const lang = detectLanguage(argv);
    process.stderr.write(`${error instanceof UserError ? error.format(lang) : error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
