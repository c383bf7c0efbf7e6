// Attribute agreement of a line and a catalog item: a different grade, size, pack or color
// means a different product, so each disagreement multiplies the score by a penalty.

import type { Attributes, Fact, FactKind } from './attributes';
import type { ColorInfo } from './colors';
import type { Reason } from './types';

export interface AttributeComparison {
  /** Multiplier in 0..1 for the text score. */
  factor: number;
  /** Number of hard disagreements (grade, size, pack, color). */
  conflicts: number;
  /** True when both names carry the same article code. */
  articleMatch: boolean;
  reasons: Reason[];
}

/** Penalties; sized on the development set as a whole, not on single lines. */
export const PENALTY = {
  conflict: 0.5,
  softConflict: 0.75,
  missing: 0.92,
  extra: 0.96,
  colorConflict: 0.55,
  colorMissing: 0.94,
  colorExtra: 0.97,
  articleDiffers: 0.85,
  floor: 0.15,
} as const;

const DIMENSION_KINDS = new Set<FactKind>(['dimension', 'diameter', 'size', 'range', 'length']);
/** A diameter and a bare millimetre size describe the same thing (`Ø12` and `10 мм` of rebar differ). */
const RIVAL_KINDS: Partial<Record<FactKind, FactKind>> = { dimension: 'diameter', diameter: 'dimension' };
const COMPARED_KINDS: FactKind[] = ['mass', 'volume', 'length', 'area', 'count', 'dimension', 'diameter', 'film', 'size', 'range', 'fraction', 'rating'];

/**
 * Kinds that a unit conversion explains: a line sold by the coil of `100 м` against an item sold
 * per metre states a length the item cannot state, and that is no sign of another product.
 */
export interface PackKinds {
  /** Kinds the line may state and the item not, because the item's unit is that measure. */
  lineOnly: ReadonlySet<FactKind>;
  /** Kinds the item may state and the line not, because the line's unit is that measure. */
  itemOnly: ReadonlySet<FactKind>;
}

const NO_PACK_KINDS: PackKinds = { lineOnly: new Set(), itemOnly: new Set() };

export function compareAttributes(
  line: Attributes,
  lineColors: ColorInfo,
  item: Attributes,
  itemColors: ColorInfo,
  packKinds: PackKinds = NO_PACK_KINDS,
): AttributeComparison {
  const result: AttributeComparison = { factor: 1, conflicts: 0, articleMatch: false, reasons: [] };

  compareArticles(line, item, result);
  compareGrades(line, item, result);
  for (const kind of COMPARED_KINDS) compareKind(kind, line, item, result, packKinds);
  compareBareNumbers(line, item, result);
  compareColors(lineColors, itemColors, result);

  result.factor = Math.max(PENALTY.floor, result.factor);
  return result;
}

function compareArticles(line: Attributes, item: Attributes, result: AttributeComparison): void {
  if (line.articles.length === 0 || item.articles.length === 0) return;
  const shared = line.articles.filter((article) => item.articles.includes(article));
  if (shared.length > 0) {
    result.articleMatch = true;
    result.reasons.push({ code: 'article_match', detail: shared.join(', ') });
  } else {
    result.factor *= PENALTY.articleDiffers;
    result.reasons.push({ code: 'article_differs', detail: `${line.articles.join(', ')} ≠ ${item.articles.join(', ')}` });
  }
}

function compareGrades(line: Attributes, item: Attributes, result: AttributeComparison): void {
  const linePrefixes = new Set(line.grades.map((grade) => grade.prefix));
  for (const prefix of linePrefixes) {
    const lineValues = line.grades.filter((grade) => grade.prefix === prefix);
    const itemValues = item.grades.filter((grade) => grade.prefix === prefix);
    if (itemValues.length === 0) {
      result.factor *= PENALTY.missing;
      continue;
    }
    const shared = lineValues.some((grade) => itemValues.some((other) => other.value === grade.value));
    if (shared) {
      result.reasons.push({ code: 'grade_match', detail: lineValues.map((grade) => grade.text).join(', ') });
    } else {
      result.factor *= PENALTY.conflict;
      result.conflicts += 1;
      result.reasons.push({ code: 'grade_conflict', detail: `${lineValues[0]?.text} ≠ ${itemValues[0]?.text}` });
    }
  }
  const extra = item.grades.filter((grade) => !linePrefixes.has(grade.prefix)).length;
  result.factor *= PENALTY.extra ** Math.min(extra, 2);
}

function compareKind(kind: FactKind, line: Attributes, item: Attributes, result: AttributeComparison, packKinds: PackKinds): void {
  const lineFacts = line.facts.filter((fact) => fact.kind === kind);
  const itemFacts = item.facts.filter((fact) => fact.kind === kind);
  if (lineFacts.length === 0) {
    if (itemFacts.length > 0 && !packKinds.itemOnly.has(kind) && !itemFacts.every((fact) => isInPool(fact, line.dimensionPool))) {
      result.factor *= PENALTY.extra;
    }
    return;
  }

  if (itemFacts.length === 0) {
    if (DIMENSION_KINDS.has(kind) && lineFacts.every((fact) => isInPool(fact, item.dimensionPool))) {
      result.reasons.push({ code: 'measure_match', detail: sources(lineFacts) });
      return;
    }
    if (packKinds.lineOnly.has(kind)) return;
    const rival = RIVAL_KINDS[kind];
    if (rival && item.facts.some((fact) => fact.kind === rival)) {
      result.factor *= PENALTY.conflict;
      result.conflicts += 1;
      result.reasons.push({ code: 'measure_conflict', detail: `${sources(lineFacts)} ≠ ${sources(item.facts.filter((fact) => fact.kind === rival))}` });
      return;
    }
    result.factor *= PENALTY.missing;
    result.reasons.push({ code: 'measure_missing', detail: sources(lineFacts) });
    return;
  }

  // Every size the line states must be found on the item: `6 мм … 0.30 мм` against `10 мм … 0.30 мм`
  // differs in the first size even though the second agrees.
  const differing = lineFacts.filter(
    (fact) => !itemFacts.some((other) => factsAgree(fact, other)) && !(DIMENSION_KINDS.has(kind) && isInPool(fact, item.dimensionPool)),
  );
  if (differing.length === 0) {
    result.reasons.push({ code: 'measure_match', detail: sources(lineFacts) });
  } else {
    result.factor *= PENALTY.conflict;
    result.conflicts += 1;
    result.reasons.push({ code: 'measure_conflict', detail: `${sources(differing)} ≠ ${sources(itemFacts)}` });
  }
}

function factsAgree(a: Fact, b: Fact): boolean {
  if (a.kind === 'size' && b.kind === 'size') return sameSize(String(a.value), String(b.value));
  return a.value === b.value;
}

/** Sizes agree when one tuple's sides are all among the other's (`5x5` and `5x5x1.5`). */
function sameSize(a: string, b: string): boolean {
  const left = a.split('x');
  const right = b.split('x');
  const [shorter, longer] = left.length <= right.length ? [left, right] : [right, left];
  const pool = [...longer];
  for (const side of shorter) {
    const index = pool.indexOf(side);
    if (index < 0) return false;
    pool.splice(index, 1);
  }
  return true;
}

function isInPool(fact: Fact, pool: Set<number>): boolean {
  if (typeof fact.value === 'number') return pool.has(fact.kind === 'length' ? fact.value * 1000 : fact.value) || pool.has(fact.value);
  const parts = String(fact.value).split(/[x-]/).map(Number);
  return parts.every((part) => pool.has(part));
}

function compareBareNumbers(line: Attributes, item: Attributes, result: AttributeComparison): void {
  const numbers = line.facts.filter((fact) => fact.kind === 'number');
  for (const fact of numbers) {
    if (item.dimensionPool.has(fact.value as number)) continue;
    const itemHasNumbers = item.facts.some((other) => other.kind === 'number');
    result.factor *= itemHasNumbers ? PENALTY.softConflict : PENALTY.missing;
  }
}

function compareColors(line: ColorInfo, item: ColorInfo, result: AttributeComparison): void {
  if (line.colors.length > 0 && item.colors.length > 0) {
    if (line.colors.some((color) => item.colors.includes(color))) {
      result.reasons.push({ code: 'color_match', detail: line.colors.join(', ') });
    } else if (sharesBaseColor(line.colors, item.colors)) {
      result.factor *= PENALTY.colorMissing;
      result.reasons.push({ code: 'color_missing', detail: `${line.colors.join(', ')} ~ ${item.colors.join(', ')}` });
    } else {
      result.factor *= PENALTY.colorConflict;
      result.conflicts += 1;
      result.reasons.push({ code: 'color_conflict', detail: `${line.colors.join(', ')} ≠ ${item.colors.join(', ')}` });
    }
    return;
  }
  if (line.colors.length > 0) {
    result.factor *= PENALTY.colorMissing;
    result.reasons.push({ code: 'color_missing', detail: line.colors.join(', ') });
  } else if (item.colors.length > 0) {
    result.factor *= PENALTY.colorExtra;
  }
}

/**
 * True when a named shade on one side contains the other side's base color (`золото майя` and
 * `золотой`): the shade's second word may have moved elsewhere in the name, so this is no conflict.
 */
function sharesBaseColor(left: string[], right: string[]): boolean {
  const inShade = (shades: string[], colors: string[]): boolean =>
    shades.some((shade) => shade.includes(' ') && colors.some((color) => shade.includes(color.slice(0, 4))));
  return inShade(left, right) || inShade(right, left);
}

function sources(facts: Fact[]): string {
  return facts.map((fact) => fact.source).join(', ');
}
