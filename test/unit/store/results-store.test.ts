import { join } from 'node:path';

import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { openDatabase } from '../../../src-main/store/database.js';
import { supplierLineKey } from '../../../src-main/store/line-key.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../src-main/store/migrations/index.js';
import { ResultsStore } from '../../../src-main/store/results-store.js';
import type { PendingLine } from '../../../src-main/store/types.js';
import { makeCandidate, makeResult, makeTempDir } from './helpers.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

let temp: ReturnType<typeof makeTempDir>;
let file: string;
let clock: Date;
let store: ResultsStore;

beforeEach(() => {
  temp = makeTempDir();
  file = join(temp.dir, 'store', 'results.db');
  clock = new Date('2026-03-01T12:00:00.000Z');
  store = ResultsStore.open(file, { now: () => clock });
});

afterEach(() => {
  store.close();
  temp.remove();
});

function advanceClock(ms: number): void {
  clock = new Date(clock.getTime() + ms);
}

/** Runs SQL on the store's file through a second connection, as another process would. */
function withSecondConnection<T>(run: (db: Database.Database) => T): T {
  const db = new Database(file);
  try {
    return run(db);
  } finally {
    db.close();
  }
}

function makeLines(count: number): PendingLine[] {
  return Array.from({ length: count }, (_, index) => ({
    materialId: `m${index + 1}`,
    name: `Профиль ПН 50x40 №${index + 1}`,
    unit: 'шт',
    rowNumber: index + 2,
  }));
}

describe('requests', () => {
  it('creates a request with a generated UUID', () => {
    const requestId = store.createRequest({ source: 'cli', materialsCount: 3 });

    expect(requestId).toMatch(UUID_V4);
    expect(store.getRequest(requestId)).toEqual({
      requestId,
      source: 'cli',
      inputFile: null,
      catalogFile: null,
      catalogVersion: null,
      supplier: null,
      status: 'pending',
      materialsCount: 3,
      createdAt: '2026-03-01T12:00:00.000Z',
      startedAt: null,
      completedAt: null,
      settings: null,
    });
  });

  it('keeps a given id and all fields', () => {
    const settings = { acceptThreshold: 0.8, batchSize: 50 };

    const requestId = store.createRequest({
      requestId: 'req-api-7',
      source: 'api',
      inputFile: 'прайс.xlsx',
      catalogFile: 'catalog.csv',
      catalogVersion: 'v3',
      supplier: 'ООО Стройснаб',
      materialsCount: 120,
      settings,
    });

    expect(requestId).toBe('req-api-7');
    const request = store.getRequest(requestId);
    expect(request?.inputFile).toBe('прайс.xlsx');
    expect(request?.catalogFile).toBe('catalog.csv');
    expect(request?.catalogVersion).toBe('v3');
    expect(request?.supplier).toBe('ООО Стройснаб');
    expect(request?.materialsCount).toBe(120);
    expect(request?.settings).toEqual(settings);
  });

  it('rejects a duplicate request id', () => {
    store.createRequest({ requestId: 'req-1', source: 'cli', materialsCount: 1 });

    expect(() => store.createRequest({ requestId: 'req-1', source: 'cli', materialsCount: 1 })).toThrow(/UNIQUE constraint failed/);
  });

  it('returns undefined for an unknown request', () => {
    expect(store.getRequest('missing')).toBeUndefined();
  });

  it('stamps start and completion times', () => {
    const requestId = store.createRequest({ source: 'cli', materialsCount: 1 });

    advanceClock(1000);
    store.markRequest(requestId, 'running');
    advanceClock(1000);
    store.markRequest(requestId, 'running');
    expect(store.getRequest(requestId)?.startedAt).toBe('2026-03-01T12:00:01.000Z');
    expect(store.getRequest(requestId)?.completedAt).toBeNull();

    advanceClock(5000);
    store.markRequest(requestId, 'completed');
    const request = store.getRequest(requestId);
    expect(request?.status).toBe('completed');
    expect(request?.startedAt).toBe('2026-03-01T12:00:01.000Z');
    expect(request?.completedAt).toBe('2026-03-01T12:00:07.000Z');
  });

  it('clears completion time on restart', () => {
    const requestId = store.createRequest({ source: 'cli', materialsCount: 1 });
    store.markRequest(requestId, 'failed');

    store.markRequest(requestId, 'running');

    expect(store.getRequest(requestId)?.completedAt).toBeNull();
  });

  it('rejects marking a missing request', () => {
    expect(() => store.markRequest('missing', 'running')).toThrow('Request not found: missing');
  });

  it('rejects an unknown request status', () => {
    const requestId = store.createRequest({ source: 'cli', materialsCount: 1 });

    expect(() => store.markRequest(requestId, 'paused' as never)).toThrow(/CHECK constraint failed/);
  });
});

describe('pending lines', () => {
  it('stores lines and skips duplicates', () => {
    const requestId = store.createRequest({ source: 'cli', materialsCount: 2 });
    const input = { 'Код': '17', 'Наименование': 'Цемент М500 50кг', 'Ед.': 'меш', 'Цена': '520,00' };
    const first: PendingLine = { materialId: '17', name: 'Цемент М500 50кг', unit: 'меш', rowNumber: 2, price: 520, input };

    expect(store.addPendingLines(requestId, [first, { materialId: '18', name: 'Песок', unit: 'т' }])).toBe(2);
    expect(store.addPendingLines(requestId, [{ ...first, name: 'changed' }, { materialId: '19', name: 'Щебень', unit: 'т' }])).toBe(1);

    const rows = store.getResults(requestId, { offset: 0, limit: 10 });
    expect(rows.map((row) => row.materialId)).toEqual(['17', '18', '19']);
    expect(rows[0]?.originalName).toBe('Цемент М500 50кг');
    expect(rows[0]?.status).toBe('pending');
    expect(rows[0]?.price).toBe(520);
    expect(rows[0]?.rowNumber).toBe(2);
    expect(Object.keys(rows[0]?.input ?? {})).toEqual(['Код', 'Наименование', 'Ед.', 'Цена']);
    expect(rows[0]?.input).toEqual(input);
    expect(rows[1]?.input).toBeNull();
    expect(rows[1]?.processedAt).toBeNull();
  });

  it('rolls back all lines when one fails', () => {
    const requestId = store.createRequest({ source: 'cli', materialsCount: 2 });
    const invalid = { materialId: 'm2', name: null, unit: 'шт' } as unknown as PendingLine;

    expect(() => store.addPendingLines(requestId, [{ materialId: 'm1', name: 'Песок', unit: 'т' }, invalid])).toThrow(/NOT NULL/);

    expect(store.countByStatus(requestId).total).toBe(0);
  });

  it('rejects lines of an unknown request', () => {
    expect(() => store.addPendingLines('missing', makeLines(1))).toThrow(/FOREIGN KEY constraint failed/);
  });

  it('lists pending and interrupted lines for resume', () => {
    const requestId = store.createRequest({ source: 'cli', materialsCount: 4 });
    store.addPendingLines(requestId, makeLines(4));
    store.saveResults(requestId, [makeResult({ materialId: 'm1' })]);
    withSecondConnection((db) => db.prepare("UPDATE processing_results SET processing_status = 'processing' WHERE material_id = 'm3'").run());

    const pending = store.pendingLines(requestId);

    expect(pending).toEqual([
      { materialId: 'm2', name: 'Профиль ПН 50x40 №2', unit: 'шт', rowNumber: 3, price: null, input: null },
      { materialId: 'm3', name: 'Профиль ПН 50x40 №3', unit: 'шт', rowNumber: 4, price: null, input: null },
      { materialId: 'm4', name: 'Профиль ПН 50x40 №4', unit: 'шт', rowNumber: 5, price: null, input: null },
    ]);
  });
});

describe('saveResults', () => {
  it('maps a result back to camelCase', () => {
    const requestId = store.createRequest({ source: 'cli', materialsCount: 1 });
    const result = makeResult({ normalizedColor: 'белый' });

    store.saveResults(requestId, [result]);

    const [row] = store.getResults(requestId, { offset: 0, limit: 10 });
    expect(row).toMatchObject({
      requestId,
      materialId: 'm1',
      originalName: 'Цемент М500 Д0 ПЦ 50кг',
      originalUnit: 'меш',
      status: 'matched',
      sku: 'SKU-500',
      catalogName: 'Цемент М500 Д0 ПЦ, мешок 50 кг',
      catalogUnit: 'кг',
      score: 0.93,
      normalizedUnit: 'меш',
      unitCoefficient: 50,
      normalizedColor: 'белый',
      reasons: [{ code: 'grade_match', detail: 'м500' }],
      errorMessage: null,
      retryCount: 0,
      processedAt: '2026-03-01T12:00:00.000Z',
      review: null,
    });
    expect(row?.candidates).toEqual(result.candidates);
  });

  it('prefers given catalog name and unit', () => {
    const requestId = store.createRequest({ source: 'cli', materialsCount: 1 });

    store.saveResults(requestId, [makeResult({ catalogName: 'Портландцемент ЦЕМ I 42,5Н', catalogUnit: 'т' })]);

    const [row] = store.getResults(requestId, { offset: 0, limit: 1 });
    expect(row?.catalogName).toBe('Портландцемент ЦЕМ I 42,5Н');
    expect(row?.catalogUnit).toBe('т');
  });

  it('stores a failed line without SKU', () => {
    const requestId = store.createRequest({ source: 'cli', materialsCount: 1 });
    const failed = makeResult({ status: 'failed', sku: null, score: null, candidates: [], reasons: [], errorMessage: 'embedder timed out' });

    store.saveResults(requestId, [failed]);

    const [row] = store.getResults(requestId, { offset: 0, limit: 1 });
    expect(row?.status).toBe('failed');
    expect(row?.sku).toBeNull();
    expect(row?.catalogName).toBeNull();
    expect(row?.errorMessage).toBe('embedder timed out');
    expect(row?.candidates).toEqual([]);
  });

  it('keeps one row when saved twice', () => {
    const requestId = store.createRequest({ source: 'cli', materialsCount: 1 });
    store.addPendingLines(requestId, [{ materialId: 'm1', name: 'Цемент М500 Д0 ПЦ 50кг', unit: 'меш', rowNumber: 7, price: 520, input: { 'Цена': '520' } }]);
    store.saveResults(requestId, [makeResult({ status: 'failed', sku: null, errorMessage: 'timeout' })]);
    withSecondConnection((db) => db.prepare('UPDATE processing_results SET retry_count = 2').run());
    const createdAt = store.getResults(requestId, { offset: 0, limit: 1 })[0]?.createdAt;

    advanceClock(60_000);
    store.saveResults(requestId, [makeResult({ status: 'needs_review', sku: 'SKU-400', score: 0.71 })]);

    const rows = store.getResults(requestId, { offset: 0, limit: 10 });
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row?.status).toBe('needs_review');
    expect(row?.sku).toBe('SKU-400');
    expect(row?.catalogName).toBe('Цемент М400 Д20, мешок 50 кг');
    expect(row?.errorMessage).toBeNull();
    expect(row?.retryCount).toBe(2);
    expect(row?.rowNumber).toBe(7);
    expect(row?.price).toBe(520);
    expect(row?.input).toEqual({ 'Цена': '520' });
    expect(row?.createdAt).toBe(createdAt);
    expect(row?.processedAt).toBe('2026-03-01T12:01:00.000Z');
    expect(row?.updatedAt).toBe('2026-03-01T12:01:00.000Z');
  });

  it('rolls back the batch on an invalid result', () => {
    const requestId = store.createRequest({ source: 'cli', materialsCount: 2 });
    const invalid = makeResult({ materialId: 'm2', status: 'unknown' as never });

    expect(() => store.saveResults(requestId, [makeResult({ materialId: 'm1' }), invalid])).toThrow(/CHECK constraint failed/);

    expect(store.countByStatus(requestId).total).toBe(0);
  });

  it('keeps results after close and reopen', () => {
    const requestId = store.createRequest({ source: 'cli', materialsCount: 2 });
    store.addPendingLines(requestId, makeLines(2));
    store.saveResults(requestId, [makeResult({ materialId: 'm1', originalName: 'Профиль ПН 50x40 №1', originalUnit: 'шт' })]);
    store.markRequest(requestId, 'completed');
    const before = store.getResults(requestId, { offset: 0, limit: 10 });
    store.close();

    store = ResultsStore.open(file, { now: () => clock });

    expect(store.getResults(requestId, { offset: 0, limit: 10 })).toEqual(before);
    expect(store.getRequest(requestId)?.status).toBe('completed');
    expect(store.countByStatus(requestId)).toMatchObject({ matched: 1, pending: 1, total: 2 });
  });
});

describe('reading results', () => {
  it('counts lines by status', () => {
    const requestId = store.createRequest({ source: 'cli', materialsCount: 6 });
    const otherId = store.createRequest({ source: 'cli', materialsCount: 1 });
    store.addPendingLines(requestId, makeLines(6));
    store.addPendingLines(otherId, makeLines(1));
    store.saveResults(requestId, [
      makeResult({ materialId: 'm1' }),
      makeResult({ materialId: 'm2' }),
      makeResult({ materialId: 'm3', status: 'needs_review' }),
      makeResult({ materialId: 'm4', status: 'no_match', sku: null }),
      makeResult({ materialId: 'm5', status: 'failed', sku: null, errorMessage: 'boom' }),
    ]);

    expect(store.countByStatus(requestId)).toEqual({
      pending: 1,
      processing: 0,
      matched: 2,
      needs_review: 1,
      no_match: 1,
      failed: 1,
      total: 6,
    });
    expect(store.countByStatus('missing').total).toBe(0);
  });

  it('pages through results in order', () => {
    const requestId = store.createRequest({ source: 'cli', materialsCount: 25 });
    store.addPendingLines(requestId, makeLines(25));

    const pages = [0, 10, 20].map((offset) => store.getResults(requestId, { offset, limit: 10 }));

    expect(pages.map((page) => page.length)).toEqual([10, 10, 5]);
    const ids = pages.flat().map((row) => row.materialId);
    expect(ids).toEqual(makeLines(25).map((line) => line.materialId));
    expect(store.getResults(requestId, { offset: 25, limit: 10 })).toEqual([]);
  });

  it('pages through one status', () => {
    const requestId = store.createRequest({ source: 'cli', materialsCount: 9 });
    store.addPendingLines(requestId, makeLines(9));
    store.saveResults(requestId, ['m2', 'm4', 'm6', 'm8'].map((materialId) => makeResult({ materialId, status: 'needs_review' })));

    const first = store.getResults(requestId, { status: 'needs_review', offset: 0, limit: 3 });
    const second = store.getResults(requestId, { status: 'needs_review', offset: 3, limit: 3 });

    expect(first.map((row) => row.materialId)).toEqual(['m2', 'm4', 'm6']);
    expect(second.map((row) => row.materialId)).toEqual(['m8']);
    expect(store.getResults(requestId, { status: 'pending', offset: 0, limit: 100 })).toHaveLength(5);
  });

  it('rejects an invalid page', () => {
    const requestId = store.createRequest({ source: 'cli', materialsCount: 0 });

    expect(() => store.getResults(requestId, { offset: -1, limit: 10 })).toThrow(RangeError);
    expect(() => store.getResults(requestId, { offset: 0, limit: 1.5 })).toThrow(RangeError);
  });

  it('iterates all results in chunks', () => {
    const requestId = store.createRequest({ source: 'cli', materialsCount: 7 });
    store.addPendingLines(requestId, makeLines(7));
    const expected = makeLines(7).map((line) => line.materialId);

    for (const chunkSize of [1, 3, 7, 100]) {
      const ids = [...store.eachResult(requestId, chunkSize)].map((row) => row.materialId);
      expect(ids).toEqual(expected);
    }
  });

  it('allows writes between yielded results', () => {
    const requestId = store.createRequest({ source: 'cli', materialsCount: 4 });
    store.addPendingLines(requestId, makeLines(4));
    const seen: string[] = [];

    for (const row of store.eachResult(requestId, 2)) {
      seen.push(row.materialId);
      store.saveResults(requestId, [makeResult({ materialId: row.materialId })]);
      expect([...store.eachResult(requestId, 2)]).toHaveLength(4);
    }

    expect(seen).toEqual(['m1', 'm2', 'm3', 'm4']);
    expect(store.countByStatus(requestId).matched).toBe(4);
  });
});

describe('review decisions', () => {
  const lineKey = supplierLineKey('Цемент М500 Д0 ПЦ 50кг', 'меш');

  it('builds line keys that ignore case, ё and spacing', () => {
    expect(supplierLineKey('  Клей  ПЛИТОЧНЫЙ ЁЛКА ', 'Меш.')).toBe('клей плиточный елка\tмеш.');
    expect(supplierLineKey('a\tb', 'c')).toBe(supplierLineKey('a b', 'c'));
    expect(supplierLineKey('a', 'b c')).not.toBe(supplierLineKey('a b', 'c'));
  });

  it('records and finds a decision', () => {
    const decision = store.recordDecision({ supplier: 'ООО Стройснаб', lineKey, action: 'choose', sku: 'SKU-400' });

    expect(decision).toMatchObject({ supplier: 'ООО Стройснаб', lineKey, action: 'choose', sku: 'SKU-400', decidedAt: '2026-03-01T12:00:00.000Z' });
    expect(store.findDecision('ООО Стройснаб', lineKey)).toEqual(decision);
    expect(store.findDecision('ООО Другой', lineKey)).toBeUndefined();
    expect(store.findDecision(null, lineKey)).toBeUndefined();
  });

  it('replaces a decision for the same line', () => {
    store.recordDecision({ supplier: 'ООО Стройснаб', lineKey, action: 'accept', sku: 'SKU-500' });
    advanceClock(1000);

    store.recordDecision({ supplier: 'ООО Стройснаб', lineKey, action: 'reject' });

    expect(store.findDecision('ООО Стройснаб', lineKey)).toMatchObject({ action: 'reject', sku: null, decidedAt: '2026-03-01T12:00:01.000Z' });
    const count = withSecondConnection((db) => db.prepare('SELECT count(*) AS n FROM review_decisions').get());
    expect(count).toEqual({ n: 1 });
  });

  it('keeps an unknown supplier separate', () => {
    store.recordDecision({ supplier: null, lineKey, action: 'accept', sku: 'SKU-500' });
    store.recordDecision({ supplier: 'ООО Стройснаб', lineKey, action: 'reject' });
    store.recordDecision({ lineKey, action: 'choose', sku: 'SKU-400' });

    expect(store.findDecision(undefined, lineKey)).toMatchObject({ supplier: null, action: 'choose', sku: 'SKU-400' });
    expect(store.findDecision('ООО Стройснаб', lineKey)?.action).toBe('reject');
  });

  it('marks the reviewed result line', () => {
    const requestId = store.createRequest({ source: 'ui', materialsCount: 1, supplier: 'ООО Стройснаб' });
    store.saveResults(requestId, [makeResult({ status: 'needs_review' })]);
    advanceClock(30_000);

    store.recordDecision({ requestId, materialId: 'm1', supplier: 'ООО Стройснаб', lineKey, action: 'choose', sku: 'SKU-400' });

    const [row] = store.getResults(requestId, { offset: 0, limit: 1 });
    expect(row?.review).toEqual({ action: 'choose', sku: 'SKU-400', reviewedAt: '2026-03-01T12:00:30.000Z' });
    expect(row?.sku).toBe('SKU-500');
    expect(store.findDecision('ООО Стройснаб', lineKey)).toMatchObject({ requestId, materialId: 'm1' });
  });

  it('rolls back a decision on a missing line', () => {
    const requestId = store.createRequest({ source: 'ui', materialsCount: 0 });

    expect(() => store.recordDecision({ requestId, materialId: 'nope', supplier: 'S', lineKey, action: 'reject' })).toThrow(/Result line not found/);

    expect(store.findDecision('S', lineKey)).toBeUndefined();
  });

  it('checks the SKU against the action', () => {
    expect(() => store.recordDecision({ lineKey, action: 'choose' })).toThrow(RangeError);
    expect(() => store.recordDecision({ lineKey, action: 'accept', sku: '' })).toThrow(RangeError);
    expect(store.findDecision(null, lineKey)).toBeUndefined();
  });
});

describe('recordDecision for a rejection', () => {
  it('keeps the rejected SKU', () => {
    const lineKey = supplierLineKey('Цемент М500 50 кг', 'меш');
    store.recordDecision({ supplier: 'ООО Стройснаб', lineKey, action: 'reject', sku: 'SKU-1' });

    expect(store.findDecision('ООО Стройснаб', lineKey)).toMatchObject({ action: 'reject', sku: 'SKU-1' });
  });
});

describe('deleteOlderThan', () => {
  it('deletes old finished requests only', () => {
    const oldDone = store.createRequest({ source: 'cli', materialsCount: 3 });
    store.addPendingLines(oldDone, makeLines(3));
    store.markRequest(oldDone, 'completed');
    const oldRunning = store.createRequest({ source: 'api', materialsCount: 2 });
    store.addPendingLines(oldRunning, makeLines(2));
    store.markRequest(oldRunning, 'running');
    store.recordDecision({ lineKey: 'профиль\tшт', action: 'reject' });

    advanceClock(40 * DAY_MS);
    const recent = store.createRequest({ source: 'cli', materialsCount: 1 });
    store.addPendingLines(recent, makeLines(1));
    store.markRequest(recent, 'completed');

    expect(store.deleteOlderThan(30)).toEqual({ requests: 1, results: 3 });

    expect(store.getRequest(oldDone)).toBeUndefined();
    expect(store.countByStatus(oldDone).total).toBe(0);
    expect(store.getRequest(oldRunning)?.status).toBe('running');
    expect(store.countByStatus(oldRunning).total).toBe(2);
    expect(store.getRequest(recent)).toBeDefined();
    expect(store.countByStatus(recent).total).toBe(1);
    expect(store.findDecision(null, 'профиль\tшт')).toBeDefined();
    expect(store.deleteOlderThan(30)).toEqual({ requests: 0, results: 0 });
  });

  it('keeps a request exactly at the cutoff', () => {
    const requestId = store.createRequest({ source: 'cli', materialsCount: 0 });
    store.markRequest(requestId, 'completed');
    advanceClock(7 * DAY_MS);

    expect(store.deleteOlderThan(7)).toEqual({ requests: 0, results: 0 });
    advanceClock(1);
    expect(store.deleteOlderThan(7)).toEqual({ requests: 1, results: 0 });
  });

  it('rejects a negative age', () => {
    expect(() => store.deleteOlderThan(-1)).toThrow(RangeError);
    expect(() => store.deleteOlderThan(Number.NaN)).toThrow(RangeError);
  });
});

describe('ResultsStore', () => {
  it('rejects a database at an older schema', () => {
    const olderFile = join(temp.dir, 'older.db');
    const db = openDatabase(olderFile, { migrations: MIGRATIONS.slice(0, 1) });

    expect(() => new ResultsStore(db)).toThrow(new RegExp(`needs schema version ${LATEST_SCHEMA_VERSION}, but .* has version 1`));
    db.close();
  });

  it('runs in WAL mode', () => {
    const mode = withSecondConnection((db) => db.pragma('journal_mode', { simple: true }));

    expect(mode).toBe('wal');
  });
});
