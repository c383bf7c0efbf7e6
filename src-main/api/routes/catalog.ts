// Catalog endpoints: import (a file upload or JSON items), information and search.

import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';

import type { CatalogItem } from '../../../src-worker/pipeline/types.js';
import { formatPlace, UserError, type LineIssue } from '../../errors.js';
import { readCatalog } from '../../io/catalog.js';
import { CATALOG_BASE, type ApiContext, type ZodApp } from '../context.js';
import { ApiError } from '../errors.js';
import { requestLanguage, type Language } from '../language.js';
import { presentCatalogInfo } from '../present.js';
import {
  CatalogImportAnswerSchema,
  CatalogImportJsonSchema,
  CatalogImportMultipartDoc,
  CatalogInfoSchema,
  CatalogSearchAnswerSchema,
  CatalogSearchQuerySchema,
  commonErrorResponses,
  ErrorSchema,
} from '../schemas.js';
import { RequestValidationError } from '../validation.js';

const TAGS = ['catalog'];
const UPLOAD_EXTENSIONS = new Set(['.csv', '.tsv', '.txt', '.xlsx', '.xlsm', '.xls', '.ods']);
/** Maximum skipped-row issues returned in one response; `issues_total` gives the full count. */
const MAX_ISSUES = 1_000;

export interface CatalogRouteOptions {
  uploadLimitBytes: number;
}

interface ReadItems {
  items: CatalogItem[];
  issues: LineIssue[];
  file?: string;
}

export function registerCatalogRoutes(app: ZodApp, context: ApiContext, options: CatalogRouteOptions): void {
  const { engine } = context;

  app.post(
    `${CATALOG_BASE}/import`,
    {
      schema: {
        tags: TAGS,
        summary: 'Import a catalog from a file (multipart field "file") or from JSON items; builds a new index version',
        body: {
          content: {
            'application/json': { schema: CatalogImportJsonSchema },
            'multipart/form-data': { schema: CatalogImportMultipartDoc },
          },
        },
        response: { 200: CatalogImportAnswerSchema, 413: ErrorSchema, 415: ErrorSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const read = request.isMultipart()
        ? await readUploadedCatalog(request, context.uploadDir, options.uploadLimitBytes)
        : itemsFromJson(request.body as z.output<typeof CatalogImportJsonSchema> | undefined);

      const manifest = await engine.importCatalog(read.items, read.file === undefined ? {} : { file: read.file });
      const lang = requestLanguage(request);
      return {
        version: manifest.version,
        item_count: manifest.itemCount,
        issues: read.issues.slice(0, MAX_ISSUES).map((issue) => presentIssue(issue, lang)),
        issues_total: read.issues.length,
      };
    },
  );

  app.get(
    CATALOG_BASE,
    {
      schema: { tags: TAGS, summary: 'The current catalog index version', response: { 200: CatalogInfoSchema, ...commonErrorResponses } },
    },
    async () => presentCatalogInfo(engine.catalogInfo()),
  );

  app.get(
    `${CATALOG_BASE}/search`,
    {
      schema: {
        tags: TAGS,
        summary: 'Search the catalog by text, for picking an SKU by hand',
        querystring: CatalogSearchQuerySchema,
        response: { 200: CatalogSearchAnswerSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const hits = await engine.searchCatalog(request.query.q, request.query.limit);
      return {
        query: request.query.q,
        results: hits.map((hit) => ({ sku: hit.sku, name: hit.name, unit: hit.unit, category: hit.category ?? null, score: hit.score })),
      };
    },
  );
}

/** Items of a JSON body that Fastify has validated; a request with no body at all reaches here unvalidated. */
function itemsFromJson(body: z.output<typeof CatalogImportJsonSchema> | undefined): ReadItems {
  if (body === undefined || body === null) {
    throw new RequestValidationError('body', [
      {
        path: 'body',
        text: {
          ru: 'Каталог не передан: отправьте JSON вида {"items": [...]} или файл в поле формы «file».',
          en: 'No catalog was sent: send JSON such as {"items": [...]} or a file in the "file" form field.',
        },
      },
    ]);
  }

  const items = body.items.map((item) => {
    const catalogItem: CatalogItem = { sku: item.sku, name: item.name, unit: item.unit };
    if (item.category) catalogItem.category = item.category;
    return catalogItem;
  });
  return { items, issues: [] };
}

/**
 * Save the uploaded file under a random name in the upload folder, read it as a catalog and
 * delete it. Errors and issues name the file as the user sent it, not the temporary path.
 */
async function readUploadedCatalog(request: FastifyRequest, uploadDir: string, limitBytes: number): Promise<ReadItems> {
  const part = await request.file({ limits: { fileSize: limitBytes, files: 1, fields: 10, parts: 20 } });
  if (!part) throw missingFileError();
  if (part.fieldname !== 'file') {
    part.file.resume();
    throw missingFileError();
  }

  const fileName = displayName(part.filename);
  const extension = path.extname(fileName).toLowerCase();
  if (!UPLOAD_EXTENSIONS.has(extension)) {
    part.file.resume();
    throw new UserError(
      'file_format_unsupported',
      {
        ru: `Формат «${extension || 'без расширения'}» не поддерживается. Поддерживаются: ${[...UPLOAD_EXTENSIONS].join(', ')}.`,
        en: `Format "${extension || 'no extension'}" is not supported. Supported: ${[...UPLOAD_EXTENSIONS].join(', ')}.`,
      },
      { file: fileName },
    );
  }

  await mkdir(uploadDir, { recursive: true });
  const temporary = path.join(uploadDir, `catalog-${randomUUID()}${extension}`);
  try {
    await pipeline(part.file, createWriteStream(temporary, { mode: 0o600, flags: 'wx' }));
    if (part.file.truncated) throw uploadTooLargeError(limitBytes);

    const read = await readCatalog(temporary).catch((error: unknown) => {
      throw error instanceof UserError ? renamePlace(error, temporary, fileName) : error;
    });
    const issues = read.issues.map((issue) => (issue.place.file === temporary ? { ...issue, place: { ...issue.place, file: fileName } } : issue));
    return { items: read.items, issues, file: fileName };
  } finally {
    await rm(temporary, { force: true });
  }
}

function renamePlace(error: UserError, temporary: string, fileName: string): UserError {
  if (error.place.file !== temporary) return error;
  return new UserError(error.code, error.text, { ...error.place, file: fileName });
}

/** Return the uploaded file's base name without control characters, for messages and the index manifest. */
function displayName(fileName: string): string {
  const base = path.basename(fileName.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (base || 'catalog').slice(0, 200);
}

function missingFileError(): RequestValidationError {
  return new RequestValidationError('body', [
    {
      path: 'file',
      text: { ru: 'Файл каталога не передан: отправьте его в поле формы «file».', en: 'No catalog file was sent: send it in the "file" form field.' },
    },
  ]);
}

function uploadTooLargeError(limitBytes: number): ApiError {
  const megabytes = Math.round(limitBytes / 1024 / 1024);
  const limit = megabytes >= 1 ? { ru: `${megabytes} МБ`, en: `${megabytes} MB` } : { ru: `${limitBytes} байт`, en: `${limitBytes} bytes` };
  return new ApiError(413, 'payload_too_large', {
    ru: `Файл больше ${limit.ru}. Разделите его на части.`,
    en: `The file is larger than ${limit.en}. Split it into parts.`,
  });
}

function presentIssue(issue: LineIssue, lang: Language) {
  const place = Object.fromEntries(Object.entries(issue.place).filter(([, value]) => value !== undefined));
  return { code: issue.code, message: `${formatPlace(issue.place, lang)}${issue.text[lang]}`, place };
}
