// Reading one sheet of an Excel or OpenDocument workbook (xlsx, xls, ods) as rows of text.

import { UserError } from '../errors.js';
import { XLSX } from './sheetjs.js';
import type { RawRow } from './table-types.js';

export interface WorkbookSheet {
  /** Format SheetJS detected, such as 'xlsx' or 'ods'; SheetJS 0.20.3 leaves it unset for .xls. */
  bookType?: string;
  sheetName: string;
  sheetNames: string[];
  rows: RawRow[];
}

/** Parse a workbook and return the chosen sheet: by name or 1-based number, else the first non-empty one. */
export function readWorkbookSheet(bytes: Uint8Array, file: string, sheet: string | number | undefined): WorkbookSheet {
  const workbook = parseWorkbook(bytes, file);
  const sheetNames = workbook.SheetNames;
  if (sheetNames.length === 0) throw allSheetsEmptyError(file);
  const detected = workbook.bookType === undefined ? {} : { bookType: workbook.bookType };

  if (sheet !== undefined && sheet !== '') {
    const sheetName = findSheet(sheetNames, sheet);
    if (sheetName === undefined) throw sheetNotFoundError(file, sheet, sheetNames);
    return { ...detected, sheetName, sheetNames, rows: sheetRows(workbook.Sheets[sheetName]) };
  }

  for (const sheetName of sheetNames) {
    const rows = sheetRows(workbook.Sheets[sheetName]);
    if (rows.some((row) => row.cells.some((cell) => cell.trim() !== ''))) return { ...detected, sheetName, sheetNames, rows };
  }
  throw allSheetsEmptyError(file);
}

function parseWorkbook(bytes: Uint8Array, file: string): XLSX.WorkBook {
  try {
    return XLSX.read(bytes, { type: 'buffer', dense: true, cellNF: true, cellDates: false, cellHTML: false });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError(
      'file_unreadable',
      {
        ru: `Файл не читается как таблица Excel или OpenDocument (${reason}). Откройте его в Excel или LibreOffice и сохраните заново как .xlsx или .csv.`,
        en: `The file cannot be read as an Excel or OpenDocument spreadsheet (${reason}). Open it in Excel or LibreOffice and save it again as .xlsx or .csv.`,
      },
      { file },
    );
  }
}

function findSheet(sheetNames: readonly string[], sheet: string | number): string | undefined {
  if (typeof sheet === 'number') return Number.isInteger(sheet) ? sheetNames[sheet - 1] : undefined;

  const wanted = sheet.trim();
  const byName =
    sheetNames.find((name) => name === wanted) ??
    sheetNames.find((name) => name.trim().toLowerCase() === wanted.toLowerCase());
  if (byName !== undefined) return byName;

  return /^\d+$/.test(wanted) ? sheetNames[Number(wanted) - 1] : undefined;
}

/** Rows of a dense sheet from its first used column on; rows before the first used row are left out. */
function sheetRows(sheet: XLSX.WorkSheet | undefined): RawRow[] {
  const data = sheet?.['!data'];
  const ref = sheet?.['!ref'];
  if (data === undefined || ref === undefined) return [];

  const range = XLSX.utils.decode_range(ref);
  const rows: RawRow[] = [];
  for (let r = range.s.r; r < data.length; r++) {
    const row = data[r] ?? [];
    const cells: string[] = [];
    for (let c = range.s.c; c < row.length; c++) cells.push(cellText(row[c]));
    rows.push({ rowNumber: r + 1, cells });
  }
  return rows;
}

/**
 * Return the text of a cell as the user typed it. Numbers are written in full (`11301011005`, not
 * `1.13E+10`) and rounded to 15 significant digits to drop binary noise. Dates and zero-padded
 * codes keep their displayed text. Formulas are not evaluated, so their stored result is used.
 */
export function cellText(cell: XLSX.CellObject | undefined): string {
  if (cell === undefined || cell.v === undefined || cell.v === null) return cell?.w ?? '';

  switch (cell.t) {
    case 'n':
      return numberText(cell, cell.v as number);
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'd':
      return cell.w ?? (cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v));
    case 'e':
      return cell.w ?? '';
    default:
      return String(cell.v);
  }
}

function numberText(cell: XLSX.CellObject, value: number): string {
  const format = typeof cell.z === 'string' ? cell.z : '';
  const keepsDisplay = format !== '' && (XLSX.SSF.is_date(format) || /^0+$/.test(format));
  if (keepsDisplay && cell.w !== undefined) return cell.w;
  return String(Number(value.toPrecision(15)));
}

function sheetNotFoundError(file: string, sheet: string | number, sheetNames: readonly string[]): UserError {
  const list = sheetNames.map((name, index) => `${index + 1} «${name}»`).join(', ');
  return new UserError(
    'sheet_not_found',
    {
      ru: `Лист «${sheet}» не найден. В файле есть листы: ${list}. Укажите имя или номер одного из них.`,
      en: `Sheet "${sheet}" was not found. The file has sheets: ${list}. Give one of these names or numbers.`,
    },
    { file, sheet: String(sheet) },
  );
}

function allSheetsEmptyError(file: string): UserError {
  return new UserError(
    'sheet_empty',
    {
      ru: 'Все листы файла пусты. Проверьте, что выбран нужный файл.',
      en: 'Every sheet of the file is empty. Check that this is the right file.',
    },
    { file },
  );
}
