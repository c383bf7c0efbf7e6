// Output rows of a match run: the input line's own columns first, then the match columns.

import { formatReason } from '../../src-worker/pipeline/reasons.js';
import type { MatchResult, PriceListLine } from '../../src-worker/pipeline/types.js';
import type { ResultRecord } from '../io/write-results.js';

export const MATCH_COLUMNS = [
  'status',
  'sku',
  'catalog_name',
  'catalog_unit',
  'score',
  'normalized_unit',
  'unit_coefficient',
  'price_per_catalog_unit',
  'normalized_color',
  'candidates',
  'reasons',
  'error',
] as const;

/** Output column names: input columns, then match columns; an input column that clashes gets `input_` in front. */
export function outputColumns(inputColumns: string[]): string[] {
  const match = new Set<string>(MATCH_COLUMNS);
  return [...inputColumns.map((column) => (match.has(column) ? `input_${column}` : column)), ...MATCH_COLUMNS];
}

export function outputRecord(
  inputColumns: string[],
  input: Record<string, string>,
  line: PriceListLine,
  result: MatchResult,
  lang: 'ru' | 'en',
): ResultRecord {
  const match = new Set<string>(MATCH_COLUMNS);
  const record: ResultRecord = {};
  for (const column of inputColumns) record[match.has(column) ? `input_${column}` : column] = input[column] ?? '';

  const chosen = result.sku ? result.candidates.find((candidate) => candidate.sku === result.sku) : undefined;
  record.status = result.status;
  record.sku = result.sku ?? '';
  record.catalog_name = chosen?.name ?? '';
  record.catalog_unit = chosen?.unit ?? '';
  record.score = result.score;
  record.normalized_unit = result.normalizedUnit ?? '';
  record.unit_coefficient = result.unitCoefficient;
  record.price_per_catalog_unit = pricePerCatalogUnit(line.price, result.unitCoefficient);
  record.normalized_color = result.normalizedColor ?? '';
  record.candidates = result.candidates
    .slice(0, 3)
    .map((candidate) => `${candidate.sku} (${candidate.score.toFixed(2)})`)
    .join('; ');
  record.reasons = result.reasons.map((reason) => formatReason(reason, lang)).join('; ');
  record.error = result.errorMessage ?? '';
  return record;
}

/** Price of one catalog unit: a bag of 50 kg at 520 is 10.4 per kg. */
function pricePerCatalogUnit(price: number | undefined, coefficient: number | null): number | null {
  if (price === undefined || coefficient === null || coefficient === 0) return null;
  // Two decimals, as prices are written; the coefficient's own rounding would show as 542.9996.
  return Math.round((price / coefficient) * 100) / 100;
}
