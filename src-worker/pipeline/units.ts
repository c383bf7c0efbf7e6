// Unit normalization against the unit dictionary and the coefficient from a price-list line's
// unit to a catalog item's unit, using the amounts stated in the names (`50 кг`, `(100 шт.)`,
// `бухта 100 м`, a sheet's size). A coefficient that cannot be derived is reported as unknown.

import dictionary from '../../resources/dictionaries/units.json' with { type: 'json' };
import { type Attributes, round } from './attributes';

export type MeasureClass = 'count' | 'mass' | 'volume' | 'length' | 'area' | 'container';

export interface UnitInfo {
  /** Canonical unit, such as `шт`, `кг`, `м2`, `меш`. */
  unit: string;
  measureClass: MeasureClass;
  /** Amount of the class's base unit (шт, кг, л, м, м2) in one unit; 1 for containers. */
  factor: number;
}

interface UnitEntry {
  unit: string;
  class: string;
  factor: number;
  aliases: string[];
}

const ALIASES = new Map<string, UnitInfo>();
for (const entry of dictionary.units as UnitEntry[]) {
  const info: UnitInfo = { unit: entry.unit, measureClass: entry.class as MeasureClass, factor: entry.factor };
  ALIASES.set(entry.unit, info);
  for (const alias of entry.aliases) ALIASES.set(cleanUnit(alias), info);
}

function cleanUnit(raw: string): string {
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/²/g, '2')
    .replace(/³/g, '3')
    .replace(/\s+/g, ' ')
    .replace(/[.\s]+$/g, '')
    .replace(/^[.\s]+/g, '')
    .trim();
}

/**
 * Normalize a unit cell such as `шт.`, `Цена за упаковку`, `м.кв.`, `шт (data-unit=NIU)`.
 * Returns null for an empty or unknown unit; the caller reports it, never guesses it.
 */
export function normalizeUnit(raw: string | undefined | null): UnitInfo | null {
  if (!raw) return null;
  const cleaned = cleanUnit(raw);
  if (cleaned.length === 0) return null;

  const candidates = [
    cleaned,
    cleaned.replace(/\s*\(.*\)\s*$/, ''),
    cleaned.replace(/\./g, ''),
    cleaned.replace(/\s+/g, ''),
    cleaned.replace(/^(цена\s+)?за\s+/, ''),
    cleaned.split(/[\s(,;]/)[0] ?? '',
  ];
  for (const candidate of candidates) {
    const info = ALIASES.get(candidate) ?? ALIASES.get(candidate.replace(/\.$/, ''));
    if (info) return info;
  }
  return null;
}

/** Amounts of base units in one unit of an item: { mass: 50 } for a 50 kg bag. */
type Content = Partial<Record<'count' | 'mass' | 'volume' | 'length' | 'area' | 'item', number>>;

export interface Coefficient {
  /** 1 line unit = value catalog units; null when it cannot be derived. */
  value: number | null;
  /** Derivation shown to the reviewer, such as `1 меш = 50 кг`; null when unknown. */
  explanation: string | null;
}

const CLASS_ORDER = ['count', 'mass', 'volume', 'area', 'length', 'item'] as const;

/**
 * Compute the coefficient from the line's unit to the catalog item's unit. The names' attributes
 * give the content of bags, packs, rolls, coils and sheets. When the catalog name states no amount,
 * the line's name is used, because a match means both name the same product.
 */
export function unitCoefficient(
  lineUnit: UnitInfo | null,
  lineAttributes: Attributes,
  catalogUnit: UnitInfo | null,
  catalogAttributes: Attributes,
): Coefficient {
  if (!lineUnit || !catalogUnit) return { value: null, explanation: null };
  if (lineUnit.unit === catalogUnit.unit) return { value: 1, explanation: null };

  if (lineUnit.measureClass === catalogUnit.measureClass && lineUnit.measureClass !== 'container') {
    const value = round(lineUnit.factor / catalogUnit.factor);
    return { value, explanation: `1 ${lineUnit.unit} = ${formatNumber(value)} ${catalogUnit.unit}` };
  }

  const lineContent = contentOf(lineUnit, lineAttributes, catalogAttributes);
  const catalogContent = contentOf(catalogUnit, catalogAttributes, lineAttributes);
  for (const measure of CLASS_ORDER) {
    const lineAmount = lineContent[measure];
    const catalogAmount = catalogContent[measure];
    if (lineAmount === undefined || catalogAmount === undefined || catalogAmount === 0) continue;
    const value = round(lineAmount / catalogAmount);
    return { value, explanation: explain(lineUnit, catalogUnit, measure, lineAmount, catalogAmount, value) };
  }
  return { value: null, explanation: null };
}

function contentOf(unit: UnitInfo, own: Attributes, fallback: Attributes): Content {
  if (unit.measureClass !== 'container' && unit.unit !== 'шт') {
    return { [unit.measureClass]: unit.factor } as Content;
  }

  const content: Content = { item: 1 };
  if (unit.unit === 'шт') content.count = 1;
  else {
    const count = largestFact(own, 'count') ?? null;
    if (count !== null) content.count = count;
  }

  for (const measure of ['mass', 'volume', 'length', 'area'] as const) {
    const amount = largestFact(own, measure) ?? largestFact(fallback, measure);
    if (amount !== undefined) content[measure] = amount;
  }

  const sheet = unit.unit === 'лист' || unit.unit === 'шт' || unit.unit === 'пластина';
  if (sheet || unit.unit === 'рул') {
    const area = content.area ?? sheetArea(own) ?? sheetArea(fallback);
    if (area !== undefined) content.area = area;
  }
  if (sheet) {
    const volume = content.volume ?? pieceVolume(own) ?? pieceVolume(fallback);
    if (volume !== undefined) content.volume = volume;
  }
  return content;
}

function largestFact(attributes: Attributes, kind: 'count' | 'mass' | 'volume' | 'length' | 'area'): number | undefined {
  const values = attributes.facts.filter((fact) => fact.kind === kind).map((fact) => fact.value as number);
  return values.length > 0 ? Math.max(...values) : undefined;
}

/** Area in m² of a sheet or roll whose size is given, from its two largest sides of at least 100 mm. */
function sheetArea(attributes: Attributes): number | undefined {
  const sides = sizeTuple(attributes);
  if (!sides || sides.length < 2) return undefined;
  const [a = 0, b = 0] = [...sides].sort((x, y) => y - x);
  if (a < 100 || b < 100) return undefined;
  return round((a * b) / 1e6);
}

/** Volume in litres of a piece whose three sides in mm are given (a beam 100x100x6000 is 60 l). */
function pieceVolume(attributes: Attributes): number | undefined {
  const sides = sizeTuple(attributes);
  if (!sides || sides.length !== 3) return undefined;
  return round(sides.reduce((product, side) => product * side, 1) / 1e6);
}

function sizeTuple(attributes: Attributes): number[] | undefined {
  const size = attributes.facts.find((fact) => fact.kind === 'size');
  return size ? String(size.value).split('x').map(Number) : undefined;
}

const BASE_UNIT: Record<string, string> = { count: 'шт', mass: 'кг', volume: 'л', area: 'м2', length: 'м', item: 'шт' };

function explain(
  lineUnit: UnitInfo,
  catalogUnit: UnitInfo,
  measure: (typeof CLASS_ORDER)[number],
  lineAmount: number,
  catalogAmount: number,
  value: number,
): string {
  const base = BASE_UNIT[measure] ?? '';
  const parts = [`1 ${lineUnit.unit} = ${formatNumber(value)} ${catalogUnit.unit}`];
  if (measure !== 'item') {
    parts.push(`(1 ${lineUnit.unit} = ${formatNumber(lineAmount)} ${base}, 1 ${catalogUnit.unit} = ${formatNumber(catalogAmount)} ${base})`);
  }
  return parts.join(' ');
}

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}
