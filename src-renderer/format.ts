// Numbers, scores, dates and durations written the way the UI language writes them.

import type { TFunction } from 'i18next';

const numberFormats = new Map<string, Intl.NumberFormat>();

/** Return a cached formatter, because building an Intl.NumberFormat costs far more than using one. */
function numberFormat(language: string, minimumFractionDigits: number, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${language}|${minimumFractionDigits}|${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, { minimumFractionDigits, maximumFractionDigits });
    numberFormats.set(key, format);
  }
  return format;
}

export function formatNumber(value: number, language: string, maximumFractionDigits = 0): string {
  return numberFormat(language, 0, maximumFractionDigits).format(value);
}

/** Format a score of 0..1 with two decimals, such as `0,87`. */
export function formatScore(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined) return '—';
  return numberFormat(language, 2, 2).format(value);
}

export function formatPrice(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined) return '—';
  return numberFormat(language, 2, 4).format(value);
}

export function formatDateTime(iso: string | null | undefined, language: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' }).format(date);
}

export function formatDay(day: string, language: string): string {
  const date = new Date(`${day}T00:00:00`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(language, { day: '2-digit', month: '2-digit' }).format(date);
}

/** Format a duration such as `1 ч 5 мин`, `2 мин 30 с` or `12 с`, with unit abbreviations from the resources. */
export function formatDuration(seconds: number, t: TFunction): string {
  const total = Math.max(0, Math.round(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = total % 60;
  if (hours > 0) return t('duration.hoursMinutes', { hours, minutes });
  if (minutes > 0) return t('duration.minutesSeconds', { minutes, seconds: rest });
  return t('duration.seconds', { seconds: rest });
}

/** Name a 0-based column index as a spreadsheet does: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let name = '';
  let rest = index + 1;
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    name = String.fromCharCode(65 + digit) + name;
    rest = Math.floor((rest - 1) / 26);
  }
  return name;
}
