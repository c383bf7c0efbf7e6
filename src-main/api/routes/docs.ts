// The OpenAPI document at /openapi.json, generated from the routes' zod schemas, and Swagger UI
// at /docs, served from the @fastify/swagger-ui package's own files so that it works offline.

import fastifySwagger, { type SwaggerTransform } from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * Content-Security-Policy of the docs pages: only the server's own scripts and styles, and
 * requests only to the server itself. Inline styles are allowed because Swagger UI sets some
 * (Chromium reports a violation without 'unsafe-inline').
 */
const DOCS_CSP = [
  "default-src 'self'",
  "base-uri 'self'",
  "connect-src 'self'",
  "font-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "img-src 'self' data:",
  "object-src 'none'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
].join('; ');

const DESCRIPTION = [
  'Local HTTP API of Materials Matcher: match supplier price-list lines to a reference catalog.',
  'Every route except the health check, this document and /docs needs the app token in an',
  '`Authorization: Bearer TOKEN` header; the token is in the `api-token` file of the data folder.',
  'Messages are in Russian, or in English when Accept-Language prefers English.',
].join(' ');

export async function registerDocs(app: FastifyInstance, version: string): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Materials Matcher API', version, description: DESCRIPTION },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'The token from DATA_DIR/api-token' } } },
      security: [{ bearerAuth: [] }],
      tags: [
        { name: 'process-enhanced', description: 'Batch matching of price-list lines' },
        { name: 'review', description: 'Review decisions' },
        { name: 'export', description: 'Results as spreadsheets' },
        { name: 'catalog', description: 'The reference catalog' },
      ],
    },
    transform: transformWithContentBodies,
  });

  await app.register(fastifySwaggerUi, {
    routePrefix: '/docs',
    staticCSP: DOCS_CSP,
    validatorUrl: false,
    uiConfig: { deepLinking: false, persistAuthorization: false },
  });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}

interface ContentBody {
  content: Record<string, { schema: unknown }>;
}

function isContentBody(body: unknown): body is ContentBody {
  return typeof body === 'object' && body !== null && !(body instanceof z.ZodType) && 'content' in body;
}

/**
 * jsonSchemaTransform from fastify-type-provider-zod, extended to bodies declared per content
 * type (`body: { content: { 'application/json': { schema } } }`), which it does not convert.
 */
const transformWithContentBodies: SwaggerTransform = (document) => {
  const body = document.schema?.body;
  if (!isContentBody(body)) return jsonSchemaTransform(document);

  const { body: _body, ...rest } = document.schema;
  const transformed = jsonSchemaTransform({ ...document, schema: rest });

  const content: Record<string, { schema: unknown }> = {};
  for (const [type, media] of Object.entries(body.content)) {
    const schema = media.schema instanceof z.ZodType ? z.toJSONSchema(media.schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) : media.schema;
    content[type] = { schema };
  }
  return { ...transformed, schema: { ...transformed.schema, body: { content } } };
};
