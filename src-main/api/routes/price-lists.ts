// Price-list import for the UI: upload a file, look at its sheets, first rows and guessed columns,
// then start the run with the columns the user confirmed.

import path from 'node:path';

import { z } from 'zod';

import { PriceListUploads, type PriceListPreview } from '../../engine/price-list-uploads.js';
import { formatPlace, UserError } from '../../errors.js';
import type { ApiContext, ZodApp } from '../context.js';
import { requestLanguage } from '../language.js';
import { commonErrorResponses, ErrorSchema } from '../schemas.js';
import { RequestValidationError } from '../validation.js';

const BASE = '/api/v1/price-lists';
const TAGS = ['price lists'];
const MAX_ISSUES = 1_000;

const ColumnIndex = z.number().int().min(0).max(1000).nullable();

const PreviewSchema = z.object({
  upload_id: z.string(),
  file_name: z.string(),
  format: z.string(),
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  header_row: z.number().int(),
  headers: z.array(z.string()),
  rows: z.array(z.array(z.string())).describe('The first 20 data rows'),
  row_count: z.number().int(),
  mapping: z.object({ name: ColumnIndex, unit: ColumnIndex, price: ColumnIndex, id: ColumnIndex }).describe('Guessed 0-based column indexes'),
});

const UploadParams = z.object({ upload_id: z.string().min(1).max(64) });
const PreviewQuery = z.object({ sheet: z.string().max(200).optional() });

const StartBody = z.object({
  sheet: z.string().max(200).optional(),
  supplier: z.string().max(200).optional(),
  mapping: z.object({
    name: z.number().int().min(0).max(1000),
    unit: ColumnIndex.optional(),
    price: ColumnIndex.optional(),
    id: ColumnIndex.optional(),
  }),
});

const StartAnswer = z.object({
  request_id: z.string(),
  materials_count: z.number().int(),
  estimated_completion: z.string(),
  issues: z.array(z.object({ row: z.number().int().nullable(), column: z.string().nullable(), message: z.string() })),
  issues_total: z.number().int(),
});

export function registerPriceListRoutes(app: ZodApp, context: ApiContext, options: { uploadLimitBytes: number }): void {
  const uploads = new PriceListUploads(path.join(path.dirname(context.uploadDir), 'price-lists'));

  app.post(
    BASE,
    {
      schema: {
        tags: TAGS,
        summary: 'Upload a price list (multipart field "file") and get its sheets, first rows and guessed columns',
        response: { 201: PreviewSchema, 413: ErrorSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const part = request.isMultipart() ? await request.file({ limits: { fileSize: options.uploadLimitBytes, files: 1 } }) : undefined;
      if (!part || part.fieldname !== 'file') {
        part?.file.resume();
        throw new RequestValidationError('body', [
          { path: 'file', text: { ru: 'Файл прайс-листа не передан: отправьте его в поле формы «file».', en: 'No price-list file was sent: send it in the "file" form field.' } },
        ]);
      }
      const content = await part.toBuffer();
      const fileName = path.basename(part.filename.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '') || 'price-list';
      const preview = await uploads.add(fileName, content);
      return reply.code(201).send(present(preview));
    },
  );

  app.get(
    `${BASE}/:upload_id`,
    { schema: { tags: TAGS, summary: 'Preview an uploaded price list, optionally another sheet', params: UploadParams, querystring: PreviewQuery, response: { 200: PreviewSchema, ...commonErrorResponses } } },
    async (request) => present(await uploads.preview(request.params.upload_id, request.query.sheet)),
  );

  app.post(
    `${BASE}/:upload_id/start`,
    { schema: { tags: TAGS, summary: 'Start matching an uploaded price list with the confirmed columns', params: UploadParams, body: StartBody, response: { 202: StartAnswer, ...commonErrorResponses } } },
    async (request, reply) => {
      const { mapping, sheet, supplier } = request.body;
      const read = await uploads.read(request.params.upload_id, sheet, {
        name: mapping.name,
        unit: mapping.unit ?? null,
        price: mapping.price ?? null,
        id: mapping.id ?? null,
      });
      if (read.lines.length === 0) {
        throw new UserError('sheet_empty', { ru: 'В прайс-листе нет строк с наименованием.', en: 'The price list has no lines with a name.' }, { file: read.fileName, sheet });
      }
      const answer = context.engine.submit({
        supplier: supplier?.trim() || null,
        source: 'ui',
        inputFile: read.fileName,
        materials: read.lines.map((line, i) => ({
          id: line.id,
          name: line.name,
          unit: line.unit,
          price: line.price ?? null,
          rowNumber: line.rowNumber ?? null,
          extra: read.inputRows[i] ?? {},
        })),
      });
      const lang = requestLanguage(request);
      return reply.code(202).send({
        request_id: answer.requestId,
        materials_count: answer.materialsCount,
        estimated_completion: answer.estimatedCompletion,
        issues: read.issues.slice(0, MAX_ISSUES).map((issue) => ({
          row: issue.place.row ?? null,
          column: issue.place.column ?? null,
          message: `${formatPlace(issue.place, lang)}${issue.text[lang]}`,
        })),
        issues_total: read.issues.length,
      });
    },
  );
}

function present(preview: PriceListPreview): z.infer<typeof PreviewSchema> {
  return {
    upload_id: preview.uploadId,
    file_name: preview.fileName,
    format: preview.format,
    sheets: preview.sheets,
    sheet: preview.sheet,
    header_row: preview.headerRow,
    headers: preview.headers,
    rows: preview.rows,
    row_count: preview.rowCount,
    mapping: preview.mapping,
  };
}
