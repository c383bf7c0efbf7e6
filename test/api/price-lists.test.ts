// Price-list upload over real HTTP: preview with guessed columns, another sheet, the start of a
// run with the confirmed columns, and bad uploads named by the user's file.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { XLSX } from '../../src-main/io/sheetjs.js';
import { multipartBody, startApi, startApiWithCatalog } from './helpers.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const BASE = '/api/v1/price-lists';
const DEMOEXAM = readFileSync(join(FIXTURES, 'data/raw/demoexam_shop_dump__products_only.tsv'));

function upload(fileName: string, content: Buffer) {
  const { body, contentType } = multipartBody('file', fileName, content);
  return { body, headers: { 'content-type': contentType } };
}

function twoSheetWorkbook(): Buffer {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Примечание'], ['пусто']]), 'Титул');
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet([
      ['Код', 'Наименование', 'Ед. изм.', 'Цена'],
      ['A1', 'Цемент М500 50 кг', 'меш', '520,00'],
      ['A2', 'Гипсокартон Волма 2500х1200х12,5 мм влагостойкий', 'лист', '410'],
    ]),
    'Прайс',
  );
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

describe('price-list upload', () => {
  it('previews a TSV with guessed columns', async () => {
    const api = await startApi();
    const answer = await api.call('POST', BASE, upload('товары.tsv', DEMOEXAM));

    expect(answer.status).toBe(201);
    const preview = answer.json();
    expect(preview.file_name).toBe('товары.tsv');
    expect(preview.row_count).toBe(30);
    expect(preview.rows).toHaveLength(20);
    expect(preview.headers[preview.mapping.name]).toBe('product_name');
    expect(preview.mapping.price).not.toBeNull();
  });

  it('previews another sheet of a workbook', async () => {
    const api = await startApi();
    const first = (await api.call('POST', BASE, upload('прайс.xlsx', twoSheetWorkbook()))).json();
    expect(first.sheets).toEqual(['Титул', 'Прайс']);

    const answer = await api.call('GET', `${BASE}/${first.upload_id}?sheet=${encodeURIComponent('Прайс')}`);
    expect(answer.status).toBe(200);
    const preview = answer.json();
    expect(preview.sheet).toBe('Прайс');
    expect(preview.headers).toEqual(['Код', 'Наименование', 'Ед. изм.', 'Цена']);
    expect(preview.mapping).toEqual({ name: 1, unit: 2, price: 3, id: 0 });
  });

  it('starts a run with the confirmed columns', async () => {
    const api = await startApiWithCatalog();
    const preview = (await api.call('POST', BASE, upload('прайс.xlsx', twoSheetWorkbook()))).json();

    const answer = await api.call('POST', `${BASE}/${preview.upload_id}/start`, {
      body: { sheet: 'Прайс', supplier: 'ООО Стройснаб', mapping: { name: 1, unit: 2, price: 3, id: 0 } },
    });
    expect(answer.status).toBe(202);
    expect(answer.json().materials_count).toBe(2);

    const submitted = api.engine.submitted[0]!;
    expect(submitted.supplier).toBe('ООО Стройснаб');
    expect(submitted.materials.map((material) => [material.id, material.name, material.unit, material.price])).toEqual([
      ['A1', 'Цемент М500 50 кг', 'меш', 520],
      ['A2', 'Гипсокартон Волма 2500х1200х12,5 мм влагостойкий', 'лист', 410],
    ]);
    expect(submitted.materials[0]!.extra).toEqual({ id: 'A1', Наименование: 'Цемент М500 50 кг', 'Ед. изм.': 'меш', Цена: '520,00' });
  });

  it('rejects an unsupported format naming the file', async () => {
    const api = await startApi();
    const answer = await api.call('POST', BASE, { ...upload('смета.pdf', Buffer.from('%PDF-1.4')), lang: 'ru' });

    expect(answer.status).toBe(422);
    expect(answer.json().message).toContain('смета.pdf');
    expect(answer.json().message).toContain('xlsx');
  });

  it('names the uploaded file, not the stored copy, in a read error', async () => {
    const api = await startApi();
    const answer = await api.call('POST', BASE, { ...upload('пустой.csv', Buffer.alloc(0)), lang: 'ru' });

    expect(answer.status).toBe(422);
    expect(answer.json().message).toContain('пустой.csv');
    expect(answer.json().message).not.toContain('price-lists');
  });

  it('answers an unknown upload with not found', async () => {
    const api = await startApi();
    const answer = await api.call('GET', `${BASE}/00000000-0000-0000-0000-000000000000`, { lang: 'en' });

    expect(answer.status).toBe(422);
    expect(answer.json().message).toContain('upload the file again');
  });
});
