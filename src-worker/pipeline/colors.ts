// Color normalization against the color dictionary: Russian names in any gender and number,
// abbreviations such as `бел.`, named shades such as `слоновая кость`, and RAL Classic codes.

import dictionary from '../../resources/dictionaries/colors.json' with { type: 'json' };

interface ColorEntry {
  color: string;
  stems?: string[];
  nouns?: string[];
  abbreviations?: string[];
  phrases?: string[];
}

export interface ColorInfo {
  /** Canonical colors found in the name, in order of appearance. */
  colors: string[];
  /** RAL codes found in the name, such as `RAL 9003`. */
  ral: string[];
}

/** Named shades first, so that `голубой иней` is read as one color before `голубой` alone. */
const ENTRIES: ColorEntry[] = [
  ...dictionary.namedShades.map((shade): ColorEntry => ({ color: shade, phrases: [shade] })),
  ...dictionary.colors,
];
const ABBREVIATIONS_NEED_DOT = new Set(dictionary.abbreviationsNeedDot);

/** Entries that match single words by stem, noun or abbreviation. */
const WORD_ENTRIES = ENTRIES.filter((entry) => entry.stems || entry.nouns || entry.abbreviations);

/** Every phrase of the dictionary and its color; the first entry that lists a phrase wins. */
const PHRASE_COLOR = new Map<string, string>();
for (const entry of ENTRIES) for (const phrase of entry.phrases ?? []) if (!PHRASE_COLOR.has(phrase)) PHRASE_COLOR.set(phrase, entry.color);

/** One pattern for all phrases, longest first so that `дуб сонома` wins over `дуб`. */
const PHRASE_PATTERN = new RegExp(
  `(?<![а-яa-z0-9-])(${[...PHRASE_COLOR.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?![а-яa-z0-9-])`,
  'g',
);
const ENDINGS = new Set(dictionary.adjectiveEndings);
const RAL_TO_COLOR: Record<string, string> = dictionary.ral;

/** Find colors in a normalized name (see normalizeText). */
export function extractColors(normalized: string): ColorInfo {
  const found: { color: string; at: number }[] = [];
  let text = ` ${normalized} `;

  for (const match of text.matchAll(PHRASE_PATTERN)) {
    const phrase = match[1] ?? '';
    const color = PHRASE_COLOR.get(phrase);
    if (color === undefined) continue;
    const at = (match.index ?? 0) + (match[0].length - phrase.length);
    found.push({ color, at });
    text = text.slice(0, at) + ' '.repeat(phrase.length) + text.slice(at + phrase.length);
  }

  const ral: string[] = [];
  for (const match of text.matchAll(/ral\s*(\d{4})/g)) {
    const code = match[1] ?? '';
    ral.push(`RAL ${code}`);
    const color = RAL_TO_COLOR[code];
    if (color) found.push({ color, at: match.index ?? 0 });
  }

  for (const match of text.matchAll(/[а-я]+(?:-[а-я]+)?\.?/g)) {
    const color = colorOfWord(match[0]);
    if (color) found.push({ color, at: match.index ?? 0 });
  }

  found.sort((a, b) => a.at - b.at);
  return { colors: [...new Set(found.map((item) => item.color))], ral: [...new Set(ral)] };
}

/** Canonical color of one word (`белая`, `бел.`, `серебро`, `светло-серый`), or null. */
function colorOfWord(raw: string): string | null {
  const abbreviated = raw.endsWith('.');
  const word = raw.replace(/\.$/, '');
  const head = word.includes('-') ? (word.split('-').pop() ?? word) : word;

  for (const entry of WORD_ENTRIES) {
    const dotOptional = word.length >= 3 && !ABBREVIATIONS_NEED_DOT.has(word);
    if ((abbreviated || dotOptional) && entry.abbreviations?.includes(word)) return entry.color;
    if (entry.nouns?.includes(head)) return entry.color;
    for (const stem of entry.stems ?? []) {
      if (head.startsWith(stem) && ENDINGS.has(head.slice(stem.length))) return entry.color;
    }
  }
  return null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Format the color as stored in results: the colors joined, with the RAL code when there is one. */
export function formatColor(info: ColorInfo): string | null {
  if (info.colors.length === 0 && info.ral.length === 0) return null;
  const names = info.colors.join(', ');
  if (info.ral.length === 0) return names;
  return names ? `${names} (${info.ral.join(', ')})` : info.ral.join(', ');
}
