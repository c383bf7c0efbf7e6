// Text similarity of two parsed names: IDF-weighted coverage of each side's words by the
// other's, where a word matches by stem, by transliteration (knauf/кнауф), by a small typo
// (Изосторнг/Изостронг) or as an abbreviation (пласт./пластиковый).

import type { Token } from './tokens';

/** Inverse document frequency of word stems over the catalog. */
export interface IdfTable {
  idf(stem: string): number | undefined;
  /** Weight of a word the catalog never uses. */
  readonly unknownWeight: number;
}

export function buildIdfTable(documents: Token[][]): IdfTable {
  const frequency = new Map<string, number>();
  for (const tokens of documents) {
    for (const stem of new Set(tokens.map((token) => token.stem))) frequency.set(stem, (frequency.get(stem) ?? 0) + 1);
  }
  const total = documents.length;
  const weights = new Map<string, number>();
  for (const [stem, count] of frequency) weights.set(stem, Math.log((total + 1) / (count + 0.5)));
  const unknownWeight = Math.log((total + 1) / 1.5);
  return { idf: (stem) => weights.get(stem), unknownWeight };
}

export interface TextSimilarity {
  /** Share of the line's word weight found in the candidate, 0..1. */
  lineCoverage: number;
  /** Share of the candidate's word weight found in the line, 0..1. */
  candidateCoverage: number;
  score: number;
}

const LINE_WEIGHT = 0.6;

export function textSimilarity(line: Token[], candidate: Token[], idf: IdfTable): TextSimilarity {
  if (line.length === 0 || candidate.length === 0) return { lineCoverage: 0, candidateCoverage: 0, score: 0 };

  const candidateBest = new Array<number>(candidate.length).fill(0);
  let lineTotal = 0;
  let lineMatched = 0;

  for (const token of line) {
    let best = 0;
    let bestIndex = -1;
    for (let i = 0; i < candidate.length; i += 1) {
      const score = tokenMatch(token, candidate[i] as Token);
      if (score > best) {
        best = score;
        bestIndex = i;
      }
      if (best === 1) break;
    }
    const weight = idf.idf(token.stem) ?? (bestIndex >= 0 ? weightOf(candidate[bestIndex] as Token, idf) : idf.unknownWeight);
    lineTotal += weight;
    lineMatched += weight * best;
    if (bestIndex >= 0) candidateBest[bestIndex] = Math.max(candidateBest[bestIndex] ?? 0, best);
  }

  let candidateTotal = 0;
  let candidateMatched = 0;
  for (let i = 0; i < candidate.length; i += 1) {
    const weight = weightOf(candidate[i] as Token, idf);
    candidateTotal += weight;
    candidateMatched += weight * (candidateBest[i] ?? 0);
  }

  const lineCoverage = lineTotal > 0 ? lineMatched / lineTotal : 0;
  const candidateCoverage = candidateTotal > 0 ? candidateMatched / candidateTotal : 0;
  return { lineCoverage, candidateCoverage, score: LINE_WEIGHT * lineCoverage + (1 - LINE_WEIGHT) * candidateCoverage };
}

function weightOf(token: Token, idf: IdfTable): number {
  return idf.idf(token.stem) ?? idf.unknownWeight;
}

/** Score how well one word matches another, 0..1. */
export function tokenMatch(a: Token, b: Token): number {
  if (a.stem === b.stem || a.word === b.word) return 1;

  if (a.alternative && !b.alternative) return transliterationMatch(a.alternative, b);
  if (b.alternative && !a.alternative) return transliterationMatch(b.alternative, a);

  const prefix = abbreviationMatch(a, b) || abbreviationMatch(b, a);
  if (prefix > 0) return prefix;

  return fuzzy(a.word, b.word, 0.8);
}

/** Compare a Latin word's transliteration with a Cyrillic word, whole or stemmed (`ceresit`/`церезит`). */
function transliterationMatch(transliterated: string, cyrillic: Token): number {
  return Math.max(fuzzy(transliterated, cyrillic.word, 0.7), fuzzy(transliterated, cyrillic.stem, 0.7)) * 0.95;
}

function abbreviationMatch(short: Token, long: Token): number {
  const minimum = short.abbreviated ? 2 : 5;
  if (short.word.length < minimum || short.word.length >= long.word.length) return 0;
  return long.word.startsWith(short.word) ? 0.85 : 0;
}

/** Similarity 1 - distance / length with transpositions counted as one edit; 0 below `threshold`. */
function fuzzy(a: string, b: string, threshold: number): number {
  const longest = Math.max(a.length, b.length);
  if (longest < 4 || Math.abs(a.length - b.length) > 2) return 0;
  const allowed = Math.floor(longest * (1 - threshold));
  if (allowed < 1) return 0;
  const distance = damerauLevenshtein(a, b, allowed);
  if (distance > allowed) return 0;
  return 1 - distance / longest;
}

/** Optimal string alignment distance, stopping early once every path exceeds `limit`. */
function damerauLevenshtein(a: string, b: string, limit: number): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  let previous2 = new Array<number>(columns).fill(0);
  let previous = Array.from({ length: columns }, (_, j) => j);
  let current = new Array<number>(columns).fill(0);

  for (let i = 1; i < rows; i += 1) {
    current[0] = i;
    let rowMinimum = i;
    for (let j = 1; j < columns; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (previous2[j - 2] ?? 0) + 1);
      current[j] = value;
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    [previous2, previous, current] = [previous, current, previous2];
  }
  return previous[columns - 1] ?? 0;
}
