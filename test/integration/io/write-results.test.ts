import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { readPriceList } from '../../../src-main/io/price-list.js';
import { readTable } from '../../../src-main/io/read-table.js';
import { XLSX } from '../../../src-main/io/sheetjs.js';
import { writeResults, type ResultRecord } from '../../../src-main/io/write-results.js';
import { rawFixture, tempFolder, userErrorOf } from './helpers.js';

const HOSTILE = '=HYPERLINK("http://x","y")';
const COLUMNS = ['id', 'name', 'unit', 'price', 'status', 'sku', 'score', 'unit_coefficient'];

/** Result rows built from real azap026 lines, plus a hostile supplier name and edge values. */
async function sampleRecords(): Promise<ResultRecord[]> {
  const { lines } = await readPriceList(rawFixture('azap026_PyQtDesigner__1111.csv'));
  const records: ResultRecord[] = lines.slice(0, 20).map((line, index) => ({
    id: line.id,
    name: line.name,
    unit: line.unit,
    price: line.price ?? null,
    status: index % 2 === 0 ? 'matched' : 'needs_review',
    sku: index % 2 === 0 ? `TER-${12202 + index}` : null,
    score: Number((0.5 + index / 100).toFixed(2)),
    unit_coefficient: index % 3 === 0 ? null : 1,
  }));
  records.push(
    { id: 'x1', name: HOSTILE, unit: '+шт', price: -5, status: 'no_match', sku: null, score: null, unit_coefficient: -0.5 },
    { id: 'x2', name: 'Кабель ВВГнг 3х1,5 "Кольчугино"\nбухта 100 м', unit: '@м', price: null, status: 'failed', sku: '-5', score: 0, unit_coefficient: null },
  );
  return records;
}

function leftovers(folder: string): string[] {
  return readdirSync(folder).filter((name) => name.endsWith('.tmp'));
}

describe('writeResults to CSV', () => {
  it('writes UTF-8 with a byte-order mark and reads back the same', async () => {
    const folder = tempFolder();
    const file = join(folder, 'result.csv');
    const records = await sampleRecords();

    await writeResults(file, COLUMNS, records);
    const bytes = readFileSync(file);
    const table = await readTable(file);

    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(table.delimiter).toBe(',');
    expect(table.headers).toEqual(COLUMNS);
    expect(table.rows).toHaveLength(records.length);
    expect(table.rows[0]?.cells).toEqual([
      '2',
      '*11301011005 REHAU RAUTITAN stabil труба универсальная 32х4.7 мм, прямые отрезки 5 м из сшитого полиэтилена',
      'Цена за штуку',
      '7153.5',
      'matched',
      'TER-12202',
      '0.5',
      '',
    ]);
    expect(leftovers(folder)).toEqual([]);
  });

  it('neutralizes formulas but keeps negative numbers', async () => {
    const file = join(tempFolder(), 'result.csv');

    await writeResults(file, COLUMNS, await sampleRecords());
    const table = await readTable(file);
    const [hostile, quoted] = table.rows.slice(-2).map((row) => row.cells);

    expect(hostile).toEqual(['x1', `'${HOSTILE}`, "'+шт", '-5', 'no_match', '', '', '-0.5']);
    expect(quoted?.[1]).toBe('Кабель ВВГнг 3х1,5 "Кольчугино"\nбухта 100 м');
    expect(quoted?.[2]).toBe("'@м");
    expect(quoted?.[5]).toBe('-5');
    expect(readFileSync(file, 'utf8')).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
  });
});

describe('writeResults to XLSX', () => {
  it('reads back the same values', async () => {
    const file = join(tempFolder(), 'result.xlsx');
    const records = await sampleRecords();

    await writeResults(file, COLUMNS, records, { statusColumn: 'status' });
    const table = await readTable(file);

    expect(table.format).toBe('xlsx');
    expect(table.headers).toEqual(COLUMNS);
    expect(table.rows).toHaveLength(records.length);
    table.rows.forEach((row, index) => {
      const record = records[index] ?? {};
      expect(row.cells).toEqual(COLUMNS.map((column) => (record[column] === null ? '' : String(record[column]))));
    });
  });

  it('writes a hostile name as a string cell, never a formula', async () => {
    const file = join(tempFolder(), 'result.xlsx');
    const records = await sampleRecords();

    await writeResults(file, COLUMNS, records);
    const workbook = XLSX.read(readFileSync(file), { type: 'buffer', cellFormula: true });
    const sheet = workbook.Sheets[workbook.SheetNames[0] ?? ''] ?? {};
    const row = records.length;
    const nameCell = sheet[XLSX.utils.encode_cell({ r: row - 1, c: 1 })];
    const priceCell = sheet[XLSX.utils.encode_cell({ r: row - 1, c: 3 })];

    expect(nameCell).toMatchObject({ t: 's', v: HOSTILE });
    expect(nameCell?.f).toBeUndefined();
    expect(priceCell).toMatchObject({ t: 'n', v: -5 });
    expect(Object.values(sheet).some((cell) => typeof cell === 'object' && cell !== null && 'f' in cell)).toBe(false);
  });

  it('adds an autofilter and column widths', async () => {
    const file = join(tempFolder(), 'result.xlsx');
    const records = await sampleRecords();

    await writeResults(file, COLUMNS, records);
    const workbook = XLSX.read(readFileSync(file), { type: 'buffer', cellStyles: true });
    const sheet = workbook.Sheets[workbook.SheetNames[0] ?? ''];

    expect(sheet?.['!autofilter']?.ref).toBe(`A1:H${records.length + 1}`);

    const styled = new ExcelJS.Workbook();
    await styled.xlsx.readFile(file);
    const first = styled.worksheets[0];
    expect(first?.getColumn(2).width).toBe(60);
    expect(first?.getColumn(1).width).toBeLessThan(10);
    expect(first?.getRow(1).font?.bold).toBe(true);
  });

  it('fills rows by status', async () => {
    const file = join(tempFolder(), 'result.xlsx');
    const columns = ['name', 'status'];
    const statuses = ['matched', 'needs_review', 'no_match', 'failed'];

    await writeResults(file, columns, statuses.map((status) => ({ name: `=1+2 ${status}`, status })), { statusColumn: 'status' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];

    const fills = statuses.map((_, i) => (sheet?.getRow(i + 2).getCell(1).fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb);
    expect(new Set(fills).size).toBe(4);
    expect(fills.every((fill) => typeof fill === 'string')).toBe(true);
    expect(sheet?.getRow(2).getCell(1).formula).toBeUndefined();
    expect(sheet?.getRow(2).getCell(1).value).toBe('=1+2 matched');
  });
});

describe('writeResults to JSON', () => {
  it('writes one JSON object per line in column order', async () => {
    const file = join(tempFolder(), 'result.jsonl');
    const records = await sampleRecords();

    await writeResults(file, COLUMNS, records);
    const lines = readFileSync(file, 'utf8').split('\n');

    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).map((line) => JSON.parse(line))).toEqual(records);
    expect(Object.keys(JSON.parse(lines[0] ?? '{}'))).toEqual(COLUMNS);
  });

  it('writes a .json file as one array', async () => {
    const file = join(tempFolder(), 'result.json');
    const records = await sampleRecords();

    await writeResults(file, COLUMNS, records);

    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(records);
  });

  it('fills missing fields with null', async () => {
    const file = join(tempFolder(), 'result.jsonl');

    await writeResults(file, ['id', 'sku'], [{ id: '1' }]);

    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ id: '1', sku: null });
  });
});

describe('writeResults errors', () => {
  it('rejects an unsupported extension and writes nothing', async () => {
    const folder = tempFolder();
    const file = join(folder, 'result.txt');

    const error = await userErrorOf(writeResults(file, COLUMNS, []));

    expect(error.code).toBe('output_unwritable');
    expect(error.place).toEqual({ file });
    expect(error.text.en).toContain('.csv, .xlsx, .jsonl, .json');
    expect(readdirSync(folder)).toEqual([]);
  });

  it('reports a missing folder', async () => {
    const file = join(tempFolder(), 'no-such-folder', 'result.csv');

    const error = await userErrorOf(writeResults(file, COLUMNS, []));

    expect(error.code).toBe('output_unwritable');
    expect(error.text.en).toContain('does not exist');
  });

  it('reports a folder in place of the file and leaves no temporary file', async () => {
    const folder = tempFolder();
    const target = join(folder, 'result.csv');
    mkdirSync(target);

    const error = await userErrorOf(writeResults(target, COLUMNS, []));

    expect(error.code).toBe('output_unwritable');
    expect(leftovers(folder)).toEqual([]);
  });

  it('replaces an existing file whole', async () => {
    const folder = tempFolder();
    const file = join(folder, 'result.csv');
    writeFileSync(file, 'old content that is longer than the new one '.repeat(100));

    await writeResults(file, ['id'], [{ id: '1' }]);

    expect(readFileSync(file, 'utf8')).toBe('\uFEFFid\r\n1\r\n');
    expect(existsSync(file)).toBe(true);
    expect(leftovers(folder)).toEqual([]);
  });
});
