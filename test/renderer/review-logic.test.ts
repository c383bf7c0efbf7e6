// @vitest-environment jsdom
// Keyboard shortcuts, filters and the accept action of the review screen.

import { describe, expect, it } from 'vitest';

import type { ResultRow } from '../../src-renderer/api/types';
import { DEFAULT_FILTERS, matchesFilters, visibleIndexes } from '../../src-renderer/review/filters';
import { acceptRequestFor } from '../../src-renderer/review/LineDetail';
import { localizeDecimals } from '../../src-renderer/review/ReasonList';
import { isKeyForTarget, shortcutFor, type KeyLike } from '../../src-renderer/review/shortcuts';
import { ROWS } from './fake-api';

const key = (code: string, keyName = '', modifiers: Partial<KeyLike> = {}): KeyLike => ({
  key: keyName,
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...modifiers,
});

describe('review shortcuts', () => {
  it('letters by physical key', () => {
    expect(shortcutFor(key('KeyA', 'ф'))).toEqual({ kind: 'accept' });
    expect(shortcutFor(key('KeyR', 'к'))).toEqual({ kind: 'reject' });
    expect(shortcutFor(key('KeyJ', 'о'))).toEqual({ kind: 'next' });
    expect(shortcutFor(key('KeyK', 'л'))).toEqual({ kind: 'previous' });
    expect(shortcutFor(key('KeyF', 'а'))).toEqual({ kind: 'search' });
  });

  it('named keys', () => {
    expect(shortcutFor(key('Enter', 'Enter'))).toEqual({ kind: 'accept' });
    expect(shortcutFor(key('Delete', 'Delete'))).toEqual({ kind: 'reject' });
    expect(shortcutFor(key('ArrowDown', 'ArrowDown'))).toEqual({ kind: 'next' });
    expect(shortcutFor(key('ArrowUp', 'ArrowUp'))).toEqual({ kind: 'previous' });
    expect(shortcutFor(key('Slash', '.'))).toEqual({ kind: 'search' });
    expect(shortcutFor(key('Backslash', '/'))).toEqual({ kind: 'search' });
  });

  it('digits choose candidates 1 to 5', () => {
    expect(shortcutFor(key('Digit1', '1'))).toEqual({ kind: 'choose', index: 0 });
    expect(shortcutFor(key('Numpad5', '5'))).toEqual({ kind: 'choose', index: 4 });
    expect(shortcutFor(key('Digit6', '6'))).toBeNull();
  });

  it('modifiers leave keys to the browser', () => {
    expect(shortcutFor(key('KeyA', 'a', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(key('KeyR', 'r', { metaKey: true }))).toBeNull();
    expect(shortcutFor(key('KeyQ', 'q'))).toBeNull();
  });

  it('text fields keep every key', () => {
    const search = document.createElement('input');
    search.type = 'search';
    expect(isKeyForTarget(search, 'j')).toBe(true);
    expect(isKeyForTarget(document.createElement('select'), 'ArrowDown')).toBe(true);
    expect(isKeyForTarget(document.createElement('textarea'), 'r')).toBe(true);
  });

  it('buttons keep only Enter and Space', () => {
    const button = document.createElement('button');
    expect(isKeyForTarget(button, 'Enter')).toBe(true);
    expect(isKeyForTarget(button, ' ')).toBe(true);
    expect(isKeyForTarget(button, 'j')).toBe(false);
    const checkbox = document.createElement('input');
    checkbox.type = 'checkbox';
    expect(isKeyForTarget(checkbox, 'r')).toBe(false);
    expect(isKeyForTarget(checkbox, ' ')).toBe(true);
  });

  it('other elements leave keys to shortcuts', () => {
    expect(isKeyForTarget(document.createElement('div'), 'Enter')).toBe(false);
    expect(isKeyForTarget(null, 'Enter')).toBe(false);
  });
});

describe('review filters', () => {
  const lines: ResultRow[] = [
    { ...ROWS[0]!, material_id: 'a', similarity_score: 0.95, processing_status: 'matched', original_name: 'Клей плиточный Ёлка' },
    { ...ROWS[1]!, material_id: 'b', similarity_score: 0.7, processing_status: 'needs_review', sku: 'K-77' },
    { ...ROWS[2]!, material_id: 'c', similarity_score: 0.3, processing_status: 'no_match' },
    { ...ROWS[3]!, material_id: 'd', similarity_score: null, processing_status: 'failed' },
  ];

  it('status filter', () => {
    expect(visibleIndexes(lines, { ...DEFAULT_FILTERS, status: 'needs_review' }, new Set())).toEqual([1]);
  });

  it('score bands', () => {
    expect(visibleIndexes(lines, { ...DEFAULT_FILTERS, band: 'high' }, new Set())).toEqual([0]);
    expect(visibleIndexes(lines, { ...DEFAULT_FILTERS, band: 'medium' }, new Set())).toEqual([1]);
    expect(visibleIndexes(lines, { ...DEFAULT_FILTERS, band: 'veryLow' }, new Set())).toEqual([2]);
  });

  it('band edges belong to the upper band', () => {
    const edge = { ...lines[0]!, similarity_score: 0.8 };
    expect(matchesFilters(edge, { ...DEFAULT_FILTERS, band: 'high' })).toBe(true);
    expect(matchesFilters(edge, { ...DEFAULT_FILTERS, band: 'medium' })).toBe(false);
  });

  it('search folds case and ё', () => {
    expect(visibleIndexes(lines, { ...DEFAULT_FILTERS, search: 'ЕЛКА' }, new Set())).toEqual([0]);
    expect(visibleIndexes(lines, { ...DEFAULT_FILTERS, search: 'k-77' }, new Set())).toEqual([1]);
  });

  it('reviewed lines stay in view', () => {
    expect(visibleIndexes(lines, { ...DEFAULT_FILTERS, status: 'needs_review' }, new Set(['c']))).toEqual([1, 2]);
  });
});

describe('accept action', () => {
  it('accepts the proposed SKU', () => {
    expect(acceptRequestFor(ROWS[0]!)).toEqual({ action: 'accept' });
  });

  it('chooses the best candidate when nothing is proposed', () => {
    expect(acceptRequestFor(ROWS[2]!)).toEqual({ action: 'choose', sku: 'SKU-2' });
  });

  it('has nothing to accept without candidates', () => {
    expect(acceptRequestFor({ ...ROWS[2]!, candidates: [] })).toBeNull();
  });
});

describe('localizeDecimals', () => {
  it('uses a comma in Russian', () => {
    expect(localizeDecimals('1.00', 'ru')).toBe('1,00');
    expect(localizeDecimals('2500x1200x12.5 мм', 'ru')).toBe('2500x1200x12,5 мм');
  });

  it('keeps points in English and other text as it is', () => {
    expect(localizeDecimals('1.00', 'en')).toBe('1.00');
    expect(localizeDecimals('бел. 1/2', 'ru')).toBe('бел. 1/2');
  });
});
