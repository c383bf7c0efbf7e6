// The browser UI's built files, served at / by the headless server.
//
// The UI gets the API token from the page itself: index.html is sent with
// `<meta name="mm-token" content="TOKEN">` added to its <head>, and the UI reads that tag and
// sends the token in an Authorization header. The request guard has already rejected any request
// whose Host header is not 127.0.0.1:PORT or localhost:PORT. So a page under another domain that
// resolves to 127.0.0.1 by DNS rebinding gets no index.html, and a page of another origin cannot
// read this page's content in a browser. The page is sent with `Cache-Control: no-store` so the
// token is not kept in the browser cache.

import { readFile } from 'node:fs/promises';
import path from 'node:path';

import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { ApiError } from './errors.js';

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** Insert the token tag right after the opening <head> tag, or at the start of a page without one. */
export function injectToken(html: string, token: string): string {
  const tag = `<meta name="mm-token" content="${token}">`;
  const head = /<head(?:\s[^>]*)?>/i.exec(html);
  if (!head) return tag + html;
  const end = head.index + head[0].length;
  return html.slice(0, end) + tag + html.slice(end);
}

/**
 * Serve `staticDir` at / with the token-bearing index.html at `/` and `/index.html`. Returns the
 * fallback for unknown paths: a browser navigation (GET accepting HTML, outside /api/) gets
 * index.html so that the UI's own client-side routes load.
 */
export async function registerStaticUi(
  app: FastifyInstance,
  staticDir: string,
  token: string,
): Promise<(request: FastifyRequest, reply: FastifyReply) => Promise<boolean>> {
  const root = path.resolve(staticDir);
  const indexFile = path.join(root, 'index.html');

  const sendIndex = async (reply: FastifyReply): Promise<FastifyReply> => {
    let html: string;
    try {
      html = await readFile(indexFile, 'utf8');
    } catch {
      throw new ApiError(404, 'not_found', {
        ru: `Интерфейс не собран: нет файла ${indexFile}.`,
        en: `The UI is not built: ${indexFile} is missing.`,
      });
    }
    return reply.headers(PAGE_HEADERS).send(injectToken(html, token));
  };

  app.get('/', { schema: { hide: true } }, async (_request, reply) => sendIndex(reply));
  app.get('/index.html', { schema: { hide: true } }, async (_request, reply) => sendIndex(reply));

  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    index: false,
    wildcard: true,
    dotfiles: 'deny',
    setHeaders: (reply) => {
      void reply.header('x-content-type-options', 'nosniff');
    },
  });

  return async (request, reply) => {
    const pathname = request.url.split('?')[0] ?? '';
    const wantsPage = request.method === 'GET' && !pathname.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
    if (!wantsPage) return false;
    await sendIndex(reply);
    return true;
  };
}
