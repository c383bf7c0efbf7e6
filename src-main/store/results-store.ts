// The results store: requests, their per-line results and reviewers' decisions in one SQLite file.

import { randomUUID } from 'node:crypto';

import type Database from 'better-sqlite3';

import { openDatabase, type OpenDatabaseOptions } from './database.js';
import { readSchemaVersion } from './migrate.js';
import { LATEST_SCHEMA_VERSION } from './migrations/index.js';
import { toReviewDecision, toStoredRequest, toStoredResult, UNKNOWN_SUPPLIER } from './rows.js';
import { prepareStatements, type ResultParams, type Statements } from './statements.js';
import {
  PROCESSING_STATUSES,
  type CleanupCounts,
  type NewDecision,
  type NewRequest,
  type PendingLine,
  type RequestStatus,
  type ResultQuery,
  type ResultToSave,
  type ReviewDecision,
  type StatusCounts,
  type StoredRequest,
  type StoredResult,
} from './types.js';

export interface ResultsStoreOptions {
  /** Clock for every timestamp the store writes; tests pass a fixed one. */
  now?: () => Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export class ResultsStore {
  private readonly db: Database.Database;
  private readonly statements: Statements;
  private readonly now: () => Date;

  /** Wraps a database that openDatabase has migrated to the latest schema. */
  constructor(db: Database.Database, options: ResultsStoreOptions = {}) {
    const version = readSchemaVersion(db);
    if (version !== LATEST_SCHEMA_VERSION) {
      throw new Error(
        `ResultsStore needs schema version ${LATEST_SCHEMA_VERSION}, but ${db.name} has version ${version}: open it with openDatabase()`,
      );
    }

    this.db = db;
    this.statements = prepareStatements(db);
    this.now = options.now ?? (() => new Date());
  }

  /** The underlying connection, for the job queue that shares it. */
  get database(): Database.Database {
    return this.db;
  }

  /** Opens (and migrates) the database at `file` and wraps it. */
  static open(file: string, options: ResultsStoreOptions & OpenDatabaseOptions = {}): ResultsStore {
    return new ResultsStore(openDatabase(file, options), options);
  }

  /** Inserts a request in status 'pending' and returns its id. */
  createRequest(request: NewRequest): string {
    const requestId = request.requestId ?? randomUUID();

    this.statements.insertRequest.run({
      requestId,
      source: request.source,
      inputFile: request.inputFile ?? null,
      catalogFile: request.catalogFile ?? null,
      catalogVersion: request.catalogVersion ?? null,
      supplier: request.supplier ?? null,
      materialsCount: request.materialsCount,
      createdAt: this.timestamp(),
      settingsJson: request.settings === undefined ? null : JSON.stringify(request.settings),
    });

    return requestId;
  }

  /**
   * Sets a request's status. The first 'running' stamps started_at. 'completed', 'cancelled' and
   * 'failed' stamp completed_at, and 'pending' or 'running' clear it. Throws if the request is missing.
   */
  markRequest(requestId: string, status: RequestStatus): void {
    const { changes } = this.statements.markRequest.run({ requestId, status, now: this.timestamp() });
    if (changes === 0) throw new Error(`Request not found: ${requestId}`);
  }

  getRequest(requestId: string): StoredRequest | undefined {
    const row = this.statements.getRequest.get(requestId);
    return row === undefined ? undefined : toStoredRequest(row);
  }

  /**
   * Stores input lines as 'pending' in one transaction. Lines whose material id the request
   * already has are skipped. Returns the number of lines inserted.
   */
  addPendingLines(requestId: string, lines: readonly PendingLine[]): number {
    const now = this.timestamp();

    const insertAll = this.db.transaction(() => {
      let inserted = 0;
      for (const line of lines) {
        const { changes } = this.statements.insertPending.run({
          requestId,
          materialId: line.materialId,
          rowNumber: line.rowNumber ?? null,
          name: line.name,
          unit: line.unit,
          inputJson: line.input == null ? null : JSON.stringify(line.input),
          price: line.price ?? null,
          now,
        });
        inserted += changes;
      }
      return inserted;
    });

    return insertAll();
  }

  /**
   * Inserts or updates the results of a request's lines in one transaction and stamps processed_at.
   * An update keeps the line's input columns, retry count and review.
   */
  saveResults(requestId: string, results: readonly ResultToSave[]): void {
    const now = this.timestamp();

    const saveAll = this.db.transaction(() => {
      for (const result of results) {
        this.statements.upsertResult.run(toResultParams(requestId, result, now));
      }
    });

    saveAll();
  }

  /** Returns a page of a request's results in insertion order, optionally of one status only. */
  getResults(requestId: string, query: ResultQuery): StoredResult[] {
    const { offset, limit } = query;
    checkPageBound('offset', offset);
    checkPageBound('limit', limit);

    const rows =
      query.status === undefined
        ? this.statements.resultsPage.all({ requestId, offset, limit })
        : this.statements.resultsPageByStatus.all({ requestId, status: query.status, offset, limit });

    return rows.map(toStoredResult);
  }

  /**
   * Yields all results of a request in insertion order, for export. Rows are read in chunks by id,
   * so no statement or read transaction stays open while the caller holds the generator.
   */
  *eachResult(requestId: string, chunkSize = 500): Generator<StoredResult> {
    checkPageBound('chunkSize', chunkSize);
    let afterId = 0;

    for (;;) {
      const rows = this.statements.resultsAfter.all({ requestId, afterId, limit: chunkSize });
      for (const row of rows) yield toStoredResult(row);

      const last = rows.at(-1);
      if (last === undefined || rows.length < chunkSize) return;
      afterId = last.id;
    }
  }

  /** Counts a request's lines by status. Every status is present, with 0 when no line has it. */
  countByStatus(requestId: string): StatusCounts {
    const counts = Object.fromEntries(PROCESSING_STATUSES.map((status) => [status, 0])) as StatusCounts;
    counts.total = 0;

    for (const { status, count } of this.statements.countByStatus.all(requestId)) {
      counts[status] = count;
      counts.total += count;
    }

    return counts;
  }

  /** Returns the lines still 'pending' or 'processing' (interrupted), to resume a request. */
  pendingLines(requestId: string): PendingLine[] {
    return this.statements.pendingLines.all(requestId).map((row) => {
      const result = toStoredResult(row);
      return {
        materialId: result.materialId,
        name: result.originalName,
        unit: result.originalUnit,
        rowNumber: result.rowNumber,
        price: result.price,
        input: result.input,
      };
    });
  }

  /**
   * Stores a reviewer's decision for a supplier line, replacing an earlier one for the same
   * supplier and line key. With requestId and materialId, also marks that result line as
   * reviewed; both writes happen in one transaction, and a missing line rolls back both.
   */
  recordDecision(decision: NewDecision): ReviewDecision {
    const sku = decision.sku ?? null;
    checkDecisionSku(decision.action, sku);

    const now = this.timestamp();
    const requestId = decision.requestId ?? null;
    const materialId = decision.materialId ?? null;

    const record = this.db.transaction(() => {
      const row = this.statements.upsertDecision.get({
        requestId,
        materialId,
        supplier: decision.supplier ?? UNKNOWN_SUPPLIER,
        lineKey: decision.lineKey,
        action: decision.action,
        sku,
        now,
      });
      if (row === undefined) throw new Error('INSERT … RETURNING returned no row');

      if (requestId !== null && materialId !== null) {
        const params = { requestId, materialId, action: decision.action, sku, now };
        const { changes } = this.statements.markReviewed.run(params);
        if (changes === 0) throw new Error(`Result line not found: request ${requestId}, material ${materialId}`);
      }

      return toReviewDecision(row);
    });

    return record();
  }

  /** Returns the latest decision for a supplier line. A null supplier means an unknown one. */
  findDecision(supplier: string | null | undefined, lineKey: string): ReviewDecision | undefined {
    const row = this.statements.findDecision.get(supplier ?? UNKNOWN_SUPPLIER, lineKey);
    return row === undefined ? undefined : toReviewDecision(row);
  }

  /**
   * Deletes requests created more than `days` days ago, with their results, in one transaction.
   * Pending and running requests are kept, and so are review decisions. Returns the deleted counts.
   */
  deleteOlderThan(days: number): CleanupCounts {
    if (!Number.isFinite(days) || days < 0) throw new RangeError(`days must be a non-negative number, got ${days}`);
    const cutoff = new Date(this.now().getTime() - days * DAY_MS).toISOString();

    const deleteAll = this.db.transaction(() => ({
      results: this.statements.deleteExpiredResults.run({ cutoff }).changes,
      requests: this.statements.deleteExpiredRequests.run({ cutoff }).changes,
    }));

    return deleteAll();
  }

  close(): void {
    this.db.close();
  }

  private timestamp(): string {
    return this.now().toISOString();
  }
}

function toResultParams(requestId: string, result: ResultToSave, now: string): ResultParams {
  const chosen = result.sku === null ? undefined : result.candidates.find((candidate) => candidate.sku === result.sku);

  return {
    requestId,
    materialId: result.materialId,
    name: result.originalName,
    unit: result.originalUnit,
    status: result.status,
    sku: result.sku,
    catalogName: result.catalogName ?? chosen?.name ?? null,
    catalogUnit: result.catalogUnit ?? chosen?.unit ?? null,
    errorMessage: result.errorMessage,
    score: result.score,
    normalizedColor: result.normalizedColor,
    normalizedUnit: result.normalizedUnit,
    unitCoefficient: result.unitCoefficient,
    candidatesJson: JSON.stringify(result.candidates),
    reasonsJson: JSON.stringify(result.reasons),
    now,
  };
}

function checkPageBound(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
}

function checkDecisionSku(action: NewDecision['action'], sku: string | null): void {
  if (action !== 'reject' && (sku === null || sku === '')) throw new RangeError(`Decision '${action}' needs a SKU`);
}
