// Guessing which column of a table contains the name, unit, price, id or SKU, with user overrides.

import { UserError, type ErrorPlace } from '../errors.js';
import { aliasRank, scoreHeader, SCORE_EDGE, SCORE_HEAD, SCORE_INSIDE, type ColumnRole } from './header-words.js';

/** A column chosen by the user: its header text, or its 1-based position as a number or digit string. */
export type ColumnRef = string | number;

/** 0-based column indexes of a price list's roles; only `name` is required. */
export interface ColumnMapping {
  name: number;
  unit?: number;
  price?: number;
  id?: number;
  /** The supplier's article code; may be the same column as `id`. */
  article?: number;
}

/** 0-based column indexes of a catalog's roles. */
export interface CatalogColumnMapping {
  sku: number;
  name: number;
  unit?: number;
  category?: number;
}

export interface PriceListColumnOverrides {
  nameCol?: ColumnRef;
  unitCol?: ColumnRef;
  priceCol?: ColumnRef;
  idCol?: ColumnRef;
}

export interface CatalogColumnOverrides {
  skuCol?: ColumnRef;
  nameCol?: ColumnRef;
  unitCol?: ColumnRef;
  categoryCol?: ColumnRef;
}

/** The lowest score at which a header is taken for a role without an override. */
const MIN_SCORE: Record<ColumnRole, number> = {
  id: SCORE_HEAD,
  article: SCORE_EDGE,
  sku: SCORE_HEAD,
  name: SCORE_INSIDE,
  unit: SCORE_EDGE,
  price: SCORE_INSIDE,
  category: SCORE_EDGE,
};

/** The command-line option that overrides each role, for error messages. */
export const ROLE_OPTION: Record<ColumnRole, string> = {
  id: '--id-col',
  article: '--id-col',
  sku: '--sku-col',
  name: '--name-col',
  unit: '--unit-col',
  price: '--price-col',
  category: '--category-col',
};

/** Guess the price-list columns from the headers; overrides win. Throws 'column_not_found'. */
export function guessPriceListColumns(
  headers: readonly string[],
  overrides: PriceListColumnOverrides,
  place: ErrorPlace,
): ColumnMapping {
  const fixed = resolveOverrides(
    headers,
    { name: overrides.nameCol, unit: overrides.unitCol, price: overrides.priceCol, id: overrides.idCol },
    place,
  );
  const guessed = assignRoles(headers, ['name', 'price', 'unit', 'id'], fixed);

  const name = guessed.get('name');
  if (name === undefined) throw missingRoleError(headers, 'name', place);

  const mapping: ColumnMapping = { name };
  const unit = guessed.get('unit');
  const price = guessed.get('price');
  const id = guessed.get('id');
  if (unit !== undefined) mapping.unit = unit;
  if (price !== undefined) mapping.price = price;
  if (id !== undefined) mapping.id = id;

  const article = bestColumn(headers, 'article', new Set([name, unit, price].filter(isIndex)));
  if (article !== undefined) mapping.article = article;
  return mapping;
}

/** Guess the catalog columns from the headers; overrides win. Throws 'column_not_found'. */
export function guessCatalogColumns(
  headers: readonly string[],
  overrides: CatalogColumnOverrides,
  place: ErrorPlace,
): CatalogColumnMapping {
  const fixed = resolveOverrides(
    headers,
    { sku: overrides.skuCol, name: overrides.nameCol, unit: overrides.unitCol, category: overrides.categoryCol },
    place,
  );
  const guessed = assignRoles(headers, ['sku', 'name', 'unit', 'category'], fixed);

  const sku = guessed.get('sku');
  if (sku === undefined) throw missingRoleError(headers, 'sku', place);
  const name = guessed.get('name');
  if (name === undefined) throw missingRoleError(headers, 'name', place);

  const mapping: CatalogColumnMapping = { sku, name };
  const unit = guessed.get('unit');
  const category = guessed.get('category');
  if (unit !== undefined) mapping.unit = unit;
  if (category !== undefined) mapping.category = category;
  return mapping;
}

/**
 * Find a column by header text (exact, then ignoring case and spaces) or by 1-based position.
 * Returns the 0-based index or undefined.
 */
export function findColumn(headers: readonly string[], ref: ColumnRef): number | undefined {
  if (typeof ref === 'number') return columnByPosition(headers, ref);

  const wanted = ref.trim();
  const exact = headers.indexOf(wanted);
  if (exact >= 0) return exact;

  const folded = foldHeader(wanted);
  const loose = headers.findIndex((header) => foldHeader(header) === folded);
  if (loose >= 0) return loose;

  return /^\d+$/.test(wanted) ? columnByPosition(headers, Number(wanted)) : undefined;
}

function columnByPosition(headers: readonly string[], position: number): number | undefined {
  return Number.isInteger(position) && position >= 1 && position <= headers.length ? position - 1 : undefined;
}

function foldHeader(header: string): string {
  return header.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

function resolveOverrides(
  headers: readonly string[],
  refs: Partial<Record<ColumnRole, ColumnRef | undefined>>,
  place: ErrorPlace,
): Map<ColumnRole, number> {
  const fixed = new Map<ColumnRole, number>();
  for (const [role, ref] of Object.entries(refs) as [ColumnRole, ColumnRef | undefined][]) {
    if (ref === undefined || ref === '') continue;
    const index = findColumn(headers, ref);
    if (index === undefined) throw unknownOverrideError(headers, role, ref, place);
    fixed.set(role, index);
  }
  return fixed;
}

/**
 * Give each role its best-scoring column, one column per role, highest scores first. Ties go to
 * the role listed first, then to the more specific alias, then to the leftmost column.
 */
function assignRoles(
  headers: readonly string[],
  roles: readonly ColumnRole[],
  fixed: Map<ColumnRole, number>,
): Map<ColumnRole, number> {
  const assigned = new Map(fixed);
  const taken = new Set(fixed.values());

  const candidates: { role: ColumnRole; column: number; score: number; rank: number; order: number }[] = [];
  roles.forEach((role, order) => {
    if (assigned.has(role)) return;
    headers.forEach((header, column) => {
      const score = scoreHeader(header, role);
      if (score >= MIN_SCORE[role]) candidates.push({ role, column, score, rank: aliasRank(header, role), order });
    });
  });

  candidates.sort((a, b) => b.score - a.score || a.order - b.order || a.rank - b.rank || a.column - b.column);

  for (const candidate of candidates) {
    if (assigned.has(candidate.role) || taken.has(candidate.column)) continue;
    assigned.set(candidate.role, candidate.column);
    taken.add(candidate.column);
  }
  return assigned;
}

function bestColumn(headers: readonly string[], role: ColumnRole, excluded: Set<number>): number | undefined {
  let best: { column: number; score: number } | undefined;
  headers.forEach((header, column) => {
    if (excluded.has(column)) return;
    const score = scoreHeader(header, role);
    if (score >= MIN_SCORE[role] && (best === undefined || score > best.score)) best = { column, score };
  });
  return best?.column;
}

function isIndex(value: number | undefined): value is number {
  return value !== undefined;
}

/** Render the headers as `1 «name», 2 «price»` for messages. */
export function listHeaders(headers: readonly string[]): string {
  return headers.map((header, index) => `${index + 1} «${header}»`).join(', ');
}

const ROLE_NAME_RU: Record<ColumnRole, string> = {
  id: 'кода строки',
  article: 'артикула',
  sku: 'артикула (SKU)',
  name: 'наименования',
  unit: 'единицы измерения',
  price: 'цены',
  category: 'категории',
};

const ROLE_NAME_EN: Record<ColumnRole, string> = {
  id: 'line id',
  article: 'article',
  sku: 'SKU',
  name: 'name',
  unit: 'unit',
  price: 'price',
  category: 'category',
};

function unknownOverrideError(
  headers: readonly string[],
  role: ColumnRole,
  ref: ColumnRef,
  place: ErrorPlace,
): UserError {
  const option = ROLE_OPTION[role];
  const available = listHeaders(headers);
  return new UserError(
    'column_not_found',
    {
      ru: `Столбец «${ref}» из ${option} не найден. Есть столбцы: ${available}. Укажите заголовок или номер одного из них.`,
      en: `Column "${ref}" given by ${option} was not found. Available columns: ${available}. Give one of these headers or numbers.`,
    },
    { ...place, column: String(ref) },
  );
}

function missingRoleError(headers: readonly string[], role: ColumnRole, place: ErrorPlace): UserError {
  const option = ROLE_OPTION[role];
  const available = listHeaders(headers);
  return new UserError(
    'column_not_found',
    {
      ru: `Не найден столбец ${ROLE_NAME_RU[role]}. Есть столбцы: ${available}. Укажите нужный через ${option} (заголовок или номер).`,
      en: `No ${ROLE_NAME_EN[role]} column was found. Available columns: ${available}. Choose it with ${option} (header or number).`,
    },
    place,
  );
}
