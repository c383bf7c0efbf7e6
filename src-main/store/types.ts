// Shapes the results store reads and writes, in the app's camelCase.

import type { Candidate, MatchResult, Reason } from '../../src-worker/pipeline/types.js';

export type RequestStatus = 'pending' | 'running' | 'completed' | 'cancelled' | 'failed';

/** A line's state: waiting, being matched, or one of the pipeline's outcomes. */
export type ProcessingStatus = 'pending' | 'processing' | MatchResult['status'];

export const PROCESSING_STATUSES: readonly ProcessingStatus[] = [
  'pending',
  'processing',
  'matched',
  'needs_review',
  'no_match',
  'failed',
];

export type ReviewAction = 'accept' | 'choose' | 'reject';

export interface NewRequest {
  /** Generated (UUID v4) when missing. */
  requestId?: string;
  /** Origin of the request, such as 'cli', 'api' or 'ui'. */
  source: string;
  inputFile?: string;
  catalogFile?: string;
  catalogVersion?: string;
  supplier?: string;
  materialsCount: number;
  /** Stored as JSON. */
  settings?: unknown;
}

export interface StoredRequest {
  requestId: string;
  source: string;
  inputFile: string | null;
  catalogFile: string | null;
  catalogVersion: string | null;
  supplier: string | null;
  status: RequestStatus;
  materialsCount: number;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  settings: unknown;
}

/** An input line stored before matching, so that an interrupted request can resume. */
export interface PendingLine {
  materialId: string;
  name: string;
  unit: string;
  rowNumber?: number | null;
  price?: number | null;
  /** The input line's own columns, in file order. */
  input?: Record<string, string> | null;
}

/** A pipeline result with the name and unit of the chosen catalog item. */
export interface ResultToSave extends MatchResult {
  /** Defaults to the name of the candidate whose SKU is `sku`. */
  catalogName?: string | null;
  /** Defaults to the unit of the candidate whose SKU is `sku`. */
  catalogUnit?: string | null;
}

export interface ReviewMark {
  action: ReviewAction;
  sku: string | null;
  reviewedAt: string;
}

export interface StoredResult {
  id: number;
  requestId: string;
  materialId: string;
  rowNumber: number | null;
  originalName: string;
  originalUnit: string;
  input: Record<string, string> | null;
  price: number | null;
  status: ProcessingStatus;
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
  createdAt: string;
  updatedAt: string;
  processedAt: string | null;
  /** The reviewer's decision on this line, or null for a line not reviewed yet. */
  review: ReviewMark | null;
}

export type StatusCounts = Record<ProcessingStatus, number> & { total: number };

export interface ResultQuery {
  status?: ProcessingStatus;
  offset: number;
  limit: number;
}

export interface NewDecision {
  /** Supplier of the line, or null when unknown. A decision without a supplier applies to all lines without one. */
  supplier?: string | null;
  /** From supplierLineKey(name, unit). */
  lineKey: string;
  action: ReviewAction;
  /** Required for 'accept' and 'choose'. Must be null or missing for 'reject'. */
  sku?: string | null;
  /** The result line the decision was made on. Its review columns are updated too. */
  requestId?: string;
  materialId?: string;
}

export interface ReviewDecision {
  id: number;
  requestId: string | null;
  materialId: string | null;
  supplier: string | null;
  lineKey: string;
  action: ReviewAction;
  sku: string | null;
  decidedAt: string;
}

export interface CleanupCounts {
  requests: number;
  results: number;
}
