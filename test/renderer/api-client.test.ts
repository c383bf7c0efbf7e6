// @vitest-environment jsdom
// The renderer's API client: token and language headers, query strings, error messages.

import { afterEach, describe, expect, it } from 'vitest';

import { ApiError, createApiClient, fileNameFrom } from '../../src-renderer/api/client';
import { createFakeApi, DONE_JOB } from './fake-api';

let language: 'ru' | 'en' = 'ru';
const originalFetch = globalThis.fetch;

function client() {
  return createApiClient({
    language: () => language,
    fallbackMessage: (kind, status) => `${kind} ${status}`,
  });
}

function setToken(token: string | null): void {
  document.head.querySelector('meta[name="mm-token"]')?.remove();
  if (token === null) return;
  const meta = document.createElement('meta');
  meta.name = 'mm-token';
  meta.content = token;
  document.head.appendChild(meta);
}

afterEach(() => {
  globalThis.fetch = originalFetch;
  setToken(null);
  language = 'ru';
});

describe('API client', () => {
  it('sends the page token and the UI language', async () => {
    const fake = createFakeApi();
    globalThis.fetch = fake.fetch;
    setToken('secret-123');
    language = 'en';

    await client().jobs.list(7);

    const request = fake.requests[0]!;
    expect(request.path).toBe('/api/v1/materials/process-enhanced/requests');
    expect(request.query.get('limit')).toBe('7');
    expect(request.headers.get('authorization')).toBe('Bearer secret-123');
    expect(request.headers.get('accept-language')).toBe('en');
  });

  it('sends no Authorization without a token tag', async () => {
    const fake = createFakeApi();
    globalThis.fetch = fake.fetch;

    await client().catalog.info();

    expect(fake.requests[0]!.headers.has('authorization')).toBe(false);
  });

  it('leaves empty filters out of the query', async () => {
    const fake = createFakeApi();
    globalThis.fetch = fake.fetch;

    await client().results.page(DONE_JOB.request_id, { page: 2, page_size: 1000, search: '', min_score: 0.5 });

    const query = fake.requests[0]!.query;
    expect(query.get('page')).toBe('2');
    expect(query.get('min_score')).toBe('0.5');
    expect(query.has('search')).toBe(false);
    expect(query.has('status')).toBe(false);
  });

  it('sends review decisions as JSON', async () => {
    const fake = createFakeApi();
    globalThis.fetch = fake.fetch;

    await client().results.review('req 1', 'm/2', { action: 'choose', sku: 'SKU-9', apply_to_identical: true });

    const request = fake.requests[0]!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/api/v1/materials/process-enhanced/results/req%201/m%2F2/review');
    expect(request.body).toEqual({ action: 'choose', sku: 'SKU-9', apply_to_identical: true });
    expect(request.headers.get('content-type')).toBe('application/json');
  });

  it('shows the server message on failure', async () => {
    globalThis.fetch = createFakeApi().fetch;

    const failure = await client().jobs.status('missing').catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(404);
    expect((failure as ApiError).code).toBe('not_found');
    expect((failure as ApiError).message).toContain('не найден');
  });

  it('falls back when the body is not JSON', async () => {
    globalThis.fetch = (async () => new Response('<html>', { status: 502 })) as typeof fetch;

    const failure = (await client().statistics().catch((error: unknown) => error)) as ApiError;

    expect(failure.status).toBe(502);
    expect(failure.message).toBe('http 502');
  });

  it('reports an unreachable server', async () => {
    globalThis.fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;

    const failure = (await client().catalog.info().catch((error: unknown) => error)) as ApiError;

    expect(failure.code).toBe('network');
    expect(failure.message).toBe('network 0');
  });

  it('uploads the file in the file field', async () => {
    const fake = createFakeApi();
    globalThis.fetch = fake.fetch;

    const preview = await client().priceLists.upload(new File(['a;b'], 'prais.csv'));

    const body = fake.requests[0]!.body as FormData;
    expect(fake.requests[0]!.path).toBe('/api/v1/price-lists');
    expect((body.get('file') as File).name).toBe('prais.csv');
    expect(preview.mapping.name).toBe(1);
  });
});

describe('Content-Disposition file name', () => {
  it('plain and quoted', () => {
    expect(fileNameFrom('attachment; filename="materials-r1.xlsx"')).toBe('materials-r1.xlsx');
    expect(fileNameFrom('attachment; filename=out.csv')).toBe('out.csv');
  });

  it('UTF-8 form wins', () => {
    expect(fileNameFrom("attachment; filename=\"a.xlsx\"; filename*=UTF-8''%D0%BF%D1%80%D0%B0%D0%B9%D1%81.xlsx")).toBe('прайс.xlsx');
  });

  it('missing header', () => {
    expect(fileNameFrom(null)).toBeNull();
  });
});
