// Names below are real: catalog items of test/fixtures/data/catalog.csv (named by SKU) and
// supplier lines of test/fixtures/eval/queries.csv (named by id).

import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

import { readCatalog } from '../../../src-main/io/catalog.js';
import { normalizeText } from '../../../src-worker/pipeline/normalize-text.js';
import { parseName } from '../../../src-worker/pipeline/parse-name.js';
import { buildIdfTable, type IdfTable, textSimilarity, tokenMatch } from '../../../src-worker/pipeline/text-similarity.js';
import { type Token, tokenize } from '../../../src-worker/pipeline/tokens.js';

const MINI_CATALOG = path.join(import.meta.dirname, '../../fixtures/pipeline/mini-catalog.csv');

let idf: IdfTable;

beforeAll(async () => {
  const { items } = await readCatalog(MINI_CATALOG);
  idf = buildIdfTable(items.map((item) => parseName(item.name).tokens));
});

function onlyToken(word: string): Token {
  const tokens = tokenize(normalizeText(word));
  expect(tokens).toHaveLength(1);
  return tokens[0] as Token;
}

function similarity(line: string, item: string): ReturnType<typeof textSimilarity> {
  return textSimilarity(parseName(line).tokens, parseName(item).tokens, idf);
}

describe('tokenMatch', () => {
  it.each([
    // Q0126 against PET-624846: two letters swapped.
    ['Изосторнг', 'Изостронг'],
    // Q0183 against PET-140343.
    ['Пракитка', 'Практика'],
    // Q0174 against PET-606377.
    ['Крмемер', 'Креммер'],
    // Q0214 against PET-107945, both Latin.
    ['Wlelton', 'Wellton'],
  ])('scores the typo %s against %s high but below an exact match', (typo, word) => {
    const score = tokenMatch(onlyToken(typo), onlyToken(word));

    expect(score).toBeGreaterThanOrEqual(0.8);
    expect(score).toBeLessThan(1);
  });

  it.each([
    ['Knauf', 'Кнауф'],
    ['Rockwool', 'Роквул'],
    ['Bergauf', 'Бергауф'],
  ])('scores the brand %s against its Cyrillic spelling %s high', (latin, cyrillic) => {
    expect(tokenMatch(onlyToken(latin), onlyToken(cyrillic))).toBeGreaterThanOrEqual(0.9);
    expect(tokenMatch(onlyToken(cyrillic), onlyToken(latin))).toBeGreaterThanOrEqual(0.9);
  });

  it('scores Latin brands against Cyrillic ones', () => {
    expect(tokenMatch(onlyToken('Ceresit'), onlyToken('Церезит'))).toBeGreaterThanOrEqual(0.8);
    expect(tokenMatch(onlyToken('Rehau'), onlyToken('РЕХАУ'))).toBeGreaterThanOrEqual(0.9);
    expect(tokenMatch(onlyToken('Volma'), onlyToken('Волма'))).toBeGreaterThanOrEqual(0.9);
  });

  it.each([
    // Q0289 against PET-107877.
    ['пласт.', 'пластиковый'],
    // Q0316 against TER-172441.
    ['металлопласт.', 'металлопластиковых'],
  ])('scores the abbreviation %s as a prefix of %s', (short, long) => {
    expect(tokenMatch(onlyToken(short), onlyToken(long))).toBe(0.85);
  });

  it('needs the dot for a short prefix to count as an abbreviation', () => {
    expect(tokenMatch(onlyToken('пласт.'), onlyToken('пластиковый'))).toBeGreaterThan(0);
    expect(tokenMatch(onlyToken('гипс'), onlyToken('гипсокартон'))).toBe(0);
  });

  it('scores forms of one word as an exact match', () => {
    expect(tokenMatch(onlyToken('белая'), onlyToken('белый'))).toBe(1);
    expect(tokenMatch(onlyToken('бел.'), onlyToken('белый'))).toBe(1);
  });

  it.each([
    ['клей', 'клемма'],
    ['кабель', 'кабэкс'],
    ['штукатурка', 'шпаклевка'],
  ])('scores the different words %s and %s 0', (a, b) => {
    expect(tokenMatch(onlyToken(a), onlyToken(b))).toBe(0);
  });
});

describe('textSimilarity', () => {
  it('scores a rewritten line near 1 against its item', () => {
    // Q0126 against PET-624846: a typo, glued numbers and a different unit spelling.
    const right = similarity('Пленка черная Изосторнг 150 мкм 3м рукав 1,5м. пог.м.', 'Пленка черная Изостронг 150 мкм 3 м рукав 1,5 м. пог.м.');
    const wrong = similarity('Пленка черная Изосторнг 150 мкм 3м рукав 1,5м. пог.м.', 'Пленка воздушно-пузырчатая Изостронг 1,5х10 м рулон');

    expect(right.score).toBeGreaterThan(0.9);
    expect(wrong.score).toBeLessThan(0.5);
  });

  it('scores a brand written in the other script near 1', () => {
    expect(similarity('Штукатурка гипсовая Кнауф Ротбанд 30 кг', 'Штукатурка гипсовая Knauf Ротбанд 30 кг').score).toBeGreaterThan(0.95);
  });

  it('scores an abbreviated line near 1 against its item', () => {
    // Q0289 against PET-107877, with look-alike letters and `ПЛАСТ.`.
    const result = similarity(
      'COEДИНИТEЛЬ ЭКСЦЕНТРИКОВЫЙ ПЛАСТ. ДЛЯ ПЛОСКИХ ВОЗДУХОВОДОВ 55Х110 ММ С КРУГЛЫМИ D100 ММ',
      'Соединитель эксцентриковый пластиковый для плоских воздуховодов 55х110 мм с круглыми d100 мм',
    );

    expect(result.score).toBeGreaterThan(0.95);
  });

  it('expands trade abbreviations before comparing', () => {
    // Q0059 against RSA-GYP0002: ГСП is gypsum board, влаг. is moisture-resistant.
    expect(similarity('ГСП 12,5 мм влаг.', 'Гипсокартон влагостойкий 12.5мм').score).toBe(1);
  });

  it('covers a short line fully but a longer item only in part', () => {
    // Q0058 against PET-106958.
    const result = similarity('Штукатурка Ротбанд 30 кг', 'Штукатурка гипсовая Knauf Ротбанд 30 кг');

    expect(result.lineCoverage).toBe(1);
    expect(result.candidateCoverage).toBeLessThan(0.7);
    expect(result.score).toBeLessThan(1);
  });

  it('scores an empty name 0', () => {
    expect(similarity('', 'Гипсокартон влагостойкий 12.5мм')).toEqual({ lineCoverage: 0, candidateCoverage: 0, score: 0 });
  });
});

describe('buildIdfTable', () => {
  it('weighs a rare stem more than a common one', () => {
    // Ротбанд is in three names of the mini catalog, гипсовая in four.
    const rare = idf.idf(onlyToken('Ротбанд').stem);
    const common = idf.idf(onlyToken('гипсовая').stem);

    expect(rare).toBeDefined();
    expect(common).toBeDefined();
    expect(rare as number).toBeGreaterThan(common as number);
  });

  it('gives an unknown stem the highest weight', () => {
    const known = idf.idf(onlyToken('Ротбанд').stem) as number;

    expect(idf.idf('несуществующий')).toBeUndefined();
    expect(idf.unknownWeight).toBeGreaterThan(known);
  });
});
