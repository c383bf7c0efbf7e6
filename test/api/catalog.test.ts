// Catalog endpoints over real HTTP: import from JSON and from uploaded CSV and XLSX files,
// information and search.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { XLSX } from '../../src-main/io/sheetjs.js';
import { multipartBody, SAMPLE_CATALOG, startApi, startApiWithCatalog } from './helpers.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const IMPORT = '/api/v1/catalog/import';

function upload(field: string, fileName: string, content: Buffer) {
  const { body, contentType } = multipartBody(field, fileName, content);
  return { body, headers: { 'content-type': contentType } };
}

describe('catalog import from JSON', () => {
  it('imports items and returns the version', async () => {
    const api = await startApi();
    const answer = await api.call('POST', IMPORT, { body: { items: SAMPLE_CATALOG } });

    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({ version: 1, item_count: 4, issues: [], issues_total: 0 });
    expect(api.engine.imports[0]!.items[3]).toEqual({ sku: 'PET-4', name: 'Краска белая 10 л', unit: 'шт', category: 'paints' });
    expect(api.engine.imports[0]!.items[0]).not.toHaveProperty('category');
  });

  it('accepts numeric SKUs and a missing unit', async () => {
    const api = await startApi();
    const answer = await api.call('POST', IMPORT, { body: { items: [{ sku: 101, name: 'Песок' }] } });
    expect(answer.status).toBe(200);
    expect(api.engine.imports[0]!.items).toEqual([{ sku: '101', name: 'Песок', unit: '' }]);
  });

  it('rejects duplicate SKUs, blank names and an empty list', async () => {
    const api = await startApi();

    const duplicate = await api.call('POST', IMPORT, { body: { items: [SAMPLE_CATALOG[0], SAMPLE_CATALOG[0]] }, lang: 'en' });
    expect(duplicate.status).toBe(422);
    expect(duplicate.json().details[0]).toMatchObject({ path: 'items.1.sku' });
    expect(duplicate.json().details[0].message).toContain('"PET-1"');

    const blank = await api.call('POST', IMPORT, { body: { items: [{ sku: 'A', name: ' ' }] } });
    expect(blank.json().details[0].path).toBe('items.0.name');

    const empty = await api.call('POST', IMPORT, { body: { items: [] } });
    expect(empty.status).toBe(422);
    expect(empty.json().details[0].path).toBe('items');
    expect(api.engine.imports).toHaveLength(0);
  });

  it('rejects a request with no body', async () => {
    const api = await startApi();
    const answer = await api.call('POST', IMPORT, { lang: 'en' });
    expect(answer.status).toBe(422);
    expect(answer.json().details[0].message).toContain('No catalog was sent');
  });

  it('answers malformed JSON with 400', async () => {
    const api = await startApi();
    const answer = await api.call('POST', IMPORT, { body: '{"items": [}' });
    expect(answer.status).toBe(400);
    expect(answer.json().error).toBe('invalid_json');
  });
});

describe('catalog import from a file', () => {
  it('reads an uploaded CSV file', async () => {
    const api = await startApi();
    const content = readFileSync(join(FIXTURES, 'data', 'catalog.csv'));
    const answer = await api.call('POST', IMPORT, upload('file', 'catalog.csv', content));

    expect(answer.status).toBe(200);
    const body = answer.json();
    expect(body.version).toBe(1);
    expect(body.item_count).toBe(3769);
    expect(api.engine.imports[0]!.source).toEqual({ file: 'catalog.csv' });
    expect(api.engine.imports[0]!.items[0]).toMatchObject({ sku: 'TER-12202', unit: 'шт', category: 'pipes/plumbing' });
  });

  it('reads an uploaded XLSX file and reports skipped rows by the file name', async () => {
    const api = await startApi();
    const sheet = XLSX.utils.aoa_to_sheet([
      ['Артикул', 'Наименование', 'Ед. изм.'],
      ['A-1', 'Цемент М500', 'меш'],
      ['', 'Без артикула', 'шт'],
      ['A-1', 'Повтор', 'шт'],
      ['A-2', 'Песок', 'т'],
    ]);
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(workbook, sheet, 'Каталог');
    const content = XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer;

    const answer = await api.call('POST', IMPORT, { ...upload('file', 'Мой каталог.xlsx', content), lang: 'en' });

    expect(answer.status).toBe(200);
    const body = answer.json();
    expect(body.item_count).toBe(2);
    expect(body.issues_total).toBe(2);
    expect(body.issues[0]).toMatchObject({ code: 'catalog_sku_missing', place: { file: 'Мой каталог.xlsx', sheet: 'Каталог', row: 3 } });
    expect(body.issues[0].message).toMatch(/^Мой каталог\.xlsx, sheet "Каталог", row 3/);
    expect(body.issues[1]).toMatchObject({ code: 'catalog_sku_duplicate', place: { row: 4 } });
    expect(JSON.stringify(body)).not.toContain('uploads');
  });

  it('deletes the uploaded file after reading it', async () => {
    const api = await startApi();
    await api.call('POST', IMPORT, upload('file', 'catalog.csv', Buffer.from('sku,name,unit\nA,Песок,т\n')));
    expect(readdirSync(join(api.dataDir, 'uploads'))).toEqual([]);
  });

  it('names the uploaded file in a read error', async () => {
    const api = await startApi();
    const answer = await api.call('POST', IMPORT, { ...upload('file', 'пустой.csv', Buffer.from('sku,name,unit\n')), lang: 'en' });

    expect(answer.status).toBe(422);
    expect(answer.json().error).toBe('catalog_empty');
    expect(answer.json().message).toMatch(/^пустой\.csv: The catalog is empty/);
    expect(answer.json().place).toEqual({ file: 'пустой.csv' });
    expect(readdirSync(join(api.dataDir, 'uploads'))).toEqual([]);
  });

  it('rejects an unsupported extension', async () => {
    const api = await startApi();
    const answer = await api.call('POST', IMPORT, upload('file', 'catalog.pdf', Buffer.from('%PDF-1.4')));
    expect(answer.status).toBe(422);
    expect(answer.json().error).toBe('file_format_unsupported');
    expect(api.engine.imports).toHaveLength(0);
  });

  it('rejects a form without the file field', async () => {
    const api = await startApi();
    const answer = await api.call('POST', IMPORT, upload('document', 'catalog.csv', Buffer.from('sku,name\nA,B\n')));
    expect(answer.status).toBe(422);
    expect(answer.json().details[0].path).toBe('file');
  });

  it('rejects a file over the upload limit with 413', async () => {
    const api = await startApi({ limits: { uploadBytes: 1024 } });
    const content = Buffer.from(`sku,name,unit\n${'A,Песок,т\n'.repeat(500)}`);
    const answer = await api.call('POST', IMPORT, { ...upload('file', 'big.csv', content), lang: 'en' });

    expect(answer.status).toBe(413);
    expect(answer.json().error).toBe('payload_too_large');
    expect(answer.json().message).toContain('1024 bytes');
    expect(api.engine.imports).toHaveLength(0);
    expect(readdirSync(join(api.dataDir, 'uploads'))).toEqual([]);
  });

  it('rejects another content type with 415', async () => {
    const api = await startApi();
    const answer = await api.call('POST', IMPORT, { body: 'sku,name\nA,B\n', headers: { 'content-type': 'text/csv' } });
    expect(answer.status).toBe(415);
  });
});

describe('catalog info and search', () => {
  it('reports no catalog before an import', async () => {
    const api = await startApi();
    const answer = await api.call('GET', '/api/v1/catalog');
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({ version: null, item_count: 0, embedder_id: null, catalog_file: null, created_at: null });
  });

  it('reports the current version', async () => {
    const api = await startApiWithCatalog();
    const body = (await api.call('GET', '/api/v1/catalog')).json();
    expect(body).toMatchObject({ version: 1, item_count: 4, embedder_id: 'fake-embedder', catalog_file: 'sample.csv' });
    expect(typeof body.created_at).toBe('string');
  });

  it('searches the catalog', async () => {
    const api = await startApiWithCatalog();
    const answer = await api.call('GET', `/api/v1/catalog/search?q=${encodeURIComponent('цемент')}&limit=1`);

    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({ query: 'цемент', results: [{ sku: 'PET-1', name: 'Цемент М500 Д0 50 кг', unit: 'меш', category: null, score: 1 }] });
  });

  it('validates the search query', async () => {
    const api = await startApiWithCatalog();
    for (const query of ['', 'q=', 'q=a&limit=101', 'q=a&limit=0']) {
      const answer = await api.call('GET', `/api/v1/catalog/search?${query}`);
      expect(answer.status, query).toBe(422);
    }
  });
});
