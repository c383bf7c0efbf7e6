// One matching run over price-list lines: batches through the pipeline, each batch's results
// saved to the results store as soon as it is done, so an interrupted run keeps what it finished.

import type { SkuIndex } from '../../src-worker/catalog/sku-index.js';
import { DEFAULT_MATCHER, type DecisionLookup, type MatcherSettings, matchLines } from '../../src-worker/pipeline/matcher.js';
import type { MatchResult, PriceListLine } from '../../src-worker/pipeline/types.js';
import type { ResultsStore } from '../store/results-store.js';

export interface MatchJobOptions {
  lines: PriceListLine[];
  index: SkuIndex;
  store?: ResultsStore;
  requestId?: string;
  settings?: MatcherSettings;
  batchSize?: number;
  priorDecision?: DecisionLookup;
  onProgress?: (done: number, total: number) => void;
}

export const DEFAULT_BATCH_SIZE = 50;

export async function runMatchJob(options: MatchJobOptions): Promise<MatchResult[]> {
  const { lines, index, store, requestId } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const results: MatchResult[] = [];

  for (let start = 0; start < lines.length; start += batchSize) {
    const batch = lines.slice(start, start + batchSize);
    const batchResults = await matchLines(batch, index, options.settings ?? DEFAULT_MATCHER, options.priorDecision);
    if (store && requestId) store.saveResults(requestId, batchResults);
    results.push(...batchResults);
    options.onProgress?.(results.length, lines.length);
  }
  return results;
}

export function countByStatus(results: MatchResult[]): Record<MatchResult['status'], number> {
  const counts = { matched: 0, needs_review: 0, no_match: 0, failed: 0 };
  for (const result of results) counts[result.status] += 1;
  return counts;
}
