// Reading a price list or catalog file (CSV, TSV, TXT, XLSX, XLS, ODS) into a table of text cells.

import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';

import { UserError, type ErrorPlace } from '../errors.js';
import { splitHeader } from './header-row.js';
import type { RawRow, RawTable, TableFormat } from './table-types.js';
import { decodeText, detectDelimiter, parseDelimited, splitSeparatorLine } from './text-table.js';
import { readWorkbookSheet } from './workbook-table.js';

export type { RawRow, RawTable, TableFormat } from './table-types.js';

export interface ReadTableOptions {
  /** Sheet of a workbook by name or 1-based number; ignored for text files. */
  sheet?: string | number;
}

/** Largest input file accepted, in bytes. */
export const MAX_INPUT_BYTES = 200 * 1024 * 1024;

const TEXT_EXTENSIONS = new Set(['.csv', '.tsv', '.txt']);
const WORKBOOK_EXTENSIONS: Record<string, TableFormat> = { '.xlsx': 'xlsx', '.xlsm': 'xlsx', '.xls': 'xls', '.ods': 'ods' };
const SUPPORTED_LIST = '.csv, .tsv, .txt, .xlsx, .xlsm, .xls, .ods';

/**
 * Read a table file. The format comes from the file's content where it is unambiguous (a ZIP
 * workbook or a legacy Excel file under any extension) and from the extension otherwise.
 * Throws a UserError: 'file_not_found', 'file_unreadable', 'file_format_unsupported',
 * 'sheet_not_found' or 'sheet_empty'. A table with a header and no data rows is returned as is.
 */
export async function readTable(file: string, options: ReadTableOptions = {}): Promise<RawTable> {
  const extension = extname(file).toLowerCase();
  await checkFile(file);

  if (!TEXT_EXTENSIONS.has(extension) && WORKBOOK_EXTENSIONS[extension] === undefined) {
    throw new UserError(
      'file_format_unsupported',
      {
        ru: `Формат «${extension || 'без расширения'}» не поддерживается. Поддерживаются: ${SUPPORTED_LIST}.`,
        en: `Format "${extension || 'no extension'}" is not supported. Supported: ${SUPPORTED_LIST}.`,
      },
      { file },
    );
  }

  const bytes = await readBytes(file);
  const workbookFormat = sniffWorkbook(bytes, extension);
  if (workbookFormat !== undefined) return readWorkbookTable(file, bytes, workbookFormat, options);
  return readTextTable(file, bytes, extension);
}

async function checkFile(file: string): Promise<void> {
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) {
      throw new UserError(
        'file_unreadable',
        { ru: 'Это папка, а не файл. Укажите файл таблицы.', en: 'This is a folder, not a file. Give a spreadsheet file.' },
        { file },
      );
    }
    size = info.size;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw osError(file, error);
  }

  if (size === 0) {
    throw new UserError(
      'file_unreadable',
      {
        ru: 'Файл пуст (0 байт). Проверьте, что файл сохранён полностью.',
        en: 'The file is empty (0 bytes). Check that the file was saved completely.',
      },
      { file },
    );
  }
  if (size > MAX_INPUT_BYTES) {
    const megabytes = Math.ceil(size / 1024 / 1024);
    throw new UserError(
      'file_unreadable',
      {
        ru: `Файл слишком большой: ${megabytes} МБ при пределе 200 МБ. Разделите его на части.`,
        en: `The file is too large: ${megabytes} MB, the limit is 200 MB. Split it into parts.`,
      },
      { file },
    );
  }
}

async function readBytes(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    throw osError(file, error);
  }
}

function osError(file: string, error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new UserError(
      'file_not_found',
      { ru: 'Файл не найден. Проверьте путь.', en: 'File not found. Check the path.' },
      { file },
    );
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new UserError(
    'file_unreadable',
    {
      ru: `Файл не удалось прочитать (${reason}). Проверьте права доступа.`,
      en: `The file could not be read (${reason}). Check the access rights.`,
    },
    { file },
  );
}

/**
 * Workbook format from the magic bytes, or from the extension for HTML/XML saved as .xls. For a
 * ZIP file this is a first guess that the format SheetJS detects replaces.
 */
function sniffWorkbook(bytes: Buffer, extension: string): TableFormat | undefined {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (isZip) return extension === '.ods' ? 'ods' : 'xlsx';

  const isCompoundFile = bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
  if (isCompoundFile) return 'xls';

  const workbookExtension = WORKBOOK_EXTENSIONS[extension];
  const startsWithMarkup = bytes.subarray(0, 512).toString('latin1').trimStart().startsWith('<');
  return workbookExtension !== undefined && startsWithMarkup ? workbookExtension : undefined;
}

function readWorkbookTable(file: string, bytes: Buffer, format: TableFormat, options: ReadTableOptions): RawTable {
  const sheet = readWorkbookSheet(bytes, file, options.sheet);
  const headered = splitHeader(sheet.rows);
  if (headered === null) throw emptySheetError(file, sheet.sheetName);

  let detected = format;
  if (sheet.bookType === 'ods' || sheet.bookType === 'xlsx') detected = sheet.bookType;

  return { file, format: detected, sheetName: sheet.sheetName, sheetNames: sheet.sheetNames, ...headered };
}

function readTextTable(file: string, bytes: Buffer, extension: string): RawTable {
  const { text, encoding } = decodeText(bytes);
  if (text.includes('\u0000') && WORKBOOK_EXTENSIONS[extension] !== undefined) {
    throw new UserError(
      'file_unreadable',
      {
        ru: 'Файл повреждён или не является книгой Excel. Откройте его в Excel или LibreOffice и сохраните заново.',
        en: 'The file is damaged or is not an Excel workbook. Open it in Excel or LibreOffice and save it again.',
      },
      { file },
    );
  }
  if (text.includes('\u0000')) {
    throw new UserError(
      'file_unreadable',
      {
        ru: 'Файл двоичный, а не текстовый CSV. Сохраните таблицу как .csv или .xlsx.',
        en: 'The file is binary, not CSV text. Save the table as .csv or .xlsx.',
      },
      { file },
    );
  }

  const { delimiter: declared, body, skippedLines } = splitSeparatorLine(text);
  const delimiter = declared ?? detectDelimiter(body, extension);
  const rows: RawRow[] = parseDelimited(body, delimiter, 1 + skippedLines);

  const headered = splitHeader(rows);
  if (headered === null) throw emptySheetError(file);

  return { file, format: 'csv', encoding, delimiter, ...headered };
}

/** Return the file and sheet of a table as the place of an error or issue. */
export function tablePlace(table: RawTable): ErrorPlace {
  return table.sheetName === undefined ? { file: table.file } : { file: table.file, sheet: table.sheetName };
}

function emptySheetError(file: string, sheet?: string): UserError {
  return new UserError(
    'sheet_empty',
    {
      ru: 'В таблице нет ни одной заполненной строки. Проверьте, что выбран нужный файл или лист.',
      en: 'The table has no filled rows. Check that this is the right file or sheet.',
    },
    sheet === undefined ? { file } : { file, sheet },
  );
}
