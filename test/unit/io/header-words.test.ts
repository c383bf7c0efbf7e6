import { describe, expect, it } from 'vitest';

import { countHeaderWords, headerTokens, scoreHeader } from '../../../src-main/io/header-words.js';

describe('headerTokens', () => {
  it('splits on punctuation and drops numbers', () => {
    expect(headerTokens('Ед. изм.')).toEqual(['ед', 'изм']);
    expect(headerTokens('category_0')).toEqual(['category']);
    expect(headerTokens('\nname')).toEqual(['name']);
    expect(headerTokens('Наименование ТОВАРА (ё)')).toEqual(['наименование', 'товара', 'е']);
  });
});

describe('scoreHeader', () => {
  it('scores the head word of English and Russian headers', () => {
    expect(scoreHeader('unit_price', 'price')).toBeGreaterThan(scoreHeader('unit_price', 'unit'));
    expect(scoreHeader('calc_unit', 'unit')).toBeGreaterThan(0);
    expect(scoreHeader('Цена за упаковку', 'price')).toBeGreaterThan(scoreHeader('Розничная цена', 'price'));
    expect(scoreHeader('Розничная цена', 'price')).toBeGreaterThan(0);
  });

  it('keeps identifier columns out of other roles', () => {
    expect(scoreHeader('id_unit', 'unit')).toBe(0);
    expect(scoreHeader('id_category', 'category')).toBe(0);
    expect(scoreHeader('Код товара', 'name')).toBe(0);
    expect(scoreHeader('Код товара', 'id')).toBeGreaterThan(0);
  });

  it('rejects unrelated headers', () => {
    expect(scoreHeader('image_url', 'name')).toBe(0);
    expect(scoreHeader('specs.Назначение', 'name')).toBe(0);
    expect(scoreHeader('weight', 'price')).toBe(0);
  });
});

describe('countHeaderWords', () => {
  it('counts known headers in a real header row', () => {
    expect(countHeaderWords(['name', 'price', 'image_url', 'product_url', 'unit', 'consumption', 'weight'])).toBe(3);
    expect(countHeaderWords(['Цемент М400', 'кг', '45.50'])).toBe(0);
  });
});
