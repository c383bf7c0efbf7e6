// Resuming a request after its engine went away: killed with SIGKILL, left with lines in
// `processing` as a kill leaves them, or stopped in the middle of a job. The next engine on the
// same data folder finishes the request without duplicate rows and without touching finished lines.

import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, afterEach, describe, expect, it } from 'vitest';

import {
  azapMaterials,
  countLinesByStatus,
  EngineHarness,
  FINAL_LINE_STATUSES,
  type LineRow,
  openResultsDb,
  readLineRows,
  waitFor,
  waitForFinalStatus,
} from './helpers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHILD = path.join(ROOT, 'test', 'engine', 'engine-child.ts');

const harness = new EngineHarness();
const children: ChildProcess[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await harness.stopEngines();
});
afterAll(() => harness.dispose());

function finishedRows(dataDir: string, requestId: string): LineRow[] {
  const db = openResultsDb(dataDir);
  try {
    return readLineRows(db, requestId).filter((row) => FINAL_LINE_STATUSES.includes(row.processing_status));
  } finally {
    db.close();
  }
}

/** Check that the request has one final row per material and that `before` rows kept their sku and processed_at. */
function expectResumedCleanly(dataDir: string, requestId: string, materialIds: string[], before: LineRow[]): void {
  const db = openResultsDb(dataDir);
  try {
    const rows = readLineRows(db, requestId);
    const byId = new Map(rows.map((row) => [row.id, row]));
    const counts = countLinesByStatus(db, requestId);

    expect(rows).toHaveLength(materialIds.length);
    expect(new Set(rows.map((row) => row.material_id))).toEqual(new Set(materialIds));
    expect(counts.pending ?? 0).toBe(0);
    expect(counts.processing ?? 0).toBe(0);
    for (const row of rows) expect(row.processed_at).not.toBeNull();
    for (const row of before) {
      expect(byId.get(row.id)?.processed_at).toBe(row.processed_at);
      expect(byId.get(row.id)?.sku).toBe(row.sku);
      expect(byId.get(row.id)?.processing_status).toBe(row.processing_status);
    }
  } finally {
    db.close();
  }
}

/** Start the child engine and resolve with the request id it prints. */
function startChild(dataDir: string, lines: number): Promise<{ child: ChildProcess; requestId: string }> {
  // Node itself with tsx's loader, not the tsx CLI, which would run the engine in a grandchild that SIGKILL misses.
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, String(lines)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((part) => part.startsWith('{'));
      if (line) resolve({ child, requestId: (JSON.parse(line) as { requestId: string }).requestId });
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('exit', (code) => reject(new Error(`engine child exited with ${code} before printing a request id: ${stderr}`)));
  });
}

describe('resume', () => {
  it('finishes a job after SIGKILL', async () => {
    const dataDir = harness.makeDataDir();
    await harness.start(dataDir, { withCatalog: true });
    await harness.stopEngines();
    const materials = await azapMaterials(400);

    const { child, requestId } = await startChild(dataDir, materials.length);
    await waitFor('the child to finish 100 lines', () => (finishedRows(dataDir, requestId).length >= 100 ? true : undefined), 30_000, 50);
    child.kill('SIGKILL');
    await waitFor('the child to exit', () => (child.signalCode === null ? undefined : true), 10_000);

    const before = finishedRows(dataDir, requestId);
    const engine = await harness.start(dataDir);
    const final = await waitForFinalStatus(engine, requestId, 60_000);

    expect(before.length).toBeLessThan(materials.length);
    expect(final.status).toBe('completed');
    expect(final.completed).toBe(materials.length);
    expect(final.supplier).toBe('ООО Стройснаб');
    expectResumedCleanly(dataDir, requestId, materials.map((material) => material.id), before);
  });

  it('requeues lines left processing', async () => {
    const dataDir = harness.makeDataDir();
    const first = await harness.start(dataDir, { withCatalog: true });
    const materials = await azapMaterials(150);
    const { requestId } = first.submit({ materials });
    await waitForFinalStatus(first, requestId, 30_000);
    await first.stop();

    // The state a kill leaves: a request still running and a batch claimed but not saved.
    const db = openResultsDb(dataDir);
    const interrupted = db
      .prepare(
        `UPDATE processing_results
         SET processing_status = 'processing', sku = NULL, catalog_name = NULL, similarity_score = NULL,
             candidates_json = NULL, reasons_json = NULL, processed_at = NULL
         WHERE request_id = ? AND id % 3 = 0`,
      )
      .run(requestId).changes;
    db.prepare(`UPDATE requests SET status = 'running', completed_at = NULL WHERE request_id = ?`).run(requestId);
    db.close();
    const before = finishedRows(dataDir, requestId);

    const second = await harness.start(dataDir);
    const final = await waitForFinalStatus(second, requestId, 30_000);

    expect(interrupted).toBe(50);
    expect(before).toHaveLength(100);
    expect(final.status).toBe('completed');
    expect(final.completed).toBe(150);
    expect(final.completedAt).not.toBeNull();
    expectResumedCleanly(dataDir, requestId, materials.map((material) => material.id), before);
  });

  it('stop returns quickly mid-job', async () => {
    const dataDir = harness.makeDataDir();
    const first = await harness.start(dataDir, { withCatalog: true });
    const materials = await azapMaterials(400);
    const { requestId } = first.submit({ materials });
    await waitFor('100 lines done', () => ((first.status(requestId)?.completed ?? 0) >= 100 ? true : undefined), 30_000);

    const stopStarted = performance.now();
    await first.stop();
    const stopSeconds = (performance.now() - stopStarted) / 1000;

    const db = openResultsDb(dataDir);
    const afterStop = countLinesByStatus(db, requestId);
    const requestStatus = (db.prepare(`SELECT status FROM requests WHERE request_id = ?`).get(requestId) as { status: string }).status;
    db.close();
    const before = finishedRows(dataDir, requestId);

    expect(stopSeconds).toBeLessThan(5);
    expect(afterStop.processing ?? 0).toBe(0);
    expect(afterStop.pending ?? 0).toBeGreaterThan(0);
    expect(requestStatus).toBe('running');

    const second = await harness.start(dataDir);
    const final = await waitForFinalStatus(second, requestId, 60_000);

    expect(final.status).toBe('completed');
    expect(final.completed).toBe(materials.length);
    expectResumedCleanly(dataDir, requestId, materials.map((material) => material.id), before);
  });

  it('stop without work returns at once', async () => {
    const engine = await harness.start(harness.makeDataDir());

    const started = performance.now();
    await engine.stop();

    expect(performance.now() - started).toBeLessThan(1000);
  });
});
