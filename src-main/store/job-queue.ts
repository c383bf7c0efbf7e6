// The queue side of the results store: which lines to process next, what to do with a failed
// line, when a request is finished, and the figures for progress and statistics. Lines move
// pending -> processing -> a final status; a crash leaves some in processing, and the next start
// puts them back to pending.

import type Database from 'better-sqlite3';

export interface QueuedLine {
  id: number;
  requestId: string;
  materialId: string;
  name: string;
  unit: string;
  price: number | null;
  rowNumber: number | null;
  retryCount: number;
  supplier: string | null;
  catalogVersion: string | null;
}

export interface RetryPolicy {
  maxRetries: number;
  retryDelaySeconds: number;
}

export interface RequestProgress {
  total: number;
  finished: number;
  failed: number;
  pending: number;
  processing: number;
  firstProcessedAt: string | null;
  lastProcessedAt: string | null;
}

export class JobQueue {
  readonly #db: Database.Database;
  readonly #now: () => Date;

  constructor(db: Database.Database, now: () => Date = () => new Date()) {
    this.#db = db;
    this.#now = now;
  }

  /** Put lines left in `processing` by a crash back to `pending`; returns how many. */
  requeueInterrupted(): number {
    return this.#db.prepare(`UPDATE processing_results SET processing_status = 'pending' WHERE processing_status = 'processing'`).run().changes;
  }

  /** Catalog index versions that unfinished requests were submitted against. */
  catalogVersionsInUse(): number[] {
    const rows = this.#db
      .prepare(`SELECT DISTINCT catalog_version FROM requests WHERE status IN ('pending', 'running') AND catalog_version IS NOT NULL`)
      .all() as { catalog_version: string }[];
    return rows.map((row) => Number(row.catalog_version)).filter((version) => Number.isInteger(version));
  }

  /** Requests that still have work, oldest first. */
  unfinishedRequests(): string[] {
    const rows = this.#db
      .prepare(`SELECT request_id FROM requests WHERE status IN ('pending', 'running') ORDER BY created_at, rowid`)
      .all() as { request_id: string }[];
    return rows.map((row) => row.request_id);
  }

  /**
   * Take up to `limit` due lines of one request (the oldest unfinished request with due lines)
   * and mark them `processing`, in one transaction so that two callers never take the same line.
   */
  claimBatch(limit: number): QueuedLine[] {
    const now = this.#now().toISOString();
    const claim = this.#db.transaction((): QueuedLine[] => {
      const first = this.#db
        .prepare(
          `SELECT r.request_id AS request_id FROM processing_results p JOIN requests r ON r.request_id = p.request_id
           WHERE p.processing_status = 'pending' AND (p.next_attempt_at IS NULL OR p.next_attempt_at <= ?)
             AND r.status IN ('pending', 'running')
           ORDER BY r.created_at, r.rowid, p.id LIMIT 1`,
        )
        .get(now) as { request_id: string } | undefined;
      if (!first) return [];

      const rows = this.#db
        .prepare(
          `SELECT p.id, p.request_id, p.material_id, p.original_name, p.original_unit, p.price, p.row_number, p.retry_count,
                  r.supplier, r.catalog_version
           FROM processing_results p JOIN requests r ON r.request_id = p.request_id
           WHERE p.request_id = ? AND p.processing_status = 'pending' AND (p.next_attempt_at IS NULL OR p.next_attempt_at <= ?)
           ORDER BY p.id LIMIT ?`,
        )
        .all(first.request_id, now, limit) as {
        id: number;
        request_id: string;
        material_id: string;
        original_name: string;
        original_unit: string;
        price: number | null;
        row_number: number | null;
        retry_count: number;
        supplier: string | null;
        catalog_version: string | null;
      }[];

      const mark = this.#db.prepare(`UPDATE processing_results SET processing_status = 'processing' WHERE id = ?`);
      for (const row of rows) mark.run(row.id);
      this.#db
        .prepare(`UPDATE requests SET status = 'running', started_at = COALESCE(started_at, ?) WHERE request_id = ? AND status = 'pending'`)
        .run(now, first.request_id);

      return rows.map((row) => ({
        id: row.id,
        requestId: row.request_id,
        materialId: row.material_id,
        name: row.original_name,
        unit: row.original_unit,
        price: row.price,
        rowNumber: row.row_number,
        retryCount: row.retry_count,
        supplier: row.supplier,
        catalogVersion: row.catalog_version,
      }));
    });
    return claim();
  }

  /** Return claimed lines to `pending` untouched, for a batch that was cancelled or parked at shutdown. */
  release(lineIds: number[]): void {
    const release = this.#db.prepare(`UPDATE processing_results SET processing_status = 'pending' WHERE id = ? AND processing_status = 'processing'`);
    this.#db.transaction(() => {
      for (const id of lineIds) release.run(id);
    })();
  }

  /**
   * Record a line that failed. While retries remain it goes back to `pending` with a due time of
   * retryDelay * 2^retryCount from now; after that it stays `failed`. Returns true when it will be retried.
   */
  failLine(lineId: number, error: string, policy: RetryPolicy): boolean {
    const row = this.#db.prepare(`SELECT retry_count FROM processing_results WHERE id = ?`).get(lineId) as { retry_count: number } | undefined;
    if (!row) return false;

    const now = this.#now();
    if (row.retry_count < policy.maxRetries) {
      const delayMs = policy.retryDelaySeconds * 1000 * 2 ** row.retry_count;
      this.#db
        .prepare(
          `UPDATE processing_results SET processing_status = 'pending', error_message = ?, retry_count = retry_count + 1, next_attempt_at = ? WHERE id = ?`,
        )
        .run(error, new Date(now.getTime() + delayMs).toISOString(), lineId);
      return true;
    }
    this.#db
      .prepare(`UPDATE processing_results SET processing_status = 'failed', error_message = ?, processed_at = ?, next_attempt_at = NULL WHERE id = ?`)
      .run(error, now.toISOString(), lineId);
    return false;
  }

  /** Make failed lines due now again; returns how many. */
  retryNow(requestId?: string, materialIds?: string[]): number {
    const now = this.#now().toISOString();
    const touched = new Set<string>();
    let count = 0;
    const update = this.#db.transaction(() => {
      const rows = this.#db
        .prepare(
          `SELECT id, request_id, material_id FROM processing_results
           WHERE (processing_status = 'failed' OR (processing_status = 'pending' AND next_attempt_at IS NOT NULL))
             AND (? IS NULL OR request_id = ?)`,
        )
        .all(requestId ?? null, requestId ?? null) as { id: number; request_id: string; material_id: string }[];
      const selected = materialIds ? new Set(materialIds) : null;
      const mark = this.#db.prepare(`UPDATE processing_results SET processing_status = 'pending', next_attempt_at = ? WHERE id = ?`);
      for (const row of rows) {
        if (selected && !selected.has(row.material_id)) continue;
        mark.run(now, row.id);
        touched.add(row.request_id);
        count += 1;
      }
      const reopen = this.#db.prepare(`UPDATE requests SET status = 'running', completed_at = NULL WHERE request_id = ? AND status IN ('completed', 'failed')`);
      for (const id of touched) reopen.run(id);
    });
    update();
    return count;
  }

  /** Mark a request completed when none of its lines is pending or processing; returns true when it did. */
  completeIfDone(requestId: string): boolean {
    const open = this.#db
      .prepare(`SELECT count(*) AS n FROM processing_results WHERE request_id = ? AND processing_status IN ('pending', 'processing')`)
      .get(requestId) as { n: number };
    if (open.n > 0) return false;
    const changes = this.#db
      .prepare(`UPDATE requests SET status = 'completed', completed_at = ? WHERE request_id = ? AND status IN ('pending', 'running')`)
      .run(this.#now().toISOString(), requestId).changes;
    return changes > 0;
  }

  cancel(requestId: string): boolean {
    const changes = this.#db
      .prepare(`UPDATE requests SET status = 'cancelled', completed_at = ? WHERE request_id = ? AND status IN ('pending', 'running')`)
      .run(this.#now().toISOString(), requestId).changes;
    return changes > 0;
  }

  isCancelled(requestId: string): boolean {
    const row = this.#db.prepare(`SELECT status FROM requests WHERE request_id = ?`).get(requestId) as { status: string } | undefined;
    return row?.status === 'cancelled';
  }

  progress(requestId: string): RequestProgress {
    const row = this.#db
      .prepare(
        `SELECT count(*) AS total,
                sum(processing_status IN ('matched', 'needs_review', 'no_match', 'failed')) AS finished,
                sum(processing_status = 'failed') AS failed,
                sum(processing_status = 'pending') AS pending,
                sum(processing_status = 'processing') AS processing,
                min(processed_at) AS first_processed_at,
                max(processed_at) AS last_processed_at
         FROM processing_results WHERE request_id = ?`,
      )
      .get(requestId) as {
      total: number;
      finished: number | null;
      failed: number | null;
      pending: number | null;
      processing: number | null;
      first_processed_at: string | null;
      last_processed_at: string | null;
    };
    return {
      total: row.total,
      finished: row.finished ?? 0,
      failed: row.failed ?? 0,
      pending: row.pending ?? 0,
      processing: row.processing ?? 0,
      firstProcessedAt: row.first_processed_at,
      lastProcessedAt: row.last_processed_at,
    };
  }

  /** Lines still to process in requests that are not cancelled or finished. */
  pendingLineCount(): number {
    const row = this.#db
      .prepare(
        `SELECT count(*) AS n FROM processing_results p JOIN requests r ON r.request_id = p.request_id
         WHERE p.processing_status IN ('pending', 'processing') AND r.status IN ('pending', 'running')`,
      )
      .get() as { n: number };
    return row.n;
  }

  /** Return the earliest due time of a line waiting for a retry, or null. */
  nextRetryAt(): string | null {
    const row = this.#db
      .prepare(
        `SELECT min(p.next_attempt_at) AS at FROM processing_results p JOIN requests r ON r.request_id = p.request_id
         WHERE p.processing_status = 'pending' AND p.next_attempt_at IS NOT NULL AND r.status IN ('pending', 'running')`,
      )
      .get() as { at: string | null };
    return row.at;
  }

  /** Clear the retry bookkeeping of lines whose results were saved. */
  clearRetryState(lineIds: number[]): void {
    const clear = this.#db.prepare(`UPDATE processing_results SET next_attempt_at = NULL WHERE id = ?`);
    this.#db.transaction(() => {
      for (const id of lineIds) clear.run(id);
    })();
  }
}
