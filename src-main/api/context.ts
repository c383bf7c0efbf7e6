// The dependencies that createApiServer passes to every route module.

import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

import type { MatchEngine } from '../engine/engine-types.js';

export interface ApiContext {
  engine: MatchEngine;
  /** Folder for uploaded files while they are read; each upload is deleted when its request ends. */
  uploadDir: string;
}

/** A Fastify instance whose routes take zod schemas. */
export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression<RawServerDefault>,
  RawReplyDefaultExpression<RawServerDefault>,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export const PROCESS_BASE = '/api/v1/materials/process-enhanced';
export const CATALOG_BASE = '/api/v1/catalog';
