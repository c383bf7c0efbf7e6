// Price lists uploaded through the UI: kept in the data folder between the preview (sheets,
// first rows, guessed columns) and the start of the run with the columns the user confirmed.

import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { UserError } from '../errors.js';
import { guessPriceListColumns } from '../io/columns.js';
import { readPriceList, type PriceListRead } from '../io/price-list.js';
import { readTable, tablePlace } from '../io/read-table.js';

const PREVIEW_ROWS = 20;
/** Uploads older than this are removed when a new one arrives. */
const UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;
const SAFE_EXTENSION = /^\.(csv|tsv|txt|xlsx|xls|ods)$/i;

export interface ColumnChoice {
  name: number | null;
  unit: number | null;
  price: number | null;
  id: number | null;
}

export interface PriceListPreview {
  uploadId: string;
  fileName: string;
  format: string;
  sheets: string[];
  sheet: string | null;
  headerRow: number;
  headers: string[];
  rows: string[][];
  rowCount: number;
  mapping: ColumnChoice;
}

interface UploadMeta {
  fileName: string;
  stored: string;
}

export class PriceListUploads {
  readonly #dir: string;

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** Store an uploaded file and return its preview. */
  async add(fileName: string, content: Buffer): Promise<PriceListPreview> {
    await mkdir(this.#dir, { recursive: true });
    await this.#removeExpired();

    const extension = path.extname(fileName);
    if (!SAFE_EXTENSION.test(extension)) {
      throw new UserError(
        'file_format_unsupported',
        {
          ru: `Формат «${extension || 'без расширения'}» не поддерживается. Загрузите прайс-лист в формате xlsx, xls, ods или csv.`,
          en: `Format "${extension || 'no extension'}" is not supported. Upload the price list as xlsx, xls, ods or csv.`,
        },
        { file: path.basename(fileName) },
      );
    }
    const uploadId = randomUUID();
    const stored = `${uploadId}${extension.toLowerCase()}`;
    await writeFile(path.join(this.#dir, stored), content);
    await writeFile(path.join(this.#dir, `${uploadId}.json`), JSON.stringify({ fileName: path.basename(fileName), stored } satisfies UploadMeta));
    return this.preview(uploadId);
  }

  /** Sheets, headers, first rows and guessed columns of an upload, for one sheet. */
  async preview(uploadId: string, sheet?: string): Promise<PriceListPreview> {
    const meta = await this.#meta(uploadId);
    const file = path.join(this.#dir, meta.stored);
    const table = await readTable(file, sheet === undefined ? {} : { sheet }).catch((error: unknown) => {
      throw renamePlace(error, file, meta.fileName);
    });
    const place = { ...tablePlace(table), file: meta.fileName };

    let mapping: ColumnChoice = { name: null, unit: null, price: null, id: null };
    try {
      const guessed = guessPriceListColumns(table.headers, {}, place);
      mapping = { name: guessed.name, unit: guessed.unit ?? null, price: guessed.price ?? null, id: guessed.id ?? null };
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
    }

    return {
      uploadId,
      fileName: meta.fileName,
      format: table.format,
      sheets: table.sheetNames ?? [],
      sheet: table.sheetName ?? null,
      headerRow: table.headerRowNumber,
      headers: table.headers,
      rows: table.rows.slice(0, PREVIEW_ROWS).map((row) => row.cells),
      rowCount: table.rows.length,
      mapping,
    };
  }

  /** Read the upload's lines with the confirmed columns (0-based indexes). */
  async read(uploadId: string, sheet: string | undefined, mapping: ColumnChoice): Promise<PriceListRead & { fileName: string }> {
    const meta = await this.#meta(uploadId);
    const column = (index: number | null): number | undefined => (index === null ? undefined : index + 1);
    const file = path.join(this.#dir, meta.stored);
    const read = await readPriceList(file, {
      sheet,
      nameCol: column(mapping.name),
      unitCol: column(mapping.unit),
      priceCol: column(mapping.price),
      idCol: column(mapping.id),
    }).catch((error: unknown) => {
      throw renamePlace(error, file, meta.fileName);
    });
    for (const issue of read.issues) issue.place.file = meta.fileName;
    return { ...read, fileName: meta.fileName };
  }

  async #meta(uploadId: string): Promise<UploadMeta> {
    if (!/^[0-9a-f-]{36}$/.test(uploadId)) throw notFound(uploadId);
    try {
      return JSON.parse(await readFile(path.join(this.#dir, `${uploadId}.json`), 'utf8')) as UploadMeta;
    } catch {
      throw notFound(uploadId);
    }
  }

  async #removeExpired(): Promise<void> {
    const now = Date.now();
    for (const entry of await readdir(this.#dir)) {
      const file = path.join(this.#dir, entry);
      const info = await stat(file).catch(() => null);
      if (info && now - info.mtimeMs > UPLOAD_TTL_MS) await rm(file, { force: true });
    }
  }
}

/** Name the user's file, not the stored copy, in an error about it. */
function renamePlace(error: unknown, stored: string, fileName: string): unknown {
  if (!(error instanceof UserError) || error.place.file !== stored) return error;
  return new UserError(error.code, error.text, { ...error.place, file: fileName });
}

function notFound(uploadId: string): UserError {
  return new UserError('file_not_found', {
    ru: `Загруженный прайс-лист ${uploadId} не найден: загрузите файл ещё раз.`,
    en: `Uploaded price list ${uploadId} not found: upload the file again.`,
  });
}
