// `npm run match`: match a price list against a catalog and write the result file.
// Exit code 0 when at least one line was processed, 1 when nothing could be, 2 for bad options.

import path from 'node:path';

import { SingleBar } from 'cli-progress';

import { DEFAULT_MATCHER } from '../../src-worker/pipeline/matcher.js';
import { dataPaths, defaultDataDir } from '../config/paths.js';
import { ensureIndex } from '../engine/catalog-index.js';
import { chooseEmbedder } from '../engine/embedder-choice.js';
import { countByStatus, runMatchJob } from '../engine/match-job.js';
import { outputColumns, outputRecord } from '../engine/output-records.js';
import { UserError } from '../errors.js';
import { readCatalog } from '../io/catalog.js';
import { readPriceList } from '../io/price-list.js';
import { checkOutputFormat, writeResults } from '../io/write-results.js';
import { supplierLineKey } from '../store/line-key.js';
import { ResultsStore } from '../store/results-store.js';
import { detectLanguage, MATCH_USAGE, parseMatchArgs } from './args.js';
import { printIssues, russianPlural, say } from './console.js';

async function main(argv: string[]): Promise<number> {
  const args = parseMatchArgs(argv);
  const lang = args.lang;
  if (args.help) {
    process.stdout.write(MATCH_USAGE[lang]);
    return 0;
  }
  const started = performance.now();
  const paths = dataPaths(path.resolve(args.dataDir ?? defaultDataDir()));

  try {
    checkOutputFormat(args.out);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    process.stderr.write(`${error.format(lang)}\n`);
    return 2;
  }

  const priceList = await readPriceList(args.input, {
    sheet: args.sheet,
    nameCol: args.nameCol,
    unitCol: args.unitCol,
    priceCol: args.priceCol,
    idCol: args.idCol,
  });
  printIssues(priceList.issues, lang);
  if (priceList.lines.length === 0) {
    say(lang, { ru: 'В прайс-листе нет строк для сопоставления.', en: 'The price list has no lines to match.' });
    return 1;
  }


  const catalog = await readCatalog(args.catalog, { sheet: args.catalogSheet });
  printIssues(catalog.issues, lang);
  const embedder = await chooseEmbedder(args.model);
  const { index, rebuilt, seconds } = await ensureIndex(paths.indexDir, catalog.items, embedder, path.resolve(args.catalog));
  say(lang, {
    ru: `Каталог: ${catalog.items.length} ${russianPlural(catalog.items.length, ['позиция', 'позиции', 'позиций'])}, индекс версии ${index.manifest.version} ${rebuilt ? `построен за ${seconds.toFixed(1)} с` : 'уже актуален'}.`,
    en: `Catalog: ${catalog.items.length} items, index version ${index.manifest.version} ${rebuilt ? `built in ${seconds.toFixed(1)} s` : 'up to date'}.`,
  });

  const store = ResultsStore.open(paths.resultsDb);
  const requestId = store.createRequest({
    source: 'cli',
    inputFile: path.resolve(args.input),
    catalogFile: path.resolve(args.catalog),
    catalogVersion: String(index.manifest.version),
    supplier: args.supplier,
    materialsCount: priceList.lines.length,
    settings: { acceptThreshold: args.acceptThreshold, reviewThreshold: args.reviewThreshold },
  });
  store.addPendingLines(
    requestId,
    priceList.lines.map((line, i) => ({
      materialId: line.id,
      name: line.name,
      unit: line.unit,
      rowNumber: line.rowNumber ?? null,
      price: line.price ?? null,
      input: priceList.inputRows[i] ?? null,
    })),
  );
  store.markRequest(requestId, 'running');

  const bar = process.stderr.isTTY ? new SingleBar({ format: ' {bar} {percentage}% | {value}/{total} | {eta_formatted}', hideCursor: true }) : null;
  bar?.start(priceList.lines.length, 0);
  const matchStarted = performance.now();
  const results = await runMatchJob({
    lines: priceList.lines,
    index,
    store,
    requestId,
    settings: {
      ...DEFAULT_MATCHER,
      acceptThreshold: args.acceptThreshold ?? DEFAULT_MATCHER.acceptThreshold,
      reviewThreshold: args.reviewThreshold ?? DEFAULT_MATCHER.reviewThreshold,
    },
    priorDecision: (line) => {
      const decision = store.findDecision(args.supplier, supplierLineKey(line.name, line.unit));
      return decision ? { action: decision.action, sku: decision.sku } : null;
    },
    onProgress: (done) => bar?.update(done),
  });
  bar?.stop();
  const matchSeconds = (performance.now() - matchStarted) / 1000;
  store.markRequest(requestId, 'completed');
  store.close();
  index.close();

  const columns = outputColumns(priceList.inputColumns);
  const records = results.map((result, i) =>
    outputRecord(priceList.inputColumns, priceList.inputRows[i] ?? {}, priceList.lines[i]!, result, lang),
  );
  await writeResults(args.out, columns, records, { statusColumn: 'status' });

  const counts = countByStatus(results);
  const totalSeconds = (performance.now() - started) / 1000;
  say(lang, {
    ru: `Готово: ${results.length} ${russianPlural(results.length, ['строка', 'строки', 'строк'])} за ${totalSeconds.toFixed(1)} с (сопоставление ${(results.length / matchSeconds).toFixed(0)} строк/с).
  сопоставлено: ${counts.matched}, на проверку: ${counts.needs_review}, нет в каталоге: ${counts.no_match}, ошибки: ${counts.failed}
  результат: ${path.resolve(args.out)}
  запрос ${requestId} сохранён в ${paths.resultsDb}`,
    en: `Done: ${results.length} lines in ${totalSeconds.toFixed(1)} s (matching ${(results.length / matchSeconds).toFixed(0)} lines/s).
  matched: ${counts.matched}, needs review: ${counts.needs_review}, no match: ${counts.no_match}, failed: ${counts.failed}
  output: ${path.resolve(args.out)}
  request ${requestId} stored in ${paths.resultsDb}`,
  });
  return counts.failed === results.length ? 1 : 0;
}

const argv = process.argv.slice(2);
main(argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const lang = detectLanguage(argv);
    if (error instanceof UserError) {
      process.stderr.write(`${error.format(lang)}\n`);
      process.exitCode = error.code === 'invalid_argument' ? 2 : 1;
      return;
    }
    process.stderr.write(`${lang === 'ru' ? 'Непредвиденная ошибка' : 'Unexpected error'}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);

