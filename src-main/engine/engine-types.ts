// The job engine's public contract, shared by the HTTP API, the desktop shell and the tests.
// Type-only: importing it loads no engine code.

import type { IndexManifest } from '../../src-worker/catalog/sku-index.js';
import type { Candidate, CatalogItem, MatchStatus, Reason } from '../../src-worker/pipeline/types.js';
import type { ReviewAction, StatusCounts } from '../store/types.js';

export interface EngineSettings {
  /** Largest batch one request may submit. */
  maxMaterialsPerRequest: number;
  /** Lines sent to a worker at once. */
  batchSize: number;
  /** Worker threads; the default is one per core minus one, at least 1 and at most 5. */
  workers: number;
  acceptThreshold: number;
  reviewThreshold: number;
  /** Retries of a failed line before it stays failed. */
  maxRetries: number;
  /** Delay before the first retry, in seconds; each further retry doubles it. */
  retryDelaySeconds: number;
}

export interface MaterialInput {
  id: string;
  name: string;
  unit: string;
  price?: number | null;
  /** Row number in the supplier's file; the position in the request when missing. */
  rowNumber?: number | null;
  /** Other columns of the supplier's line, kept and returned with the result. */
  extra?: Record<string, string>;
}

export interface SubmitRequest {
  requestId?: string;
  materials: MaterialInput[];
  supplier?: string | null;
  source?: string;
  inputFile?: string | null;
}

export interface SubmitAnswer {
  requestId: string;
  materialsCount: number;
  /** ISO-8601 time by which the request should be done, from the measured rate. */
  estimatedCompletion: string;
}

export type JobState = 'pending' | 'running' | 'completed' | 'cancelled' | 'failed';

export interface JobStatus {
  requestId: string;
  status: JobState;
  supplier: string | null;
  catalogVersion: string | null;
  total: number;
  /** Lines with a final status (matched, needs_review, no_match, failed with no retry left). */
  completed: number;
  failed: number;
  pending: number;
  counts: StatusCounts;
  /** Lines per second measured on this request, or null before the first batch. */
  linesPerSecond: number | null;
  estimatedCompletion: string | null;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
}

export interface ResultRow {
  materialId: string;
  rowNumber: number | null;
  originalName: string;
  originalUnit: string;
  price: number | null;
  input: Record<string, string> | null;
  status: MatchStatus | 'pending' | 'processing';
  sku: string | null;
  catalogName: string | null;
  catalogUnit: string | null;
  score: number | null;
  normalizedUnit: string | null;
  unitCoefficient: number | null;
  normalizedColor: string | null;
  candidates: Candidate[];
  reasons: Reason[];
  errorMessage: string | null;
  retryCount: number;
  processedAt: string | null;
  review: { action: ReviewAction; sku: string | null; reviewedAt: string } | null;
}

export interface ResultsPage {
  requestId: string;
  page: number;
  pageSize: number;
  totalItems: number;
  totalPages: number;
  summary: StatusCounts;
  items: ResultRow[];
}

export interface ResultsQuery {
  page: number;
  pageSize: number;
  status?: MatchStatus;
  /** Lines whose original name contains this text (case-insensitive). */
  search?: string;
  minScore?: number;
  maxScore?: number;
}

export interface Statistics {
  totals: StatusCounts;
  requests: Record<JobState, number>;
  meanScore: number | null;
  /** Lines per second over the last finished batches, or null when nothing ran yet. */
  linesPerSecond: number | null;
  perDay: { day: string; total: number; matched: number; needsReview: number; noMatch: number; failed: number }[];
  scoreHistogram: { from: number; to: number; count: number }[];
}

export interface ReviewInput {
  action: ReviewAction;
  /** Required for 'choose'; for 'accept' the current SKU is used when missing. */
  sku?: string | null;
  /** Also apply the decision to lines of the same request with the same name and unit. */
  applyToIdentical?: boolean;
}

export interface CatalogInfo {
  manifest: IndexManifest | null;
  itemCount: number;
}

export interface CatalogSearchHit extends CatalogItem {
  score: number;
}

export interface HealthInfo {
  status: 'ok' | 'degraded';
  version: string;
  uptimeSeconds: number;
  workers: number;
  catalog: { version: number; itemCount: number } | null;
  queue: { pendingLines: number; runningRequests: number };
}

/** Engine operations that the HTTP API and the desktop shell call. */
export interface MatchEngine {
  readonly settings: EngineSettings;
  submit(request: SubmitRequest): SubmitAnswer;
  status(requestId: string): JobStatus | null;
  results(requestId: string, query: ResultsQuery): ResultsPage | null;
  listRequests(limit: number): JobStatus[];
  statistics(): Statistics;
  /** Queue failed lines again now; returns the number of lines queued. */
  retry(requestId?: string, materialIds?: string[]): number;
  cancel(requestId: string): boolean;
  cleanup(olderThanDays: number): { requests: number; results: number };
  importCatalog(items: CatalogItem[], source: { file?: string }): Promise<IndexManifest>;
  catalogInfo(): CatalogInfo;
  searchCatalog(query: string, limit: number): Promise<CatalogSearchHit[]>;
  review(requestId: string, materialId: string, input: ReviewInput): ResultRow[] | null;
  health(): HealthInfo;
  stop(): Promise<void>;
}
