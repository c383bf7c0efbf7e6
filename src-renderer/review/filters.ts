// Filters of the review list. They run in the renderer over the request's loaded lines, so a
// reviewed line keeps its place instead of shifting the server's pages under the reviewer.

import type { MatchStatus, ResultRow } from '../api/types';

export const SCORE_BANDS = {
  all: null,
  high: { min: 0.8, max: 1 },
  medium: { min: 0.6, max: 0.8 },
  low: { min: 0.45, max: 0.6 },
  veryLow: { min: 0, max: 0.45 },
} as const;
export type ScoreBand = keyof typeof SCORE_BANDS;

export interface ReviewFilters {
  status: MatchStatus | 'all';
  band: ScoreBand;
  search: string;
}

export const DEFAULT_FILTERS: ReviewFilters = { status: 'all', band: 'all', search: '' };

/** Lower case with ё folded to е, as the server's search compares names. */
export function foldText(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е');
}

export function matchesFilters(row: ResultRow, filters: ReviewFilters): boolean {
  if (filters.status !== 'all' && row.processing_status !== filters.status) return false;

  const band = SCORE_BANDS[filters.band];
  if (band) {
    const score = row.similarity_score;
    if (score === null) return false;
    const belowTop = band.max === 1 ? score <= 1 : score < band.max;
    if (score < band.min || !belowTop) return false;
  }

  const needle = foldText(filters.search.trim());
  if (needle) {
    const haystack = foldText(`${row.original_name}\n${row.sku ?? ''}\n${row.catalog_name ?? ''}`);
    if (!haystack.includes(needle)) return false;
  }
  return true;
}

/** List the indexes of the rows that the filters keep, plus the rows in `pinned`, which were reviewed since the filters last changed. */
export function visibleIndexes(rows: readonly ResultRow[], filters: ReviewFilters, pinned: ReadonlySet<string>): number[] {
  const indexes: number[] = [];
  rows.forEach((row, index) => {
    if (pinned.has(row.material_id) || matchesFilters(row, filters)) indexes.push(index);
  });
  return indexes;
}
