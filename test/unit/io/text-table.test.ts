import { describe, expect, it } from 'vitest';

import { decodeText, detectDelimiter, parseDelimited, splitSeparatorLine } from '../../../src-main/io/text-table.js';

const encoder = new TextEncoder();

/** Encode Russian text in Windows-1251: А..я are 0xC0..0xFF, ё is 0xB8, Ё is 0xA8. */
function cp1251(text: string): Uint8Array {
  return Uint8Array.from([...text].map((char) => {
    const code = char.charCodeAt(0);
    if (code < 0x80) return code;
    if (char === 'ё') return 0xb8;
    if (char === 'Ё') return 0xa8;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    throw new Error(`not in the test encoder: ${char}`);
  }));
}

describe('decodeText', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    const plain = decodeText(encoder.encode('Цемент;меш'));
    const withBom = decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...encoder.encode('Цемент;меш')]));

    expect(plain).toEqual({ text: 'Цемент;меш', encoding: 'utf-8' });
    expect(withBom).toEqual({ text: 'Цемент;меш', encoding: 'utf-8-bom' });
  });

  it('falls back to Windows-1251 on invalid UTF-8', () => {
    const decoded = decodeText(cp1251('Штукатурка гипсовая;мешок;Ёлка'));

    expect(decoded.encoding).toBe('windows-1251');
    expect(decoded.text).toBe('Штукатурка гипсовая;мешок;Ёлка');
  });

  it('reads UTF-16 LE with a byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name\tprice\nЦемент\t440', 'utf16le')]);

    expect(decodeText(bytes)).toEqual({ text: 'name\tprice\nЦемент\t440', encoding: 'utf-16le' });
  });
});

describe('detectDelimiter', () => {
  it('ignores delimiters inside quoted fields and quoted newlines', () => {
    const text = '"\nname";price;unit\n"Труба 32х4.7 мм, прямые отрезки 5 м";7153.5;Цена за штуку\nМуфта, 25;2 519,00;шт\n';

    expect(detectDelimiter(text, '.csv')).toBe(';');
  });

  it('finds comma with JSON arrays inside quoted cells', () => {
    const text = '_id,title,pictures,price\n1,"Краска, 10 кг","[{""url"":""a;b""},{""x"":1}]",338\n2,Эмаль,"[]",120\n';

    expect(detectDelimiter(text, '.csv')).toBe(',');
  });

  it('finds tab in a PostgreSQL COPY dump', () => {
    const text = 'article\tproduct_name\tprice\nPMEZMH\tЦемент, 50 кг\t440.00\nBPV4MM\tПленка\t8.00\n';

    expect(detectDelimiter(text, '.tsv')).toBe('\t');
  });

  it('prefers semicolon when comma is also in every line', () => {
    const text = 'Наименование;Ед.;Цена\nЦемент М500, 50 кг;меш;520,00\nПесок, 1 т;т;900,00\n';

    expect(detectDelimiter(text, '.csv')).toBe(';');
  });

  it('falls back by extension for one column', () => {
    expect(detectDelimiter('name\nЦемент\n', '.csv')).toBe(',');
    expect(detectDelimiter('name\nЦемент\n', '.tsv')).toBe('\t');
  });
});

describe('splitSeparatorLine', () => {
  it('takes the delimiter from an Excel sep= line', () => {
    expect(splitSeparatorLine('sep=;\r\nname;price\n')).toEqual({ delimiter: ';', body: 'name;price\n', skippedLines: 1 });
  });

  it('leaves text without the line alone', () => {
    expect(splitSeparatorLine('name;price\n')).toEqual({ body: 'name;price\n', skippedLines: 0 });
  });
});

describe('parseDelimited', () => {
  it('keeps quoted newlines, doubled quotes and numbers as text', () => {
    const text = '"\nname";price;code\n"A ""q"" b\nc";25.апр;00123\n*11301011005 REHAU;2 519,00;11301011005\nx;7153.5;2024-01-15\n';

    const rows = parseDelimited(text, ';');

    expect(rows).toEqual([
      { rowNumber: 1, cells: ['\nname', 'price', 'code'] },
      { rowNumber: 2, cells: ['A "q" b\nc', '25.апр', '00123'] },
      { rowNumber: 3, cells: ['*11301011005 REHAU', '2 519,00', '11301011005'] },
      { rowNumber: 4, cells: ['x', '7153.5', '2024-01-15'] },
    ]);
  });

  it('fills empty cells between values with empty strings', () => {
    const cells = parseDelimited('name;unit;price\nЦемент М500;;520\n', ';')[1]?.cells ?? [];

    expect(cells).toEqual(['Цемент М500', '', '520']);
    expect(cells.every((cell) => typeof cell === 'string')).toBe(true);
  });

  it('reads \\N as empty', () => {
    const rows = parseDelimited('article\tphoto\nZR70B4\t\\N\n', '\t');

    expect(rows[1]?.cells).toEqual(['ZR70B4', '']);
  });

  it('keeps inch marks inside unquoted fields', () => {
    const rows = parseDelimited('name;price\nМуфта 3/4" латунь;200\n', ';');

    expect(rows[1]?.cells).toEqual(['Муфта 3/4" латунь', '200']);
  });

  it('does not sniff other formats from the first characters', () => {
    expect(parseDelimited('<b>name</b>;price\nx;1\n', ';')[0]?.cells).toEqual(['<b>name</b>', 'price']);
    expect(parseDelimited('TABLE,price\n0,1\n', ',')[0]?.cells).toEqual(['TABLE', 'price']);
    expect(parseDelimited('ID;PWXL;N;E\nC;Y1\n', ';')[1]?.cells).toEqual(['C', 'Y1']);
  });

  it('keeps formula-like text as plain text', () => {
    const rows = parseDelimited('name;price\n=HYPERLINK("http://x","y");=1+2\n', ';');

    expect(rows[1]?.cells).toEqual(['=HYPERLINK("http://x","y")', '=1+2']);
  });

  it('numbers rows from the given first row', () => {
    expect(parseDelimited('name;price\nx;1\n', ';', 2).map((row) => row.rowNumber)).toEqual([2, 3]);
  });
});
