// Word tokens of a normalized name, for text similarity and full-text search: stop words and
// units dropped, trade abbreviations expanded, Russian words stemmed, Latin words also
// transliterated so that `knauf` meets `кнауф`.

import snowball from 'snowball-stemmers';

import abbreviations from '../../resources/dictionaries/abbreviations.json' with { type: 'json' };
import { transliterateLatin } from './normalize-text';

const russianStemmer = snowball.newStemmer('russian');

/** Stems of words seen so far: catalogs repeat a few thousand words many times, and stemming is slow. */
const STEM_CACHE = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

function stemRussian(word: string): string {
  let stem = STEM_CACHE.get(word);
  if (stem === undefined) {
    stem = russianStemmer.stem(word);
    if (STEM_CACHE.size < STEM_CACHE_LIMIT) STEM_CACHE.set(word, stem);
  }
  return stem;
}

const EXPANSIONS: Record<string, string[]> = abbreviations.expansions;

const STOP_WORDS = new Set([
  'для', 'и', 'с', 'со', 'по', 'на', 'в', 'во', 'из', 'под', 'от', 'до', 'без', 'к', 'о', 'об', 'при',
  'или', 'а', 'у', 'за', 'не', 'the', 'for', 'and', 'with', 'of', 'цвет', 'тип', 'арт', 'артикул',
  'код', 'шт', 'мм', 'см', 'м', 'км', 'кг', 'г', 'гр', 'т', 'л', 'мл', 'м2', 'м3', 'уп', 'упак',
  'фасовка', 'упаковка', 'мкм', 'мк', 'в/м',
]);

/** One word of a name, with its stem and, for Latin words, a Cyrillic transliteration. */
export interface Token {
  /** The word as normalized, without trailing dots. */
  word: string;
  stem: string;
  /** Transliterated stem of a Latin word, or null. */
  alternative: string | null;
  /** True when the word was written with a trailing dot, a sign of an abbreviation. */
  abbreviated: boolean;
}

/** Split a normalized name into word tokens. Pure numbers and sizes are left to attribute extraction. */
export function tokenize(normalized: string): Token[] {
  const tokens: Token[] = [];
  const raw = normalized.match(/[a-zа-я0-9][a-zа-я0-9./+-]*/g) ?? [];

  for (const piece of raw) {
    const abbreviated = piece.endsWith('.') && !/\d\.$/.test(piece);
    const word = piece.replace(/[.-]+$/, '');
    if (word.length === 0 || STOP_WORDS.has(word) || isNumeric(word)) continue;

    const expansion = EXPANSIONS[word];
    if (expansion) {
      for (const expanded of expansion) tokens.push(makeToken(expanded, false));
      continue;
    }
    if (word.includes('-') && !/\d/.test(word)) {
      for (const part of word.split('-')) if (part.length > 1 && !STOP_WORDS.has(part)) tokens.push(makeToken(part, false));
      tokens.push(makeToken(word.replace(/-/g, ''), abbreviated));
      continue;
    }
    tokens.push(makeToken(word, abbreviated));
  }
  return tokens;
}

function makeToken(word: string, abbreviated: boolean): Token {
  const latin = /^[a-z]+$/.test(word);
  const stem = /[а-я]/.test(word) && word.length > 3 && !/\d/.test(word) ? stemRussian(word) : word;
  return { word, stem, alternative: latin && word.length > 2 ? transliterateLatin(word) : null, abbreviated };
}

/** Numbers, sizes and ranges such as `12.5`, `50x50x4`, `5-20`, `1/2` and `0.2-4`. */
export function isNumeric(word: string): boolean {
  return /^[0-9][0-9.,x/+-]*$/.test(word);
}
