// Rows of an exported results file, built from stored result lines the same way the CLI builds
// them from a run: the line's own columns first, then the match columns.

import type { MatchResult, PriceListLine } from '../../src-worker/pipeline/types.js';
import type { ResultRow } from '../engine/engine-types.js';
import { outputColumns, outputRecord } from '../engine/output-records.js';
import type { ResultRecord } from '../io/write-results.js';
import type { Language } from './language.js';

export interface ExportTable {
  columns: string[];
  records: ResultRecord[];
}

export function exportTable(rows: ResultRow[], lang: Language): ExportTable {
  const inputs = rows.map(inputOf);
  const inputColumns = unionOfKeys(inputs);

  const records = rows.map((row, i) => {
    const record = outputRecord(inputColumns, inputs[i] ?? {}, lineOf(row), resultOf(row), lang);
    record.status = row.status;
    record.catalog_name = row.catalogName ?? '';
    record.catalog_unit = row.catalogUnit ?? '';
    record.review = row.review ? REVIEW_TEXT[row.review.action][lang] : '';
    return record;
  });
  return { columns: [...outputColumns(inputColumns), 'review'], records };
}

/** The `review` column: which decision a person made on the line, empty for automatic results. */
const REVIEW_TEXT = {
  accept: { ru: 'принято проверяющим', en: 'accepted by a reviewer' },
  choose: { ru: 'выбрано проверяющим', en: 'chosen by a reviewer' },
  reject: { ru: 'отклонено проверяющим', en: 'rejected by a reviewer' },
} as const;

/** Return the line's columns as submitted, or id, name, unit and price for a line stored without them. */
function inputOf(row: ResultRow): Record<string, string> {
  if (row.input) return row.input;
  const input: Record<string, string> = { id: row.materialId, name: row.originalName, unit: row.originalUnit };
  if (row.price !== null) input.price = String(row.price);
  return input;
}

/** Column names in order of first appearance over all lines. */
function unionOfKeys(inputs: Record<string, string>[]): string[] {
  const columns = new Set<string>();
  for (const input of inputs) for (const key of Object.keys(input)) columns.add(key);
  return [...columns];
}

function lineOf(row: ResultRow): PriceListLine {
  const line: PriceListLine = { id: row.materialId, name: row.originalName, unit: row.originalUnit };
  if (row.price !== null) line.price = row.price;
  if (row.rowNumber !== null) line.rowNumber = row.rowNumber;
  return line;
}

/**
 * Convert the stored line to a pipeline result. A line still pending has no match status, so the
 * caller overwrites its status column with the stored status afterwards.
 */
function resultOf(row: ResultRow): MatchResult {
  return {
    materialId: row.materialId,
    originalName: row.originalName,
    originalUnit: row.originalUnit,
    status: row.status === 'pending' || row.status === 'processing' ? 'failed' : row.status,
    sku: row.sku,
    score: row.score,
    normalizedUnit: row.normalizedUnit,
    unitCoefficient: row.unitCoefficient,
    normalizedColor: row.normalizedColor,
    candidates: row.candidates,
    // After a review the reasons of the chosen candidate explain the SKU now on the line.
    reasons: (row.review && row.sku ? row.candidates.find((candidate) => candidate.sku === row.sku)?.reasons : undefined) ?? row.reasons,
    errorMessage: row.errorMessage,
  };
}
