// Access control of the localhost API: the app's bearer token, kept in DATA_DIR/api-token, and
// the Host and Origin checks that stop DNS rebinding and cross-site requests from web pages.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmod, mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { ApiError } from './errors.js';

export const TOKEN_FILE = 'api-token';
/** Largest JSON body: 10,000 materials of about 1 KB each, with room to spare. */
export const JSON_BODY_LIMIT_BYTES = 16 * 1024 * 1024;

const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[0-9a-f]{64}$/;
const HEALTH_PATH = '/api/v1/materials/process-enhanced/health';

/**
 * Read the token from DATA_DIR/api-token, or create it on first start: 32 random bytes as hex,
 * in a file readable by its owner only (mode 0600; on Windows the mode is not enforced). A file
 * with looser permissions is tightened; a file without a valid token is replaced.
 */
export async function loadOrCreateToken(dataDir: string): Promise<string> {
  await mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, TOKEN_FILE);

  const existing = await readToken(file);
  if (existing !== null) {
    await tightenMode(file);
    return existing;
  }

  const token = randomBytes(TOKEN_BYTES).toString('hex');
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, `${token}\n`, { mode: 0o600, flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  return token;
}

async function readToken(file: string): Promise<string | null> {
  try {
    const text = (await readFile(file, 'utf8')).trim();
    return TOKEN_PATTERN.test(text) ? text : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function tightenMode(file: string): Promise<void> {
  if (process.platform === 'win32') return;
  const info = await stat(file);
  if ((info.mode & 0o077) !== 0) await chmod(file, 0o600);
}

/** Compare two tokens in time that does not depend on where they first differ. */
export function tokensEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Return the token of an `Authorization: Bearer TOKEN` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

/** Host headers the server accepts. Any other Host is a DNS-rebinding attempt or a proxy. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

export function allowedOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`]);
}

/**
 * Routes open without the token: the health check, the OpenAPI document, the docs and the
 * browser UI's static files. Every other route under /api/ needs the token. The decision uses
 * the matched route's pattern, not the raw URL, so a percent-encoded path cannot dodge it.
 */
export function isPublicRoute(routeUrl: string | undefined): boolean {
  if (routeUrl === undefined) return true;
  return routeUrl === HEALTH_PATH || !routeUrl.startsWith('/api/');
}

export interface GuardOptions {
  token: string;
  /** The port the server listens on, known only after listen() when port 0 was asked for. */
  port: () => number;
}

/**
 * Check every request before routing: Host (421 when foreign), Origin (403 when present and
 * foreign), then the bearer token (401) on routes that are not public. A request that matches
 * no route needs no token, because its response is a 404 with no data.
 */
export function installRequestGuard(app: FastifyInstance, options: GuardOptions): void {
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const port = options.port();

    const host = (request.headers.host ?? '').toLowerCase();
    if (!allowedHosts(port).has(host)) {
      throw new ApiError(421, 'host_not_allowed', {
        ru: `Заголовок Host «${host}» не разрешён. Обращайтесь к серверу по адресу http://127.0.0.1:${port}.`,
        en: `Host header "${host}" is not allowed. Address the server as http://127.0.0.1:${port}.`,
      });
    }

    const origin = request.headers.origin;
    if (origin !== undefined && !allowedOrigins(port).has(origin.toLowerCase())) {
      throw new ApiError(403, 'origin_not_allowed', {
        ru: `Запросы со страницы «${origin}» запрещены: API принимает запросы только от своего интерфейса.`,
        en: `Requests from the page "${origin}" are forbidden: the API accepts requests only from its own UI.`,
      });
    }

    if (isPublicRoute(request.routeOptions.url)) return;
    const given = bearerToken(request.headers.authorization);
    if (given === null || !tokensEqual(given, options.token)) {
      void reply.header('www-authenticate', 'Bearer');
      throw new ApiError(401, 'unauthorized', {
        ru: `Нужен токен приложения: заголовок «Authorization: Bearer ТОКЕН». Токен лежит в файле ${TOKEN_FILE} в папке данных.`,
        en: `The app token is required: an "Authorization: Bearer TOKEN" header. The token is in the ${TOKEN_FILE} file in the data folder.`,
      });
    }
  });
}
