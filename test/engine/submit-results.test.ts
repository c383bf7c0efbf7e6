// A request submitted to the engine runs to the end on real worker threads, and its results are
// read back page by page with the status, text and score filters.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { MaterialInput, ResultRow } from '../../src-main/engine/engine-types.js';
import type { JobEngine } from '../../src-main/engine/job-engine.js';
import { UserError } from '../../src-main/errors.js';
import { EngineHarness, FINAL_LINE_STATUSES, queryMaterials, waitForFinalStatus } from './helpers.js';

const harness = new EngineHarness();
let engine: JobEngine;
let materials: MaterialInput[];
let requestId: string;
let allRows: ResultRow[];

function normalizeName(name: string): string {
  return name.toLowerCase().replace(/ё/g, 'е');
}

beforeAll(async () => {
  engine = await harness.start(harness.makeDataDir(), { withCatalog: true });
  materials = await queryMaterials();
  ({ requestId } = engine.submit({ materials, supplier: 'ООО Стройснаб', source: 'test' }));
  await waitForFinalStatus(engine, requestId, 30_000);
  allRows = engine.results(requestId, { page: 1, pageSize: 1000 })?.items ?? [];
});

afterAll(() => harness.dispose());

describe('submitted request', () => {
  it('completes with every line final', () => {
    const status = engine.status(requestId);

    expect(status?.status).toBe('completed');
    expect(status?.total).toBe(materials.length);
    expect(status?.completed).toBe(status?.total);
    expect(status?.pending).toBe(0);
    expect(status?.supplier).toBe('ООО Стройснаб');
    expect(status?.catalogVersion).toBe('1');
    expect(status?.completedAt).not.toBeNull();
    expect(allRows).toHaveLength(materials.length);
    for (const row of allRows) expect(FINAL_LINE_STATUSES).toContain(row.status);
  });

  it('keeps ids, names and row numbers', () => {
    expect(allRows.map((row) => row.materialId)).toEqual(materials.map((material) => material.id));
    expect(allRows.map((row) => row.originalName)).toEqual(materials.map((material) => material.name));
    expect(allRows.map((row) => row.rowNumber)).toEqual(materials.map((_, i) => i + 1));
  });

  it('counts statuses as the rows have them', () => {
    const counts = engine.status(requestId)?.counts;

    for (const status of FINAL_LINE_STATUSES) {
      expect(counts?.[status as keyof typeof counts]).toBe(allRows.filter((row) => row.status === status).length);
    }
    expect(counts?.total).toBe(materials.length);
    // The evaluation set is built to produce more than one outcome.
    expect(counts?.matched).toBeGreaterThan(0);
    expect((counts?.needs_review ?? 0) + (counts?.no_match ?? 0)).toBeGreaterThan(0);
  });

  it('is listed by listRequests', () => {
    const listed = engine.listRequests(10);

    expect(listed.map((job) => job.requestId)).toContain(requestId);
    expect(listed.find((job) => job.requestId === requestId)?.status).toBe('completed');
  });

  it('rejects an empty or oversized request', () => {
    const tooMany = Array.from({ length: engine.settings.maxMaterialsPerRequest + 1 }, (_, i) => ({ id: String(i), name: 'Труба', unit: 'шт' }));
    const before = engine.listRequests(100).length;

    expect(() => engine.submit({ materials: [] })).toThrow(UserError);
    expect(() => engine.submit({ materials: tooMany })).toThrow(UserError);
    expect(() => engine.submit({ materials: tooMany })).toThrow(/10000/);
    expect(engine.listRequests(100)).toHaveLength(before);
  });

  it('returns null for an unknown request', () => {
    expect(engine.status('no-such-request')).toBeNull();
    expect(engine.results('no-such-request', { page: 1, pageSize: 10 })).toBeNull();
  });
});

describe('results pages', () => {
  it('pages in input order', () => {
    const page = engine.results(requestId, { page: 2, pageSize: 7 });

    expect(page?.totalItems).toBe(materials.length);
    expect(page?.totalPages).toBe(Math.ceil(materials.length / 7));
    expect(page?.items.map((row) => row.rowNumber)).toEqual([8, 9, 10, 11, 12, 13, 14]);
  });

  it('returns a short last page', () => {
    const lastPage = Math.ceil(materials.length / 7);
    const page = engine.results(requestId, { page: lastPage, pageSize: 7 });

    expect(page?.items).toHaveLength(materials.length - (lastPage - 1) * 7);
    expect(page?.items.at(-1)?.materialId).toBe(materials.at(-1)?.id);
  });

  it('filters by status', () => {
    for (const status of ['matched', 'needs_review', 'no_match'] as const) {
      const page = engine.results(requestId, { page: 1, pageSize: 1000, status });
      const expected = allRows.filter((row) => row.status === status).map((row) => row.materialId);

      expect(page?.totalItems).toBe(expected.length);
      expect(page?.items.map((row) => row.materialId)).toEqual(expected);
    }
  });

  it('searches Cyrillic text in another case', () => {
    const page = engine.results(requestId, { page: 1, pageSize: 1000, search: 'кРаСкА' });
    const expected = allRows.filter((row) => normalizeName(row.originalName).includes('краска'));

    expect(expected.length).toBeGreaterThan(1);
    expect(page?.totalItems).toBe(expected.length);
    expect(page?.items.map((row) => row.materialId)).toEqual(expected.map((row) => row.materialId));
  });

  it('searches ё and е alike', () => {
    const page = engine.results(requestId, { page: 1, pageSize: 1000, search: 'ЧЕНРЫЙ' });

    expect(page?.items.map((row) => row.originalName)).toEqual(['КР-КА АЭРОЗОЛЬНАЯ ULTIMA МАТОВАЯ ЦВЕТ ЧЁНРЫЙ RAL 9005']);
  });

  it('filters by min and max score', () => {
    const page = engine.results(requestId, { page: 1, pageSize: 1000, minScore: 0.5, maxScore: 0.8 });
    const expected = allRows.filter((row) => row.score !== null && row.score >= 0.5 && row.score <= 0.8);

    expect(expected.length).toBeGreaterThan(0);
    expect(page?.totalItems).toBe(expected.length);
    expect(page?.items.map((row) => row.materialId)).toEqual(expected.map((row) => row.materialId));
  });

  it('combines filters with paging', () => {
    const query = { pageSize: 3, status: 'matched' as const, search: 'штукатурка', minScore: 0.5 };
    const expected = allRows.filter(
      (row) => row.status === 'matched' && normalizeName(row.originalName).includes('штукатурка') && (row.score ?? -1) >= 0.5,
    );
    const second = engine.results(requestId, { ...query, page: 2 });

    expect(expected.length).toBeGreaterThan(3);
    expect(second?.totalItems).toBe(expected.length);
    expect(second?.totalPages).toBe(Math.ceil(expected.length / 3));
    expect(second?.items.map((row) => row.materialId)).toEqual(expected.slice(3, 6).map((row) => row.materialId));
    expect(second?.summary.total).toBe(materials.length);
  });
});
