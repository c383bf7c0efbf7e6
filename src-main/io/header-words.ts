// Header words of the column roles, in Russian and English, and how well a header cell matches them.

export type ColumnRole = 'id' | 'article' | 'sku' | 'name' | 'unit' | 'price' | 'category';

/** Aliases per role, most specific first: the earlier alias wins when two columns match equally. */
export const ROLE_ALIASES: Record<ColumnRole, readonly string[]> = {
  id: ['id', 'код', '№', 'n', 'no', 'номер', 'код товара', 'артикул', 'article', 'sku', 'арт'],
  article: ['артикул', 'article', 'sku', 'арт', 'vendor code', 'part number'],
  sku: ['sku', 'артикул', 'article', 'код', 'id', 'арт', 'code'],
  name: ['наименование', 'название', 'номенклатура', 'товар', 'name', 'title', 'product', 'item', 'материал', 'продукция'],
  unit: [
    'ед изм',
    'единица измерения',
    'единицы измерения',
    'ед измерения',
    'ед',
    'единица',
    'unit',
    'units',
    'uom',
  ],
  price: ['цена', 'стоимость', 'price', 'cost'],
  category: ['категория', 'группа', 'раздел', 'category', 'group'],
};

/** Words that make a header an identifier column, so it cannot be a name, unit, price or category. */
const IDENTIFIER_WORDS = new Set(['id', 'код', 'code', '№']);

const IDENTIFIER_ROLES = new Set<ColumnRole>(['id', 'article', 'sku']);

/** Match scores: whole header, alias at the head word, alias at the other end, alias in the middle. */
export const SCORE_EXACT = 3;
export const SCORE_HEAD = 2;
export const SCORE_EDGE = 1.5;
export const SCORE_INSIDE = 1;

/** Split a header into lower-case word tokens, with `ё` folded to `е`. */
export function headerTokens(header: string): string[] {
  const words = header.toLowerCase().replace(/ё/g, 'е').match(/[\p{L}\p{N}№]+/gu) ?? [];
  return words.filter((word) => !/^\d+$/.test(word));
}

/**
 * Score how well a header matches one role: 0 when it does not. Russian headers put the head word
 * first (`Цена за упаковку`, `Код товара`) and English ones last (`unit_price`, `product_name`), so
 * an alias at the head position scores higher than one at the other end.
 */
export function scoreHeader(header: string, role: ColumnRole): number {
  const tokens = headerTokens(header);
  if (tokens.length === 0) return 0;

  const isIdentifier = tokens.some((token) => IDENTIFIER_WORDS.has(token));
  if (isIdentifier && !IDENTIFIER_ROLES.has(role)) return 0;

  let best = 0;
  for (const alias of ROLE_ALIASES[role]) {
    best = Math.max(best, scoreAlias(tokens, alias.split(' ')));
  }
  return best;
}

/** Position of the alias among the header's aliases for a role, for breaking ties; -1 when none matches. */
export function aliasRank(header: string, role: ColumnRole): number {
  const tokens = headerTokens(header);
  return ROLE_ALIASES[role].findIndex((alias) => scoreAlias(tokens, alias.split(' ')) > 0);
}

function scoreAlias(tokens: string[], alias: string[]): number {
  const at = indexOfSequence(tokens, alias);
  if (at < 0) return 0;
  if (alias.length === tokens.length) return SCORE_EXACT;

  const atStart = at === 0;
  const atEnd = at + alias.length === tokens.length;
  const headAtStart = !/^[a-z]/.test(alias[0] ?? '');

  if ((headAtStart && atStart) || (!headAtStart && atEnd)) return SCORE_HEAD;
  if (atStart || atEnd) return SCORE_EDGE;
  return SCORE_INSIDE;
}

function indexOfSequence(tokens: string[], sequence: string[]): number {
  for (let start = 0; start + sequence.length <= tokens.length; start++) {
    if (sequence.every((word, offset) => tokens[start + offset] === word)) return start;
  }
  return -1;
}

/** Count the cells of a row that read as a known column header (whole header or head-word match). */
export function countHeaderWords(cells: readonly string[]): number {
  const roles = Object.keys(ROLE_ALIASES) as ColumnRole[];
  return cells.filter((cell) => roles.some((role) => scoreHeader(cell, role) >= SCORE_HEAD)).length;
}
