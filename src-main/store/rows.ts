// Database rows in snake_case, and their mapping to the store's camelCase objects.

import type { Candidate, Reason } from '../../src-worker/pipeline/types.js';
import type {
  ProcessingStatus,
  RequestStatus,
  ReviewAction,
  ReviewDecision,
  StoredRequest,
  StoredResult,
} from './types.js';

export interface RequestRow {
  request_id: string;
  source: string;
  input_file: string | null;
  catalog_file: string | null;
  catalog_version: string | null;
  supplier: string | null;
  status: RequestStatus;
  materials_count: number;
  created_at: string;
  started_at: string | null;
  completed_at: string | null;
  settings_json: string | null;
}

export interface ResultRow {
  id: number;
  request_id: string;
  material_id: string;
  row_number: number | null;
  original_name: string;
  original_unit: string;
  input_json: string | null;
  price: number | null;
  sku: string | null;
  catalog_name: string | null;
  catalog_unit: string | null;
  processing_status: ProcessingStatus;
  error_message: string | null;
  similarity_score: number | null;
  normalized_color: string | null;
  normalized_unit: string | null;
  unit_coefficient: number | null;
  candidates_json: string | null;
  reasons_json: string | null;
  retry_count: number;
  created_at: string;
  updated_at: string;
  processed_at: string | null;
  reviewed_sku: string | null;
  review_action: ReviewAction | null;
  reviewed_at: string | null;
}

export interface DecisionRow {
  id: number;
  request_id: string | null;
  material_id: string | null;
  supplier: string;
  line_key: string;
  action: ReviewAction;
  sku: string | null;
  decided_at: string;
}

/** The `supplier` value of review_decisions for a line whose supplier is unknown. */
export const UNKNOWN_SUPPLIER = '';

export function toStoredRequest(row: RequestRow): StoredRequest {
  return {
    requestId: row.request_id,
    source: row.source,
    inputFile: row.input_file,
    catalogFile: row.catalog_file,
    catalogVersion: row.catalog_version,
    supplier: row.supplier,
    status: row.status,
    materialsCount: row.materials_count,
    createdAt: row.created_at,
    startedAt: row.started_at,
    completedAt: row.completed_at,
    settings: row.settings_json === null ? null : JSON.parse(row.settings_json),
  };
}

export function toStoredResult(row: ResultRow): StoredResult {
  return {
    id: row.id,
    requestId: row.request_id,
    materialId: row.material_id,
    rowNumber: row.row_number,
    originalName: row.original_name,
    originalUnit: row.original_unit,
    input: row.input_json === null ? null : (JSON.parse(row.input_json) as Record<string, string>),
    price: row.price,
    status: row.processing_status,
    sku: row.sku,
    catalogName: row.catalog_name,
    catalogUnit: row.catalog_unit,
    score: row.similarity_score,
    normalizedUnit: row.normalized_unit,
    unitCoefficient: row.unit_coefficient,
    normalizedColor: row.normalized_color,
    candidates: row.candidates_json === null ? [] : (JSON.parse(row.candidates_json) as Candidate[]),
    reasons: row.reasons_json === null ? [] : (JSON.parse(row.reasons_json) as Reason[]),
    errorMessage: row.error_message,
    retryCount: row.retry_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    processedAt: row.processed_at,
    review:
      row.review_action === null || row.reviewed_at === null
        ? null
        : { action: row.review_action, sku: row.reviewed_sku, reviewedAt: row.reviewed_at },
  };
}

export function toReviewDecision(row: DecisionRow): ReviewDecision {
  return {
    id: row.id,
    requestId: row.request_id,
    materialId: row.material_id,
    supplier: row.supplier === UNKNOWN_SUPPLIER ? null : row.supplier,
    lineKey: row.line_key,
    action: row.action,
    sku: row.sku,
    decidedAt: row.decided_at,
  };
}
