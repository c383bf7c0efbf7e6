// Parsing of prices written as text in supplier files: `2 519,00`, `7153.5`, `1 177`, `100 руб.`.

/** Space characters used as thousands separators: space, no-break, figure, thin and narrow no-break space. */
const GROUP_SPACES = /[ \u00A0\u2007\u2009\u202F]/g;

/** Currency marks accepted before or after the number. */
const CURRENCY = /^(?:₽|руб\.?|р\.?|rub\.?|rur\.?)\s*|\s*(?:₽|руб\.?|р\.?|rub\.?|rur\.?)$/giu;

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/**
 * Parse a price cell. Returns null for an empty cell and 'invalid' for text that is not a
 * number (an Excel-mangled date such as `25.апр`, or a word such as `Ненайдена`).
 *
 * With both `.` and `,` present, the one that comes last is the decimal mark. A single `,` or `.`
 * is a decimal mark (`2,519` is 2.519, as Russian files write it); repeated ones are thousands
 * separators (`1.234.567`).
 */
export function parsePrice(text: string | null | undefined): number | null | 'invalid' {
  if (text === null || text === undefined) return null;

  const trimmed = text.trim();
  if (trimmed === '') return null;

  const bare = trimmed.replace(CURRENCY, '').replace(GROUP_SPACES, '');
  if (bare === '') return 'invalid';

  const normalized = normalizeSeparators(bare);
  if (normalized === null || !PLAIN_NUMBER.test(normalized)) return 'invalid';

  const value = Number(normalized);
  return Number.isFinite(value) ? value : 'invalid';
}

/** Rewrite the number with `.` as the decimal mark and no thousands separators; null when ambiguous. */
function normalizeSeparators(text: string): string | null {
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');

  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    if (countOf(text, decimal) > 1) return null;
    return text.split(group).join('').replace(decimal, '.');
  }

  if (lastComma < 0 && lastDot < 0) return text;

  const mark = lastComma >= 0 ? ',' : '.';
  if (countOf(text, mark) === 1) return text.replace(mark, '.');
  return isGroupedThousands(text, mark) ? text.split(mark).join('') : null;
}

function countOf(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** True for `1.234.567`: every group after the first has exactly three digits. */
function isGroupedThousands(text: string, mark: string): boolean {
  const groups = text.replace(/^-/, '').split(mark);
  const [first, ...rest] = groups;
  if (first === undefined || !/^\d{1,3}$/.test(first)) return false;
  return rest.every((group) => /^\d{3}$/.test(group));
}
