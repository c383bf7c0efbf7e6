// The pipeline for a batch of price-list lines: parse, normalize unit and color, retrieve
// candidates from the SKU index, rerank, decide. A line that throws ends as `failed` with its
// error; the rest of the batch goes on.

import type { SkuIndex } from '../catalog/sku-index';
import { formatColor } from './colors';
import { parseName } from './parse-name';
import { DEFAULT_DECISION, type DecisionSettings, decide, type PreparedLine, type ScoredCandidate, scoreCandidate } from './rerank';
import type { Candidate, MatchResult, PriceListLine } from './types';
import { normalizeUnit } from './units';

export interface MatcherSettings extends DecisionSettings {
  /** Candidates taken from each retriever before reranking. */
  retrieveLimit: number;
  /** Candidates kept in the result for the reviewer. */
  keepCandidates: number;
}

export const DEFAULT_MATCHER: MatcherSettings = { ...DEFAULT_DECISION, retrieveLimit: 20, keepCandidates: 5 };

/** A person's earlier decision on the same supplier line. */
export interface PriorDecision {
  action: 'accept' | 'choose' | 'reject';
  sku: string | null;
}

export type DecisionLookup = (line: PriceListLine) => PriorDecision | null;

export async function matchLines(
  lines: PriceListLine[],
  index: SkuIndex,
  settings: MatcherSettings = DEFAULT_MATCHER,
  priorDecision: DecisionLookup = () => null,
): Promise<MatchResult[]> {
  const prepared: (PreparedLine | Error)[] = lines.map((line) => {
    try {
      if (!line.name.trim()) throw new Error('В строке нет наименования (the line has no name).');
      return { parsed: parseName(line.name), unit: normalizeUnit(line.unit), rawUnit: line.unit };
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  });

  // Vector search first. Full-text search is added only for lines that the vector candidates do
  // not settle as matched: most lines of a price list match on the first pass, and each full-text
  // query costs about as much as the vector query.
  const retrievable: { lineIndex: number; line: PreparedLine }[] = [];
  prepared.forEach((entry, lineIndex) => {
    if (!(entry instanceof Error)) retrievable.push({ lineIndex, line: entry });
  });
  const byVector = await index.retrieveByVector(retrievable.map((entry) => entry.line), settings.retrieveLimit);

  // Lines that failed to parse keep this result; every other line is overwritten by match() below.
  const results: MatchResult[] = lines.map((line, i) => {
    const entry = prepared[i];
    return failedResult(line, entry instanceof Error ? entry : new Error('Line was not parsed.'));
  });
  const match = (position: number, skus: string[]): void => {
    const entry = retrievable[position];
    if (!entry) return;
    const line = lines[entry.lineIndex] as PriceListLine;
    try {
      results[entry.lineIndex] = matchOne(line, entry.line, skus, index, settings, priorDecision(line));
    } catch (error) {
      results[entry.lineIndex] = failedResult(line, error instanceof Error ? error : new Error(String(error)));
    }
  };
  retrievable.forEach((_, position) => match(position, byVector[position] ?? []));

  const unsettled = retrievable.flatMap((entry, position) => (results[entry.lineIndex]?.status === 'matched' ? [] : [position]));
  const byText = await index.retrieveByText(unsettled.map((position) => retrievable[position]!.line), settings.retrieveLimit);
  unsettled.forEach((position, i) => match(position, [...new Set([...(byVector[position] ?? []), ...(byText[i] ?? [])])]));

  return results;
}

function matchOne(
  line: PriceListLine,
  prepared: PreparedLine,
  skus: string[],
  index: SkuIndex,
  settings: MatcherSettings,
  prior: PriorDecision | null,
): MatchResult {
  const scored: ScoredCandidate[] = [];
  for (const sku of skus) {
    const item = index.items.get(sku);
    if (item) scored.push(scoreCandidate(prepared, item, index.idf));
  }
  applyPriorDecision(scored, prior, prepared, index);
  scored.sort((a, b) => b.score - a.score || a.sku.localeCompare(b.sku));

  const decision = decide(scored, settings);
  const best = decision.best;
  const keepSku = decision.status !== 'no_match' && best !== null;
  return {
    materialId: line.id,
    originalName: line.name,
    originalUnit: line.unit,
    status: decision.status,
    sku: keepSku ? best.sku : null,
    score: best ? best.score : null,
    normalizedUnit: prepared.unit?.unit ?? null,
    unitCoefficient: keepSku ? best.unitCoefficient : null,
    normalizedColor: formatColor(prepared.parsed.colors),
    candidates: scored.slice(0, settings.keepCandidates).map(toCandidate),
    reasons: [...decision.reasons, ...(best?.reasons ?? [])],
    errorMessage: null,
  };
}

/** Move a confirmed SKU to the top with full confidence, and drop a rejected one below review. */
function applyPriorDecision(scored: ScoredCandidate[], prior: PriorDecision | null, prepared: PreparedLine, index: SkuIndex): void {
  if (!prior || !prior.sku) return;
  let target = scored.find((candidate) => candidate.sku === prior.sku);
  if (!target && prior.action !== 'reject') {
    const item = index.items.get(prior.sku);
    if (!item) return;
    target = scoreCandidate(prepared, item, index.idf);
    scored.push(target);
  }
  if (!target) return;
  if (prior.action === 'reject') {
    target.score = Math.min(target.score, 0.3);
    target.reasons.unshift({ code: 'rejected_before' });
  } else {
    target.score = 1;
    target.conflicts = 0;
    target.unitUnresolved = false;
    target.reasons.unshift({ code: 'confirmed_before' });
  }
}

function toCandidate(candidate: ScoredCandidate): Candidate {
  return {
    sku: candidate.sku,
    name: candidate.name,
    unit: candidate.unit,
    score: candidate.score,
    unitCoefficient: candidate.unitCoefficient,
    reasons: candidate.reasons,
  };
}

function failedResult(line: PriceListLine, error: Error): MatchResult {
  return {
    materialId: line.id,
    originalName: line.name,
    originalUnit: line.unit,
    status: 'failed',
    sku: null,
    score: null,
    normalizedUnit: null,
    unitCoefficient: null,
    normalizedColor: null,
    candidates: [],
    reasons: [],
    errorMessage: error.message,
  };
}
