import { describe, expect, it } from 'vitest';

import { parsePrice } from '../../../src-main/io/price.js';

describe('parsePrice', () => {
  it.each([
    ['2 519,00', 2519],
    ['7153.5', 7153.5],
    ['1 177', 1177],
    ['1\u00A0319,00', 1319],
    ['1\u2009319,00', 1319],
    ['1\u202F319,00', 1319],
    ['567', 567],
    ['45.50', 45.5],
    ['440,00', 440],
    ['7153.5 ₽', 7153.5],
    ['₽ 120', 120],
    ['2 519,00 руб.', 2519],
    ['100 руб', 100],
    ['100р.', 100],
    ['1,234.56', 1234.56],
    ['1.234,56', 1234.56],
    ['1.234.567', 1234567],
    ['  360.000  ', 360],
    ['-5', -5],
  ])('reads %j as %d', (text, expected) => {
    expect(parsePrice(text)).toBe(expected);
  });

  it.each(['', '   ', '\u00A0'])('reads empty %j as null', (text) => {
    expect(parsePrice(text)).toBeNull();
  });

  it('reads undefined and null as null', () => {
    expect(parsePrice(undefined)).toBeNull();
    expect(parsePrice(null)).toBeNull();
  });

  it.each(['25.апр', '27.авг', 'дек.61', 'Ненайдена', 'руб.', '1e5', '1.2.3', '12,5,0', 'от 100', '100 $', '#N/A'])(
    'marks %j as invalid',
    (text) => {
      expect(parsePrice(text)).toBe('invalid');
    },
  );
});
