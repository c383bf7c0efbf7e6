// Cancelling a running request: it ends `cancelled`, batches in flight are dropped instead of
// saved, and no further line of it is matched.

import { afterAll, afterEach, describe, expect, it } from 'vitest';

import { azapMaterials, countLinesByStatus, EngineHarness, FINAL_LINE_STATUSES, openResultsDb, waitFor, waitForFinalStatus } from './helpers.js';

const harness = new EngineHarness();

afterEach(() => harness.stopEngines());
afterAll(() => harness.dispose());

function finishedCount(counts: Record<string, number>): number {
  return FINAL_LINE_STATUSES.reduce((sum, status) => sum + (counts[status] ?? 0), 0);
}

describe('cancel', () => {
  it('stops a running request', async () => {
    const dataDir = harness.makeDataDir();
    const engine = await harness.start(dataDir, { withCatalog: true });
    const materials = await azapMaterials(400);
    const { requestId } = engine.submit({ materials });
    const db = openResultsDb(dataDir);

    await waitFor('100 lines done', () => ((engine.status(requestId)?.completed ?? 0) >= 100 ? true : undefined), 30_000, 10);
    // Read and cancel in one synchronous step, so no batch is saved in between.
    const finishedAtCancel = finishedCount(countLinesByStatus(db, requestId));
    const cancelled = engine.cancel(requestId);

    await waitFor('the workers to go idle', () => (engine.pool.busyCount === 0 ? true : undefined), 10_000, 10);
    const afterCancel = countLinesByStatus(db, requestId);
    const status = engine.status(requestId);

    expect(cancelled).toBe(true);
    expect(finishedAtCancel).toBeLessThan(materials.length);
    expect(status?.status).toBe('cancelled');
    expect(status?.completedAt).not.toBeNull();
    expect(finishedCount(afterCancel)).toBe(finishedAtCancel);
    expect(afterCancel.processing ?? 0).toBe(0);
    expect(afterCancel.pending).toBe(materials.length - finishedAtCancel);
    expect(engine.cancel(requestId)).toBe(false);
    expect(engine.cancel('no-such-request')).toBe(false);

    // The cancelled request's lines do not hold up the next one.
    const next = engine.submit({ materials: materials.slice(0, 60) });
    const nextFinal = await waitForFinalStatus(engine, next.requestId, 30_000);

    expect(nextFinal.status).toBe('completed');
    expect(nextFinal.completed).toBe(60);
    expect(engine.cancel(next.requestId)).toBe(false);
    expect(engine.status(requestId)?.status).toBe('cancelled');
    expect(finishedCount(countLinesByStatus(db, requestId))).toBe(finishedAtCancel);
    db.close();
  });

  it('leaves no queued lines behind', async () => {
    const engine = await harness.start(harness.makeDataDir(), { withCatalog: true });
    const materials = await azapMaterials(300);
    const { requestId } = engine.submit({ materials });
    await waitFor('the first batch', () => ((engine.status(requestId)?.completed ?? 0) > 0 ? true : undefined), 30_000, 10);
    engine.cancel(requestId);
    await waitFor('the workers to go idle', () => (engine.pool.busyCount === 0 ? true : undefined), 10_000, 10);

    const health = engine.health();

    expect(health.queue.runningRequests).toBe(0);
    expect(health.queue.pendingLines).toBe(0);
  });
});
