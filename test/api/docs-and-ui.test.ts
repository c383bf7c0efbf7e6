// The OpenAPI document, Swagger UI at /docs, the browser UI served from a static folder, and the
// Accept-Language parsing behind the answers' language.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { preferredLanguage } from '../../src-main/api/language.js';
import { injectToken } from '../../src-main/api/static-ui.js';
import { startApi, tempDir } from './helpers.js';

const BASE = '/api/v1/materials/process-enhanced';

describe('OpenAPI document', () => {
  it('lists every API route', async () => {
    const api = await startApi();
    const answer = await api.call('GET', '/openapi.json', { token: false });

    expect(answer.status).toBe(200);
    const document = answer.json();
    expect(document.openapi).toBe('3.0.3');
    expect(document.info.version).toBe('0.1.0-test');

    const operations = Object.entries(document.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    expect(operations).toEqual(
      [
        `POST ${BASE}`,
        `GET ${BASE}/status/{request_id}`,
        `GET ${BASE}/results/{request_id}`,
        `GET ${BASE}/statistics`,
        `POST ${BASE}/retry`,
        `DELETE ${BASE}/cleanup`,
        `GET ${BASE}/health`,
        `POST ${BASE}/cancel/{request_id}`,
        `GET ${BASE}/requests`,
        `POST ${BASE}/results/{request_id}/{material_id}/review`,
        `GET ${BASE}/export/{request_id}`,
        'POST /api/v1/catalog/import',
        'GET /api/v1/catalog',
        'GET /api/v1/catalog/search',
        'POST /api/v1/price-lists',
        'GET /api/v1/price-lists/{upload_id}',
        'POST /api/v1/price-lists/{upload_id}/start',
      ].sort(),
    );
  });

  it('describes bodies, parameters and security from the schemas', async () => {
    const api = await startApi();
    const document = (await api.call('GET', '/openapi.json', { token: false })).json();

    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.security).toEqual([{ bearerAuth: [] }]);
    expect(document.paths[`${BASE}/health`].get.security).toEqual([]);

    const submit = document.paths[BASE].post.requestBody.content['application/json'].schema;
    expect(submit.properties.materials.maxItems).toBe(10_000);
    expect(submit.properties.materials.items.required).toEqual(['id', 'name']);
    expect(submit.properties.request_id.pattern).toBeDefined();

    const results = document.paths[`${BASE}/results/{request_id}`].get;
    const parameters = (results.parameters as { name: string; in: string }[]).map((parameter) => `${parameter.in}:${parameter.name}`);
    expect(parameters).toEqual(expect.arrayContaining(['path:request_id', 'query:page', 'query:page_size', 'query:status', 'query:min_score']));
    expect(results.responses['200'].content['application/json'].schema.properties.results.type).toBe('array');

    const importBody = document.paths['/api/v1/catalog/import'].post.requestBody.content;
    expect(Object.keys(importBody).sort()).toEqual(['application/json', 'multipart/form-data']);
    expect(importBody['application/json'].schema.properties.items.type).toBe('array');
    expect(importBody['multipart/form-data'].schema.properties.file.format).toBe('binary');

    const exported = document.paths[`${BASE}/export/{request_id}`].get.responses['200'].content;
    expect(Object.keys(exported)).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv']);
  });
});

describe('Swagger UI', () => {
  it('serves the docs page from local files', async () => {
    const api = await startApi();
    const page = await api.call('GET', '/docs', { token: false });

    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('swagger-ui-bundle.js');
    expect(page.text).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);

    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('serves the Swagger UI scripts', async () => {
    const api = await startApi();
    const script = await api.call('GET', '/docs/static/swagger-ui-bundle.js', { token: false });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toContain('javascript');
    expect(script.body.length).toBeGreaterThan(100_000);

    const initializer = await api.call('GET', '/docs/static/swagger-initializer.js', { token: false });
    expect(initializer.status).toBe(200);
    expect(initializer.text).toContain('validatorUrl: null');
  });
});

describe('browser UI', () => {
  function uiFolder(): string {
    const root = tempDir('mm-ui-');
    const dir = join(root, 'dist');
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="ru"><head><title>MM</title></head><body><div id="root"></div></body></html>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log("app");');
    writeFileSync(join(dir, '.env'), 'SECRET=1');
    writeFileSync(join(root, 'outside.txt'), 'outside the UI folder');
    return dir;
  }

  it('serves index.html with the token at / and /index.html', async () => {
    const api = await startApi({ staticDir: uiFolder() });
    for (const path of ['/', '/index.html']) {
      const page = await api.call('GET', path, { token: false });
      expect(page.status, path).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.headers['x-frame-options']).toBe('DENY');
      expect(page.text).toContain(`<head><meta name="mm-token" content="${api.server.token}"><title>MM</title>`);
    }
  });

  it('gives no page to a foreign Host', async () => {
    const api = await startApi({ staticDir: uiFolder() });
    const page = await api.call('GET', '/', { token: false, headers: { host: `rebound.example:${api.port}` } });
    expect(page.status).toBe(421);
    expect(page.text).not.toContain(api.server.token);
  });

  it('serves static files without the token tag', async () => {
    const api = await startApi({ staticDir: uiFolder() });
    const script = await api.call('GET', '/assets/app.js', { token: false });
    expect(script.status).toBe(200);
    expect(script.text).toBe('console.log("app");');
    expect(script.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers client-side routes with index.html', async () => {
    const api = await startApi({ staticDir: uiFolder() });
    const page = await api.call('GET', '/review/r1', { token: false, headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('mm-token');
  });

  it('keeps JSON 404 answers for missing files and API routes', async () => {
    const api = await startApi({ staticDir: uiFolder() });

    const file = await api.call('GET', '/assets/missing.js', { token: false });
    expect(file.status).toBe(404);
    expect(file.json().error).toBe('not_found');

    const route = await api.call('GET', '/api/v1/unknown', { headers: { accept: 'text/html' } });
    expect(route.status).toBe(404);
    expect(route.text).not.toContain('mm-token');
  });

  it('serves no dotfiles and nothing outside the folder', async () => {
    const api = await startApi({ staticDir: uiFolder() });
    for (const path of ['/.env', '/../outside.txt', '/%2e%2e/outside.txt', '/assets/..%2f..%2foutside.txt']) {
      const answer = await api.call('GET', path, { token: false });
      expect(answer.status, path).not.toBe(200);
      expect(answer.text, path).not.toContain('SECRET');
      expect(answer.text, path).not.toContain('outside the UI folder');
    }
  });

  it('still serves the API and docs next to the UI', async () => {
    const api = await startApi({ staticDir: uiFolder() });
    expect((await api.call('GET', `${BASE}/statistics`)).status).toBe(200);
    expect((await api.call('GET', `${BASE}/statistics`, { token: false })).status).toBe(401);
    expect((await api.call('GET', '/docs', { token: false })).status).toBe(200);
  });

  it('inserts the tag into pages with and without a head', () => {
    expect(injectToken('<html><HEAD lang="x"><title>t</title></HEAD></html>', 'abc')).toBe('<html><HEAD lang="x"><meta name="mm-token" content="abc"><title>t</title></HEAD></html>');
    expect(injectToken('<p>bare</p>', 'abc')).toBe('<meta name="mm-token" content="abc"><p>bare</p>');
  });
});

describe('Accept-Language', () => {
  it('picks English only when English is preferred', () => {
    const cases: [string | undefined, 'ru' | 'en'][] = [
      [undefined, 'ru'],
      ['', 'ru'],
      ['en', 'en'],
      ['en-US,en;q=0.9', 'en'],
      ['ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7', 'ru'],
      ['en-GB;q=0.8, ru;q=0.9', 'ru'],
      ['de-DE, en;q=0.5', 'en'],
      ['de-DE, fr', 'ru'],
      ['en;q=0, ru;q=0.1', 'ru'],
      ['EN-us', 'en'],
      ['*', 'ru'],
    ];
    for (const [header, expected] of cases) expect(preferredLanguage(header), String(header)).toBe(expected);
  });
});
