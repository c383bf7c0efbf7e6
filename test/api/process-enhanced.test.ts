// The batch endpoints over real HTTP: submit, status, results, statistics, retry, cleanup,
// health, cancel and the list of requests, with their error responses.

import { describe, expect, it } from 'vitest';

import { UserError } from '../../src-main/errors.js';
import { materials, startApi, startApiWithCatalog } from './helpers.js';

const BASE = '/api/v1/materials/process-enhanced';

const SAMPLE_MATERIALS = [
  { id: 'a1', name: 'Цемент М500 Д0 50 кг', unit: 'меш', price: '520,00', supplier_code: 'S-1' },
  { id: 'a2', name: 'Цемент марки М300', unit: 'меш', price: 410 },
  { id: 'a3', name: 'Кирпич красный', unit: 'шт' },
  { id: 'a4', name: 'СБОЙ при разборе', unit: 'шт' },
];

describe('POST process-enhanced', () => {
  it('accepts a batch with 202', async () => {
    const api = await startApiWithCatalog();
    const answer = await api.call('POST', BASE, { body: { request_id: 'batch-1', supplier: 'ООО Поставщик', materials: SAMPLE_MATERIALS } });

    expect(answer.status).toBe(202);
    const body = answer.json();
    expect(body.request_id).toBe('batch-1');
    expect(body.materials_count).toBe(4);
    expect(body.status).toBe('accepted');
    expect(Number.isNaN(Date.parse(body.estimated_completion))).toBe(false);
  });

  it('passes price, unit and extra columns to the engine', async () => {
    const api = await startApiWithCatalog();
    await api.call('POST', BASE, { body: { materials: [{ id: 7, name: ' Кирпич ', price: '2 519,50', note: 'срочно', pallet: 3, bulk: true, empty: null }] } });

    const submitted = api.engine.submitted[0]!;
    expect(submitted.source).toBe('api');
    expect(submitted.requestId).toBeUndefined();
    expect(submitted.materials[0]).toEqual({
      id: '7',
      name: 'Кирпич',
      unit: '',
      price: 2519.5,
      extra: { note: 'срочно', pallet: '3', bulk: 'true', empty: '' },
    });
  });

  it('generates a request id when none is given', async () => {
    const api = await startApiWithCatalog();
    const answer = await api.call('POST', BASE, { body: { materials: SAMPLE_MATERIALS } });
    expect(answer.status).toBe(202);
    expect(answer.json().request_id).toMatch(/^fake-/);
  });

  it('rejects an existing request_id with 409', async () => {
    const api = await startApiWithCatalog();
    await api.call('POST', BASE, { body: { request_id: 'same', materials: SAMPLE_MATERIALS } });
    const again = await api.call('POST', BASE, { body: { request_id: 'same', materials: SAMPLE_MATERIALS } });

    expect(again.status).toBe(409);
    expect(again.json().error).toBe('conflict');
    expect(again.json().message).toContain('same');
    expect(api.engine.submitted).toHaveLength(1);
  });

  it('rejects duplicate ids naming the id and indexes', async () => {
    const api = await startApiWithCatalog();
    const list = [
      { id: 'x', name: 'Первый', unit: 'шт' },
      { id: 'y', name: 'Второй', unit: 'шт' },
      { id: 'x', name: 'Третий', unit: 'шт' },
    ];
    const answer = await api.call('POST', BASE, { body: { materials: list }, lang: 'en' });

    expect(answer.status).toBe(422);
    const body = answer.json();
    expect(body.error).toBe('validation_failed');
    expect(body.details).toHaveLength(1);
    expect(body.details[0].path).toBe('materials.2.id');
    expect(body.details[0].message).toContain('"x"');
    expect(body.details[0].message).toContain('indexes 0, 2');
    expect(api.engine.submitted).toHaveLength(0);
  });

  it('treats a numeric id and the same text as duplicates', async () => {
    const api = await startApiWithCatalog();
    const answer = await api.call('POST', BASE, { body: { materials: [{ id: 5, name: 'А' }, { id: '5', name: 'Б' }] } });
    expect(answer.status).toBe(422);
    expect(answer.json().details[0].path).toBe('materials.1.id');
  });

  it('rejects 10,001 items naming the limit', async () => {
    const api = await startApiWithCatalog();
    const answer = await api.call('POST', BASE, { body: { materials: materials(10_001) }, lang: 'en' });

    expect(answer.status).toBe(422);
    const body = answer.json();
    expect(body.details[0].path).toBe('materials');
    expect(body.details[0].message).toContain('10001');
    expect(body.details[0].message).toContain('at most 10000');
  });

  it('accepts exactly 10,000 items', async () => {
    const api = await startApiWithCatalog();
    const answer = await api.call('POST', BASE, { body: { materials: materials(10_000) } });
    expect(answer.status).toBe(202);
    expect(answer.json().materials_count).toBe(10_000);
  });

  it('follows the engine setting for the item limit', async () => {
    const api = await startApiWithCatalog();
    await api.server.close();
    api.engine.settings.maxMaterialsPerRequest = 3;
    const small = await startApiWithCatalog({ engine: api.engine });

    const answer = await small.call('POST', BASE, { body: { materials: materials(4) } });
    expect(answer.status).toBe(422);
    expect(answer.json().details[0].message).toContain('не больше 3');
  });

  it('rejects an empty list and a blank name', async () => {
    const api = await startApiWithCatalog();

    const empty = await api.call('POST', BASE, { body: { materials: [] }, lang: 'en' });
    expect(empty.status).toBe(422);
    expect(empty.json().details).toEqual([{ path: 'materials', message: 'The list must not be empty.' }]);

    const blank = await api.call('POST', BASE, { body: { materials: [{ id: 'a', name: 'ok' }, { id: 'b', name: '   ' }] }, lang: 'en' });
    expect(blank.status).toBe(422);
    expect(blank.json().details).toEqual([{ path: 'materials.1.name', message: 'The value must not be empty.' }]);
  });

  it('reports wrong types with their paths', async () => {
    const api = await startApiWithCatalog();
    const answer = await api.call('POST', BASE, {
      body: { request_id: 12, materials: [{ id: true, name: 5, unit: 'шт', price: 'дорого', nested: { a: 1 } }] },
      lang: 'en',
    });

    expect(answer.status).toBe(422);
    const details = answer.json().details as { path: string; message: string }[];
    const byPath = Object.fromEntries(details.map((detail) => [detail.path, detail.message]));
    expect(byPath['request_id']).toBe('Expected a string, got a number.');
    expect(byPath['materials.0.id']).toBe('Expected a string or a number, got true or false.');
    expect(byPath['materials.0.name']).toBe('Expected a string, got a number.');
    expect(byPath['materials.0.nested']).toContain('Expected');
    expect(byPath['materials.0.price']).toBe('Price "дорого" is not a number.');
  });

  it('rejects a price that is not a number', async () => {
    const api = await startApiWithCatalog();
    const answer = await api.call('POST', BASE, { body: { materials: [{ id: 'a', name: 'Цемент', price: 'дорого' }] }, lang: 'en' });
    expect(answer.status).toBe(422);
    expect(answer.json().details).toEqual([{ path: 'materials.0.price', message: 'Price "дорого" is not a number.' }]);
  });

  it('accepts a null or missing price', async () => {
    const api = await startApiWithCatalog();
    const answer = await api.call('POST', BASE, { body: { materials: [{ id: 'a', name: 'Цемент', price: null }, { id: 'b', name: 'Песок' }] } });
    expect(answer.status).toBe(202);
    expect(api.engine.submitted[0]!.materials.map((material) => material.price)).toEqual([null, null]);
  });

  it('rejects a request_id with unsafe characters', async () => {
    const api = await startApiWithCatalog();
    const answer = await api.call('POST', BASE, { body: { request_id: '../etc', materials: SAMPLE_MATERIALS } });
    expect(answer.status).toBe(422);
    expect(answer.json().details[0].path).toBe('request_id');
  });

  it('answers malformed JSON with 400', async () => {
    const api = await startApiWithCatalog();
    const answer = await api.call('POST', BASE, { body: '{"materials": [', lang: 'en' });

    expect(answer.status).toBe(400);
    expect(answer.json().error).toBe('invalid_json');
    expect(answer.json().message).toMatch(/^The request body is not valid JSON: .*JSON/);
  });

  it('answers an empty JSON body with 400', async () => {
    const api = await startApiWithCatalog();
    const answer = await api.call('POST', BASE, { body: '' });
    expect(answer.status).toBe(400);
    expect(answer.json().error).toBe('invalid_json');
  });

  it('rejects a __proto__ key', async () => {
    const api = await startApiWithCatalog();
    const answer = await api.call('POST', BASE, { body: '{"materials":[{"id":"a","name":"b","__proto__":{"x":1}}]}', lang: 'en' });
    expect(answer.status).toBe(400);
    expect(answer.json().message).toContain('__proto__');
  });

  it('rejects a body over 16 MB with 413', async () => {
    const api = await startApiWithCatalog();
    const big = JSON.stringify({ materials: [{ id: 'a', name: 'x'.repeat(17 * 1024 * 1024) }] });
    const answer = await api.call('POST', BASE, { body: big, lang: 'en' });

    expect(answer.status).toBe(413);
    expect(answer.json().error).toBe('payload_too_large');
    expect(answer.json().message).toContain('16 MB');
  });

  it('rejects a non-JSON content type with 415', async () => {
    const api = await startApiWithCatalog();
    const answer = await api.call('POST', BASE, { body: 'id,name', headers: { 'content-type': 'text/csv' } });
    expect(answer.status).toBe(415);
    expect(answer.json().error).toBe('unsupported_media_type');
  });

  it('gives messages in Russian by default and English on request', async () => {
    const api = await startApiWithCatalog();
    const body = { materials: [{ id: 'a', name: '' }] };

    const none = await api.call('POST', BASE, { body });
    const russian = await api.call('POST', BASE, { body, lang: 'ru-RU,ru;q=0.9,en;q=0.8' });
    const english = await api.call('POST', BASE, { body, lang: 'en-US,en;q=0.9,ru;q=0.5' });
    const other = await api.call('POST', BASE, { body, lang: 'de-DE' });

    expect(none.json().details[0].message).toBe('Значение не должно быть пустым.');
    expect(russian.json().details[0].message).toBe('Значение не должно быть пустым.');
    expect(english.json().details[0].message).toBe('The value must not be empty.');
    expect(other.json().details[0].message).toBe('Значение не должно быть пустым.');
    expect(english.json().message).toContain('The request is invalid');
    expect(russian.json().message).toContain('Запрос не прошёл проверку');
  });

  it('turns an engine UserError into 422 with its code', async () => {
    const api = await startApi();
    const ru = await api.call('POST', BASE, { body: { materials: SAMPLE_MATERIALS } });
    const en = await api.call('POST', BASE, { body: { materials: SAMPLE_MATERIALS }, lang: 'en' });

    expect(ru.status).toBe(422);
    expect(ru.json().error).toBe('catalog_empty');
    expect(ru.json().message).toBe('Каталог не загружен: сначала импортируйте каталог.');
    expect(en.json().message).toBe('No catalog is loaded: import a catalog first.');
  });

  it('hides an unexpected error behind a 500', async () => {
    const api = await startApiWithCatalog();
    api.engine.failures.set('submit', new Error('database is locked at /secret/path'));
    const answer = await api.call('POST', BASE, { body: { materials: SAMPLE_MATERIALS }, lang: 'en' });

    expect(answer.status).toBe(500);
    const body = answer.json();
    expect(body.error).toBe('internal_error');
    expect(body.message).not.toContain('secret');
    expect(body.message).toContain(body.trace_id);

    const logged = api.logs.map((line) => JSON.parse(line)).find((entry) => entry.event === 'request_failed');
    expect(logged.status).toBe(500);
    expect(logged.reqId).toBe(body.trace_id);
    expect(logged.err.message).toContain('database is locked');
  });
});

describe('status and results', () => {
  async function submitted() {
    const api = await startApiWithCatalog();
    await api.call('POST', BASE, { body: { request_id: 'r1', supplier: 'Поставщик', materials: SAMPLE_MATERIALS } });
    return api;
  }

  it('reports the status of a request', async () => {
    const api = await submitted();
    const answer = await api.call('GET', `${BASE}/status/r1`);

    expect(answer.status).toBe(200);
    const body = answer.json();
    expect(body.request_id).toBe('r1');
    expect(body.status).toBe('completed');
    expect(body.supplier).toBe('Поставщик');
    expect(body.progress).toEqual({ total: 4, completed: 4, failed: 1, pending: 0, percentage: 100 });
    expect(body.counts_by_status).toEqual({ pending: 0, processing: 0, matched: 1, needs_review: 1, no_match: 1, failed: 1, total: 4 });
    expect(body.catalog_version).toBe('1');
    expect(body.lines_per_second).toBe(100);
    for (const field of ['created_at', 'started_at', 'completed_at', 'estimated_completion']) expect(typeof body[field]).toBe('string');
  });

  it('reports progress of a pending request', async () => {
    const api = await startApiWithCatalog();
    api.engine.hold = true;
    await api.call('POST', BASE, { body: { request_id: 'wait', materials: SAMPLE_MATERIALS } });
    const body = (await api.call('GET', `${BASE}/status/wait`)).json();

    expect(body.status).toBe('pending');
    expect(body.progress).toEqual({ total: 4, completed: 0, failed: 0, pending: 4, percentage: 0 });
    expect(body.started_at).toBeNull();
  });

  it('answers 404 for an unknown request', async () => {
    const api = await submitted();
    for (const path of [`${BASE}/status/nope`, `${BASE}/results/nope`, `${BASE}/export/nope`]) {
      const answer = await api.call('GET', path, { lang: 'en' });
      expect(answer.status, path).toBe(404);
      expect(answer.json()).toEqual({ error: 'not_found', message: 'Request "nope" not found. Check the request_id or the list of requests.' });
    }
  });

  it('returns result rows with candidates and reasons', async () => {
    const api = await submitted();
    const answer = await api.call('GET', `${BASE}/results/r1`, { lang: 'en' });

    expect(answer.status).toBe(200);
    const body = answer.json();
    expect(body).toMatchObject({ request_id: 'r1', page: 1, page_size: 100, total_items: 4, total_pages: 1 });
    expect(body.summary).toEqual({ pending: 0, processing: 0, matched: 1, needs_review: 1, no_match: 1, failed: 1, total: 4 });

    const first = body.results[0];
    expect(first).toMatchObject({
      material_id: 'a1',
      row_number: 1,
      original_name: 'Цемент М500 Д0 50 кг',
      original_unit: 'меш',
      price: 520,
      processing_status: 'matched',
      sku: 'PET-1',
      catalog_name: 'Цемент М500 Д0 50 кг',
      catalog_unit: 'меш',
      similarity_score: 0.95,
      unit_coefficient: 1,
      retry_count: 0,
      error_message: null,
      review: null,
    });
    expect(first.input).toEqual({ id: 'a1', name: 'Цемент М500 Д0 50 кг', unit: 'меш', price: '520', supplier_code: 'S-1' });
    expect(first.candidates[0]).toEqual({
      sku: 'PET-1',
      name: 'Цемент М500 Д0 50 кг',
      unit: 'меш',
      score: 0.95,
      unit_coefficient: 1,
      reasons: [{ code: 'text_similarity', detail: '0.95', text: 'name similarity: 0.95' }],
    });
    expect(body.results[3]).toMatchObject({ processing_status: 'failed', error_message: 'fake failure' });
  });

  it('gives reason texts in the request language', async () => {
    const api = await submitted();
    const body = (await api.call('GET', `${BASE}/results/r1?status=matched`)).json();
    expect(body.results[0].reasons[0].text).toBe('сходство наименований: 0.95');
  });

  it('paginates and filters results', async () => {
    const api = await submitted();

    const page2 = (await api.call('GET', `${BASE}/results/r1?page=2&page_size=3`)).json();
    expect(page2).toMatchObject({ page: 2, page_size: 3, total_items: 4, total_pages: 2 });
    expect(page2.results.map((row: { material_id: string }) => row.material_id)).toEqual(['a4']);

    const matched = (await api.call('GET', `${BASE}/results/r1?status=matched&search=`)).json();
    expect(matched.results.map((row: { material_id: string }) => row.material_id)).toEqual(['a1']);

    const searched = (await api.call('GET', `${BASE}/results/r1?search=${encodeURIComponent('цемент')}`)).json();
    expect(searched.total_items).toBe(2);

    const scored = (await api.call('GET', `${BASE}/results/r1?min_score=0.5&max_score=0.7`)).json();
    expect(scored.results.map((row: { material_id: string }) => row.material_id)).toEqual(['a2']);
  });

  it('validates the results query', async () => {
    const api = await submitted();
    const cases: [string, string][] = [
      ['page_size=1001', 'page_size'],
      ['page_size=0', 'page_size'],
      ['page=abc', 'page'],
      ['status=pending', 'status'],
      ['min_score=2', 'min_score'],
      ['min_score=0.9&max_score=0.1', 'min_score'],
    ];
    for (const [query, path] of cases) {
      const answer = await api.call('GET', `${BASE}/results/r1?${query}`);
      expect(answer.status, query).toBe(422);
      expect(answer.json().details[0].path, query).toBe(path);
    }
  });
});

describe('statistics, retry, cleanup, cancel, requests, health', () => {
  it('returns statistics over all requests', async () => {
    const api = await startApiWithCatalog();
    await api.call('POST', BASE, { body: { materials: SAMPLE_MATERIALS } });
    const answer = await api.call('GET', `${BASE}/statistics`);

    expect(answer.status).toBe(200);
    const body = answer.json();
    expect(body.totals.total).toBe(4);
    expect(body.requests).toEqual({ pending: 0, running: 0, completed: 1, cancelled: 0, failed: 0 });
    expect(body.mean_score).toBeCloseTo((0.95 + 0.6 + 0.2) / 3, 6);
    expect(body.per_day[0]).toMatchObject({ total: 4, matched: 1, needs_review: 1, no_match: 1, failed: 1 });
    expect(body.score_histogram).toEqual([
      { from: 0, to: 0.5, count: 1 },
      { from: 0.5, to: 1, count: 2 },
    ]);
  });

  it('retries failed lines', async () => {
    const api = await startApiWithCatalog();
    await api.call('POST', BASE, { body: { request_id: 'r1', materials: SAMPLE_MATERIALS } });

    const some = await api.call('POST', `${BASE}/retry`, { body: { request_id: 'r1', material_ids: ['a1'] } });
    expect(some.status).toBe(200);
    expect(some.json()).toEqual({ retried: 0 });

    const all = await api.call('POST', `${BASE}/retry`);
    expect(all.json()).toEqual({ retried: 1 });
  });

  it('validates retry requests', async () => {
    const api = await startApiWithCatalog();
    const unknown = await api.call('POST', `${BASE}/retry`, { body: { request_id: 'ghost' } });
    expect(unknown.status).toBe(404);

    const idsOnly = await api.call('POST', `${BASE}/retry`, { body: { material_ids: ['a'] } });
    expect(idsOnly.status).toBe(422);
    expect(idsOnly.json().details[0].path).toBe('request_id');

    const wrongType = await api.call('POST', `${BASE}/retry`, { body: { request_id: 'r1', material_ids: 'a1' } });
    expect(wrongType.status).toBe(422);
    expect(wrongType.json().details[0].path).toBe('material_ids');
  });

  it('deletes old requests on cleanup', async () => {
    const api = await startApiWithCatalog();
    await api.call('POST', BASE, { body: { request_id: 'old', materials: SAMPLE_MATERIALS } });
    await api.call('POST', BASE, { body: { request_id: 'new', materials: SAMPLE_MATERIALS.slice(0, 1) } });
    api.engine.backdate('old', 40);

    const answer = await api.call('DELETE', `${BASE}/cleanup?days=30`);
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({ deleted_requests: 1, deleted_results: 4 });
    expect((await api.call('GET', `${BASE}/status/old`)).status).toBe(404);
    expect((await api.call('GET', `${BASE}/status/new`)).status).toBe(200);
  });

  it('defaults cleanup to 30 days and rejects days below 1', async () => {
    const api = await startApiWithCatalog();
    await api.call('POST', BASE, { body: { request_id: 'recent', materials: SAMPLE_MATERIALS } });
    api.engine.backdate('recent', 29);

    expect((await api.call('DELETE', `${BASE}/cleanup`)).json()).toEqual({ deleted_requests: 0, deleted_results: 0 });
    for (const days of ['0', '-1', '1.5', 'x']) {
      const answer = await api.call('DELETE', `${BASE}/cleanup?days=${days}`);
      expect(answer.status, days).toBe(422);
      expect(answer.json().details[0].path).toBe('days');
    }
  });

  it('cancels a pending request once', async () => {
    const api = await startApiWithCatalog();
    api.engine.hold = true;
    await api.call('POST', BASE, { body: { request_id: 'c1', materials: SAMPLE_MATERIALS } });

    const first = await api.call('POST', `${BASE}/cancel/c1`);
    expect(first.status).toBe(200);
    expect(first.json()).toEqual({ request_id: 'c1', cancelled: true, status: 'cancelled' });

    const second = await api.call('POST', `${BASE}/cancel/c1`, { lang: 'en' });
    expect(second.status).toBe(409);
    expect(second.json().message).toContain('status cancelled');

    expect((await api.call('POST', `${BASE}/cancel/ghost`)).status).toBe(404);
  });

  it('lists recent requests newest first', async () => {
    const api = await startApiWithCatalog();
    let clock = Date.parse('2026-01-01T00:00:00Z');
    api.engine.now = () => new Date((clock += 1000));
    for (const id of ['q1', 'q2', 'q3']) await api.call('POST', BASE, { body: { request_id: id, materials: SAMPLE_MATERIALS.slice(0, 1) } });

    const answer = await api.call('GET', `${BASE}/requests?limit=2`);
    expect(answer.status).toBe(200);
    expect(answer.json().requests.map((job: { request_id: string }) => job.request_id)).toEqual(['q3', 'q2']);
    expect((await api.call('GET', `${BASE}/requests?limit=0`)).status).toBe(422);
    expect((await api.call('GET', `${BASE}/requests`)).json().requests).toHaveLength(3);
  });

  it('reports health without a token', async () => {
    const api = await startApiWithCatalog();
    const answer = await api.call('GET', `${BASE}/health`, { token: false });

    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({
      status: 'ok',
      version: '0.1.0-test',
      uptime_seconds: 12.5,
      workers: 1,
      catalog: { version: 1, item_count: 4 },
      queue: { pending_lines: 0, running_requests: 0 },
    });
  });

  it('passes a UserError from retry through as 422', async () => {
    const api = await startApiWithCatalog();
    api.engine.failures.set('retry', new UserError('invalid_argument', { ru: 'Нельзя.', en: 'Not allowed.' }));
    const answer = await api.call('POST', `${BASE}/retry`, { lang: 'en' });
    expect(answer.status).toBe(422);
    expect(answer.json()).toMatchObject({ error: 'invalid_argument', message: 'Not allowed.' });
  });
});
