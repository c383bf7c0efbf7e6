// XLSX output with cell styles (bold header, frozen header row, autofilter, rows filled by match
// status), written with exceljs because the community build of SheetJS writes no styles.

import ExcelJS from 'exceljs';

import type { ResultRecord, ResultValue } from './write-results.js';

/** Excel's limit of characters in one cell. */
const MAX_CELL_CHARS = 32_767;
const MAX_COLUMN_WIDTH = 60;

/** Fill colors by status: the usual Excel "good", "neutral" and "bad" tints, and grey for no match. */
const STATUS_FILL: Record<string, string> = {
  matched: 'FFC6EFCE',
  needs_review: 'FFFFEB9C',
  no_match: 'FFEDEDED',
  failed: 'FFFFC7CE',
};

export async function renderStyledXlsx(columns: readonly string[], records: readonly ResultRecord[], statusColumn?: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Результаты', { views: [{ state: 'frozen', ySplit: 1 }] });

  sheet.columns = columns.map((column) => ({ header: column, key: column, width: columnWidth(column, records) }));
  sheet.getRow(1).font = { bold: true };
  if (columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: records.length + 1, column: columns.length } };

  for (const record of records) {
    // Every value is written as a plain string or number cell, never as a formula, so supplier
    // text that starts with `=` stays text.
    const row = sheet.addRow(columns.map((column) => cellValue(record[column])));
    const fill = statusColumn ? STATUS_FILL[String(record[statusColumn] ?? '')] : undefined;
    if (fill) {
      row.eachCell({ includeEmpty: true }, (cell) => {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
      });
    }
  }

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function cellValue(value: ResultValue | undefined): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return value.length > MAX_CELL_CHARS ? value.slice(0, MAX_CELL_CHARS) : value;
}

function columnWidth(column: string, records: readonly ResultRecord[]): number {
  let width = column.length;
  for (const record of records.slice(0, 1000)) {
    const value = record[column];
    if (value !== null && value !== undefined) width = Math.max(width, String(value).length);
  }
  return Math.min(MAX_COLUMN_WIDTH, width + 2);
}
