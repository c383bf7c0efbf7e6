// Read models of the engine: job status with progress and estimate, result pages and statistics.

import type { MatchStatus } from '../../src-worker/pipeline/types.js';
import type { JobQueue } from '../store/job-queue.js';
import { countResults, pageResults, recentRequestIds, statisticsRows } from '../store/result-queries.js';
import type { ResultsStore } from '../store/results-store.js';
import type { StatusCounts, StoredResult } from '../store/types.js';
import type { JobState, JobStatus, ResultRow, ResultsPage, ResultsQuery, Statistics } from './engine-types.js';

export function readJobStatus(store: ResultsStore, queue: JobQueue, requestId: string, poolRate: number): JobStatus | null {
  const request = store.getRequest(requestId);
  if (!request) return null;
  const progress = queue.progress(requestId);
  const counts = store.countByStatus(requestId);

  const elapsed = request.startedAt && progress.lastProcessedAt ? (Date.parse(progress.lastProcessedAt) - Date.parse(request.startedAt)) / 1000 : 0;
  const linesPerSecond = elapsed > 0 && progress.finished > 0 ? progress.finished / elapsed : null;
  const remaining = progress.pending + progress.processing;
  const open = request.status === 'pending' || request.status === 'running';
  const rate = linesPerSecond ?? poolRate;
  const estimatedCompletion = open ? new Date(Date.now() + (remaining / rate) * 1000).toISOString() : request.completedAt;

  return {
    requestId,
    status: request.status,
    supplier: request.supplier,
    catalogVersion: request.catalogVersion,
    total: progress.total,
    completed: progress.finished,
    failed: progress.failed,
    pending: remaining,
    counts,
    linesPerSecond,
    estimatedCompletion,
    createdAt: request.createdAt,
    startedAt: request.startedAt,
    completedAt: request.completedAt,
  };
}

export function recentJobs(store: ResultsStore, queue: JobQueue, limit: number, poolRate: number): JobStatus[] {
  return recentRequestIds(store.database, limit).flatMap((id) => readJobStatus(store, queue, id, poolRate) ?? []);
}

export function readResultsPage(store: ResultsStore, requestId: string, query: ResultsQuery): ResultsPage | null {
  if (!store.getRequest(requestId)) return null;
  const filter = {
    status: query.status,
    search: query.search?.trim().toLowerCase().replace(/ё/g, 'е') || undefined,
    minScore: query.minScore,
    maxScore: query.maxScore,
  };
  const totalItems = countResults(store.database, requestId, filter);
  const items = pageResults(store.database, requestId, filter, (query.page - 1) * query.pageSize, query.pageSize);
  return {
    requestId,
    page: query.page,
    pageSize: query.pageSize,
    totalItems,
    totalPages: Math.max(1, Math.ceil(totalItems / query.pageSize)),
    summary: store.countByStatus(requestId),
    items: items.map(toResultRow),
  };
}

export function toResultRow(result: StoredResult): ResultRow {
  return {
    materialId: result.materialId,
    rowNumber: result.rowNumber,
    originalName: result.originalName,
    originalUnit: result.originalUnit,
    price: result.price,
    input: result.input,
    status: result.status as MatchStatus | 'pending' | 'processing',
    sku: result.sku,
    catalogName: result.catalogName,
    catalogUnit: result.catalogUnit,
    score: result.score,
    normalizedUnit: result.normalizedUnit,
    unitCoefficient: result.unitCoefficient,
    normalizedColor: result.normalizedColor,
    candidates: result.candidates,
    reasons: result.reasons,
    errorMessage: result.errorMessage,
    retryCount: result.retryCount,
    processedAt: result.processedAt,
    review: result.review,
  };
}

export function readStatistics(store: ResultsStore, poolRate: number | null): Statistics {
  const rows = statisticsRows(store.database);
  const totals: StatusCounts = { pending: 0, processing: 0, matched: 0, needs_review: 0, no_match: 0, failed: 0, total: 0 };
  for (const row of rows.byStatus) {
    if (row.status in totals) totals[row.status as keyof StatusCounts] = row.n;
    totals.total += row.n;
  }
  const requests: Record<JobState, number> = { pending: 0, running: 0, completed: 0, cancelled: 0, failed: 0 };
  for (const row of rows.requestsByStatus) if (row.status in requests) requests[row.status as JobState] = row.n;

  const histogram = Array.from({ length: 10 }, (_, bucket) => ({
    from: bucket / 10,
    to: (bucket + 1) / 10,
    count: rows.histogram.find((row) => row.bucket === bucket)?.n ?? 0,
  }));
  return {
    totals,
    requests,
    meanScore: rows.meanScore,
    linesPerSecond: poolRate,
    perDay: rows.perDay.map((day) => ({
      day: day.day,
      total: day.total,
      matched: day.matched,
      needsReview: day.needs_review,
      noMatch: day.no_match,
      failed: day.failed,
    })),
    scoreHistogram: histogram,
  };
}
