// Names below are real: catalog items of test/fixtures/data/catalog.csv (named by SKU) and
// supplier lines of test/fixtures/eval/queries.csv (named by id).

import { describe, expect, it } from 'vitest';

import { normalizeText } from '../../../src-worker/pipeline/normalize-text.js';
import { isNumeric, type Token, tokenize } from '../../../src-worker/pipeline/tokens.js';

function tokensOf(name: string): Token[] {
  return tokenize(normalizeText(name));
}

function wordsOf(name: string): string[] {
  return tokensOf(name).map((token) => token.word);
}

describe('tokenize', () => {
  it('drops stop words, units and numbers', () => {
    // Q0195 after normalization.
    expect(wordsOf('Клей для газбоетона Pyceaн 25 кг')).toEqual(['клей', 'газбоетона', 'русеан']);
    expect(wordsOf('Лента малярная Uinbob белая 50 мм 50 м')).toEqual(['лента', 'малярная', 'uinbob', 'белая']);
  });

  it('expands trade abbreviations', () => {
    // Q0059, Q0357 and Q0330.
    expect(wordsOf('ГСП 12,5 мм влаг.')).toEqual(['гипсокартон', 'влагостойкий']);
    expect(wordsOf('Пеноплэкс ЭППС Комфорт')).toEqual(['пеноплэкс', 'экструдированный', 'пенополистирол', 'комфорт']);
    expect(wordsOf('Кр-ка для колеровки фасадная')).toEqual(['краска', 'колеровки', 'фасадная']);
    expect(wordsOf('Экструзионный пенополистирол 50мм')).toEqual(['экструдированный', 'пенополистирол']);
  });

  it('splits a hyphenated word and keeps it joined too', () => {
    expect(wordsOf('Пленка воздушно-пузырчатая Изостронг')).toEqual(['пленка', 'воздушно', 'пузырчатая', 'воздушнопузырчатая', 'изостронг']);
  });

  it('marks a word written with a trailing dot as abbreviated', () => {
    const tokens = tokensOf('Каб.-канал DKC 100х60 мм бел. 2 м');
    const white = tokens.find((token) => token.word === 'бел');

    expect(white?.abbreviated).toBe(true);
    expect(tokens.find((token) => token.word === 'dkc')?.abbreviated).toBe(false);
  });

  it('gives forms of one word the same stem', () => {
    const [feminine] = tokensOf('белая');
    const [masculine] = tokensOf('белый');

    expect(feminine?.stem).toBe(masculine?.stem);
    expect(tokensOf('газобетона')[0]?.stem).toBe(tokensOf('газобетон')[0]?.stem);
  });

  it('gives a Latin word a Cyrillic alternative', () => {
    const [knauf] = tokensOf('Knauf');
    const [cyrillic] = tokensOf('Кнауф');
    const [short] = tokensOf('BC');

    expect(knauf?.alternative).toBe('кнауф');
    expect(cyrillic?.alternative).toBeNull();
    expect(short?.alternative).toBeNull();
  });
});

describe('isNumeric', () => {
  it.each(['12.5', '5-20', '0.2-4', '1/2', '1000'])('reads %s as a number', (word) => {
    expect(isNumeric(word)).toBe(true);
  });

  it.each(['м500', 'd110', 'а500с', 'ip67'])('reads %s as a word', (word) => {
    expect(isNumeric(word)).toBe(false);
  });

  it('reads a size as a number', () => {
    expect(isNumeric('50x50x4')).toBe(true);
    expect(isNumeric('20x585x1185')).toBe(true);
    expect(isNumeric('а500с')).toBe(false);
  });
});
