// Stage 6: score the retrieved candidates of a line on text similarity, attribute agreement and
// unit compatibility, then decide matched / needs_review / no_match.

import type { FactKind } from './attributes';
import { compareAttributes, type PackKinds } from './compare-attributes';
import type { ParsedName } from './parse-name';
import { type IdfTable, textSimilarity } from './text-similarity';
import type { Candidate, CatalogItem, MatchStatus, Reason } from './types';
import { type UnitInfo, unitCoefficient } from './units';

/** A catalog item prepared for comparison. */
export interface PreparedItem {
  item: CatalogItem;
  parsed: ParsedName;
  unit: UnitInfo | null;
}

/** A price-list line prepared for comparison. */
export interface PreparedLine {
  parsed: ParsedName;
  unit: UnitInfo | null;
  rawUnit: string;
}

export interface ScoredCandidate extends Candidate {
  conflicts: number;
  /**
   * True when the line states a unit that cannot be converted to the item's unit (or cannot be
   * read at all): the price cannot be compared, so a person must look before the line is matched.
   */
  unitUnresolved: boolean;
}

export interface DecisionSettings {
  /** Score at or above which a line is matched without review. */
  acceptThreshold: number;
  /** Score at or above which a line goes to review instead of no_match. */
  reviewThreshold: number;
  /** Minimum lead of the best candidate over the next one for an automatic match. */
  minMargin: number;
}

export const DEFAULT_DECISION: DecisionSettings = { acceptThreshold: 0.8, reviewThreshold: 0.45, minMargin: 0.04 };

/**
 * A shared manufacturer article code identifies the product even when the wording differs, so it
 * lifts the score to at least the review band. The words still decide an automatic match.
 */
const ARTICLE_BONUS = 0.15;
const ARTICLE_FLOOR = 0.7;
const UNIT_INCOMPATIBLE = 0.93;
const UNIT_UNKNOWN = 0.97;
/** An empty unit cell is no evidence against the candidate, so it costs less than an unknown unit. */
const UNIT_EMPTY = 0.995;

const MEASURE_KIND: Record<string, FactKind | undefined> = { mass: 'mass', volume: 'volume', length: 'length', area: 'area' };

function packKinds(lineUnit: UnitInfo | null, itemUnit: UnitInfo | null): PackKinds {
  const lineOnly = new Set<FactKind>();
  const itemOnly = new Set<FactKind>();
  const itemKind = itemUnit ? MEASURE_KIND[itemUnit.measureClass] : undefined;
  const lineKind = lineUnit ? MEASURE_KIND[lineUnit.measureClass] : undefined;
  if (itemKind) lineOnly.add(itemKind);
  if (lineKind) itemOnly.add(lineKind);
  return { lineOnly, itemOnly };
}

export function scoreCandidate(line: PreparedLine, candidate: PreparedItem, idf: IdfTable): ScoredCandidate {
  const text = textSimilarity(line.parsed.tokens, candidate.parsed.tokens, idf);
  const attributes = compareAttributes(
    line.parsed.attributes,
    line.parsed.colors,
    candidate.parsed.attributes,
    candidate.parsed.colors,
    packKinds(line.unit, candidate.unit),
  );
  const coefficient = unitCoefficient(line.unit, line.parsed.attributes, candidate.unit, candidate.parsed.attributes);

  const reasons: Reason[] = [{ code: 'text_similarity', detail: text.score.toFixed(2) }, ...attributes.reasons];
  let factor = attributes.factor;
  const unitUnresolved = (line.unit !== null && coefficient.value === null) || (line.unit === null && line.rawUnit.trim() !== '');
  if (!line.unit) {
    const empty = line.rawUnit.trim() === '';
    factor *= empty ? UNIT_EMPTY : UNIT_UNKNOWN;
    reasons.push({ code: 'unit_unknown', detail: empty ? '—' : line.rawUnit });
  } else if (coefficient.value === null) {
    factor *= UNIT_INCOMPATIBLE;
    reasons.push({ code: 'unit_incompatible', detail: `${line.unit.unit} → ${candidate.unit?.unit ?? candidate.item.unit}` });
  } else if (coefficient.explanation) {
    reasons.push({ code: 'unit_coefficient', detail: coefficient.explanation });
  }

  const base = text.score * factor;
  const score = attributes.articleMatch ? Math.min(1, Math.max(base + ARTICLE_BONUS, ARTICLE_FLOOR + (1 - ARTICLE_FLOOR) * base)) : base;
  return {
    sku: candidate.item.sku,
    name: candidate.item.name,
    unit: candidate.item.unit,
    score: Math.round(score * 1000) / 1000,
    unitCoefficient: coefficient.value,
    reasons,
    conflicts: attributes.conflicts,
    unitUnresolved,
  };
}

export interface Decision {
  status: Exclude<MatchStatus, 'failed'>;
  best: ScoredCandidate | null;
  reasons: Reason[];
}

/** Decide the status from candidates sorted by score, best first. */
export function decide(ranked: ScoredCandidate[], settings: DecisionSettings): Decision {
  const best = ranked[0];
  if (!best || best.score < settings.reviewThreshold) {
    return { status: 'no_match', best: best ?? null, reasons: [{ code: 'below_threshold', detail: best ? best.score.toFixed(3) : '—' }] };
  }

  const second = ranked.find((candidate) => candidate.sku !== best.sku);
  // Scores carry three decimals, so a lead is compared in thousandths to avoid float noise.
  const margin = second ? Math.round((best.score - second.score) * 1000) / 1000 : 1;
  const reasons: Reason[] = [];
  if (margin < settings.minMargin && second) reasons.push({ code: 'ambiguous', detail: `${second.sku} ${second.score.toFixed(3)}` });

  const confident = best.score >= settings.acceptThreshold && best.conflicts === 0 && !best.unitUnresolved && margin >= settings.minMargin;
  if (!confident && best.score < settings.acceptThreshold) reasons.push({ code: 'below_threshold', detail: best.score.toFixed(3) });
  return { status: confident ? 'matched' : 'needs_review', best, reasons };
}
