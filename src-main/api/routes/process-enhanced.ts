// The batch endpoints under /api/v1/materials/process-enhanced: submit, status, results,
// statistics, retry, cleanup, health, cancel and the list of recent requests.

import { PROCESS_BASE, type ApiContext, type ZodApp } from '../context.js';
import { ApiError, requestNotFound } from '../errors.js';
import { requestLanguage } from '../language.js';
import { presentHealth, presentJobStatus, presentResultsPage, presentStatistics } from '../present.js';
import {
  CancelAnswerSchema,
  CleanupAnswerSchema,
  CleanupQuerySchema,
  commonErrorResponses,
  ErrorSchema,
  HealthSchema,
  JobStatusSchema,
  RequestIdParams,
  RequestsListSchema,
  RequestsQuerySchema,
  ResultsPageSchema,
  ResultsQuerySchema,
  RetryAnswerSchema,
  RetryBodySchema,
  StatisticsSchema,
  SubmitAnswerSchema,
  submitBodySchema,
} from '../schemas.js';

const TAGS = ['process-enhanced'];

export function registerProcessRoutes(app: ZodApp, { engine }: ApiContext): void {
  app.post(
    PROCESS_BASE,
    {
      schema: {
        tags: TAGS,
        summary: 'Submit a batch of price-list lines for matching',
        body: submitBodySchema(engine.settings.maxMaterialsPerRequest),
        response: { 202: SubmitAnswerSchema, 409: ErrorSchema, 413: ErrorSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (body.request_id !== undefined && engine.status(body.request_id) !== null) {
        throw new ApiError(409, 'conflict', {
          ru: `Запрос «${body.request_id}» уже существует. Укажите другой request_id или не указывайте его.`,
          en: `Request "${body.request_id}" already exists. Give another request_id or leave it out.`,
        });
      }

      const answer = engine.submit({
        requestId: body.request_id,
        supplier: body.supplier ?? null,
        source: 'api',
        materials: body.materials.map((material) => ({
          id: material.id,
          name: material.name,
          unit: material.unit,
          price: material.price,
          ...(Object.keys(material.extra).length > 0 ? { extra: material.extra } : {}),
        })),
      });

      return reply.code(202).send({
        request_id: answer.requestId,
        materials_count: answer.materialsCount,
        status: 'accepted' as const,
        estimated_completion: answer.estimatedCompletion,
      });
    },
  );

  app.get(
    `${PROCESS_BASE}/status/:request_id`,
    {
      schema: {
        tags: TAGS,
        summary: 'Progress of a request',
        params: RequestIdParams,
        response: { 200: JobStatusSchema, 404: ErrorSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const status = engine.status(request.params.request_id);
      if (!status) throw requestNotFound(request.params.request_id);
      return presentJobStatus(status);
    },
  );

  app.get(
    `${PROCESS_BASE}/results/:request_id`,
    {
      schema: {
        tags: TAGS,
        summary: 'One page of the results of a request, with a summary by status',
        params: RequestIdParams,
        querystring: ResultsQuerySchema,
        response: { 200: ResultsPageSchema, 404: ErrorSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const query = request.query;
      const page = engine.results(request.params.request_id, {
        page: query.page,
        pageSize: query.page_size,
        ...(query.status === undefined ? {} : { status: query.status }),
        ...(query.search === undefined ? {} : { search: query.search }),
        ...(query.min_score === undefined ? {} : { minScore: query.min_score }),
        ...(query.max_score === undefined ? {} : { maxScore: query.max_score }),
      });
      if (!page) throw requestNotFound(request.params.request_id);
      return presentResultsPage(page, requestLanguage(request));
    },
  );

  app.get(
    `${PROCESS_BASE}/statistics`,
    {
      schema: { tags: TAGS, summary: 'Totals over all requests', response: { 200: StatisticsSchema, ...commonErrorResponses } },
    },
    async () => presentStatistics(engine.statistics()),
  );

  app.post(
    `${PROCESS_BASE}/retry`,
    {
      schema: {
        tags: TAGS,
        summary: 'Queue failed lines again now',
        body: RetryBodySchema.nullable(),
        response: { 200: RetryAnswerSchema, 404: ErrorSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const body = request.body ?? {};
      if (body.request_id !== undefined && engine.status(body.request_id) === null) throw requestNotFound(body.request_id);
      return { retried: engine.retry(body.request_id, body.material_ids) };
    },
  );

  app.delete(
    `${PROCESS_BASE}/cleanup`,
    {
      schema: {
        tags: TAGS,
        summary: 'Delete requests and their results older than a number of days',
        querystring: CleanupQuerySchema,
        response: { 200: CleanupAnswerSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const counts = engine.cleanup(request.query.days);
      request.log.info({ event: 'cleanup', days: request.query.days, ...counts }, 'old requests deleted');
      return { deleted_requests: counts.requests, deleted_results: counts.results };
    },
  );

  app.get(
    `${PROCESS_BASE}/health`,
    {
      schema: {
        tags: TAGS,
        summary: 'Health check; needs no token',
        security: [],
        response: { 200: HealthSchema, 500: ErrorSchema },
      },
    },
    async () => presentHealth(engine.health()),
  );

  app.post(
    `${PROCESS_BASE}/cancel/:request_id`,
    {
      schema: {
        tags: TAGS,
        summary: 'Cancel a request that is still pending or running',
        params: RequestIdParams,
        response: { 200: CancelAnswerSchema, 404: ErrorSchema, 409: ErrorSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const requestId = request.params.request_id;
      const before = engine.status(requestId);
      if (!before) throw requestNotFound(requestId);

      if (!engine.cancel(requestId)) {
        throw new ApiError(409, 'conflict', {
          ru: `Запрос «${requestId}» уже завершён (статус ${before.status}), отменять нечего.`,
          en: `Request "${requestId}" has already finished (status ${before.status}); there is nothing to cancel.`,
        });
      }
      const after = engine.status(requestId);
      return { request_id: requestId, cancelled: true as const, status: after?.status ?? 'cancelled' };
    },
  );

  app.get(
    `${PROCESS_BASE}/requests`,
    {
      schema: {
        tags: TAGS,
        summary: 'Recent requests, newest first',
        querystring: RequestsQuerySchema,
        response: { 200: RequestsListSchema, ...commonErrorResponses },
      },
    },
    async (request) => ({ requests: engine.listRequests(request.query.limit).map(presentJobStatus) }),
  );
}
