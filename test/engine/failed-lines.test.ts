// A line the pipeline cannot match (an empty name) fails, is retried with exponential backoff,
// stays failed with its error once the retries are used up, and engine.retry() queues it again.

import { afterAll, afterEach, describe, expect, it } from 'vitest';

import type { MaterialInput } from '../../src-main/engine/engine-types.js';
import { azapMaterials, countLinesByStatus, EngineHarness, type LineRow, openResultsDb, sleep, waitForFinalStatus } from './helpers.js';

const RETRY_DELAY_SECONDS = 0.2;
const MAX_RETRIES = 3;
const EMPTY_NAME_ERROR = 'В строке нет наименования (the line has no name).';

const harness = new EngineHarness();

afterEach(() => harness.stopEngines());
afterAll(() => harness.dispose());

async function materialsWithEmptyName(): Promise<MaterialInput[]> {
  const materials = await azapMaterials(20);
  return [...materials.slice(0, 10), { id: 'empty-name', name: '', unit: 'шт' }, ...materials.slice(10)];
}

describe('failed line', () => {
  it('is retried with backoff, then stays failed', async () => {
    const dataDir = harness.makeDataDir();
    const engine = await harness.start(dataDir, {
      withCatalog: true,
      settings: { retryDelaySeconds: RETRY_DELAY_SECONDS, maxRetries: MAX_RETRIES },
    });
    const materials = await materialsWithEmptyName();
    const db = openResultsDb(dataDir);
    const selectLine = db.prepare(
      `SELECT id, material_id, processing_status, sku, processed_at, retry_count, next_attempt_at, error_message
       FROM processing_results WHERE request_id = ? AND material_id = 'empty-name'`,
    );

    const { requestId } = engine.submit({ materials });
    // Every state of the line lasts at least one retry delay (200 ms and more), so polling every
    // 10 ms catches each of them.
    const seen: LineRow[] = [];
    const deadline = Date.now() + 20_000;
    while (engine.status(requestId)?.status !== 'completed' && Date.now() < deadline) {
      const row = selectLine.get(requestId) as LineRow | undefined;
      if (row && row.next_attempt_at !== null && seen.at(-1)?.next_attempt_at !== row.next_attempt_at) seen.push(row);
      await sleep(10);
    }
    const final = engine.status(requestId);
    const line = selectLine.get(requestId) as LineRow;
    db.close();

    expect(final?.status).toBe('completed');
    expect(final?.total).toBe(21);
    expect(final?.completed).toBe(21);
    expect(final?.failed).toBe(1);
    expect(final?.counts.failed).toBe(1);
    expect(final?.counts.matched).toBeGreaterThan(0);

    expect(seen.map((row) => row.retry_count)).toEqual([1, 2, 3]);
    for (const row of seen) expect(row.processing_status).toBe('pending');
    for (const row of seen) expect(row.error_message).toMatch(EMPTY_NAME_ERROR);
    const due = seen.map((row) => Date.parse(row.next_attempt_at ?? ''));
    const gaps = due.slice(1).map((at, i) => at - (due[i] ?? 0));
    // Each attempt starts no earlier than its due time, and the next delay doubles, so the due
    // times are at least 2 and 4 delays apart.
    expect(gaps[0]).toBeGreaterThanOrEqual(2 * RETRY_DELAY_SECONDS * 1000 - 2);
    expect(gaps[1]).toBeGreaterThanOrEqual(4 * RETRY_DELAY_SECONDS * 1000 - 2);
    expect(gaps[1] ?? 0).toBeGreaterThan(gaps[0] ?? Infinity);

    expect(line.processing_status).toBe('failed');
    expect(line.retry_count).toBe(MAX_RETRIES);
    expect(line.error_message).toMatch(EMPTY_NAME_ERROR);
    expect(line.next_attempt_at).toBeNull();
    expect(line.processed_at).not.toBeNull();
    expect(Date.parse(line.processed_at ?? '')).toBeGreaterThanOrEqual(due[2] ?? Infinity);
  });

  it('shows its error, retry queues it', async () => {
    const dataDir = harness.makeDataDir();
    const engine = await harness.start(dataDir, { withCatalog: true, settings: { maxRetries: 0 } });
    const { requestId } = engine.submit({ materials: await materialsWithEmptyName() });
    const first = await waitForFinalStatus(engine, requestId, 30_000);
    const failedPage = engine.results(requestId, { page: 1, pageSize: 100, status: 'failed' });
    const failedAt = failedPage?.items[0]?.processedAt;

    expect(failedPage?.totalItems).toBe(1);
    expect(failedPage?.items[0]?.materialId).toBe('empty-name');
    expect(failedPage?.items[0]?.errorMessage).toMatch(EMPTY_NAME_ERROR);
    expect(failedPage?.items[0]?.retryCount).toBe(0);
    expect(failedPage?.items[0]?.sku).toBeNull();
    expect(failedPage?.summary.failed).toBe(1);

    const queued = engine.retry(requestId);
    const reopened = engine.status(requestId);
    const second = await waitForFinalStatus(engine, requestId, 30_000);
    const line = engine.results(requestId, { page: 1, pageSize: 10, status: 'failed' })?.items[0];

    expect(first.failed).toBe(1);
    expect(queued).toBe(1);
    expect(reopened?.status).toBe('running');
    expect(reopened?.completedAt).toBeNull();
    expect(reopened?.pending).toBe(1);
    expect(second.status).toBe('completed');
    expect(second.failed).toBe(1);
    expect(second.completed).toBe(21);
    expect(line?.errorMessage).toMatch(EMPTY_NAME_ERROR);
    expect(Date.parse(line?.processedAt ?? '')).toBeGreaterThan(Date.parse(failedAt ?? ''));
  });

  it('batch error fails every line', async () => {
    const dataDir = harness.makeDataDir();
    const first = await harness.start(dataDir, { withCatalog: true });
    const { requestId } = first.submit({ materials: await azapMaterials(5) });
    await first.stop();
    // A request recorded against an index version that does not exist makes the worker throw
    // before matching, so the whole batch fails.
    const db = openResultsDb(dataDir);
    db.prepare(`UPDATE requests SET catalog_version = '99' WHERE request_id = ?`).run(requestId);
    const pendingBefore = countLinesByStatus(db, requestId).pending;
    db.close();

    const second = await harness.start(dataDir, { settings: { maxRetries: 1 } });
    const final = await waitForFinalStatus(second, requestId, 30_000);
    const rows = second.results(requestId, { page: 1, pageSize: 10 })?.items ?? [];

    expect(pendingBefore).toBe(5);
    expect(final.status).toBe('completed');
    expect(final.catalogVersion).toBe('99');
    expect(final.failed).toBe(5);
    expect(final.completed).toBe(5);
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(row.status).toBe('failed');
      expect(row.retryCount).toBe(1);
      expect(row.errorMessage).toMatch(/version 99/);
    }
  });

  it('retry ignores other requests', async () => {
    const engine = await harness.start(harness.makeDataDir(), { withCatalog: true, settings: { maxRetries: 0 } });
    const failing = engine.submit({ materials: await materialsWithEmptyName() });
    await waitForFinalStatus(engine, failing.requestId, 30_000);
    const clean = engine.submit({ materials: await azapMaterials(5) });
    await waitForFinalStatus(engine, clean.requestId, 30_000);

    expect(engine.retry(clean.requestId)).toBe(0);
    expect(engine.status(clean.requestId)?.status).toBe('completed');
    expect(engine.status(failing.requestId)?.status).toBe('completed');
    expect(engine.retry(failing.requestId, ['no-such-line'])).toBe(0);
    expect(engine.retry(failing.requestId, ['empty-name'])).toBe(1);
  });
});
