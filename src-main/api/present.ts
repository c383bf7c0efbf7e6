// Conversion of the engine's camelCase records into the API's snake_case responses.

import type { z } from 'zod';

import { formatReason } from '../../src-worker/pipeline/reasons.js';
import type { Reason } from '../../src-worker/pipeline/types.js';
import type { CatalogInfo, HealthInfo, JobStatus, ResultRow, ResultsPage, Statistics } from '../engine/engine-types.js';
import type { StatusCounts } from '../store/types.js';
import type { Language } from './language.js';
import type {
  CatalogInfoSchema,
  HealthSchema,
  JobStatusSchema,
  ResultRowSchema,
  ResultsPageSchema,
  StatisticsSchema,
  StatusCountsSchema,
} from './schemas.js';

export function presentCounts(counts: StatusCounts): z.output<typeof StatusCountsSchema> {
  return {
    pending: counts.pending,
    processing: counts.processing,
    matched: counts.matched,
    needs_review: counts.needs_review,
    no_match: counts.no_match,
    failed: counts.failed,
    total: counts.total,
  };
}

export function presentJobStatus(job: JobStatus): z.output<typeof JobStatusSchema> {
  const percentage = job.total === 0 ? 0 : Math.round((job.completed / job.total) * 1000) / 10;
  return {
    request_id: job.requestId,
    status: job.status,
    supplier: job.supplier,
    progress: { total: job.total, completed: job.completed, failed: job.failed, pending: job.pending, percentage },
    counts_by_status: presentCounts(job.counts),
    lines_per_second: job.linesPerSecond,
    estimated_completion: job.estimatedCompletion,
    started_at: job.startedAt,
    completed_at: job.completedAt,
    created_at: job.createdAt,
    catalog_version: job.catalogVersion,
  };
}

function presentReasons(reasons: Reason[], lang: Language) {
  return reasons.map((reason) => ({ code: reason.code, detail: reason.detail ?? null, text: formatReason(reason, lang) }));
}

export function presentResultRow(row: ResultRow, lang: Language): z.output<typeof ResultRowSchema> {
  return {
    material_id: row.materialId,
    row_number: row.rowNumber,
    original_name: row.originalName,
    original_unit: row.originalUnit,
    price: row.price,
    input: row.input,
    processing_status: row.status,
    sku: row.sku,
    catalog_name: row.catalogName,
    catalog_unit: row.catalogUnit,
    similarity_score: row.score,
    normalized_unit: row.normalizedUnit,
    unit_coefficient: row.unitCoefficient,
    normalized_color: row.normalizedColor,
    candidates: row.candidates.map((candidate) => ({
      sku: candidate.sku,
      name: candidate.name,
      unit: candidate.unit,
      score: candidate.score,
      unit_coefficient: candidate.unitCoefficient,
      reasons: presentReasons(candidate.reasons, lang),
    })),
    reasons: presentReasons(row.reasons, lang),
    error_message: row.errorMessage,
    retry_count: row.retryCount,
    processed_at: row.processedAt,
    review: row.review ? { action: row.review.action, sku: row.review.sku, reviewed_at: row.review.reviewedAt } : null,
  };
}

export function presentResultsPage(page: ResultsPage, lang: Language): z.output<typeof ResultsPageSchema> {
  return {
    request_id: page.requestId,
    page: page.page,
    page_size: page.pageSize,
    total_items: page.totalItems,
    total_pages: page.totalPages,
    summary: presentCounts(page.summary),
    results: page.items.map((row) => presentResultRow(row, lang)),
  };
}

export function presentStatistics(statistics: Statistics): z.output<typeof StatisticsSchema> {
  return {
    totals: presentCounts(statistics.totals),
    requests: { ...statistics.requests },
    mean_score: statistics.meanScore,
    lines_per_second: statistics.linesPerSecond,
    per_day: statistics.perDay.map((day) => ({
      day: day.day,
      total: day.total,
      matched: day.matched,
      needs_review: day.needsReview,
      no_match: day.noMatch,
      failed: day.failed,
    })),
    score_histogram: statistics.scoreHistogram.map((bucket) => ({ ...bucket })),
  };
}

export function presentHealth(health: HealthInfo): z.output<typeof HealthSchema> {
  return {
    status: health.status,
    version: health.version,
    uptime_seconds: health.uptimeSeconds,
    workers: health.workers,
    catalog: health.catalog ? { version: health.catalog.version, item_count: health.catalog.itemCount } : null,
    queue: { pending_lines: health.queue.pendingLines, running_requests: health.queue.runningRequests },
  };
}

export function presentCatalogInfo(info: CatalogInfo): z.output<typeof CatalogInfoSchema> {
  return {
    version: info.manifest?.version ?? null,
    item_count: info.itemCount,
    embedder_id: info.manifest?.embedderId ?? null,
    catalog_file: info.manifest?.catalogFile ?? null,
    created_at: info.manifest?.createdAt ?? null,
  };
}
