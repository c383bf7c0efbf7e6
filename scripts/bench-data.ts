// Synthetic benchmark data built from the real catalog's vocabulary: a large catalog whose names
// are real names with other sizes, packs, colors and grades, and a price list of supplier-style
// rewrites of its items plus lines that have no item. Deterministic for a given seed.

import type { CatalogItem } from '../src-worker/pipeline/types.js';

const COLORS = ['белый', 'черный', 'серый', 'красный', 'синий', 'зеленый', 'желтый', 'коричневый', 'бежевый', 'графитовый'];
const UNIT_SPELLINGS: Record<string, string[]> = {
  шт: ['шт', 'шт.', 'штука', 'ШТ'],
  уп: ['уп', 'упак', 'пач', 'уп.'],
  м: ['м', 'пог.м', 'м.п.', 'мп'],
  лист: ['лист', 'лист.', 'шт'],
  рул: ['рул', 'рулон', 'рул.'],
  кг: ['кг', 'кг.'],
};

/** A small seeded PRNG (mulberry32), so every run builds the same data. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: readonly T[], next: () => number): T {
  return items[Math.floor(next() * items.length)] as T;
}

/** Change every number in a name by a factor, so a variant differs in size or pack from its source. */
function shiftNumbers(name: string, variant: number): string {
  const factors = [1.25, 1.5, 2, 0.5, 0.8, 3, 1.2, 4, 0.6, 2.5, 1.6, 5, 0.4];
  const factor = factors[variant % factors.length] ?? 2;
  return name.replace(/\d+(?:[.,]\d+)?/g, (number) => {
    const value = Number(number.replace(',', '.')) * factor;
    const text = Number.isInteger(value) ? String(value) : value.toFixed(1);
    return number.includes(',') ? text.replace('.', ',') : text;
  });
}

function swapColor(name: string, next: () => number): string {
  const replaced = name.replace(/(бел|черн|сер|красн|син|зелен|желт|коричнев|беж)(ый|ая|ое|ые|ий|яя)/i, () => pick(COLORS, next));
  return replaced === name ? `${name} ${pick(COLORS, next)}` : replaced;
}

/** Catalog of at least `size` items: the real items plus variants named `SYN-<n>`. */
export function buildLargeCatalog(real: CatalogItem[], size: number, seed = 1): CatalogItem[] {
  const next = random(seed);
  const items = [...real];
  const names = new Set(real.map((item) => item.name));
  let variant = 0;
  while (items.length < size) {
    const source = real[items.length % real.length] as CatalogItem;
    variant += 1;
    const shifted = shiftNumbers(source.name, variant);
    let name = shifted === source.name || next() < 0.3 ? swapColor(shifted, next) : shifted;
    // Names without numbers run out of color variants; a series number keeps them distinct.
    if (names.has(name)) name = `${name} серия ${variant}`;
    if (names.has(name)) continue;
    names.add(name);
    items.push({ sku: `SYN-${String(items.length).padStart(6, '0')}`, name, unit: source.unit, category: source.category });
  }
  return items;
}

/** Rewrite a catalog name the way suppliers write it: case, word order, glued units, a typo. */
function rewrite(name: string, next: () => number): string {
  let text = name;
  if (next() < 0.3) text = text.toUpperCase();
  if (next() < 0.4) text = text.replace(/(\d) (кг|мм|м|л|шт)/g, '$1$2');
  if (next() < 0.3) {
    const words = text.split(' ');
    if (words.length > 3) {
      const [first, second, ...rest] = words;
      text = [second, first, ...rest].join(' ');
    }
  }
  if (next() < 0.3) {
    const words = text.split(' ');
    const index = Math.floor(next() * words.length);
    const word = words[index] ?? '';
    if (word.length > 5 && /^[а-яА-Я]+$/.test(word)) {
      const at = 1 + Math.floor(next() * (word.length - 3));
      words[index] = word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2);
      text = words.join(' ');
    }
  }
  return text;
}

export interface BenchLine {
  id: string;
  name: string;
  unit: string;
  price: number;
}

/** Price list of `count` lines: rewrites of catalog items, and one in ten lines with no item. */
export function buildPriceList(catalog: CatalogItem[], count: number, seed = 2): BenchLine[] {
  const next = random(seed);
  const lines: BenchLine[] = [];
  for (let i = 0; i < count; i += 1) {
    const item = pick(catalog, next);
    const noItem = i % 10 === 9;
    const name = noItem ? `${rewrite(shiftNumbers(item.name, 7 + i), next)} ${pick(['Premium', 'Эконом', 'Pro'], next)}` : rewrite(item.name, next);
    const units = UNIT_SPELLINGS[item.unit] ?? [item.unit];
    lines.push({ id: `B${String(i + 1).padStart(5, '0')}`, name, unit: pick(units, next), price: Math.round(next() * 500000) / 100 });
  }
  return lines;
}
