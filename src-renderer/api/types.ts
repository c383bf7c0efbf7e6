// Shapes of the HTTP API's responses (snake_case, as sent). They mirror the zod schemas in
// src-main/api/schemas.ts, which the renderer cannot import because they pull in Node-only modules.

export const MATCH_STATUSES = ['matched', 'needs_review', 'no_match', 'failed'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];
export type LineStatus = MatchStatus | 'pending' | 'processing';
export type JobState = 'pending' | 'running' | 'completed' | 'cancelled' | 'failed';
export type ReviewAction = 'accept' | 'choose' | 'reject';
export type ExportFormat = 'xlsx' | 'csv';

export interface StatusCounts {
  pending: number;
  processing: number;
  matched: number;
  needs_review: number;
  no_match: number;
  failed: number;
  total: number;
}

export interface JobStatus {
  request_id: string;
  status: JobState;
  supplier: string | null;
  progress: { total: number; completed: number; failed: number; pending: number; percentage: number };
  counts_by_status: StatusCounts;
  lines_per_second: number | null;
  estimated_completion: string | null;
  started_at: string | null;
  completed_at: string | null;
  created_at: string;
  catalog_version: string | null;
}

export interface Reason {
  code: string;
  detail: string | null;
  /** The reason as the server words it, in the language of the request. */
  text?: string;
}

export interface Candidate {
  sku: string;
  name: string;
  unit: string;
  score: number;
  /** 1 line unit = k catalog units, or null when the units cannot be converted. */
  unit_coefficient: number | null;
  reasons: Reason[];
}

export interface Review {
  action: ReviewAction;
  sku: string | null;
  reviewed_at: string;
}

export interface ResultRow {
  material_id: string;
  row_number: number | null;
  original_name: string;
  original_unit: string;
  price: number | null;
  input?: Record<string, string> | null;
  processing_status: LineStatus;
  sku: string | null;
  catalog_name: string | null;
  catalog_unit: string | null;
  similarity_score: number | null;
  normalized_unit: string | null;
  unit_coefficient: number | null;
  normalized_color: string | null;
  candidates: Candidate[];
  reasons: Reason[];
  error_message: string | null;
  retry_count: number;
  processed_at?: string | null;
  review: Review | null;
}

export interface ResultsPage {
  request_id: string;
  page: number;
  page_size: number;
  total_items: number;
  total_pages: number;
  summary: StatusCounts;
  results: ResultRow[];
}

export interface ResultsQuery {
  page: number;
  page_size: number;
  status?: MatchStatus;
  search?: string;
  min_score?: number;
  max_score?: number;
}

export interface ReviewRequest {
  action: ReviewAction;
  sku?: string;
  apply_to_identical?: boolean;
}

export interface Statistics {
  totals: StatusCounts;
  requests: Record<JobState, number>;
  mean_score: number | null;
  lines_per_second: number | null;
  per_day: { day: string; total: number; matched: number; needs_review: number; no_match: number; failed: number }[];
  score_histogram: { from: number; to: number; count: number }[];
}

export interface CatalogInfo {
  version: number | null;
  item_count: number;
  embedder_id: string | null;
  catalog_file: string | null;
  created_at: string | null;
}

export interface ImportIssue {
  code: string;
  message: string;
  place: { file?: string; sheet?: string; row?: number; column?: string };
}

export interface CatalogImportAnswer {
  version: number;
  item_count: number;
  issues: ImportIssue[];
  issues_total: number;
}

export interface CatalogHit {
  sku: string;
  name: string;
  unit: string;
  category: string | null;
  score: number;
}

export interface CatalogSearchAnswer {
  query: string;
  results: CatalogHit[];
}

/** 0-based column indexes of the price list's fields, or null where the file has no such column. */
export interface ColumnMapping {
  name: number | null;
  unit: number | null;
  price: number | null;
  id: number | null;
}

export interface PriceListPreview {
  upload_id: string;
  file_name: string;
  sheets: string[];
  sheet: string | null;
  headers: string[];
  rows: string[][];
  row_count: number;
  mapping: ColumnMapping;
  header_row?: number;
  format?: string;
}

export interface PriceListStartRequest {
  sheet?: string;
  mapping: ColumnMapping;
  supplier?: string;
}

export interface StartIssue {
  row: number | null;
  column: string | null;
  /** The problem in the UI language, already naming the file, row and column. */
  message: string;
}

export interface PriceListStartAnswer {
  request_id: string;
  materials_count: number;
  /** Skipped rows of the file, at most 1000 of them, while `issues_total` counts them all. */
  issues: StartIssue[];
  issues_total?: number;
  estimated_completion?: string;
}

export interface CancelAnswer {
  request_id: string;
  cancelled: boolean;
  status: JobState;
}

export interface RetryAnswer {
  retried: number;
}

export interface ErrorBody {
  error: string;
  message: string;
  details?: { path: string; message: string }[];
  place?: { file?: string; sheet?: string; row?: number; column?: string };
}
