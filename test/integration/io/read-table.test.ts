import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { MAX_INPUT_BYTES, readTable } from '../../../src-main/io/read-table.js';
import { ioFixture, rawFixture, tempFolder, userErrorOf } from './helpers.js';
import { REAL_FILES } from './real-files.js';

describe('readTable on real CSV and TSV files', () => {
  it.each(REAL_FILES)('reads $file', async (expected) => {
    const table = await readTable(rawFixture(expected.file));

    expect(table.format).toBe('csv');
    expect(table.delimiter).toBe(expected.delimiter);
    expect(table.encoding).toBe(expected.encoding);
    expect(table.headerRowNumber).toBe(1);
    expect(table.rows).toHaveLength(expected.rows);
    expect(table.headers).toContain(expected.name);
    for (const row of table.rows) expect(row.cells).toHaveLength(table.headers.length);
  });

  it('strips the quoted newline from the first header and keeps prices as written', async () => {
    const table = await readTable(rawFixture('azap026_PyQtDesigner__1111.csv'));
    const byRow = new Map(table.rows.map((row) => [row.rowNumber, row.cells]));

    expect(table.headers).toEqual(['name', 'price', 'image_url', 'product_url', 'unit', 'consumption', 'weight']);
    expect(table.rows[0]?.rowNumber).toBe(2);
    expect(byRow.get(2)?.[0]).toMatch(/^\*11301011005 REHAU RAUTITAN stabil/);
    expect(byRow.get(2)?.[1]).toBe('7153.5');
    expect(byRow.get(22)?.[1]).toBe('1 292,00');
    expect(byRow.get(523)?.[1]).toBe('25.апр');
    expect(byRow.get(452)?.[1]).toBe('Ненайдена');
  });

  it('reads PostgreSQL \\N nulls in the TSV dump as empty', async () => {
    const table = await readTable(rawFixture('demoexam_shop_dump__products_only.tsv'));
    const photo = table.headers.indexOf('photo_path');
    const withNull = table.rows.find((row) => row.cells[0] === 'ZR70B4');

    expect(withNull?.cells[photo]).toBe('');
    expect(table.rows.some((row) => row.cells.includes('\\N'))).toBe(false);
  });

  it('reads JSON arrays with doubled quotes inside cells', async () => {
    const table = await readTable(rawFixture('lisichkinpavel_parsing_course__leroy.csv'));
    const pictures = table.headers.indexOf('pictures');

    expect(JSON.parse(table.rows[0]?.cells[pictures] ?? '')[0].url).toMatch(/^https:\/\/res\.cloudinary\.com\//);
    expect(table.headers).toContain('specs.Вес, кг');
  });

  it('reads a Windows-1251 copy the same as the UTF-8 file', async () => {
    const utf8 = await readTable(rawFixture('garliccat_leroy_parser__leroy.csv'));
    const cp1251 = await readTable(ioFixture('garliccat_leroy_cp1251.csv'));

    expect(cp1251.encoding).toBe('windows-1251');
    expect(cp1251.headers).toEqual(utf8.headers);
    expect(cp1251.rows).toEqual(utf8.rows);
    expect(cp1251.rows[0]?.cells[0]).toBe('Экран на батарею шестисекционный, металл');
  });

  it('finds the header below title rows and skips blank rows', async () => {
    const table = await readTable(ioFixture('price-list-quirks.csv'));

    expect(table.headerRowNumber).toBe(4);
    expect(table.headers).toEqual(['№ п/п', 'Наименование товара', 'Ед. изм.', 'Цена, руб.', 'Артикул']);
    expect(table.rows.map((row) => row.rowNumber)).toEqual([5, 6, 7, 8, 9, 10]);
  });

  it('returns a header-only table with no rows', async () => {
    const table = await readTable(ioFixture('header-only.csv'));

    expect(table.headers).toEqual(['Наименование', 'Ед. изм.', 'Цена']);
    expect(table.rows).toEqual([]);
  });

  it('names blank and repeated headers', async () => {
    const file = join(tempFolder(), 'headers.csv');
    writeFileSync(file, 'Наименование;;Цена;цена\nЦемент М500;меш;520;530\n');

    const table = await readTable(file);

    expect(table.headers).toEqual(['Наименование', 'column_2', 'Цена', 'цена_2']);
  });

  it('counts a leading sep= line as row 1', async () => {
    const file = join(tempFolder(), 'excel.csv');
    writeFileSync(file, 'sep=;\r\nname;price\r\nЦемент, 50 кг;520,00\r\n');

    const table = await readTable(file);

    expect(table.delimiter).toBe(';');
    expect(table.headerRowNumber).toBe(2);
    expect(table.rows).toEqual([{ rowNumber: 3, cells: ['Цемент, 50 кг', '520,00'] }]);
  });
});

describe('readTable on bad input', () => {
  it('reports a missing file', async () => {
    const file = join(tempFolder(), 'nope.csv');

    const error = await userErrorOf(readTable(file));

    expect(error.code).toBe('file_not_found');
    expect(error.place.file).toBe(file);
    expect(error.format('en')).toContain(file);
  });

  it('reports an empty file', async () => {
    const error = await userErrorOf(readTable(ioFixture('empty.csv')));

    expect(error.code).toBe('file_unreadable');
    expect(error.text.en).toContain('empty (0 bytes)');
    expect(error.place.file).toBe(ioFixture('empty.csv'));
  });

  it('reports a folder', async () => {
    const folder = tempFolder();

    const error = await userErrorOf(readTable(folder));

    expect(error.code).toBe('file_unreadable');
    expect(error.text.en).toContain('folder');
  });

  it('reports a file with only blank lines', async () => {
    const error = await userErrorOf(readTable(ioFixture('blank-lines.csv')));

    expect(error.code).toBe('sheet_empty');
    expect(error.place.file).toBe(ioFixture('blank-lines.csv'));
  });

  it('rejects an unsupported extension and lists the supported ones', async () => {
    const file = join(tempFolder(), 'prices.pdf');
    writeFileSync(file, '%PDF-1.4');

    const error = await userErrorOf(readTable(file));

    expect(error.code).toBe('file_format_unsupported');
    expect(error.text.en).toContain('.pdf');
    expect(error.text.en).toContain('.csv, .tsv, .txt, .xlsx, .xlsm, .xls, .ods');
  });

  it('rejects a file over the size limit without reading it', async () => {
    const file = join(tempFolder(), 'huge.csv');
    writeFileSync(file, '');
    truncateSync(file, MAX_INPUT_BYTES + 1);

    const error = await userErrorOf(readTable(file));

    expect(error.code).toBe('file_unreadable');
    expect(error.text.en).toContain('limit is 200 MB');
  });

  it('rejects binary content in a CSV', async () => {
    const file = join(tempFolder(), 'binary.csv');
    writeFileSync(file, Buffer.from([0x00, 0x9f, 0x92, 0x96, 0x00, 0x01, 0x02]));

    const error = await userErrorOf(readTable(file));

    expect(error.code).toBe('file_unreadable');
    expect(error.text.en).toContain('binary');
  });

  it('reports binary garbage named .xlsx as a damaged workbook', async () => {
    const file = join(tempFolder(), 'garbage.xlsx');
    writeFileSync(file, Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0x00, 0x41, 0x42]));

    const error = await userErrorOf(readTable(file));

    expect(error.code).toBe('file_unreadable');
    expect(error.text.en).toContain('not an Excel workbook');
    expect(error.place.file).toBe(file);
  });

  it('reports a broken workbook', async () => {
    const file = join(tempFolder(), 'broken.xlsx');
    writeFileSync(file, Buffer.concat([Buffer.from('PK\u0003\u0004'), readFileSync(rawFixture('garliccat_leroy_parser__leroy.csv')).subarray(0, 300)]));

    const error = await userErrorOf(readTable(file));

    expect(error.code).toBe('file_unreadable');
    expect(error.text.en).toContain('save it again as .xlsx or .csv');
  });
});
