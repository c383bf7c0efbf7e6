// Writing result records to CSV, XLSX or JSON Lines, chosen by the output file's extension.

import { randomBytes } from 'node:crypto';
import { rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';

import { UserError } from '../errors.js';
import { renderStyledXlsx } from './xlsx-styled.js';

export type ResultValue = string | number | null;
export type ResultRecord = Record<string, ResultValue | undefined>;

export interface WriteResultsOptions {
  /** Column holding the match status; XLSX rows are filled with the status color. */
  statusColumn?: string;
}

const SUPPORTED_LIST = '.csv, .xlsx, .jsonl, .json';

/** Excel's limits: characters in one cell and rows in one sheet. */
const XLSX_MAX_ROWS = 1_048_576;

/** First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection list). */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(?:[.,]\d+)?$/;

/**
 * Write the records with the given columns, in that order. The file is written to a temporary
 * name in the same folder and then renamed, so a failed write leaves no partial file.
 * Throws 'output_unwritable' for an unsupported extension or a write error.
 */
export async function writeResults(
  file: string,
  columns: string[],
  records: ResultRecord[],
  options: WriteResultsOptions = {},
): Promise<void> {
  const content = await render(file, columns, records, options.statusColumn);
  await checkTarget(file);
  await writeAtomically(file, content);
}

/**
 * Render the records as the bytes of a results file, in the format of `fileName`'s extension,
 * without writing anything. Throws 'output_unwritable' for an unsupported extension.
 */
export function renderResults(fileName: string, columns: string[], records: ResultRecord[], options: WriteResultsOptions = {}): Promise<Buffer> {
  return render(fileName, columns, records, options.statusColumn);
}

const SUPPORTED_EXTENSIONS = new Set(['.csv', '.xlsx', '.jsonl', '.json']);

/** Check that the output file's extension names a supported format, before any work is done. */
export function checkOutputFormat(file: string): void {
  const extension = extname(file).toLowerCase();
  if (!SUPPORTED_EXTENSIONS.has(extension)) throw unsupportedFormat(file, extension);
}

function unsupportedFormat(file: string, extension: string): UserError {
  return new UserError(
    'output_unwritable',
    {
      ru: `Формат результата «${extension || 'без расширения'}» не поддерживается. Поддерживаются: ${SUPPORTED_LIST}.`,
      en: `Output format "${extension || 'no extension'}" is not supported. Supported: ${SUPPORTED_LIST}.`,
    },
    { file },
  );
}

async function render(file: string, columns: string[], records: ResultRecord[], statusColumn?: string): Promise<Buffer> {
  const extension = extname(file).toLowerCase();
  switch (extension) {
    case '.csv':
      return Buffer.from(toCsv(columns, records), 'utf8');
    case '.xlsx':
      checkSheetSize(file, records.length);
      return renderStyledXlsx(columns, records, statusColumn);
    case '.jsonl':
      return Buffer.from(records.map((record) => JSON.stringify(pick(columns, record)) + '\n').join(''), 'utf8');
    case '.json':
      return Buffer.from(JSON.stringify(records.map((record) => pick(columns, record)), null, 2) + '\n', 'utf8');
    default:
      throw unsupportedFormat(file, extension);
  }
}

function pick(columns: readonly string[], record: ResultRecord): Record<string, ResultValue> {
  const picked: Record<string, ResultValue> = {};
  for (const column of columns) picked[column] = record[column] ?? null;
  return picked;
}

/** CSV per RFC 4180 with a UTF-8 byte-order mark (so Excel detects UTF-8) and CRLF line ends. */
export function toCsv(columns: readonly string[], records: readonly ResultRecord[]): string {
  const lines = [columns.map((column) => csvField(column)).join(',')];
  for (const record of records) lines.push(columns.map((column) => csvField(record[column])).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

function csvField(value: ResultValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';

  const safe = neutralizeFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Prefix text that a spreadsheet would run as a formula with `'`; plain numbers such as `-5` stay. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/**
 * Build one sheet with a header row, an autofilter and column widths. Text is always a string cell
 * (type 's'), never a formula. The community build of SheetJS writes no cell styles, so the
 * header is not bold and rows are not coloured by status.
 */
function checkSheetSize(file: string, recordCount: number): void {
  if (recordCount + 1 <= XLSX_MAX_ROWS) return;
  throw new UserError(
    'output_unwritable',
    {
      ru: `Строк больше, чем помещается на лист Excel (${XLSX_MAX_ROWS}). Сохраните результат в .csv или .jsonl.`,
      en: `There are more rows than an Excel sheet holds (${XLSX_MAX_ROWS}). Write the result to .csv or .jsonl.`,
    },
    { file },
  );
}




async function checkTarget(file: string): Promise<void> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) {
      throw new UserError(
        'output_unwritable',
        { ru: 'По этому пути находится папка. Укажите имя файла.', en: 'This path is a folder. Give a file name.' },
        { file },
      );
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw writeError(file, error);
  }
}

async function writeAtomically(file: string, content: Buffer): Promise<void> {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, content, { flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw writeError(file, error);
  }
}

function writeError(file: string, error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = error instanceof Error ? error.message : String(error);
  if (code === 'ENOENT') {
    return new UserError(
      'output_unwritable',
      {
        ru: 'Папка для файла результата не существует. Создайте её или укажите другой путь.',
        en: 'The folder for the output file does not exist. Create it or give another path.',
      },
      { file },
    );
  }
  return new UserError(
    'output_unwritable',
    {
      ru: `Файл результата не удалось записать (${reason}). Проверьте права доступа и свободное место.`,
      en: `The output file could not be written (${reason}). Check the access rights and free disk space.`,
    },
    { file },
  );
}
