// Review decisions and spreadsheet export over real HTTP.

import { describe, expect, it } from 'vitest';

import { XLSX } from '../../src-main/io/sheetjs.js';
import { startApiWithCatalog, type TestApi } from './helpers.js';

const BASE = '/api/v1/materials/process-enhanced';

const LINES = [
  { id: 'l1', name: 'Цемент М500 Д0 50 кг', unit: 'меш', price: 520, supplier_code: 'S-1' },
  { id: 'l2', name: 'Цемент марки М300', unit: 'меш', price: '410,50', supplier_code: 'S-2' },
  { id: 'l3', name: 'Цемент марки М300', unit: 'меш', supplier_code: 'S-3' },
  { id: 'l4', name: '=1+2', unit: 'шт', supplier_code: '@SUM(A1)' },
];

async function submittedApi(): Promise<TestApi> {
  const api = await startApiWithCatalog();
  const answer = await api.call('POST', BASE, { body: { request_id: 'r1', materials: LINES } });
  expect(answer.status).toBe(202);
  return api;
}

describe('review', () => {
  it('accepts the proposed SKU', async () => {
    const api = await submittedApi();
    const answer = await api.call('POST', `${BASE}/results/r1/l2/review`, { body: { action: 'accept' } });

    expect(answer.status).toBe(200);
    const body = answer.json();
    expect(body.request_id).toBe('r1');
    expect(body.updated).toHaveLength(1);
    expect(body.updated[0]).toMatchObject({ material_id: 'l2', processing_status: 'matched', sku: 'PET-1', review: { action: 'accept', sku: 'PET-1' } });
    expect(typeof body.updated[0].review.reviewed_at).toBe('string');
  });

  it('chooses another SKU for identical lines', async () => {
    const api = await submittedApi();
    const answer = await api.call('POST', `${BASE}/results/r1/l2/review`, { body: { action: 'choose', sku: 'PET-2', apply_to_identical: true } });

    expect(answer.status).toBe(200);
    const updated = answer.json().updated as { material_id: string; sku: string; catalog_name: string }[];
    expect(updated.map((row) => row.material_id)).toEqual(['l2', 'l3']);
    expect(updated.every((row) => row.sku === 'PET-2' && row.catalog_name === 'Цемент М400 Д20 50 кг')).toBe(true);

    const stored = (await api.call('GET', `${BASE}/results/r1?status=matched`)).json();
    expect(stored.total_items).toBe(3);
  });

  it('rejects every candidate and drops a given SKU', async () => {
    const api = await submittedApi();
    const answer = await api.call('POST', `${BASE}/results/r1/l1/review`, { body: { action: 'reject', sku: 'PET-2' } });

    expect(answer.status).toBe(200);
    expect(answer.json().updated[0]).toMatchObject({ processing_status: 'no_match', sku: null, review: { action: 'reject', sku: null } });
  });

  it('validates the decision', async () => {
    const api = await submittedApi();

    const noSku = await api.call('POST', `${BASE}/results/r1/l1/review`, { body: { action: 'choose' }, lang: 'en' });
    expect(noSku.status).toBe(422);
    expect(noSku.json().details).toEqual([{ path: 'sku', message: 'The choose action needs a sku.' }]);

    const badAction = await api.call('POST', `${BASE}/results/r1/l1/review`, { body: { action: 'approve' }, lang: 'en' });
    expect(badAction.status).toBe(422);
    expect(badAction.json().details[0].message).toBe('Invalid value. Allowed: accept, choose, reject.');

    const badFlag = await api.call('POST', `${BASE}/results/r1/l1/review`, { body: { action: 'accept', apply_to_identical: 'yes' } });
    expect(badFlag.status).toBe(422);
    expect(badFlag.json().details[0].path).toBe('apply_to_identical');
  });

  it('answers 404 for an unknown request or line', async () => {
    const api = await submittedApi();

    const request = await api.call('POST', `${BASE}/results/nope/l1/review`, { body: { action: 'accept' } });
    expect(request.status).toBe(404);

    const line = await api.call('POST', `${BASE}/results/r1/nope/review`, { body: { action: 'accept' }, lang: 'en' });
    expect(line.status).toBe(404);
    expect(line.json().message).toBe('Request "r1" has no line with material_id "nope".');
  });

  it('passes an unknown SKU error from the engine as 422', async () => {
    const api = await submittedApi();
    const answer = await api.call('POST', `${BASE}/results/r1/l1/review`, { body: { action: 'choose', sku: 'NO-SUCH' } });
    expect(answer.status).toBe(422);
    expect(answer.json()).toMatchObject({ error: 'invalid_argument', message: 'Артикула «NO-SUCH» нет в каталоге.' });
  });

  it('accepts a material id with a slash, percent-encoded', async () => {
    const api = await startApiWithCatalog();
    await api.call('POST', BASE, { body: { request_id: 'r2', materials: [{ id: 'A/1', name: 'Цемент марки М300' }] } });
    const answer = await api.call('POST', `${BASE}/results/r2/${encodeURIComponent('A/1')}/review`, { body: { action: 'accept' } });
    expect(answer.status).toBe(200);
    expect(answer.json().updated[0].material_id).toBe('A/1');
  });
});

describe('export', () => {
  it('returns an xlsx with the input columns first and no formulas', async () => {
    const api = await submittedApi();
    const answer = await api.call('GET', `${BASE}/export/r1?format=xlsx`);

    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(answer.headers['content-disposition']).toBe('attachment; filename="materials-r1.xlsx"');

    const workbook = XLSX.read(answer.body, { type: 'buffer', cellFormula: true });
    const sheet = workbook.Sheets[workbook.SheetNames[0]!]!;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: null });

    expect(rows[0]).toEqual([
      'id', 'name', 'unit', 'price', 'supplier_code',
      'status', 'sku', 'catalog_name', 'catalog_unit', 'score', 'normalized_unit', 'unit_coefficient',
      'price_per_catalog_unit', 'normalized_color', 'candidates', 'reasons', 'error', 'review',
    ]);
    expect(rows[1]).toEqual([
      'l1', 'Цемент М500 Д0 50 кг', 'меш', '520', 'S-1',
      'matched', 'PET-1', 'Цемент М500 Д0 50 кг', 'меш', 0.95, 'меш', 1,
      520, '', 'PET-1 (0.95)', 'сходство наименований: 0.95', '', '',
    ]);
    expect(rows[2]![3]).toBe('410.5');
    expect(rows).toHaveLength(5);

    const injected = sheet['B5']!;
    expect(injected.v).toBe('=1+2');
    expect(injected.t).toBe('s');
    expect(injected.f).toBeUndefined();
    expect(sheet['E5']!.f).toBeUndefined();
  });

  it('defaults to xlsx', async () => {
    const api = await submittedApi();
    const answer = await api.call('GET', `${BASE}/export/r1`);
    expect(answer.headers['content-type']).toContain('spreadsheetml');
    expect(answer.body.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('returns a csv with a BOM and neutralized formulas', async () => {
    const api = await submittedApi();
    const answer = await api.call('GET', `${BASE}/export/r1?format=csv`, { lang: 'en' });

    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(answer.headers['content-disposition']).toBe('attachment; filename="materials-r1.csv"');
    expect([...answer.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const lines = answer.text.slice(1).split('\r\n');
    expect(lines[0]).toBe('id,name,unit,price,supplier_code,status,sku,catalog_name,catalog_unit,score,normalized_unit,unit_coefficient,price_per_catalog_unit,normalized_color,candidates,reasons,error,review');
    expect(lines[1]).toBe('l1,Цемент М500 Д0 50 кг,меш,520,S-1,matched,PET-1,Цемент М500 Д0 50 кг,меш,0.95,меш,1,520,,PET-1 (0.95),name similarity: 0.95,,');
    expect(lines[4]).toMatch(/^l4,'=1\+2,шт,,'@SUM\(A1\),no_match,/);
  });

  it('shows review decisions in the export', async () => {
    const api = await submittedApi();
    await api.call('POST', `${BASE}/results/r1/l2/review`, { body: { action: 'choose', sku: 'PET-3' } });
    const answer = await api.call('GET', `${BASE}/export/r1?format=csv`);
    const line = answer.text.split('\r\n')[2]!;
    expect(line).toMatch(/^l2,.*,matched,PET-3,"Гипсокартон Knauf 12,5 мм",лист,/);
  });

  it('exports every line of a request larger than one page', async () => {
    const api = await startApiWithCatalog();
    const many = Array.from({ length: 2_345 }, (_, i) => ({ id: `m${i}`, name: `Товар ${i}`, unit: 'шт' }));
    await api.call('POST', BASE, { body: { request_id: 'big', materials: many } });

    const answer = await api.call('GET', `${BASE}/export/big?format=csv`);
    const lines = answer.text.split('\r\n').filter((line) => line !== '');
    expect(lines).toHaveLength(2_346);
    expect(lines.at(-1)).toMatch(/^m2344,/);
  });

  it('rejects an unknown format', async () => {
    const api = await submittedApi();
    const answer = await api.call('GET', `${BASE}/export/r1?format=pdf`);
    expect(answer.status).toBe(422);
    expect(answer.json().details[0].path).toBe('format');
  });
});
