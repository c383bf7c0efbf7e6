import { describe, expect, it } from 'vitest';

import { russianPlural } from '../../../src-main/cli/console.js';

const LINE: [string, string, string] = ['строка', 'строки', 'строк'];

describe('russianPlural', () => {
  it.each([
    [1, 'строка'],
    [2, 'строки'],
    [4, 'строки'],
    [5, 'строк'],
    [11, 'строк'],
    [14, 'строк'],
    [21, 'строка'],
    [22, 'строки'],
    [111, 'строк'],
    [204, 'строки'],
    [0, 'строк'],
  ])('%i → %s', (count, form) => {
    expect(russianPlural(count, LINE)).toBe(form);
  });
});
