import { describe, expect, it } from 'vitest';

import { formatReason } from '../../../src-worker/pipeline/reasons.js';
import type { ReasonCode } from '../../../src-worker/pipeline/types.js';

const ALL_CODES: ReasonCode[] = [
  'article_match',
  'article_differs',
  'grade_match',
  'grade_conflict',
  'measure_match',
  'measure_conflict',
  'measure_missing',
  'color_match',
  'color_conflict',
  'color_missing',
  'unit_coefficient',
  'unit_unknown',
  'unit_incompatible',
  'text_similarity',
  'confirmed_before',
  'rejected_before',
  'ambiguous',
  'below_threshold',
];

describe('formatReason', () => {
  it('appends the detail to the text', () => {
    expect(formatReason({ code: 'grade_conflict', detail: 'м500 ≠ м400' })).toBe('другая марка: м500 ≠ м400');
    expect(formatReason({ code: 'grade_conflict', detail: 'м500 ≠ м400' }, 'en')).toBe('different grade: м500 ≠ м400');
  });

  it('gives the text alone without a detail', () => {
    expect(formatReason({ code: 'confirmed_before' }, 'ru')).toBe('сопоставление подтверждено ранее');
    expect(formatReason({ code: 'confirmed_before' }, 'en')).toBe('match confirmed before');
  });

  it.each(['ru', 'en'] as const)('gives every code its own %s text', (lang) => {
    const texts = ALL_CODES.map((code) => formatReason({ code }, lang));

    for (const text of texts) expect(text.trim()).not.toBe('');
    expect(new Set(texts).size).toBe(ALL_CODES.length);
  });

  it('writes Russian text in Cyrillic and English text in Latin letters', () => {
    for (const code of ALL_CODES) {
      expect(formatReason({ code }, 'ru')).toMatch(/[а-яё]/i);
      expect(formatReason({ code }, 'en')).toMatch(/^[a-z .,'-]+$/i);
    }
  });
});
