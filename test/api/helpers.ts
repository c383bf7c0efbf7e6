// Starting the API server on 127.0.0.1 with a fake engine, and a small HTTP client over
// node:http that can send any Host, Origin or body (fetch forbids setting Host).

import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';

import pino from 'pino';
import { afterEach } from 'vitest';

import { createApiServer, type ApiServer, type ApiServerOptions } from '../../src-main/api/server.js';
import { FakeEngine } from './fake-engine.js';

export interface TestApi {
  server: ApiServer;
  engine: FakeEngine;
  dataDir: string;
  port: number;
  /** Every log line the server wrote, as text. */
  logs: string[];
  call(method: string, path: string, options?: CallOptions): Promise<Answer>;
}

export interface CallOptions {
  /** A value sent as JSON, or a string or Buffer sent as is. */
  body?: unknown;
  headers?: Record<string, string>;
  /** false: no Authorization header; a string: that token. Default: the server's token. */
  token?: false | string;
  /** Accept-Language header; none when missing. */
  lang?: string;
}

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
  json: <T = Record<string, any>>() => T;
}

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

export function tempDir(prefix = 'mm-api-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Create a pino logger that keeps its lines in memory. */
export function memoryLogger(): { logger: pino.Logger; logs: string[] } {
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(chunk.toString('utf8'));
      callback();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), logs };
}

export async function startApi(options: Partial<ApiServerOptions> & { engine?: FakeEngine } = {}): Promise<TestApi> {
  const engine = options.engine ?? new FakeEngine();
  const dataDir = options.dataDir ?? tempDir();
  const { logger, logs } = memoryLogger();
  const server = await createApiServer({ port: 0, logger, ...options, engine, dataDir });
  cleanups.push(() => server.close());

  const port = Number(new URL(server.url).port);
  const call = (method: string, path: string, callOptions: CallOptions = {}) => send(port, server.token, method, path, callOptions);
  return { server, engine, dataDir, port, logs, call };
}

/** Start a server with a small catalog loaded. */
export async function startApiWithCatalog(options: Partial<ApiServerOptions> & { engine?: FakeEngine } = {}): Promise<TestApi> {
  const api = await startApi(options);
  await api.engine.importCatalog(SAMPLE_CATALOG, { file: 'sample.csv' });
  return api;
}

export const SAMPLE_CATALOG = [
  { sku: 'PET-1', name: 'Цемент М500 Д0 50 кг', unit: 'меш' },
  { sku: 'PET-2', name: 'Цемент М400 Д20 50 кг', unit: 'меш' },
  { sku: 'PET-3', name: 'Гипсокартон Knauf 12,5 мм', unit: 'лист' },
  { sku: 'PET-4', name: 'Краска белая 10 л', unit: 'шт', category: 'paints' },
];

export function send(port: number, token: string, method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { host: `127.0.0.1:${port}`, ...options.headers };
  if (options.token !== false) headers.authorization = `Bearer ${options.token ?? token}`;
  if (options.lang !== undefined) headers['accept-language'] = options.lang;

  let payload: Buffer | undefined;
  if (options.body !== undefined) {
    if (Buffer.isBuffer(options.body)) payload = options.body;
    else if (typeof options.body === 'string') payload = Buffer.from(options.body, 'utf8');
    else payload = Buffer.from(JSON.stringify(options.body), 'utf8');
    headers['content-type'] ??= 'application/json';
    headers['content-length'] = String(payload.length);
  }

  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        const text = body.toString('utf8');
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body, text, json: () => JSON.parse(text) });
      });
      response.on('error', reject);
    });
    request.setTimeout(30_000, () => request.destroy(new Error(`${method} ${path} timed out`)));
    request.on('error', reject);
    request.end(payload);
  });
}

/** Build a multipart/form-data body with one file field. */
export function multipartBody(field: string, fileName: string, content: Buffer): { body: Buffer; contentType: string } {
  const boundary = `----mm-test-${Date.now().toString(16)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    'utf8',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
  return { body: Buffer.concat([head, content, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

export function materials(count: number, make: (i: number) => Record<string, unknown> = (i) => ({ id: `m${i}`, name: `Товар ${i}`, unit: 'шт' })) {
  return Array.from({ length: count }, (_, i) => make(i));
}
