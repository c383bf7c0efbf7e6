// Locating the header row of a sheet and shaping the rows below it into a table.

import { countHeaderWords } from './header-words.js';
import { parsePrice } from './price.js';
import type { RawRow } from './table-types.js';

/** How many non-empty rows from the top are searched for the header (titles and notes come first). */
const HEADER_SEARCH_ROWS = 30;

export interface HeaderedRows {
  headerRowNumber: number;
  headers: string[];
  rows: RawRow[];
}

/**
 * Find the header row and return the headers and the non-empty rows after it, or null when the
 * sheet has no non-empty row. The header is the first of the top rows with at least two
 * non-empty cells, mostly text and a known header word. Without such a row it is the first top
 * row with two or more cells of mostly text, and without that the first non-empty row.
 */
export function splitHeader(allRows: readonly RawRow[]): HeaderedRows | null {
  const rows = allRows.filter((row) => !isBlankRow(row));
  if (rows.length === 0) return null;

  const top = rows.slice(0, HEADER_SEARCH_ROWS);
  const withHeaderWords = top.findIndex((row) => isTextRow(row) && countHeaderWords(row.cells) > 0);
  const firstTextRow = top.findIndex(isTextRow);
  const chosen = withHeaderWords >= 0 ? withHeaderWords : Math.max(0, firstTextRow);

  const headerRow = rows[chosen] as RawRow;
  const dataRows = rows.slice(chosen + 1);
  let width = lastFilledWidth(headerRow.cells);
  for (const row of dataRows) width = Math.max(width, lastFilledWidth(row.cells));

  return {
    headerRowNumber: headerRow.rowNumber,
    headers: uniqueHeaders(headerRow.cells, width),
    rows: dataRows.map((row) => ({ rowNumber: row.rowNumber, cells: padCells(row.cells, width) })),
  };
}

function isBlankRow(row: RawRow): boolean {
  return row.cells.every((cell) => cell.trim() === '');
}

/** At least two non-empty cells, and more text cells than numeric ones. */
function isTextRow(row: RawRow): boolean {
  const filled = row.cells.filter((cell) => cell.trim() !== '');
  if (filled.length < 2) return false;
  const numeric = filled.filter((cell) => typeof parsePrice(cell) === 'number').length;
  return numeric * 2 < filled.length;
}

function lastFilledWidth(cells: readonly string[]): number {
  for (let index = cells.length - 1; index >= 0; index--) {
    if ((cells[index] ?? '').trim() !== '') return index + 1;
  }
  return 0;
}

function padCells(cells: readonly string[], width: number): string[] {
  const padded = cells.slice(0, width);
  while (padded.length < width) padded.push('');
  return padded;
}

/** Collapse whitespace (a real header cell is `"\nname"`), name blank cells and number repeats. */
export function uniqueHeaders(cells: readonly string[], width: number): string[] {
  const seen = new Set<string>();
  const headers: string[] = [];

  for (let index = 0; index < width; index++) {
    const base = (cells[index] ?? '').replace(/\s+/gu, ' ').trim() || `column_${index + 1}`;
    let header = base;
    for (let copy = 2; seen.has(header.toLowerCase()); copy++) header = `${base}_${copy}`;
    seen.add(header.toLowerCase());
    headers.push(header);
  }
  return headers;
}
