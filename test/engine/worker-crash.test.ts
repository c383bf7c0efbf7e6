// A pipeline worker that dies in the middle of a batch: the batch goes back to the queue, a new
// worker takes over, and every line ends with exactly one final row.

import { afterAll, afterEach, describe, expect, it } from 'vitest';

import {
  azapMaterials,
  countLinesByStatus,
  EngineHarness,
  FINAL_LINE_STATUSES,
  openResultsDb,
  readLineRows,
  waitFor,
  waitForFinalStatus,
} from './helpers.js';

const LINES = 2000;

const harness = new EngineHarness();

afterEach(() => harness.stopEngines());
afterAll(() => harness.dispose());

describe('worker crash', () => {
  // Workers exit on their next batch rather than being terminated from outside: terminating a
  // worker thread during a LanceDB query can abort the whole process (@lancedb/lancedb 0.31.0).
  it('job completes after a worker dies', async () => {
    const dataDir = harness.makeDataDir();
    const engine = await harness.start(dataDir, { withCatalog: true });
    const materials = await azapMaterials(LINES);
    const { requestId } = engine.submit({ materials });

    await waitFor('some lines done and a worker busy', () => {
      const status = engine.status(requestId);
      return status && status.completed >= 100 && status.status === 'running' && engine.pool.busyCount > 0 ? status : undefined;
    }, 30_000, 10);
    await engine.pool.crashOnNextBatch();
    const completedAtCrash = engine.status(requestId)?.completed ?? 0;

    const final = await waitForFinalStatus(engine, requestId, 60_000);

    expect(completedAtCrash).toBeLessThan(LINES);
    expect(final.status).toBe('completed');
    expect(final.total).toBe(LINES);
    expect(final.completed).toBe(LINES);
    expect(final.failed).toBe(0);

    const db = openResultsDb(dataDir);
    try {
      const rows = readLineRows(db, requestId);
      const ids = rows.map((row) => row.material_id);
      const counts = countLinesByStatus(db, requestId);

      expect(rows).toHaveLength(LINES);
      expect(new Set(ids).size).toBe(LINES);
      expect(new Set(ids)).toEqual(new Set(materials.map((material) => material.id)));
      expect(counts.pending ?? 0).toBe(0);
      expect(counts.processing ?? 0).toBe(0);
      for (const row of rows) expect(FINAL_LINE_STATUSES).toContain(row.processing_status);
      for (const row of rows) expect(row.processed_at).not.toBeNull();
    } finally {
      db.close();
    }

    // The pool, with the replacement worker, still runs the next request.
    const next = engine.submit({ materials: materials.slice(0, 100) });
    const nextFinal = await waitForFinalStatus(engine, next.requestId, 30_000);

    expect(nextFinal.status).toBe('completed');
    expect(nextFinal.completed).toBe(100);
    expect(engine.pool.busyCount).toBe(0);
  });
});
