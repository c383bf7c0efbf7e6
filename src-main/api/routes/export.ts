// Export of a request's results as an .xlsx or .csv attachment, in the CLI's output layout.

import { z } from 'zod';

import type { MatchEngine, ResultRow } from '../../engine/engine-types.js';
import { renderResults } from '../../io/write-results.js';
import { PROCESS_BASE, type ApiContext, type ZodApp } from '../context.js';
import { requestNotFound } from '../errors.js';
import { exportTable } from '../export-records.js';
import { requestLanguage } from '../language.js';
import { commonErrorResponses, ErrorSchema, ExportQuerySchema, RequestIdParams } from '../schemas.js';

const FileSchema = z.string().meta({ format: 'binary' });

/** Lines read from the engine per call while collecting a whole request. */
const EXPORT_PAGE_SIZE = 1_000;

const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

export function registerExportRoutes(app: ZodApp, { engine }: ApiContext): void {
  app.get(
    `${PROCESS_BASE}/export/:request_id`,
    {
      schema: {
        tags: ['export'],
        summary: 'Download the results as a spreadsheet: the submitted columns first, then the match columns',
        params: RequestIdParams,
        querystring: ExportQuerySchema,
        response: {
          200: {
            description: 'The results file as an attachment',
            content: { [CONTENT_TYPES.xlsx]: { schema: FileSchema }, 'text/csv': { schema: FileSchema } },
          },
          404: ErrorSchema,
          ...commonErrorResponses,
        },
      },
    },
    async (request, reply) => {
      const requestId = request.params.request_id;
      const format = request.query.format;
      const rows = allRows(engine, requestId);

      const { columns, records } = exportTable(rows, requestLanguage(request));
      const fileName = `materials-${requestId.replace(/[^A-Za-z0-9._-]/g, '_')}.${format}`;
      const content = await renderResults(fileName, columns, records, { statusColumn: 'status' });

      return reply
        .header('content-type', CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        // The typed reply expects the schema's string; a Buffer is sent as is, without serialization.
        .send(content as unknown as string);
    },
  );
}

function allRows(engine: MatchEngine, requestId: string): ResultRow[] {
  const rows: ResultRow[] = [];
  for (let page = 1; ; page += 1) {
    const result = engine.results(requestId, { page, pageSize: EXPORT_PAGE_SIZE });
    if (!result) throw requestNotFound(requestId);
    rows.push(...result.items);
    if (page >= result.totalPages || result.items.length === 0) return rows;
  }
}
