// Review decisions through the engine: accept, choose another candidate, reject, applied to one
// line or to its identical copies, and remembered for the next price list of the same supplier.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { MaterialInput, ResultRow } from '../../src-main/engine/engine-types.js';
import type { JobEngine } from '../../src-main/engine/job-engine.js';
import { UserError } from '../../src-main/errors.js';
import { EngineHarness, queryMaterials, waitForFinalStatus } from './helpers.js';

const SUPPLIER = 'ООО Стройснаб';

const harness = new EngineHarness();
let engine: JobEngine;
let materials: MaterialInput[];
let requestId: string;
let firstRows: ResultRow[];

/** A line to review, picked from the first run's results, and the SKU it had there. */
interface Picked {
  row: ResultRow;
  sku: string | null;
}
let chosen: Picked & { newSku: string };
let accepted: Picked;
let rejected: Picked;

function copyId(id: string): string {
  return `${id}-copy`;
}

function rowsOf(id: string): ResultRow[] {
  return engine.results(id, { page: 1, pageSize: 1000 })?.items ?? [];
}

async function runRequest(supplier: string | null, lines: MaterialInput[]): Promise<ResultRow[]> {
  const submitted = engine.submit({ materials: lines, supplier });
  await waitForFinalStatus(engine, submitted.requestId, 30_000);
  return rowsOf(submitted.requestId);
}

beforeAll(async () => {
  engine = await harness.start(harness.makeDataDir(), { withCatalog: true });
  // Each line twice, so that a decision has an identical line to apply to.
  materials = await queryMaterials();
  const withCopies = [...materials, ...materials.map((material) => ({ ...material, id: copyId(material.id) }))];
  ({ requestId } = engine.submit({ materials: withCopies, supplier: SUPPLIER }));
  await waitForFinalStatus(engine, requestId, 30_000);
  firstRows = rowsOf(requestId).filter((row) => !row.materialId.endsWith('-copy'));

  const reviewable = firstRows.filter((row) => row.status === 'needs_review' && row.sku !== null && row.candidates.length >= 2);
  const [forChoose, forAccept] = reviewable;
  const forReject = firstRows.find((row) => row.status === 'matched' && row.sku !== null);
  if (!forChoose || !forAccept || !forReject) throw new Error('The evaluation set no longer has two needs_review lines and a matched one');
  const newSku = forChoose.candidates.find((candidate) => candidate.sku !== forChoose.sku)?.sku ?? '';
  chosen = { row: forChoose, sku: forChoose.sku, newSku };
  accepted = { row: forAccept, sku: forAccept.sku };
  rejected = { row: forReject, sku: forReject.sku };
});

afterAll(() => harness.dispose());

describe('review', () => {
  it('choose applies to identical lines', async () => {
    const changed = engine.review(requestId, chosen.row.materialId, { action: 'choose', sku: chosen.newSku, applyToIdentical: true });
    const item = (await harness.catalogItems()).find((entry) => entry.sku === chosen.newSku);
    const stored = rowsOf(requestId).filter((row) => [chosen.row.materialId, copyId(chosen.row.materialId)].includes(row.materialId));

    expect(chosen.newSku).not.toBe(chosen.sku);
    expect(item).toBeDefined();
    expect(changed?.map((row) => row.materialId).sort()).toEqual([chosen.row.materialId, copyId(chosen.row.materialId)].sort());
    expect(stored).toHaveLength(2);
    for (const row of stored) {
      expect(row.status).toBe('matched');
      expect(row.sku).toBe(chosen.newSku);
      expect(row.catalogName).toBe(item?.name);
      expect(row.catalogUnit).toBe(item?.unit);
      expect(row.review?.action).toBe('choose');
      expect(row.review?.sku).toBe(chosen.newSku);
    }
  });

  it('accept keeps the proposed SKU', () => {
    const changed = engine.review(requestId, accepted.row.materialId, { action: 'accept' });
    const copy = rowsOf(requestId).find((row) => row.materialId === copyId(accepted.row.materialId));

    expect(changed).toHaveLength(1);
    expect(changed?.[0]?.status).toBe('matched');
    expect(changed?.[0]?.sku).toBe(accepted.sku);
    expect(changed?.[0]?.review?.action).toBe('accept');
    expect(changed?.[0]?.review?.sku).toBe(accepted.sku);
    // Without applyToIdentical the copy keeps its own result.
    expect(copy?.status).toBe('needs_review');
    expect(copy?.review).toBeNull();
  });

  it('reject leaves the line unmatched', () => {
    const changed = engine.review(requestId, rejected.row.materialId, { action: 'reject' });

    expect(changed).toHaveLength(1);
    expect(changed?.[0]?.status).toBe('no_match');
    expect(changed?.[0]?.sku).toBeNull();
    expect(changed?.[0]?.review?.action).toBe('reject');
    expect(changed?.[0]?.review?.sku).toBe(rejected.row.sku);
  });

  it('changes the request counts', () => {
    const counts = engine.status(requestId)?.counts;
    const rows = rowsOf(requestId);

    expect(counts?.matched).toBe(rows.filter((row) => row.status === 'matched').length);
    expect(counts?.no_match).toBe(rows.filter((row) => row.status === 'no_match').length);
    expect(counts?.total).toBe(materials.length * 2);
  });

  it('rejects an SKU not in the catalog', () => {
    const review = (): unknown => engine.review(requestId, chosen.row.materialId, { action: 'choose', sku: 'NO-SUCH-SKU' });

    expect(review).toThrow(UserError);
    expect(review).toThrow(/NO-SUCH-SKU/);
    expect(rowsOf(requestId).find((row) => row.materialId === chosen.row.materialId)?.sku).toBe(chosen.newSku);
  });

  it('returns null for an unknown line', () => {
    expect(engine.review(requestId, 'no-such-line', { action: 'accept' })).toBeNull();
    expect(engine.review('no-such-request', chosen.row.materialId, { action: 'accept' })).toBeNull();
  });

  it('next request confirms chosen and accepted lines', async () => {
    const lines = [chosen.row, accepted.row].map((row, i) => ({ id: `next-${i}`, name: row.originalName, unit: row.originalUnit }));

    const [nextChosen, nextAccepted] = await runRequest(SUPPLIER, lines);

    expect(nextChosen?.status).toBe('matched');
    expect(nextChosen?.sku).toBe(chosen.newSku);
    expect(nextChosen?.reasons.map((reason) => reason.code)).toContain('confirmed_before');
    expect(nextAccepted?.status).toBe('matched');
    expect(nextAccepted?.sku).toBe(accepted.sku);
    expect(nextAccepted?.reasons.map((reason) => reason.code)).toContain('confirmed_before');
  });

  it('next request avoids a rejected SKU', async () => {
    const [next] = await runRequest(SUPPLIER, [{ id: 'next-rejected', name: rejected.row.originalName, unit: rejected.row.originalUnit }]);

    expect(next?.status).toBeDefined();
    expect({ status: next?.status, sku: next?.sku }).not.toEqual({ status: 'matched', sku: rejected.sku });
  });

  it('other suppliers are not affected', async () => {
    const [other] = await runRequest('ООО Другой поставщик', [{ id: 'other', name: chosen.row.originalName, unit: chosen.row.originalUnit }]);

    expect(other?.sku).toBe(chosen.sku);
    expect(other?.status).toBe('needs_review');
    expect(other?.reasons.map((reason) => reason.code)).not.toContain('confirmed_before');
  });
});
