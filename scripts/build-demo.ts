// Builds the demo files of `npm run demo` in resources/demo: catalog.csv, a copy of the data set's
// catalog, and price-list.xlsx, a supplier price list of real lines from dev/queries.csv and from
// the Petrovich/Teremopt scrape raw/azap026_PyQtDesigner__1111.csv. The selection is fixed, so a
// rebuild from the same data set gives the same lines.
//
// Usage: npx tsx scripts/build-demo.ts [DATA_DIR]
// DATA_DIR contains catalog.csv, dev/queries.csv and raw/; the default is ../shared/data next to
// the repository.

import { chmod, copyFile, mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { parsePrice } from '../src-main/io/price.js';
import { readTable, type RawTable } from '../src-main/io/read-table.js';
import { XLSX } from '../src-main/io/sheetjs.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEMO_DIR = path.join(REPO_ROOT, 'resources', 'demo');
const DEFAULT_DATA_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'data');

/** Every fourth query line is left out, which keeps 154 of the 205 lines. */
const QUERY_SKIP_EVERY = 4;
const SCRAPE_LINES = 50;

const TITLE = 'Прайс-лист на строительные материалы и сантехнику (демонстрационный)';
const HEADERS = ['Код', 'Наименование', 'Ед. изм.', 'Цена'] as const;
const SHEET_NAME = 'Прайс';
const PRICE_FORMAT = '#,##0.00';

interface DemoLine {
  code: string;
  name: string;
  unit: string;
  /** Number when the source price parses, else the source text. */
  price: number | string;
}

async function main(): Promise<void> {
  const dataDir = path.resolve(process.argv[2] ?? DEFAULT_DATA_DIR);
  await checkDataDir(dataDir);
  await mkdir(DEMO_DIR, { recursive: true });

  const catalog = path.join(DEMO_DIR, 'catalog.csv');
  await copyFile(path.join(dataDir, 'catalog.csv'), catalog);
  await chmod(catalog, 0o644);

  const queries = await readTable(path.join(dataDir, 'dev', 'queries.csv'));
  const scrape = await readTable(path.join(dataDir, 'raw', 'azap026_PyQtDesigner__1111.csv'));
  const lines = [...queryLines(queries), ...scrapeLines(scrape)];
  lines.sort((a, b) => a.name.localeCompare(b.name, 'ru'));

  const output = path.join(DEMO_DIR, 'price-list.xlsx');
  await writeFile(output, priceListWorkbook(lines));
  process.stdout.write(`${output}: ${lines.length} lines\n${catalog}: copied\n`);
}

async function checkDataDir(dataDir: string): Promise<void> {
  try {
    await stat(path.join(dataDir, 'dev', 'queries.csv'));
  } catch {
    throw new Error(`Data set not found in ${dataDir}: pass the folder that contains catalog.csv, dev/queries.csv and raw/ as the first argument.`);
  }
}

/** Take the query lines with their id, name, unit and price. The expected SKU and the other labels stay out. */
function queryLines(table: RawTable): DemoLine[] {
  const column = columnIndexes(table, ['id', 'name', 'unit', 'price']);
  return table.rows
    .filter((_, index) => index % QUERY_SKIP_EVERY !== QUERY_SKIP_EVERY - 1)
    .map((row) => ({
      code: row.cells[column.id] ?? '',
      name: row.cells[column.name] ?? '',
      unit: row.cells[column.unit] ?? '',
      price: priceValue(row.cells[column.price] ?? ''),
    }));
}

/**
 * Pick scraped lines spread evenly over the file, with a numeric price and a name seen once. The code is
 * the store's product id from the URL, as a supplier would list its own article.
 */
function scrapeLines(table: RawTable): DemoLine[] {
  const column = columnIndexes(table, ['name', 'price', 'unit', 'product_url']);
  const seenNames = new Set<string>();
  const eligible: DemoLine[] = [];

  for (const row of table.rows) {
    const name = (row.cells[column.name] ?? '').trim();
    const price = parsePrice(row.cells[column.price]);
    if (name === '' || typeof price !== 'number' || seenNames.has(name)) continue;
    seenNames.add(name);
    eligible.push({ code: productId(row.cells[column.product_url] ?? ''), name, unit: row.cells[column.unit] ?? '', price });
  }

  const step = Math.max(1, Math.floor(eligible.length / SCRAPE_LINES));
  return eligible.filter((_, index) => index % step === 0).slice(0, SCRAPE_LINES);
}

function columnIndexes<T extends string>(table: RawTable, names: readonly T[]): Record<T, number> {
  const indexes = {} as Record<T, number>;
  for (const name of names) {
    const index = table.headers.indexOf(name);
    if (index < 0) throw new Error(`${table.file}: column "${name}" not found among ${table.headers.join(', ')}`);
    indexes[name] = index;
  }
  return indexes;
}

function priceValue(text: string): number | string {
  const price = parsePrice(text);
  return typeof price === 'number' ? price : text;
}

/** Extract the product id from a Petrovich (`/product/123/`) or Teremopt (`detail.php?ID=123`) URL. */
function productId(url: string): string {
  return /\/product\/(\d+)/.exec(url)?.[1] ?? /[?&]ID=(\d+)/.exec(url)?.[1] ?? '';
}

/** Write one sheet: a title row, a blank row, the header row and the lines, with prices as number cells. */
function priceListWorkbook(lines: readonly DemoLine[]): Buffer {
  const rows: (string | number)[][] = [[TITLE], [], [...HEADERS]];
  for (const line of lines) rows.push([line.code, line.name, line.unit, line.price]);

  const sheet = XLSX.utils.aoa_to_sheet(rows);
  for (let index = 0; index < lines.length; index++) {
    const cell = sheet[XLSX.utils.encode_cell({ r: index + 3, c: 3 })] as XLSX.CellObject | undefined;
    if (cell?.t === 'n') cell.z = PRICE_FORMAT;
  }
  sheet['!cols'] = [{ wch: 12 }, { wch: 90 }, { wch: 16 }, { wch: 12 }];

  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheet, SHEET_NAME);
  return XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
