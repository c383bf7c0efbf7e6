// Reading the reference catalog into CatalogItem records.

import type { CatalogItem } from '../../src-worker/pipeline/types.js';
import { UserError, type ErrorPlace, type LineIssue } from '../errors.js';
import { guessCatalogColumns, type CatalogColumnMapping, type CatalogColumnOverrides } from './columns.js';
import { readTable, tablePlace, type RawTable } from './read-table.js';

export interface ReadCatalogOptions extends CatalogColumnOverrides {
  sheet?: string | number;
}

export interface CatalogRead {
  items: CatalogItem[];
  issues: LineIssue[];
  table: RawTable;
  mapping: CatalogColumnMapping;
}

/**
 * Read a catalog. Rows without a SKU or a name are skipped with an issue. For a repeated SKU the
 * first row is kept and each later one is skipped with an issue. Throws 'catalog_empty' when no
 * item is left.
 */
export async function readCatalog(file: string, options: ReadCatalogOptions = {}): Promise<CatalogRead> {
  const table = await readTable(file, options.sheet === undefined ? {} : { sheet: options.sheet });
  const place = tablePlace(table);
  const mapping = guessCatalogColumns(table.headers, options, place);

  const items: CatalogItem[] = [];
  const issues: LineIssue[] = [];
  const firstRowOfSku = new Map<string, number>();

  for (const row of table.rows) {
    const at = (column: number | undefined): string => (column === undefined ? '' : (row.cells[column] ?? '').trim());
    const rowPlace = (column: number): ErrorPlace => ({ ...place, row: row.rowNumber, column: table.headers[column] });

    const sku = at(mapping.sku);
    if (sku === '') {
      issues.push(skuMissingIssue(rowPlace(mapping.sku)));
      continue;
    }

    const name = at(mapping.name);
    if (name === '') {
      issues.push(nameMissingIssue(rowPlace(mapping.name), sku));
      continue;
    }

    const firstRow = firstRowOfSku.get(sku);
    if (firstRow !== undefined) {
      issues.push(skuDuplicateIssue(rowPlace(mapping.sku), sku, firstRow));
      continue;
    }
    firstRowOfSku.set(sku, row.rowNumber);

    const item: CatalogItem = { sku, name, unit: at(mapping.unit) };
    const category = at(mapping.category);
    if (category !== '') item.category = category;
    items.push(item);
  }

  if (items.length === 0) throw catalogEmptyError(place, issues.length);
  return { items, issues, table, mapping };
}

function skuMissingIssue(place: ErrorPlace): LineIssue {
  return {
    code: 'catalog_sku_missing',
    place,
    text: { ru: 'Артикул (SKU) пустой, строка пропущена.', en: 'The SKU is empty, the row is skipped.' },
  };
}

function nameMissingIssue(place: ErrorPlace, sku: string): LineIssue {
  return {
    code: 'line_name_missing',
    place,
    text: {
      ru: `У артикула «${sku}» пустое наименование, строка пропущена.`,
      en: `SKU "${sku}" has an empty name, the row is skipped.`,
    },
  };
}

function skuDuplicateIssue(place: ErrorPlace, sku: string, firstRow: number): LineIssue {
  return {
    code: 'catalog_sku_duplicate',
    place,
    text: {
      ru: `Артикул «${sku}» уже был в строке ${firstRow}, эта строка пропущена.`,
      en: `SKU "${sku}" already appears in row ${firstRow}, this row is skipped.`,
    },
  };
}

function catalogEmptyError(place: ErrorPlace, skippedRows: number): UserError {
  const detail =
    skippedRows === 0
      ? { ru: 'В нём нет строк с данными.', en: 'It has no data rows.' }
      : {
          ru: `Пропущено строк без артикула или наименования: ${skippedRows}.`,
          en: `All ${skippedRows} rows were skipped for a missing SKU or name.`,
        };
  return new UserError(
    'catalog_empty',
    {
      ru: `Справочник пуст. ${detail.ru} Проверьте файл и столбцы --sku-col и --name-col.`,
      en: `The catalog is empty. ${detail.en} Check the file and the --sku-col and --name-col columns.`,
    },
    place,
  );
}
