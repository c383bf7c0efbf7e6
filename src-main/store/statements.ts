// The SQL of the results store, prepared once per connection.

import type Database from 'better-sqlite3';

import type { DecisionRow, RequestRow, ResultRow } from './rows.js';
import type { ProcessingStatus, RequestStatus, ReviewAction } from './types.js';

type Nullable<T> = { [K in keyof T]: T[K] | null };

export interface RequestParams {
  requestId: string;
  source: string;
  inputFile: string | null;
  catalogFile: string | null;
  catalogVersion: string | null;
  supplier: string | null;
  materialsCount: number;
  createdAt: string;
  settingsJson: string | null;
}

export interface PendingParams {
  requestId: string;
  materialId: string;
  rowNumber: number | null;
  name: string;
  unit: string;
  inputJson: string | null;
  price: number | null;
  now: string;
}

export interface ResultParams
  extends Nullable<{
    sku: string;
    catalogName: string;
    catalogUnit: string;
    errorMessage: string;
    score: number;
    normalizedColor: string;
    normalizedUnit: string;
    unitCoefficient: number;
  }> {
  requestId: string;
  materialId: string;
  name: string;
  unit: string;
  status: ProcessingStatus;
  candidatesJson: string;
  reasonsJson: string;
  now: string;
}

export interface DecisionParams {
  requestId: string | null;
  materialId: string | null;
  supplier: string;
  lineKey: string;
  action: ReviewAction;
  sku: string | null;
  now: string;
}

export type Statements = ReturnType<typeof prepareStatements>;

/** Column list of result rows, shared by every statement that returns ResultRow. */
const RESULT_COLUMNS = `
  id, request_id, material_id, row_number, original_name, original_unit, input_json, price,
  sku, catalog_name, catalog_unit, processing_status, error_message, similarity_score,
  normalized_color, normalized_unit, unit_coefficient, candidates_json, reasons_json, retry_count,
  created_at, updated_at, processed_at, reviewed_sku, review_action, reviewed_at`;

/** Requests that cleanup may delete: created before the cutoff and not pending or running. */
const EXPIRED_REQUESTS = `
  SELECT request_id FROM requests
  WHERE created_at < @cutoff AND status NOT IN ('pending', 'running')`;

export function prepareStatements(db: Database.Database) {
  return {
    insertRequest: db.prepare<RequestParams>(`
      INSERT INTO requests (
        request_id, source, input_file, catalog_file, catalog_version, supplier, status,
        materials_count, created_at, settings_json)
      VALUES (
        @requestId, @source, @inputFile, @catalogFile, @catalogVersion, @supplier, 'pending',
        @materialsCount, @createdAt, @settingsJson)`),

    markRequest: db.prepare<{ requestId: string; status: RequestStatus; now: string }>(`
      UPDATE requests SET
        status = @status,
        started_at = CASE WHEN @status = 'running' THEN coalesce(started_at, @now) ELSE started_at END,
        completed_at = CASE WHEN @status IN ('pending', 'running') THEN NULL ELSE @now END
      WHERE request_id = @requestId`),

    getRequest: db.prepare<[string], RequestRow>('SELECT * FROM requests WHERE request_id = ?'),

    insertPending: db.prepare<PendingParams>(`
      INSERT INTO processing_results (
        request_id, material_id, row_number, original_name, original_unit, input_json, price,
        processing_status, created_at, updated_at)
      VALUES (
        @requestId, @materialId, @rowNumber, @name, @unit, @inputJson, @price,
        'pending', @now, @now)
      ON CONFLICT (request_id, material_id) DO NOTHING`),

    upsertResult: db.prepare<ResultParams>(`
      INSERT INTO processing_results (
        request_id, material_id, original_name, original_unit, sku, catalog_name, catalog_unit,
        processing_status, error_message, similarity_score, normalized_color, normalized_unit,
        unit_coefficient, candidates_json, reasons_json, created_at, updated_at, processed_at)
      VALUES (
        @requestId, @materialId, @name, @unit, @sku, @catalogName, @catalogUnit,
        @status, @errorMessage, @score, @normalizedColor, @normalizedUnit,
        @unitCoefficient, @candidatesJson, @reasonsJson, @now, @now, @now)
      ON CONFLICT (request_id, material_id) DO UPDATE SET
        sku = excluded.sku,
        catalog_name = excluded.catalog_name,
        catalog_unit = excluded.catalog_unit,
        processing_status = excluded.processing_status,
        error_message = excluded.error_message,
        similarity_score = excluded.similarity_score,
        normalized_color = excluded.normalized_color,
        normalized_unit = excluded.normalized_unit,
        unit_coefficient = excluded.unit_coefficient,
        candidates_json = excluded.candidates_json,
        reasons_json = excluded.reasons_json,
        updated_at = excluded.updated_at,
        processed_at = excluded.processed_at`),

    resultsPage: db.prepare<{ requestId: string; limit: number; offset: number }, ResultRow>(`
      SELECT ${RESULT_COLUMNS} FROM processing_results
      WHERE request_id = @requestId
      ORDER BY id LIMIT @limit OFFSET @offset`),

    resultsPageByStatus: db.prepare<{ requestId: string; status: ProcessingStatus; limit: number; offset: number }, ResultRow>(`
      SELECT ${RESULT_COLUMNS} FROM processing_results
      WHERE request_id = @requestId AND processing_status = @status
      ORDER BY id LIMIT @limit OFFSET @offset`),

    resultsAfter: db.prepare<{ requestId: string; afterId: number; limit: number }, ResultRow>(`
      SELECT ${RESULT_COLUMNS} FROM processing_results
      WHERE request_id = @requestId AND id > @afterId
      ORDER BY id LIMIT @limit`),

    countByStatus: db.prepare<[string], { status: ProcessingStatus; count: number }>(`
      SELECT processing_status AS status, count(*) AS count FROM processing_results
      WHERE request_id = ? GROUP BY processing_status`),

    pendingLines: db.prepare<[string], ResultRow>(`
      SELECT ${RESULT_COLUMNS} FROM processing_results
      WHERE request_id = ? AND processing_status IN ('pending', 'processing')
      ORDER BY id`),

    upsertDecision: db.prepare<DecisionParams, DecisionRow>(`
      INSERT INTO review_decisions (request_id, material_id, supplier, line_key, action, sku, decided_at)
      VALUES (@requestId, @materialId, @supplier, @lineKey, @action, @sku, @now)
      ON CONFLICT (supplier, line_key) DO UPDATE SET
        request_id = excluded.request_id,
        material_id = excluded.material_id,
        action = excluded.action,
        sku = excluded.sku,
        decided_at = excluded.decided_at
      RETURNING *`),

    markReviewed: db.prepare<{ requestId: string; materialId: string; action: ReviewAction; sku: string | null; now: string }>(`
      UPDATE processing_results
      SET review_action = @action, reviewed_sku = @sku, reviewed_at = @now, updated_at = @now
      WHERE request_id = @requestId AND material_id = @materialId`),

    findDecision: db.prepare<[string, string], DecisionRow>(
      'SELECT * FROM review_decisions WHERE supplier = ? AND line_key = ?',
    ),

    deleteExpiredResults: db.prepare<{ cutoff: string }>(`
      DELETE FROM processing_results WHERE request_id IN (${EXPIRED_REQUESTS})`),

    deleteExpiredRequests: db.prepare<{ cutoff: string }>(`
      DELETE FROM requests WHERE request_id IN (${EXPIRED_REQUESTS})`),
  };
}
