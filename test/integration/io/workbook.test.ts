import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { parsePrice } from '../../../src-main/io/price.js';
import { readTable, type RawTable } from '../../../src-main/io/read-table.js';
import { XLSX } from '../../../src-main/io/sheetjs.js';
import { rawFixture, tempFolder, userErrorOf } from './helpers.js';

type BookType = 'xlsx' | 'xls' | 'ods';

let source: RawTable;

beforeAll(async () => {
  source = await readTable(rawFixture('azap026_PyQtDesigner__1111.csv'));
});

/** Convert the real rows to spreadsheet cells: prices that parse become numbers, the rest stay text. */
function priceSheetRows(): (string | number)[][] {
  const rows = source.rows.slice(0, 60).map((row) => {
    const [name = '', priceText = '', , , unit = ''] = row.cells;
    const price = parsePrice(priceText);
    const article = /^\*(\d{11})/.exec(name)?.[1];
    return [name, unit, typeof price === 'number' ? price : priceText, article === undefined ? '' : Number(article)];
  });
  rows.push(['Штукатурка гипсовая Knauf Ротбанд 30 кг', 'меш', '25.апр', '']);
  return rows;
}

/**
 * Write a workbook in the given format with SheetJS: an empty first sheet, a price sheet that
 * starts with a title row, and a second data sheet.
 */
function writeWorkbook(bookType: BookType): string {
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([]), 'Пусто');
  XLSX.utils.book_append_sheet(
    workbook,
    XLSX.utils.aoa_to_sheet([['Прайс-лист Терем'], [], ['Наименование', 'Ед. изм.', 'Цена', 'Артикул'], ...priceSheetRows()]),
    'Прайс',
  );
  XLSX.utils.book_append_sheet(
    workbook,
    XLSX.utils.aoa_to_sheet([
      ['sku', 'name', 'unit', 'category'],
      ['TER-12202', '*11301011005 REHAU RAUTITAN stabil труба универсальная 32х4.7 мм', 'шт', 'pipes/plumbing'],
    ]),
    'Каталог',
  );

  const file = join(tempFolder(), `prices.${bookType}`);
  writeFileSync(file, XLSX.write(workbook, { type: 'buffer', bookType }) as Buffer);
  return file;
}

describe.each<BookType>(['xlsx', 'xls', 'ods'])('readTable on %s written by SheetJS', (bookType) => {
  it('defaults to the first non-empty sheet and reads the real rows back', async () => {
    const file = writeWorkbook(bookType);
    const expected = priceSheetRows();

    const table = await readTable(file);

    expect(table.format).toBe(bookType);
    expect(table.sheetName).toBe('Прайс');
    expect(table.sheetNames).toEqual(['Пусто', 'Прайс', 'Каталог']);
    expect(table.headerRowNumber).toBe(3);
    expect(table.headers).toEqual(['Наименование', 'Ед. изм.', 'Цена', 'Артикул']);
    expect(table.rows).toHaveLength(expected.length);
    expect(table.rows[0]?.rowNumber).toBe(4);
    table.rows.forEach((row, index) => {
      const [name, unit, price, article] = expected[index] ?? [];
      expect(row.cells[0]).toBe(name);
      expect(row.cells[1]).toBe(unit);
      expect(row.cells[2]).toBe(String(price));
      expect(row.cells[3]).toBe(String(article));
    });
  });

  it('keeps long article codes and text prices as written', async () => {
    const table = await readTable(writeWorkbook(bookType));

    expect(table.rows[0]?.cells[3]).toBe('11301011005');
    expect(table.rows[0]?.cells[2]).toBe('7153.5');
    expect(table.rows.at(-1)?.cells[2]).toBe('25.апр');
  });

  it('chooses a sheet by name and by 1-based number', async () => {
    const file = writeWorkbook(bookType);

    const byName = await readTable(file, { sheet: 'Каталог' });
    const byNumber = await readTable(file, { sheet: 3 });
    const byDigits = await readTable(file, { sheet: '3' });

    expect(byName.sheetName).toBe('Каталог');
    expect(byName.headers).toEqual(['sku', 'name', 'unit', 'category']);
    expect(byName.rows[0]?.cells[0]).toBe('TER-12202');
    expect(byNumber.rows).toEqual(byName.rows);
    expect(byDigits.rows).toEqual(byName.rows);
  });

  it('reports an unknown sheet with the sheet names', async () => {
    const file = writeWorkbook(bookType);

    const error = await userErrorOf(readTable(file, { sheet: 'Лист1' }));

    expect(error.code).toBe('sheet_not_found');
    expect(error.place).toEqual({ file, sheet: 'Лист1' });
    expect(error.text.ru).toContain('1 «Пусто», 2 «Прайс», 3 «Каталог»');
  });

  it('reports an empty sheet chosen by number', async () => {
    const file = writeWorkbook(bookType);

    const error = await userErrorOf(readTable(file, { sheet: 1 }));

    expect(error.code).toBe('sheet_empty');
    expect(error.place).toEqual({ file, sheet: 'Пусто' });
  });
});

describe('readTable format sniffing', () => {
  it('reads an xlsx workbook saved under a .csv name', async () => {
    const folder = tempFolder();
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([['name', 'price'], ['Цемент М500', 520]]), 'Лист1');
    const file = join(folder, 'export.csv');
    writeFileSync(file, XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer);

    const table = await readTable(file);

    expect(table.format).toBe('xlsx');
    expect(table.rows).toEqual([{ rowNumber: 2, cells: ['Цемент М500', '520'] }]);
  });

  it('reads CSV text saved under an .xlsx name', async () => {
    const file = join(tempFolder(), 'renamed.xlsx');
    writeFileSync(file, 'name;price\nЦемент М500;2 519,00\n');

    const table = await readTable(file);

    expect(table.format).toBe('csv');
    expect(table.rows[0]?.cells).toEqual(['Цемент М500', '2 519,00']);
  });
});
