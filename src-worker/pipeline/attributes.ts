// Attribute extraction from a normalized name: article codes, grades and classes, sizes,
// diameters, pack sizes and other measures. Two lines that differ in one of these are
// different products, so the reranker compares them one by one.

/** Kinds of numeric facts; values of one kind are comparable with each other. */
export type FactKind =
  | 'mass' // kg
  | 'volume' // litres
  | 'length' // metres
  | 'area' // square metres
  | 'count' // pieces in a pack
  | 'dimension' // millimetres: thickness, width, small lengths
  | 'diameter' // millimetres
  | 'film' // micrometres
  | 'size' // a size tuple such as 2500x1200x12.5, as text
  | 'range' // a range such as 5-20, as text
  | 'fraction' // an inch or ratio fraction such as 3/4, as text
  | 'rating' // volts, watts, amperes, kelvin, as text with the unit
  | 'number'; // a bare number

export interface Fact {
  kind: FactKind;
  /** Value in the kind's base unit; for text kinds the canonical text. */
  value: number | string;
  /** The fragment of the name the fact came from. */
  source: string;
}

/** A grade, class or model code such as `м500`, `d400`, `а500с`, `с21`, `пф-115`, `ip67`. */
export interface Grade {
  prefix: string;
  value: string;
  text: string;
}

export interface Attributes {
  articles: string[];
  /** The name without the article codes and measures taken out, for word tokens. */
  residual: string;
  grades: Grade[];
  facts: Fact[];
  /** Millimetre values from sizes, dimensions, diameters and ranges, for cross-kind look-ups. */
  dimensionPool: Set<number>;
}

const MEASURE_UNITS: Record<string, { kind: FactKind; factor: number }> = {
  кг: { kind: 'mass', factor: 1 },
  г: { kind: 'mass', factor: 0.001 },
  гр: { kind: 'mass', factor: 0.001 },
  т: { kind: 'mass', factor: 1000 },
  тн: { kind: 'mass', factor: 1000 },
  л: { kind: 'volume', factor: 1 },
  мл: { kind: 'volume', factor: 0.001 },
  м3: { kind: 'volume', factor: 1000 },
  м: { kind: 'length', factor: 1 },
  км: { kind: 'length', factor: 1000 },
  м2: { kind: 'area', factor: 1 },
  шт: { kind: 'count', factor: 1 },
  мм: { kind: 'dimension', factor: 1 },
  см: { kind: 'dimension', factor: 10 },
  мкм: { kind: 'film', factor: 1 },
  мм2: { kind: 'rating', factor: 1 },
  мк: { kind: 'film', factor: 1 },
};

const PACK_UNITS = new Set(['уп', 'упак', 'пач', 'кор', 'пак']);

const NOT_GRADES = new Set(['м2', 'м3', 'мм2', 'м1']);

const RATING_UNITS = new Set(['в', 'вт', 'а', 'ка', 'к', 'квт', 'ач', 'w', 'v']);

// Ordered from the most specific pattern to the least, so a long code is taken whole.
const B = '(?<![a-zа-я0-9])';
const E = '(?![a-zа-я0-9])';
const ARTICLE_PATTERNS: RegExp[] = [
  new RegExp(`${B}[a-z]{2,4}-\\d{3,4}-\\d{4,6}${E}`, 'g'), // sft-0040-000001
  new RegExp(`${B}[a-zа-я]{1,3}-\\d{6,}(?:/\\d+)?${E}`, 'g'), // цб-00015528/605078
  new RegExp(`${B}(?=[a-zа-я0-9]*[a-wyzа-фц-я])[0-9][a-zа-я0-9]{9,}${E}`, 'g'), // 270020n050500b, 2cds242001r0404
  new RegExp(`${B}\\d{3,4}-\\d{3,6}(?=\\))`, 'g'), // (035-080), (0830-820012)
  new RegExp(`\\*?${B}\\d{5,}${E}`, 'g'), // 11301011005, 807634
  new RegExp(`(?<=\\()(?=(?:[^)]*\\d){3})[a-zа-я0-9]+(?:[.\\-/][a-zа-я0-9]+){2,}(?=\\))`, 'g'), // (vtr.093.n.0005)
];

/** Extract the attributes of a normalized name (see normalizeText). */
export function extractAttributes(normalized: string): Attributes {
  const articles: string[] = [];
  let rest = normalized;
  for (const pattern of ARTICLE_PATTERNS) {
    rest = rest.replace(pattern, (match) => {
      articles.push(match.replace(/^\*/, ''));
      return ' ';
    });
  }

  const grades = extractGrades(rest);
  const facts: Fact[] = [];
  rest = extractDiameters(rest, facts);
  rest = extractSizes(rest, facts);
  rest = extractRanges(rest, facts);
  rest = extractMeasures(rest, facts);
  extractBareNumbers(rest, facts);

  return { articles: unique(articles), residual: rest, grades, facts, dimensionPool: buildDimensionPool(facts) };
}

function extractGrades(text: string): Grade[] {
  const grades: Grade[] = [];
  const pattern = /(?<![a-zа-я0-9])([a-zа-я]{1,4})-?(\d+(?:\.\d+)?)([a-zа-я]{0,2})(?![a-zа-я0-9])/g;
  for (const match of text.matchAll(pattern)) {
    const [whole, prefix = '', digits = '', suffix = ''] = match;
    if (prefix === 'd' && isFollowedByMillimetres(text, (match.index ?? 0) + whole.length)) continue;
    if (prefix === 'x' || NOT_GRADES.has(whole)) continue;
    grades.push({ prefix, value: digits + suffix, text: whole });
  }
  return grades;
}

function isFollowedByMillimetres(text: string, end: number): boolean {
  return /^\s*(мм|mm)(?![a-zа-я])/.test(text.slice(end));
}

function extractDiameters(text: string, facts: Fact[]): string {
  return text.replace(/(?<![a-zа-я0-9])d(\d+(?:\.\d+)?)\s*(мм|mm)?(?![a-zа-я0-9])/g, (match, value: string, unit?: string) => {
    const number = Number(value);
    if (!unit && number >= 300) return match;
    facts.push({ kind: 'diameter', value: number, source: match.trim() });
    return ' ';
  });
}

const SIZE_UNIT_TO_MM: Record<string, number> = { мм: 1, см: 10, м: 1000 };

function extractSizes(text: string, facts: Fact[]): string {
  return text.replace(/(?<![a-zа-я0-9.])(\d+(?:\.\d+)?(?:x\d+(?:\.\d+)?)+)\s*(мм|см|м)?(?![a-zа-я0-9])/g, (match, tuple: string, unit?: string) => {
    const factor = SIZE_UNIT_TO_MM[unit ?? 'мм'] ?? 1;
    const values = tuple.split('x').map((part) => round(Number(part) * factor));
    facts.push({ kind: 'size', value: values.join('x'), source: match.trim() });
    return ' ';
  });
}

function extractRanges(text: string, facts: Fact[]): string {
  return text.replace(/(?<![a-zа-я0-9.\-/])(\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)+)(?![0-9])/g, (match, range: string) => {
    facts.push({ kind: 'range', value: range, source: match });
    return ' ';
  });
}

function extractMeasures(text: string, facts: Fact[]): string {
  const pattern = /(?<![a-zа-я0-9.])(\d+(?:\.\d+)?|\d+\/\d+)\s*([a-zа-я][a-zа-я0-9]*)(?:\/([a-zа-я][a-zа-я0-9]*))?(?![a-zа-я0-9])/g;
  return text.replace(pattern, (match, value: string, unit: string, per?: string) => {
    if (value.includes('/')) return match;
    const number = Number(value);
    if (unit === 'шт' && per !== undefined && PACK_UNITS.has(per)) per = undefined;
    const measure = MEASURE_UNITS[unit];
    if (measure && measure.kind === 'rating' && !per) {
      facts.push({ kind: 'rating', value: `${round(number)} ${unit}`, source: match.trim() });
      return ' ';
    }
    if (measure && !per) {
      facts.push({ kind: measure.kind, value: round(number * measure.factor), source: match.trim() });
      return ' ';
    }
    if (RATING_UNITS.has(unit) || per) {
      facts.push({ kind: 'rating', value: `${round(number)} ${unit}${per ? `/${per}` : ''}`, source: match.trim() });
      return ' ';
    }
    return match;
  });
}

function extractBareNumbers(text: string, facts: Fact[]): void {
  for (const match of text.matchAll(/(?<![a-zа-я0-9.\-/])(\d+(?:\.\d+)?|\d+\/\d+)(?![a-zа-я0-9/])/g)) {
    const value = match[1] ?? '';
    if (value.includes('/')) facts.push({ kind: 'fraction', value, source: value });
    else facts.push({ kind: 'number', value: round(Number(value)), source: value });
  }
}

function buildDimensionPool(facts: Fact[]): Set<number> {
  const pool = new Set<number>();
  for (const fact of facts) {
    if (fact.kind === 'dimension' || fact.kind === 'diameter') pool.add(fact.value as number);
    if (fact.kind === 'length') pool.add(round((fact.value as number) * 1000));
    if (fact.kind === 'size') for (const part of String(fact.value).split('x')) pool.add(Number(part));
    if (fact.kind === 'range') for (const part of String(fact.value).split('-')) pool.add(Number(part));
    if (fact.kind === 'number') pool.add(fact.value as number);
  }
  return pool;
}

/** Pack count such as `(100 шт.)`, `(упак. 10 шт)` or `6 шт/уп` stated in the name, or null. */
export function packCount(attributes: Attributes): number | null {
  const counts = attributes.facts.filter((fact) => fact.kind === 'count').map((fact) => fact.value as number);
  return counts.length > 0 ? Math.max(...counts) : null;
}

export function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
