// Read-side queries over results for the API and the UI: filtered pages, statistics, and the
// updates a review makes to a result line.

import type Database from 'better-sqlite3';

import { type ResultRow, toStoredResult } from './rows.js';
import type { StoredResult } from './types.js';

export interface ResultFilter {
  status?: string;
  /** Lower-cased text that the line's name must contain. */
  search?: string;
  minScore?: number;
  maxScore?: number;
}

function whereClause(requestId: string, filter: ResultFilter): { sql: string; params: unknown[] } {
  const parts = ['request_id = ?'];
  const params: unknown[] = [requestId];
  if (filter.status) {
    parts.push('processing_status = ?');
    params.push(filter.status);
  }
  if (filter.minScore !== undefined) {
    parts.push('similarity_score >= ?');
    params.push(filter.minScore);
  }
  if (filter.maxScore !== undefined) {
    parts.push('similarity_score <= ?');
    params.push(filter.maxScore);
  }
  if (filter.search) {
    // SQLite's lower() leaves Cyrillic as it is, so names are compared through a JS function.
    parts.push('mm_contains(original_name, ?)');
    params.push(filter.search);
  }
  return { sql: parts.join(' AND '), params };
}

/** Register the SQL functions these queries use; call once per connection. */
export function registerQueryFunctions(db: Database.Database): void {
  db.function('mm_contains', { deterministic: true }, (name: unknown, needle: unknown) =>
    String(name).toLowerCase().replace(/ё/g, 'е').includes(String(needle)) ? 1 : 0,
  );
}

export function countResults(db: Database.Database, requestId: string, filter: ResultFilter): number {
  const { sql, params } = whereClause(requestId, filter);
  return (db.prepare(`SELECT count(*) AS n FROM processing_results WHERE ${sql}`).get(...params) as { n: number }).n;
}

export function pageResults(db: Database.Database, requestId: string, filter: ResultFilter, offset: number, limit: number): StoredResult[] {
  const { sql, params } = whereClause(requestId, filter);
  const rows = db.prepare(`SELECT * FROM processing_results WHERE ${sql} ORDER BY id LIMIT ? OFFSET ?`).all(...params, limit, offset) as ResultRow[];
  return rows.map(toStoredResult);
}

export function resultsByKey(db: Database.Database, requestId: string, materialIds: string[]): StoredResult[] {
  const select = db.prepare(`SELECT * FROM processing_results WHERE request_id = ? AND material_id = ?`);
  return materialIds.flatMap((id) => {
    const row = select.get(requestId, id) as ResultRow | undefined;
    return row ? [toStoredResult(row)] : [];
  });
}

/** Set the outcome a reviewer chose: matched with the SKU, or no_match for a rejection. */
export function applyReviewOutcome(
  db: Database.Database,
  requestId: string,
  materialId: string,
  outcome: { sku: string | null; catalogName: string | null; catalogUnit: string | null; unitCoefficient: number | null },
): void {
  db.prepare(
    `UPDATE processing_results
     SET processing_status = CASE WHEN ? IS NULL THEN 'no_match' ELSE 'matched' END,
         sku = ?, catalog_name = ?, catalog_unit = ?, unit_coefficient = ?
     WHERE request_id = ? AND material_id = ?`,
  ).run(outcome.sku, outcome.sku, outcome.catalogName, outcome.catalogUnit, outcome.unitCoefficient, requestId, materialId);
}

export interface StatisticsRows {
  byStatus: { status: string; n: number }[];
  requestsByStatus: { status: string; n: number }[];
  meanScore: number | null;
  perDay: { day: string; total: number; matched: number; needs_review: number; no_match: number; failed: number }[];
  histogram: { bucket: number; n: number }[];
}

export function statisticsRows(db: Database.Database): StatisticsRows {
  return {
    byStatus: db.prepare(`SELECT processing_status AS status, count(*) AS n FROM processing_results GROUP BY processing_status`).all() as StatisticsRows['byStatus'],
    requestsByStatus: db.prepare(`SELECT status, count(*) AS n FROM requests GROUP BY status`).all() as StatisticsRows['requestsByStatus'],
    meanScore: (db.prepare(`SELECT avg(similarity_score) AS m FROM processing_results WHERE similarity_score IS NOT NULL`).get() as { m: number | null }).m,
    perDay: db
      .prepare(
        `SELECT substr(created_at, 1, 10) AS day, count(*) AS total,
                sum(processing_status = 'matched') AS matched, sum(processing_status = 'needs_review') AS needs_review,
                sum(processing_status = 'no_match') AS no_match, sum(processing_status = 'failed') AS failed
         FROM processing_results GROUP BY day ORDER BY day DESC LIMIT 60`,
      )
      .all() as StatisticsRows['perDay'],
    histogram: db
      .prepare(
        `SELECT min(cast(similarity_score * 10 AS INTEGER), 9) AS bucket, count(*) AS n
         FROM processing_results WHERE similarity_score IS NOT NULL GROUP BY bucket ORDER BY bucket`,
      )
      .all() as StatisticsRows['histogram'],
  };
}

/** Recent requests, newest first. */
export function recentRequestIds(db: Database.Database, limit: number): string[] {
  return (db.prepare(`SELECT request_id FROM requests ORDER BY created_at DESC, rowid DESC LIMIT ?`).all(limit) as { request_id: string }[]).map(
    (row) => row.request_id,
  );
}
