import { describe, expect, it } from 'vitest';

import type { UserError } from '../../../src-main/errors.js';
import { findColumn, guessCatalogColumns, guessPriceListColumns } from '../../../src-main/io/columns.js';

const place = { file: 'prices.csv' };

/** Role names mapped to header text, so failures show headers rather than indexes. */
function named(headers: string[], mapping: object): Record<string, string | undefined> {
  const result: Record<string, string | undefined> = {};
  for (const [role, index] of Object.entries(mapping)) result[role] = headers[index as number];
  return result;
}

function thrown(action: () => unknown): UserError {
  try {
    action();
  } catch (error) {
    return error as UserError;
  }
  throw new Error('expected a UserError');
}

describe('guessPriceListColumns on real headers', () => {
  it.each([
    {
      file: 'azap026 1111.csv',
      headers: ['name', 'price', 'image_url', 'product_url', 'unit', 'consumption', 'weight'],
      expected: { name: 'name', price: 'price', unit: 'unit' },
    },
    {
      file: 'garliccat leroy.csv',
      headers: ['title', 'category_0', 'category_1', 'price', 'weight', 'color', 'country'],
      expected: { name: 'title', price: 'price' },
    },
    {
      file: 'demoexam products.tsv',
      headers: ['article', 'product_name', 'id_category', 'id_manufacturer', 'id_supplier', 'id_unit', 'price', 'discount_percent', 'stock_quantity', 'description', 'photo_path'],
      expected: { name: 'product_name', price: 'price', id: 'article', article: 'article' },
    },
    {
      file: 'etronicspy extended_format_sample.csv',
      headers: ['name', 'sku', 'use_category', 'unit_price', 'unit_price_currency', 'unit_calc_price', 'unit_calc_price_currency', 'buy_price', 'buy_price_currency', 'sale_price', 'sale_price_currency', 'calc_unit', 'count', 'date_price_change'],
      expected: { name: 'name', price: 'unit_price', unit: 'calc_unit', id: 'sku', article: 'sku' },
    },
    {
      file: 'etronicspy stroyactiv-table.csv',
      headers: ['sku', 'name', 'unit_price', 'unit_calc_coefficient', 'unit', 'unit_calc', 'unit_calc_weight_kg', 'unit_calc_volume_m3', 'category', 'unit_quantity', 'buy_price', 'sale_price', 'date_price_change', 'description'],
      expected: { name: 'name', price: 'unit_price', unit: 'unit', id: 'sku', article: 'sku' },
    },
    {
      file: 'Russian supplier list',
      headers: ['№ п/п', 'Наименование товара', 'Ед. изм.', 'Цена, руб.'],
      expected: { name: 'Наименование товара', unit: 'Ед. изм.', price: 'Цена, руб.', id: '№ п/п' },
    },
    {
      file: 'Russian list with article',
      headers: ['Код', 'Номенклатура', 'Единица измерения', 'Стоимость', 'Группа'],
      expected: { name: 'Номенклатура', unit: 'Единица измерения', price: 'Стоимость', id: 'Код' },
    },
  ])('maps $file', ({ headers, expected }) => {
    const mapping = guessPriceListColumns(headers, {}, place);

    expect(named(headers, mapping)).toEqual(expected);
  });

  it('takes overrides by header and by 1-based number', () => {
    const headers = ['title', 'category_0', 'category_1', 'price', 'weight', 'color', 'country'];

    const mapping = guessPriceListColumns(headers, { nameCol: 'category_1', unitCol: 5, priceCol: '4' }, place);

    expect(named(headers, mapping)).toEqual({ name: 'category_1', unit: 'weight', price: 'price' });
  });

  it('rejects an override naming a missing column', () => {
    const headers = ['title', 'price'];

    const error = thrown(() => guessPriceListColumns(headers, { priceCol: 'Цена' }, place));

    expect(error.code).toBe('column_not_found');
    expect(error.place).toEqual({ file: 'prices.csv', column: 'Цена' });
    expect(error.text.en).toContain('--price-col');
    expect(error.text.en).toContain('1 «title», 2 «price»');
  });

  it('rejects an override number past the last column', () => {
    const error = thrown(() => guessPriceListColumns(['title', 'price'], { nameCol: 3 }, place));

    expect(error.code).toBe('column_not_found');
    expect(error.text.ru).toContain('«3»');
  });

  it('reports a missing name column with the headers and the option', () => {
    const error = thrown(() => guessPriceListColumns(['_id', 'pictures', 'url'], {}, place));

    expect(error.code).toBe('column_not_found');
    expect(error.text.ru).toContain('наименования');
    expect(error.text.ru).toContain('1 «_id», 2 «pictures», 3 «url»');
    expect(error.text.ru).toContain('--name-col');
  });
});

describe('guessCatalogColumns', () => {
  it('maps the reference catalog header', () => {
    const headers = ['sku', 'name', 'unit', 'category'];

    expect(named(headers, guessCatalogColumns(headers, {}, place))).toEqual({
      sku: 'sku',
      name: 'name',
      unit: 'unit',
      category: 'category',
    });
  });

  it('maps Russian catalog headers', () => {
    const headers = ['Артикул', 'Наименование', 'Ед.изм', 'Категория'];

    expect(named(headers, guessCatalogColumns(headers, {}, place))).toEqual({
      sku: 'Артикул',
      name: 'Наименование',
      unit: 'Ед.изм',
      category: 'Категория',
    });
  });

  it('reports a missing SKU column', () => {
    const error = thrown(() => guessCatalogColumns(['title', 'price'], {}, place));

    expect(error.code).toBe('column_not_found');
    expect(error.text.en).toContain('--sku-col');
  });
});

describe('findColumn', () => {
  const headers = ['Наименование товара', 'Цена', '2024'];

  it('finds by exact, loose and numeric reference', () => {
    expect(findColumn(headers, 'Цена')).toBe(1);
    expect(findColumn(headers, '  наименование   ТОВАРА ')).toBe(0);
    expect(findColumn(headers, 2)).toBe(1);
    expect(findColumn(headers, '1')).toBe(0);
  });

  it('prefers a header that looks like a number over the position', () => {
    expect(findColumn(headers, '2024')).toBe(2);
  });

  it('returns undefined for unknown columns', () => {
    expect(findColumn(headers, 'Ед. изм.')).toBeUndefined();
    expect(findColumn(headers, 0)).toBeUndefined();
    expect(findColumn(headers, 4)).toBeUndefined();
  });
});
