import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { formatPlace } from '../../../src-main/errors.js';
import { readCatalog, readPriceList } from '../../../src-main/io/price-list.js';
import { XLSX } from '../../../src-main/io/sheetjs.js';
import { dataFixture, ioFixture, rawFixture, tempFolder, userErrorOf } from './helpers.js';
import { REAL_FILES } from './real-files.js';

describe('readPriceList on real files', () => {
  it.each(REAL_FILES)('maps and reads $file', async (expected) => {
    const result = await readPriceList(rawFixture(expected.file));
    const header = (index: number | undefined) => (index === undefined ? undefined : result.table.headers[index]);

    expect(header(result.mapping.name)).toBe(expected.name);
    expect(header(result.mapping.unit)).toBe(expected.unit);
    expect(header(result.mapping.price)).toBe(expected.price);
    expect(header(result.mapping.id)).toBe(expected.id);
    expect(result.lines).toHaveLength(expected.rows);
    expect(result.inputRows).toHaveLength(expected.rows);
    expect(result.issues.filter((issue) => issue.code === 'line_price_invalid')).toHaveLength(expected.priceIssues);
    expect(new Set(result.lines.map((line) => line.id)).size).toBe(result.lines.length);
  });

  it('reads azap026 lines with mixed price formats', async () => {
    const file = rawFixture('azap026_PyQtDesigner__1111.csv');

    const result = await readPriceList(file);
    const byRow = new Map(result.lines.map((line) => [line.rowNumber, line]));

    expect(byRow.get(2)).toEqual({
      id: '2',
      name: '*11301011005 REHAU RAUTITAN stabil труба универсальная 32х4.7 мм, прямые отрезки 5 м из сшитого полиэтилена',
      unit: 'Цена за штуку',
      price: 7153.5,
      rowNumber: 2,
    });
    expect(byRow.get(22)?.price).toBe(1292);
    expect(byRow.get(24)?.price).toBe(26296);
    expect(byRow.get(379)?.price).toBeUndefined();
    expect(byRow.get(523)?.price).toBeUndefined();
  });

  it('reports each text price with file, row and column', async () => {
    const file = rawFixture('azap026_PyQtDesigner__1111.csv');

    const { issues } = await readPriceList(file);
    const rows = issues.map((issue) => issue.place.row);

    expect(rows).toEqual([452, 455, 523, 1300, 1301, 1303, 1314, 1317, 2243, 2244, 2245, 2246, 2250]);
    expect(issues[2]?.place).toEqual({ file, row: 523, column: 'price' });
    expect(issues[2]?.text.ru).toContain('«25.апр»');
    expect(formatPlace(issues[2]?.place ?? {}, 'ru')).toBe(`${file}, строка 523, столбец «price»: `);
  });

  it('keeps the input columns with the row number as id', async () => {
    const result = await readPriceList(rawFixture('azap026_PyQtDesigner__1111.csv'));

    expect(result.inputColumns).toEqual(['id', 'name', 'price', 'image_url', 'product_url', 'unit', 'consumption', 'weight']);
    expect(Object.keys(result.inputRows[0] ?? {})).toEqual(result.inputColumns);
    expect(result.inputRows[0]?.id).toBe('2');
    expect(result.inputRows[0]?.price).toBe('7153.5');
    expect(result.inputRows[0]?.product_url).toBe('https://lk.teremopt.ru/catalogue/detail.php?ID=12202');
  });

  it('renames the id column in place', async () => {
    const result = await readPriceList(rawFixture('demoexam_shop_dump__products_only.tsv'));

    expect(result.inputColumns.slice(0, 3)).toEqual(['id', 'product_name', 'id_category']);
    expect(result.inputRows[0]?.id).toBe('PMEZMH');
    expect(result.lines[0]).toMatchObject({ id: 'PMEZMH', name: 'Цемент', unit: '', price: 440 });
  });

  it('reads a Windows-1251 copy into the same lines', async () => {
    const utf8 = await readPriceList(rawFixture('garliccat_leroy_parser__leroy.csv'));
    const cp1251 = await readPriceList(ioFixture('garliccat_leroy_cp1251.csv'));

    expect(cp1251.lines).toEqual(utf8.lines);
    expect(cp1251.lines.find((line) => line.rowNumber === 2)?.price).toBe(567);
  });
});

describe('readPriceList on a supplier list with quirks', () => {
  const file = ioFixture('price-list-quirks.csv');

  it('maps Russian headers below the title rows', async () => {
    const { mapping, table } = await readPriceList(file);

    expect(table.headerRowNumber).toBe(4);
    expect(mapping).toEqual({ name: 1, unit: 2, price: 3, id: 4, article: 4 });
  });

  it('skips a line with no name and names file, row and column', async () => {
    const { lines, issues } = await readPriceList(file);
    const issue = issues.find((item) => item.code === 'line_name_missing');

    expect(lines.map((line) => line.rowNumber)).toEqual([5, 7, 8, 9, 10]);
    expect(issue?.place).toEqual({ file, row: 6, column: 'Наименование товара' });
  });

  it('keeps a line whose price is 25.апр without a price', async () => {
    const { lines, issues } = await readPriceList(file);
    const issue = issues.find((item) => item.code === 'line_price_invalid');

    expect(lines.find((line) => line.rowNumber === 7)).toEqual({
      id: 'LPDDM4',
      name: 'Штукатурка гипсовая Knauf Ротбанд 30 кг',
      unit: 'меш',
      rowNumber: 7,
    });
    expect(issue?.place).toEqual({ file, row: 7, column: 'Цена, руб.' });
    expect(issue?.text.en).toBe('Price "25.апр" is not a number, the line is kept without a price.');
  });

  it('reads prices with spaces, a no-break space and the rouble sign', async () => {
    const { lines } = await readPriceList(file);

    expect(lines.map((line) => line.price)).toEqual([2519, undefined, 1177, 7153.5, undefined]);
  });

  it('makes repeated ids unique and reports them', async () => {
    const { lines, issues, inputRows } = await readPriceList(file);
    const issue = issues.find((item) => item.code === 'line_id_duplicate');

    expect(lines.map((line) => line.id)).toEqual(['PMEZMH', 'LPDDM4', 'LPDDM4-2', '11301011005', '10']);
    expect(inputRows.map((row) => row.id)).toEqual(['PMEZMH', 'LPDDM4', 'LPDDM4-2', '11301011005', '10']);
    expect(issue?.place).toEqual({ file, row: 8, column: 'Артикул' });
    expect(issue?.text.en).toContain('row 7');
  });

  it('takes column overrides', async () => {
    const { lines, mapping } = await readPriceList(file, { idCol: '№ п/п', unitCol: 3 });

    expect(mapping.id).toBe(0);
    expect(mapping.unit).toBe(2);
    expect(lines.map((line) => line.id)).toEqual(['1', '3', '4', '5', '6']);
  });

  it('reads the same lines from an xlsx sheet chosen by name', async () => {
    const csv = await readPriceList(file);
    const workbook = XLSX.utils.book_new();
    const rows = [csv.table.headers, ...csv.table.rows.map((row) => row.cells)];
    XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([['Заметки'], ['Цены без НДС']]), 'Заметки');
    XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(rows), 'Прайс');
    const xlsx = join(tempFolder(), 'prices.xlsx');
    writeFileSync(xlsx, XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer);

    const result = await readPriceList(xlsx, { sheet: 'Прайс' });

    expect(result.lines.map(({ name, unit, price }) => ({ name, unit, price }))).toEqual(
      csv.lines.map(({ name, unit, price }) => ({ name, unit, price })),
    );
    expect(result.lines.map((line) => line.id)).toEqual(['PMEZMH', 'LPDDM4', 'LPDDM4-2', '11301011005', '7']);
    expect(result.issues.find((issue) => issue.code === 'line_name_missing')?.place).toEqual({
      file: xlsx,
      sheet: 'Прайс',
      row: 3,
      column: 'Наименование товара',
    });
  });
});

describe('readPriceList on bad input', () => {
  it('reports an override column that does not exist', async () => {
    const file = rawFixture('garliccat_leroy_parser__leroy.csv');

    const error = await userErrorOf(readPriceList(file, { nameCol: 'Товар' }));

    expect(error.code).toBe('column_not_found');
    expect(error.place).toEqual({ file, column: 'Товар' });
    expect(error.text.en).toContain('1 «title», 2 «category_0»');
  });

  it('reports a file with no name column', async () => {
    const file = join(tempFolder(), 'no-name.csv');
    writeFileSync(file, 'leroy_article,price\n10073940,338\n');

    const error = await userErrorOf(readPriceList(file));

    expect(error.code).toBe('column_not_found');
    expect(error.text.en).toContain('--name-col');
    expect(error.text.en).toContain('1 «leroy_article», 2 «price»');
  });

  it('reports a header-only file', async () => {
    const file = ioFixture('header-only.csv');

    const error = await userErrorOf(readPriceList(file));

    expect(error.code).toBe('sheet_empty');
    expect(error.place).toEqual({ file });
    expect(error.text.en).toContain('no data rows');
  });

  it('reports a table where no row has a name', async () => {
    const file = join(tempFolder(), 'no-names.csv');
    writeFileSync(file, 'Наименование;Цена\n;520\n;440\n');

    const error = await userErrorOf(readPriceList(file));

    expect(error.code).toBe('sheet_empty');
    expect(error.place).toEqual({ file, column: 'Наименование' });
  });

  it('reports a missing file', async () => {
    const error = await userErrorOf(readPriceList(join(tempFolder(), 'missing.xlsx')));

    expect(error.code).toBe('file_not_found');
  });
});

describe('readCatalog', () => {
  it('reads the reference catalog', async () => {
    const { items, issues } = await readCatalog(dataFixture('catalog.csv'));

    expect(items).toHaveLength(3769);
    expect(issues).toEqual([]);
    expect(items[0]).toEqual({
      sku: 'TER-12202',
      name: '*11301011005 REHAU RAUTITAN stabil труба универсальная 32х4.7 мм, прямые отрезки 5 м из сшитого полиэтилена',
      unit: 'шт',
      category: 'pipes/plumbing',
    });
  });

  it('skips rows without SKU or name and repeated SKUs', async () => {
    const file = ioFixture('catalog-quirks.csv');

    const { items, issues } = await readCatalog(file);

    expect(items.map((item) => item.sku)).toEqual(['TER-14374377', 'KAT-000129']);
    expect(items[1]?.category).toBeUndefined();
    expect(issues.map((issue) => [issue.code, issue.place.row, issue.place.column])).toEqual([
      ['catalog_sku_missing', 3, 'sku'],
      ['line_name_missing', 4, 'name'],
      ['catalog_sku_duplicate', 5, 'sku'],
    ]);
    expect(issues[2]?.text.en).toContain('row 2');
  });

  it('reports a header-only catalog as empty', async () => {
    const file = ioFixture('catalog-header-only.csv');

    const error = await userErrorOf(readCatalog(file));

    expect(error.code).toBe('catalog_empty');
    expect(error.place).toEqual({ file });
  });

  it('reports a catalog without a SKU column', async () => {
    const error = await userErrorOf(readCatalog(rawFixture('garliccat_leroy_parser__leroy.csv')));

    expect(error.code).toBe('column_not_found');
    expect(error.text.en).toContain('--sku-col');
  });

  it('takes column overrides', async () => {
    const { items } = await readCatalog(rawFixture('demoexam_shop_dump__products_only.tsv'), {
      skuCol: 'article',
      nameCol: 'description',
      categoryCol: 2,
    });

    expect(items).toHaveLength(30);
    expect(items[0]).toEqual({ sku: 'PMEZMH', name: 'Цемент Евроцемент М500 Д0 ЦЕМ I 42,5 50 кг', unit: '', category: 'Цемент' });
  });
});
