// Review decisions on result lines: accept the proposed SKU, choose another or reject all.

import { PROCESS_BASE, type ApiContext, type ZodApp } from '../context.js';
import { ApiError, requestNotFound } from '../errors.js';
import { requestLanguage } from '../language.js';
import { presentResultRow } from '../present.js';
import { commonErrorResponses, ErrorSchema, ReviewAnswerSchema, ReviewBodySchema, ReviewParams } from '../schemas.js';

export function registerReviewRoutes(app: ZodApp, { engine }: ApiContext): void {
  app.post(
    `${PROCESS_BASE}/results/:request_id/:material_id/review`,
    {
      schema: {
        tags: ['review'],
        summary: 'Store a review decision on a line; it is also remembered for the same supplier line next time',
        params: ReviewParams,
        body: ReviewBodySchema,
        response: { 200: ReviewAnswerSchema, 404: ErrorSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const { request_id: requestId, material_id: materialId } = request.params;
      if (engine.status(requestId) === null) throw requestNotFound(requestId);

      const body = request.body;
      const rows = engine.review(requestId, materialId, {
        action: body.action,
        sku: body.action === 'reject' ? null : (body.sku ?? null),
        applyToIdentical: body.apply_to_identical,
      });
      if (!rows) {
        throw new ApiError(404, 'not_found', {
          ru: `В запросе «${requestId}» нет строки с material_id «${materialId}».`,
          en: `Request "${requestId}" has no line with material_id "${materialId}".`,
        });
      }

      const lang = requestLanguage(request);
      return { request_id: requestId, updated: rows.map((row) => presentResultRow(row, lang)) };
    },
  );
}
