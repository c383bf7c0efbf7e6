// Human-readable text of match reasons, in Russian and English.

import type { Reason, ReasonCode } from './types';

const TEXT: Record<ReasonCode, { ru: string; en: string }> = {
  article_match: { ru: 'артикул совпадает', en: 'article code matches' },
  article_differs: { ru: 'артикулы различаются', en: 'article codes differ' },
  grade_match: { ru: 'марка совпадает', en: 'grade matches' },
  grade_conflict: { ru: 'другая марка', en: 'different grade' },
  measure_match: { ru: 'размеры и фасовка совпадают', en: 'sizes and pack match' },
  measure_conflict: { ru: 'другой размер или фасовка', en: 'different size or pack' },
  measure_missing: { ru: 'в позиции каталога не указано', en: 'not stated in the catalog item' },
  color_match: { ru: 'цвет совпадает', en: 'color matches' },
  color_conflict: { ru: 'другой цвет', en: 'different color' },
  color_missing: { ru: 'цвет указан только с одной стороны', en: 'color stated on one side only' },
  unit_coefficient: { ru: 'пересчёт ед. изм.', en: 'unit conversion' },
  unit_unknown: { ru: 'неизвестная ед. изм.', en: 'unknown unit' },
  unit_incompatible: { ru: 'ед. изм. не пересчитывается', en: 'units cannot be converted' },
  text_similarity: { ru: 'сходство наименований', en: 'name similarity' },
  confirmed_before: { ru: 'сопоставление подтверждено ранее', en: 'match confirmed before' },
  rejected_before: { ru: 'сопоставление отклонено ранее', en: 'match rejected before' },
  ambiguous: { ru: 'есть близкий второй кандидат', en: 'a close second candidate' },
  below_threshold: { ru: 'оценка ниже порога', en: 'score below threshold' },
};

/** Render a reason as `другая марка: м500 ≠ м400`. */
export function formatReason(reason: Reason, lang: 'ru' | 'en' = 'ru'): string {
  const text = TEXT[reason.code][lang];
  return reason.detail ? `${text}: ${reason.detail}` : text;
}
