// Shapes of a table read from a price-list or catalog file.

export type TableFormat = 'csv' | 'xlsx' | 'xls' | 'ods';

export interface RawRow {
  /** 1-based row number as a spreadsheet shows it (for CSV: the record number in the file). */
  rowNumber: number;
  cells: string[];
}

export interface RawTable {
  file: string;
  format: TableFormat;
  sheetName?: string;
  sheetNames?: string[];
  /** Text encoding of a CSV file: 'utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be' or 'windows-1251'. */
  encoding?: string;
  delimiter?: string;
  /** 1-based row number of the header row. */
  headerRowNumber: number;
  /** Header cells with whitespace collapsed; unique and non-empty (`column_3` for a blank one). */
  headers: string[];
  /** Data rows after the header, fully empty rows left out; every row has `headers.length` cells. */
  rows: RawRow[];
}
