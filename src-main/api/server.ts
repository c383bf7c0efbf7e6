// The localhost HTTP API: a Fastify server over a MatchEngine, listening on the loopback
// interface only, with the app token, Host and Origin checks, bounded request sizes, zod
// validation, an OpenAPI document and, when asked, the browser UI at /.

import { randomUUID } from 'node:crypto';
import path from 'node:path';

import fastifyMultipart from '@fastify/multipart';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import pino, { type Logger } from 'pino';

import type { MatchEngine } from '../engine/engine-types.js';
import { UserError } from '../errors.js';
import { MAX_INPUT_BYTES } from '../io/read-table.js';
import type { ApiContext, ZodApp } from './context.js';
import { installErrorHandler, installNotFoundHandler } from './errors.js';
import { installJsonParser } from './json-body.js';
import { LogThrottle } from './log-throttle.js';
import { registerCatalogRoutes } from './routes/catalog.js';
import { registerDocs } from './routes/docs.js';
import { registerExportRoutes } from './routes/export.js';
import { registerPriceListRoutes } from './routes/price-lists.js';
import { registerProcessRoutes } from './routes/process-enhanced.js';
import { registerReviewRoutes } from './routes/review.js';
import { installRequestGuard, JSON_BODY_LIMIT_BYTES, loadOrCreateToken } from './security.js';
import { registerStaticUi } from './static-ui.js';
import { removeStaleUploads } from './uploads.js';
import { zodValidatorCompiler } from './validation.js';

/** Addresses the server may listen on: loopback only, so no other machine can reach it. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);
/** Maximum path parameter length: a material_id of 255 characters, with room for percent-encoding. */
const MAX_PARAM_LENGTH = 800;

export interface ApiServerOptions {
  engine: MatchEngine;
  /** Folder of the app's data, which contains the api-token file and the uploads folder. */
  dataDir: string;
  /** TCP port; 0 picks a free one (read it from `url`). */
  port: number;
  /** Loopback address to listen on: 127.0.0.1 (default), localhost or ::1. Anything else is rejected. */
  host?: string;
  /** Pino logger for request failures and server events; a pino logger at 'info' on stdout when missing. */
  logger?: Logger;
  /** Folder of the built browser UI, served at / with the token in index.html. */
  staticDir?: string;
  /** Size limits in bytes, for tests; the defaults are 16 MB for JSON and 200 MB for an uploaded file. */
  limits?: { jsonBodyBytes?: number; uploadBytes?: number };
}

export interface ApiServer {
  app: FastifyInstance;
  /** Base address such as http://127.0.0.1:43117. */
  url: string;
  token: string;
  /** Stop accepting requests and wait for those in flight; the engine is left running. */
  close(): Promise<void>;
}

export async function createApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.has(host)) {
    throw new UserError('invalid_argument', {
      ru: `API слушает только локальный адрес (127.0.0.1, localhost или ::1), а не «${host}».`,
      en: `The API listens on a loopback address only (127.0.0.1, localhost or ::1), not "${host}".`,
    });
  }
  const limits = {
    jsonBodyBytes: options.limits?.jsonBodyBytes ?? JSON_BODY_LIMIT_BYTES,
    uploadBytes: options.limits?.uploadBytes ?? MAX_INPUT_BYTES,
  };
  const dataDir = path.resolve(options.dataDir);
  const token = await loadOrCreateToken(dataDir);
  const uploadDir = path.join(dataDir, 'uploads');
  await removeStaleUploads(uploadDir);

  const logger = options.logger ?? pino({ name: 'materials-matcher-api' });
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: limits.jsonBodyBytes,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    genReqId: () => randomUUID(),
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installJsonParser(app);

  const throttle = new LogThrottle();
  installErrorHandler(app, limits, throttle);

  let port = options.port;
  installRequestGuard(app, { token, port: () => port });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unknown';
    request.log.debug({ event: 'request_done', method: request.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request done');
  });

  const context: ApiContext = { engine: options.engine, uploadDir };
  await app.register(fastifyMultipart, { limits: { fileSize: limits.uploadBytes, files: 1 } });
  await registerDocs(app, options.engine.health().version);

  const fallback = options.staticDir ? await registerStaticUi(app, options.staticDir, token) : undefined;
  installNotFoundHandler(app, throttle, fallback);

  registerRoutes(app, context, limits.uploadBytes);

  await listenOrExplain(app, options.port, host);
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error(`Unexpected server address: ${String(address)}`);
  port = address.port;

  const urlHost = host === '::1' ? '[::1]' : host;
  app.log.info({ event: 'api_started', host, port, staticDir: options.staticDir ?? null }, 'API listening');

  return {
    app,
    url: `http://${urlHost}:${port}`,
    token,
    close: async () => {
      await app.close();
      app.log.info({ event: 'api_stopped', port }, 'API stopped');
    },
  };
}

/** Listen, or close the app and explain a port that is taken or not allowed. */
async function listenOrExplain(app: FastifyInstance, port: number, host: string): Promise<void> {
  try {
    await app.listen({ port, host });
  } catch (error) {
    await app.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      const reason = code === 'EADDRINUSE' ? { ru: 'уже занят', en: 'is already in use' } : { ru: 'недоступен без прав администратора', en: 'needs administrator rights' };
      throw new UserError('invalid_argument', {
        ru: `Порт ${port} на ${host} ${reason.ru}. Укажите другой порт.`,
        en: `Port ${port} on ${host} ${reason.en}. Choose another port.`,
      });
    }
    throw error;
  }
}

function registerRoutes(app: ZodApp, context: ApiContext, uploadBytes: number): void {
  registerProcessRoutes(app, context);
  registerReviewRoutes(app, context);
  registerExportRoutes(app, context);
  registerCatalogRoutes(app, context, { uploadLimitBytes: uploadBytes });
  registerPriceListRoutes(app, context, { uploadLimitBytes: uploadBytes });
}
