// Statistics over all requests (totals, score histogram, lines per day) and cleanup of old
// finished requests. Age is simulated by moving created_at back in the SQLite file.

import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ResultRow } from '../../src-main/engine/engine-types.js';
import type { JobEngine } from '../../src-main/engine/job-engine.js';
import { azapMaterials, EngineHarness, FINAL_LINE_STATUSES, openResultsDb, queryMaterials, waitForFinalStatus } from './helpers.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const OLD_AGE_DAYS = 40;

const harness = new EngineHarness();
let engine: JobEngine;
let db: Database.Database;
let oldId: string;
let recentId: string;
let allRows: ResultRow[];

function rowsOf(requestId: string): ResultRow[] {
  return engine.results(requestId, { page: 1, pageSize: 1000 })?.items ?? [];
}

function countStatus(rows: ResultRow[], status: string): number {
  return rows.filter((row) => row.status === status).length;
}

beforeAll(async () => {
  const dataDir = harness.makeDataDir();
  engine = await harness.start(dataDir, { withCatalog: true });
  oldId = engine.submit({ materials: await queryMaterials() }).requestId;
  recentId = engine.submit({ materials: await azapMaterials(30) }).requestId;
  await waitForFinalStatus(engine, oldId, 30_000);
  await waitForFinalStatus(engine, recentId, 30_000);
  allRows = [...rowsOf(oldId), ...rowsOf(recentId)];

  const oldDate = new Date(Date.now() - OLD_AGE_DAYS * DAY_MS).toISOString();
  db = openResultsDb(dataDir);
  db.prepare(`UPDATE requests SET created_at = ? WHERE request_id = ?`).run(oldDate, oldId);
  db.prepare(`UPDATE processing_results SET created_at = ? WHERE request_id = ?`).run(oldDate, oldId);
});

afterAll(async () => {
  db.close();
  await harness.dispose();
});

describe('statistics', () => {
  it('totals every line', () => {
    const stats = engine.statistics();

    expect(stats.totals.total).toBe(allRows.length);
    for (const status of FINAL_LINE_STATUSES) expect(stats.totals[status as keyof typeof stats.totals]).toBe(countStatus(allRows, status));
    expect(stats.totals.pending).toBe(0);
    expect(stats.requests.completed).toBe(2);
    expect(stats.requests.running).toBe(0);
    expect(stats.linesPerSecond).toBeGreaterThan(0);
  });

  it('histogram covers the scored lines', () => {
    const stats = engine.statistics();
    const scores = allRows.flatMap((row) => (row.score === null ? [] : [row.score]));
    const expected = Array.from({ length: 10 }, (_, bucket) => scores.filter((score) => Math.min(Math.floor(score * 10), 9) === bucket).length);

    expect(stats.scoreHistogram).toHaveLength(10);
    expect(stats.scoreHistogram.map((bucket) => [bucket.from, bucket.to])).toEqual(
      Array.from({ length: 10 }, (_, i) => [i / 10, (i + 1) / 10]),
    );
    expect(stats.scoreHistogram.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(scores.length);
    expect(stats.scoreHistogram.map((bucket) => bucket.count)).toEqual(expected);
    expect(stats.meanScore).toBeCloseTo(scores.reduce((sum, score) => sum + score, 0) / scores.length, 9);
  });

  it('counts lines per day', () => {
    const stats = engine.statistics();
    const recentDay = (db.prepare(`SELECT substr(created_at, 1, 10) AS day FROM processing_results WHERE request_id = ? LIMIT 1`).get(recentId) as { day: string }).day;
    const oldDay = new Date(Date.now() - OLD_AGE_DAYS * DAY_MS).toISOString().slice(0, 10);
    const perRequest = (rows: ResultRow[]) => ({
      total: rows.length,
      matched: countStatus(rows, 'matched'),
      needsReview: countStatus(rows, 'needs_review'),
      noMatch: countStatus(rows, 'no_match'),
      failed: countStatus(rows, 'failed'),
    });

    expect(stats.perDay).toEqual([
      { day: recentDay, ...perRequest(rowsOf(recentId)) },
      { day: oldDay, ...perRequest(rowsOf(oldId)) },
    ]);
  });
});

describe('cleanup', () => {
  let running: string;

  it('deletes old finished requests only', async () => {
    const oldCount = rowsOf(oldId).length;
    running = engine.submit({ materials: await azapMaterials(200) }).requestId;
    db.prepare(`UPDATE requests SET created_at = ? WHERE request_id = ?`).run(new Date(Date.now() - OLD_AGE_DAYS * DAY_MS).toISOString(), running);

    const deleted = engine.cleanup(30);
    const runningFinal = await waitForFinalStatus(engine, running, 30_000);
    const remaining = db.prepare(`SELECT count(*) AS n FROM processing_results WHERE request_id = ?`).get(oldId) as { n: number };

    expect(deleted).toEqual({ requests: 1, results: oldCount });
    expect(engine.status(oldId)).toBeNull();
    expect(engine.results(oldId, { page: 1, pageSize: 10 })).toBeNull();
    expect(remaining.n).toBe(0);
    expect(engine.listRequests(10).map((job) => job.requestId)).not.toContain(oldId);
    expect(engine.status(recentId)?.completed).toBe(30);
    expect(runningFinal.status).toBe('completed');
    expect(runningFinal.completed).toBe(200);
    expect(engine.statistics().totals.total).toBe(230);
  });

  it('deletes an old request once finished', () => {
    expect(engine.cleanup(30)).toEqual({ requests: 1, results: 200 });
    expect(engine.status(running)).toBeNull();
    expect(engine.status(recentId)?.status).toBe('completed');
    expect(engine.cleanup(30)).toEqual({ requests: 0, results: 0 });
  });
});
