// Reading a supplier price list into PriceListLine records, keeping the input's own columns.

import type { PriceListLine } from '../../src-worker/pipeline/types.js';
import { UserError, type ErrorPlace, type LineIssue } from '../errors.js';
import { guessPriceListColumns, type ColumnMapping, type PriceListColumnOverrides } from './columns.js';
import { parsePrice } from './price.js';
import { readTable, tablePlace, type RawTable } from './read-table.js';

export { readCatalog, type CatalogRead, type ReadCatalogOptions } from './catalog.js';

export interface ReadPriceListOptions extends PriceListColumnOverrides {
  sheet?: string | number;
}

export interface PriceListRead {
  table: RawTable;
  mapping: ColumnMapping;
  lines: PriceListLine[];
  /** Output column names: the input headers with the id column renamed to `id` (or `id` first when there is none). */
  inputColumns: string[];
  /** The input's own cells per line, keyed by `inputColumns`, with the line's final unique id under `id`. */
  inputRows: Record<string, string>[];
  issues: LineIssue[];
}

/**
 * Read a price list. A row with no name is skipped with an issue. A price that is not a number
 * leaves the line without a price and adds an issue. A repeated id gets a `-2`, `-3` suffix and
 * an issue. Throws a UserError when the file cannot be read, no name column is found, or no row
 * has a name.
 */
export async function readPriceList(file: string, options: ReadPriceListOptions = {}): Promise<PriceListRead> {
  const table = await readTable(file, options.sheet === undefined ? {} : { sheet: options.sheet });
  const place = tablePlace(table);
  if (table.rows.length === 0) throw noDataRowsError(place);

  const mapping = guessPriceListColumns(table.headers, options, place);
  const inputColumns = outputColumnNames(table.headers, mapping.id);

  const lines: PriceListLine[] = [];
  const inputRows: Record<string, string>[] = [];
  const issues: LineIssue[] = [];
  const usedIds = new Map<string, number>();

  // NOTE: a section heading row (a group name in the name column, nothing else) is read as a
  // line, because it looks the same as a product listed without unit or price.
  for (const row of table.rows) {
    const at = (column: number | undefined): string => (column === undefined ? '' : (row.cells[column] ?? ''));
    const rowPlace = (column: number): ErrorPlace => ({ ...place, row: row.rowNumber, column: table.headers[column] });

    const name = at(mapping.name).trim();
    if (name === '') {
      issues.push(nameMissingIssue(rowPlace(mapping.name)));
      continue;
    }

    const line: PriceListLine = { id: '', name, unit: at(mapping.unit).trim(), rowNumber: row.rowNumber };

    if (mapping.price !== undefined) {
      const price = parsePrice(at(mapping.price));
      if (price === 'invalid') issues.push(priceInvalidIssue(rowPlace(mapping.price), at(mapping.price)));
      else if (price !== null) line.price = price;
    }

    const rawId = mapping.id === undefined ? '' : at(mapping.id).trim();
    line.id = uniqueId(rawId === '' ? String(row.rowNumber) : rawId, usedIds);
    if (mapping.id !== undefined && line.id !== rawId && rawId !== '') {
      issues.push(idDuplicateIssue(rowPlace(mapping.id), rawId, line.id, usedIds.get(rawId) ?? 0));
    }
    if (!usedIds.has(line.id)) usedIds.set(line.id, row.rowNumber);

    lines.push(line);
    inputRows.push(inputRecord(inputColumns, row.cells, mapping.id, line.id));
  }

  if (lines.length === 0) throw noNamedLinesError(place, table.headers[mapping.name] ?? '');
  return { table, mapping, lines, inputColumns, inputRows, issues };
}

function uniqueId(id: string, used: Map<string, number>): string {
  if (!used.has(id)) return id;
  let copy = 2;
  while (used.has(`${id}-${copy}`)) copy++;
  return `${id}-${copy}`;
}

/** Input headers with the id column renamed to `id`, or `id` put first; other clashes get a suffix. */
function outputColumnNames(headers: readonly string[], idColumn: number | undefined): string[] {
  const names = idColumn === undefined ? ['id', ...headers] : headers.map((header, index) => (index === idColumn ? 'id' : header));
  const idIndex = idColumn ?? 0;
  const seen = new Set(['id']);

  return names.map((name, index) => {
    if (index === idIndex) return 'id';
    let unique = name;
    for (let copy = 2; seen.has(unique.toLowerCase()); copy++) unique = `${name}_${copy}`;
    seen.add(unique.toLowerCase());
    return unique;
  });
}

function inputRecord(
  columns: readonly string[],
  cells: readonly string[],
  idColumn: number | undefined,
  id: string,
): Record<string, string> {
  const record: Record<string, string> = {};
  const offset = idColumn === undefined ? 1 : 0;
  columns.forEach((column, index) => {
    const isId = idColumn === undefined ? index === 0 : index === idColumn;
    record[column] = isId ? id : (cells[index - offset] ?? '');
  });
  return record;
}

function nameMissingIssue(place: ErrorPlace): LineIssue {
  return {
    code: 'line_name_missing',
    place,
    text: { ru: 'Наименование пустое, строка пропущена.', en: 'The name is empty, the line is skipped.' },
  };
}

function priceInvalidIssue(place: ErrorPlace, value: string): LineIssue {
  return {
    code: 'line_price_invalid',
    place,
    text: {
      ru: `Цена «${value}» не является числом, строка оставлена без цены.`,
      en: `Price "${value}" is not a number, the line is kept without a price.`,
    },
  };
}

function idDuplicateIssue(place: ErrorPlace, id: string, newId: string, firstRow: number): LineIssue {
  return {
    code: 'line_id_duplicate',
    place,
    text: {
      ru: `Код «${id}» уже был в строке ${firstRow}, этой строке присвоен код «${newId}».`,
      en: `Id "${id}" already appears in row ${firstRow}, this line gets id "${newId}".`,
    },
  };
}

function noDataRowsError(place: ErrorPlace): UserError {
  return new UserError(
    'sheet_empty',
    {
      ru: 'В таблице есть заголовок, но нет ни одной строки с данными.',
      en: 'The table has a header row but no data rows.',
    },
    place,
  );
}

function noNamedLinesError(place: ErrorPlace, column: string): UserError {
  return new UserError(
    'sheet_empty',
    {
      ru: `Ни в одной строке нет наименования в столбце «${column}». Укажите столбец наименования через --name-col.`,
      en: `No row has a name in column "${column}". Choose the name column with --name-col.`,
    },
    { ...place, column },
  );
}
