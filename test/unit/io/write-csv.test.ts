import { describe, expect, it } from 'vitest';

import { neutralizeFormula, toCsv } from '../../../src-main/io/write-results.js';

describe('neutralizeFormula', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+7 (495) 123-45-67', "'+7 (495) 123-45-67"],
    ['-2+3+cmd|/C calc', "'-2+3+cmd|/C calc"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
  ])('prefixes %j', (text, expected) => {
    expect(neutralizeFormula(text)).toBe(expected);
  });

  it.each(['-5', '-12,5', '-0.75', 'Цемент М500 Д0 50 кг', 'A500С', ''])('leaves %j alone', (text) => {
    expect(neutralizeFormula(text)).toBe(text);
  });
});

describe('toCsv', () => {
  it('quotes per RFC 4180 with a byte-order mark and CRLF', () => {
    const csv = toCsv(['id', 'name', 'price'], [
      { id: '1', name: 'Угольник 90°, 16 MX "РЕХАУ"', price: 2519 },
      { id: '2', name: 'строка 1\nстрока 2', price: null },
      { id: '3', name: '=1+2', price: -5 },
    ]);

    expect(csv).toBe(
      '\uFEFFid,name,price\r\n' +
        '1,"Угольник 90°, 16 MX ""РЕХАУ""",2519\r\n' +
        '2,"строка 1\nстрока 2",\r\n' +
        "3,'=1+2,-5\r\n",
    );
  });

  it('writes NaN and missing values as empty fields', () => {
    expect(toCsv(['a', 'b'], [{ a: Number.NaN }])).toBe('\uFEFFa,b\r\n,\r\n');
  });
});
