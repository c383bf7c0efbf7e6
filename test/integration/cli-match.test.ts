// `npm run match` run as a child process on real price lists, checked through its output files,
// its messages and exit codes, the results database and the catalog index it leaves behind.

import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import * as XLSX from '@e965/xlsx';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = 'src-main/cli/match.ts';
const RUN_TIMEOUT_MS = 60_000;

const CATALOG = 'test/fixtures/data/catalog.csv';
const RAW = 'test/fixtures/data/raw';
const CLI_FIXTURES = 'test/fixtures/cli';
const AZAP_299_PRODUCTS = `${CLI_FIXTURES}/azap026_first_299_products.csv`;
const AZAP_39_UTF8 = `${CLI_FIXTURES}/azap026_first_39_products_utf8.csv`;
const AZAP_39_CP1251 = `${CLI_FIXTURES}/azap026_first_39_products_cp1251.csv`;
const AZAP_BAD_LINES = `${CLI_FIXTURES}/azap026_bad_lines.csv`;
const NAMES_REMOVED = `${CLI_FIXTURES}/large_supplier_names_removed.csv`;
const SUPPLIER_51_LINES = `${RAW}/etronicspy_rag-stroyactiv/tests_data_large_supplier_50_materials.csv`;
const SUPPLIER_2_LINES = `${RAW}/etronicspy_rag-stroyactiv/tests_data_test_price_v1.csv`;
const SHOP_TSV = `${RAW}/demoexam_shop_dump__products_only.tsv`;

const MATCH_COLUMNS = [
  'status',
  'sku',
  'catalog_name',
  'catalog_unit',
  'score',
  'normalized_unit',
  'unit_coefficient',
  'price_per_catalog_unit',
  'normalized_color',
  'candidates',
  'reasons',
  'error',
];
const STATUSES = ['matched', 'needs_review', 'no_match', 'failed'];
const AZAP_COLUMNS = ['id', 'name', 'price', 'image_url', 'product_url', 'unit', 'consumption', 'weight'];
const SUPPLIER_COLUMNS = ['id', 'name', 'use_category', 'unit', 'price'];
const CANDIDATE = /^(\S+) \((\d\.\d{2})\)$/;

type OutputRow = Record<string, unknown>;

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

const tempDirs: string[] = [];

afterAll(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mm-cli-'));
  tempDirs.push(dir);
  return dir;
}

/** Run the CLI from the repository root. The default data folder points into `dir`, so a run without --data-dir stays there. */
function runMatch(args: string[], dir: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [CLI, ...args], {
      cwd: ROOT,
      env: { ...process.env, MATERIALS_MATCHER_DATA_DIR: path.join(dir, 'default-data') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));

    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`match ${args.join(' ')} timed out after ${RUN_TIMEOUT_MS} ms\n${stderr}`));
    }, RUN_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Build the options of a run on the repository's catalog with its own data folder. */
function matchArgs(input: string, out: string, dataDir: string, ...extra: string[]): string[] {
  return ['--catalog', CATALOG, '--input', input, '--out', out, '--data-dir', dataDir, ...extra];
}

function readXlsx(file: string, sheet?: string): { header: string[]; rows: OutputRow[] } {
  const workbook = XLSX.read(readFileSync(file));
  const sheetName = sheet ?? workbook.SheetNames[0] ?? '';
  const worksheet = workbook.Sheets[sheetName];
  if (worksheet === undefined) throw new Error(`${file}: no sheet ${sheetName}`);

  const [header = [], ...body] = XLSX.utils.sheet_to_json<unknown[]>(worksheet, { header: 1, defval: '', raw: true });
  const columns = header.map(String);
  const rows = body.map((cells) => Object.fromEntries(columns.map((column, index) => [column, cells[index] ?? ''])));
  return { header: columns, rows };
}

function readJsonLines(file: string): OutputRow[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as OutputRow);
}

/** Parse CSV text with SheetJS, every cell kept as text. */
function parseCsvText(text: string): string[][] {
  const workbook = XLSX.read(text, { type: 'string', raw: true });
  const sheet = workbook.Sheets[workbook.SheetNames[0] ?? ''];
  if (sheet === undefined) return [];
  return XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, defval: '', raw: false });
}

/** Map each SKU of a catalog file to its name. */
function catalogItems(file: string = CATALOG): Map<string, string> {
  const [header = [], ...rows] = parseCsvText(readFileSync(path.join(ROOT, file), 'utf8'));
  const skuColumn = header.indexOf('sku');
  const nameColumn = header.indexOf('name');
  return new Map(rows.map((row) => [row[skuColumn] ?? '', row[nameColumn] ?? '']));
}

/** Split the data lines of a simple delimited file, one without quoted fields, into cells. */
function plainLines(file: string, delimiter: string, headerLines = 1): string[][] {
  const text = readFileSync(path.join(ROOT, file), 'utf8').replace(/^\uFEFF/, '');
  return text
    .split(/\r?\n/)
    .slice(headerLines)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(delimiter));
}

function names(rows: OutputRow[]): string[] {
  return rows.map((row) => String(row.name));
}

function statusCounts(rows: OutputRow[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[String(row.status)] = (counts[String(row.status)] ?? 0) + 1;
  return counts;
}

/** Check the match columns of every row against the contract: status, SKU and up to three candidates. */
function expectMatchColumns(rows: OutputRow[], catalog: Map<string, string>): void {
  for (const row of rows) {
    const where = `row id ${String(row.id)}`;
    expect(STATUSES, where).toContain(row.status);

    const sku = String(row.sku ?? '');
    if (row.status === 'matched') {
      expect(catalog.has(sku), `${where}: SKU ${sku} in the catalog`).toBe(true);
      expect(row.catalog_name, where).toBe(catalog.get(sku));
    }
    if (row.status === 'no_match' || row.status === 'failed') expect(sku, where).toBe('');

    const candidates = String(row.candidates ?? '');
    const entries = candidates === '' ? [] : candidates.split('; ');
    expect(entries.length, where).toBeLessThanOrEqual(3);
    for (const entry of entries) {
      const parsed = CANDIDATE.exec(entry);
      expect(parsed, `${where}: candidate "${entry}"`).not.toBeNull();
      expect(catalog.has(parsed?.[1] ?? ''), `${where}: candidate ${entry} in the catalog`).toBe(true);
    }
    if (row.status === 'matched') expect(entries.map((entry) => CANDIDATE.exec(entry)?.[1]), where).toContain(sku);
  }
}

interface StoredRow {
  material_id: string;
  processing_status: string;
  sku: string | null;
}

function readStore(dataDir: string): { requests: { request_id: string; status: string; materials_count: number }[]; results: (requestId: string) => StoredRow[] } {
  const db = new Database(path.join(dataDir, 'results.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const requests = db
      .prepare('SELECT request_id, status, materials_count FROM requests ORDER BY created_at, rowid')
      .all() as { request_id: string; status: string; materials_count: number }[];
    const byRequest = new Map<string, StoredRow[]>();
    for (const request of requests) {
      const rows = db
        .prepare('SELECT material_id, processing_status, sku FROM processing_results WHERE request_id = ? ORDER BY id')
        .all(request.request_id) as StoredRow[];
      byRequest.set(request.request_id, rows);
    }
    return { requests, results: (requestId) => byRequest.get(requestId) ?? [] };
  } finally {
    db.close();
  }
}

function readManifestVersion(dataDir: string): number {
  const manifest = JSON.parse(readFileSync(path.join(dataDir, 'sku-index', 'manifest.json'), 'utf8')) as { version: number };
  return manifest.version;
}

function statusById(rows: OutputRow[]): Record<string, string> {
  return Object.fromEntries(rows.map((row) => [String(row.id), String(row.status)]));
}

function storedStatusById(rows: StoredRow[]): Record<string, string> {
  return Object.fromEntries(rows.map((row) => [row.material_id, row.processing_status]));
}

describe('match CLI output files', () => {
  const catalog = catalogItems();

  it('writes XLSX from a semicolon CSV', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'result.xlsx');
    const inputNames = plainLines(AZAP_299_PRODUCTS, ';', 2).map((cells) => cells[0]);

    const run = await runMatch(matchArgs(AZAP_299_PRODUCTS, out, path.join(dir, 'data'), '--lang', 'en'), dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('Done: 299 lines');
    expect(run.stdout).toBe('');

    const { header, rows } = readXlsx(out);
    expect(header).toEqual([...AZAP_COLUMNS, ...MATCH_COLUMNS]);
    expect(rows).toHaveLength(inputNames.length);
    expect(names(rows)).toEqual(inputNames);
    expect(rows.map((row) => row.id)).toEqual(inputNames.map((_, index) => String(index + 2)));
    expectMatchColumns(rows, catalog);
    expect(statusCounts(rows).matched).toBeGreaterThan(0);
  });

  it('writes JSON Lines', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'result.jsonl');
    const input = plainLines(SUPPLIER_51_LINES, ',');

    const run = await runMatch(matchArgs(SUPPLIER_51_LINES, out, path.join(dir, 'data'), '--lang', 'en'), dir);
    expect(run.code, run.stderr).toBe(0);

    const rows = readJsonLines(out);
    expect(rows).toHaveLength(input.length);
    expect(Object.keys(rows[0] ?? {})).toEqual([...SUPPLIER_COLUMNS, ...MATCH_COLUMNS]);
    expect(names(rows)).toEqual(input.map((cells) => cells[0]));
    expect(rows.map((row) => row.price)).toEqual(input.map((cells) => cells[3]));
    expectMatchColumns(rows, catalog);
    expect(statusCounts(rows).no_match).toBeGreaterThan(0);
  });

  it('writes CSV with a UTF-8 BOM', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'result.csv');
    const input = plainLines(SHOP_TSV, '\t');

    const run = await runMatch(matchArgs(SHOP_TSV, out, path.join(dir, 'data'), '--lang', 'en'), dir);
    expect(run.code, run.stderr).toBe(0);

    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const [header = [], ...cells] = parseCsvText(bytes.subarray(3).toString('utf8'));
    expect(header.slice(0, 2)).toEqual(['id', 'product_name']);
    expect(header.slice(-MATCH_COLUMNS.length)).toEqual(MATCH_COLUMNS);
    const rows = cells.map((row) => Object.fromEntries(header.map((column, index) => [column, row[index] ?? ''])));
    expect(rows).toHaveLength(input.length);
    expect(rows.map((row) => row.id)).toEqual(input.map((line) => line[0]));
    expect(rows.map((row) => row.product_name)).toEqual(input.map((line) => line[1]));
    expectMatchColumns(rows, catalog);
  });
});

describe('match CLI data folder', () => {
  it('stores each run as a request and keeps earlier ones', async () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    const firstOut = path.join(dir, 'first.jsonl');
    const secondOut = path.join(dir, 'second.jsonl');

    const first = await runMatch(matchArgs(SHOP_TSV, firstOut, dataDir, '--lang', 'ru'), dir);
    expect(first.code, first.stderr).toBe(0);
    const firstRows = readJsonLines(firstOut);
    const afterFirst = readStore(dataDir);
    expect(afterFirst.requests).toHaveLength(1);
    const firstRequest = afterFirst.requests[0]!;
    expect(firstRequest.status).toBe('completed');
    expect(firstRequest.materials_count).toBe(firstRows.length);
    expect(afterFirst.results(firstRequest.request_id)).toHaveLength(firstRows.length);
    expect(storedStatusById(afterFirst.results(firstRequest.request_id))).toEqual(statusById(firstRows));

    const second = await runMatch(matchArgs(SUPPLIER_51_LINES, secondOut, dataDir, '--lang', 'ru'), dir);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain('уже актуален');
    expect(readManifestVersion(dataDir)).toBe(1);

    const secondRows = readJsonLines(secondOut);
    const afterSecond = readStore(dataDir);
    expect(afterSecond.requests).toHaveLength(2);
    expect(afterSecond.requests[0]?.request_id).toBe(firstRequest.request_id);
    expect(afterSecond.results(firstRequest.request_id)).toEqual(afterFirst.results(firstRequest.request_id));
    const secondRequest = afterSecond.requests[1]!;
    expect(afterSecond.results(secondRequest.request_id)).toHaveLength(secondRows.length);
    expect(storedStatusById(afterSecond.results(secondRequest.request_id))).toEqual(statusById(secondRows));
  });

  it('rebuilds the index only after the catalog changed', async () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    const catalog = path.join(dir, 'catalog.csv');
    copyFileSync(path.join(ROOT, CATALOG), catalog);
    const args = ['--catalog', catalog, '--input', SUPPLIER_2_LINES, '--out', path.join(dir, 'out.jsonl'), '--data-dir', dataDir, '--lang', 'en'];

    const first = await runMatch(args, dir);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/index version 1 built in/);
    expect(readManifestVersion(dataDir)).toBe(1);

    const unchanged = await runMatch(args, dir);
    expect(unchanged.code, unchanged.stderr).toBe(0);
    expect(unchanged.stderr).toContain('index version 1 up to date');
    expect(readManifestVersion(dataDir)).toBe(1);

    const lines = readFileSync(catalog, 'utf8').trimEnd().split('\n');
    writeFileSync(catalog, lines.slice(0, -1).join('\n') + '\n');
    const changed = await runMatch(args, dir);
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.stderr).toMatch(/index version 2 built in/);
    expect(readManifestVersion(dataDir)).toBe(2);
  });
});

describe('match CLI input formats', () => {
  it('reads a Windows-1251 CSV like its UTF-8 original', async () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    const utf8Out = path.join(dir, 'utf8.jsonl');
    const cp1251Out = path.join(dir, 'cp1251.jsonl');
    const expectedNames = plainLines(AZAP_39_UTF8, ';', 2).map((cells) => cells[0]);

    const utf8 = await runMatch(matchArgs(AZAP_39_UTF8, utf8Out, dataDir), dir);
    expect(utf8.code, utf8.stderr).toBe(0);
    const cp1251 = await runMatch(matchArgs(AZAP_39_CP1251, cp1251Out, dataDir), dir);
    expect(cp1251.code, cp1251.stderr).toBe(0);

    const utf8Rows = readJsonLines(utf8Out);
    const cp1251Rows = readJsonLines(cp1251Out);
    expect(names(utf8Rows)).toEqual(expectedNames);
    expect(names(cp1251Rows)).toEqual(expectedNames);
    expect(cp1251Rows.map((row) => row.sku)).toEqual(utf8Rows.map((row) => row.sku));
    expect(cp1251Rows.map((row) => row.unit)).toEqual(utf8Rows.map((row) => row.unit));
  });

  it('reads the sheet chosen by --sheet', async () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    const workbookFile = path.join(dir, 'two-sheets.xlsx');
    const shopLines = [['article', 'product_name', 'price'], ...plainLines(SHOP_TSV, '\t').map((cells) => [cells[0], cells[1], cells[6]])];
    const supplierLines = [['name', 'use_category', 'unit', 'price'], ...plainLines(SUPPLIER_51_LINES, ',')];
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(shopLines), 'Остатки');
    XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(supplierLines), 'Прайс');
    writeFileSync(workbookFile, XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const expectedNames = supplierLines.slice(1).map((cells) => cells[0]);

    const byNumber = await runMatch(matchArgs(workbookFile, path.join(dir, 'by-number.jsonl'), dataDir, '--sheet', '2'), dir);
    expect(byNumber.code, byNumber.stderr).toBe(0);
    expect(names(readJsonLines(path.join(dir, 'by-number.jsonl')))).toEqual(expectedNames);

    const byName = await runMatch(matchArgs(workbookFile, path.join(dir, 'by-name.jsonl'), dataDir, '--sheet', 'Прайс'), dir);
    expect(byName.code, byName.stderr).toBe(0);
    expect(names(readJsonLines(path.join(dir, 'by-name.jsonl')))).toEqual(expectedNames);

    const missing = await runMatch(matchArgs(workbookFile, path.join(dir, 'missing.jsonl'), dataDir, '--sheet', '3', '--lang', 'en'), dir);
    expect(missing.code, missing.stderr).toBe(1);
    expect(missing.stderr).toContain('Sheet "3" was not found');
    expect(missing.stderr).toContain('1 «Остатки», 2 «Прайс»');
  });
});

describe('match CLI bad input', () => {
  it('names a missing input file', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'no-such-price-list.xlsx');
    const out = path.join(dir, 'out.xlsx');

    const run = await runMatch(matchArgs(input, out, path.join(dir, 'data'), '--lang', 'en'), dir);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(`${input}: File not found`);
    expect(existsSync(out)).toBe(false);
  });

  it('rejects a missing --out with exit 2', async () => {
    const dir = tempDir();

    const run = await runMatch(['--catalog', CATALOG, '--input', SUPPLIER_2_LINES, '--data-dir', path.join(dir, 'data'), '--lang', 'en'], dir);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('missing --out');
    expect(existsSync(path.join(dir, 'data'))).toBe(false);
  });

  it('names a missing option in Russian', async () => {
    const dir = tempDir();

    const run = await runMatch(['--catalog', CATALOG, '--input', SUPPLIER_2_LINES, '--data-dir', path.join(dir, 'data'), '--lang', 'ru'], dir);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('Неверные параметры: не указан --out');
    expect(run.stderr).not.toContain('missing');
  });

  it('names an unknown option in Russian', async () => {
    const dir = tempDir();

    const run = await runMatch([...matchArgs(SUPPLIER_2_LINES, path.join(dir, 'out.csv'), path.join(dir, 'data')), '--bogus', '--lang', 'ru'], dir);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('неизвестный параметр --bogus');
  });

  it('rejects an unsupported output extension', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'result.txt');

    const run = await runMatch(matchArgs(SUPPLIER_2_LINES, out, path.join(dir, 'data'), '--lang', 'en'), dir);
    expect(run.code, run.stderr).not.toBe(0);
    expect(run.stderr).toContain(`${out}: Output format ".txt" is not supported`);
    expect(run.stderr).toContain('.xlsx');
    expect(existsSync(out)).toBe(false);
  });

  it('checks the output extension before matching', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'data');

    const run = await runMatch(matchArgs(SUPPLIER_2_LINES, path.join(dir, 'result.txt'), data, '--lang', 'en'), dir);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).not.toContain('Catalog:');
    expect(existsSync(path.join(data, 'results.sqlite'))).toBe(false);
  });

  it('lists the headers for an unknown --name-col', async () => {
    const dir = tempDir();

    const run = await runMatch(matchArgs(AZAP_39_UTF8, path.join(dir, 'out.jsonl'), path.join(dir, 'data'), '--name-col', 'Товар', '--lang', 'en'), dir);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain('Column "Товар" given by --name-col was not found');
    for (const [index, header] of AZAP_COLUMNS.slice(1).entries()) expect(run.stderr).toContain(`${index + 1} «${header}»`);
  });

  it('fails when every name is empty', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'out.jsonl');

    const run = await runMatch(matchArgs(NAMES_REMOVED, out, path.join(dir, 'data'), '--lang', 'en'), dir);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(`${NAMES_REMOVED}, column "name": No row has a name`);
    expect(existsSync(out)).toBe(false);
  });

  it('skips a nameless line and keeps a bad price', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'out.jsonl');
    const goodNames = plainLines(AZAP_BAD_LINES, ';', 2)
      .map((cells) => cells[0])
      .filter((name) => name !== '');

    const run = await runMatch(matchArgs(AZAP_BAD_LINES, out, path.join(dir, 'data'), '--lang', 'en'), dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`Warning: ${AZAP_BAD_LINES}, row 8, column "name": The name is empty, the line is skipped.`);
    expect(run.stderr).toContain(`Warning: ${AZAP_BAD_LINES}, row 9, column "price": Price "25.апр" is not a number`);

    const rows = readJsonLines(out);
    expect(names(rows)).toEqual(goodNames);
    const brick = rows.find((row) => row.id === '9');
    expect(brick?.price).toBe('25.апр');
    expect(brick?.price_per_catalog_unit).toBeNull();
  });
});

describe('match CLI demo', () => {
  it('matches the demo price list', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'demo-result.xlsx');
    const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const [tsx, cli, ...demoArgs] = (packageJson.scripts.demo ?? '').split(' ');
    expect([tsx, cli]).toEqual(['tsx', CLI]);
    const outIndex = demoArgs.indexOf('--out');
    expect(demoArgs[outIndex + 1]).toBe('demo-result.xlsx');
    demoArgs[outIndex + 1] = out;

    const priceList = XLSX.read(readFileSync(path.join(ROOT, 'resources/demo/price-list.xlsx')));
    const lines = XLSX.utils
      .sheet_to_json<unknown[]>(priceList.Sheets[priceList.SheetNames[0] ?? '']!, { header: 1, defval: '' })
      .filter((cells) => cells[1] !== '' && cells[1] !== 'Наименование');

    const run = await runMatch([...demoArgs, '--data-dir', path.join(dir, 'data'), '--lang', 'en'], dir);
    expect(run.code, run.stderr).toBe(0);

    const { header, rows } = readXlsx(out);
    expect(header).toEqual(['id', 'Наименование', 'Ед. изм.', 'Цена', ...MATCH_COLUMNS]);
    expect(rows).toHaveLength(lines.length);
    expect(rows.map((row) => row['Наименование'])).toEqual(lines.map((cells) => String(cells[1])));
    expect(rows.map((row) => row.id)).toEqual(lines.map((cells) => String(cells[0])));
    expectMatchColumns(rows, catalogItems('resources/demo/catalog.csv'));
    const counts = statusCounts(rows);
    expect(counts.matched).toBeGreaterThan(0);
    expect(counts.no_match).toBeGreaterThan(0);
  });
});
