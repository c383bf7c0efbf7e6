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
const ENDINGS = new Set(dictionary.adjectiveEndings);
const RAL_TO_COLOR: Record<string, string> = dictionary.ral;

/** Find colors in a normalized name (see normalizeText). */
export function extractColors(normalized: string): ColorInfo {
  const found: { color: string; at: number }[] = [];
  let text = ` ${normalized} `;

  for (const entry of ENTRIES) {
    for (const phrase of entry.phrases ?? []) {
      const at = findWord(text, phrase);
      if (at >= 0) {
        found.push({ color: entry.color, at });
        text = text.slice(0, at) + ' '.repeat(phrase.length) + text.slice(at + phrase.length);
      }
    }
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

  for (const entry of ENTRIES) {
    const dotOptional = word.length >= 3 && !ABBREVIATIONS_NEED_DOT.has(word);
    if ((abbreviated || dotOptional) && entry.abbreviations?.includes(word)) return entry.color;
    if (entry.nouns?.includes(head)) return entry.color;
    for (const stem of entry.stems ?? []) {
      if (head.startsWith(stem) && ENDINGS.has(head.slice(stem.length))) return entry.color;
    }
  }
  return null;
}

function findWord(text: string, phrase: string): number {
  const pattern = new RegExp(`(?<![а-яa-z0-9-])${escapeRegExp(phrase)}(?![а-яa-z0-9-])`);
  return pattern.exec(text)?.index ?? -1;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The color as stored in results: the colors joined, with the RAL code when there is one. */
export function formatColor(info: ColorInfo): string | null {
  if (info.colors.length === 0 && info.ral.length === 0) return null;
  const names = info.colors.join(', ');
  if (info.ral.length === 0) return names;
  return names ? `${names} (${info.ral.join(', ')})` : info.ral.join(', ');
}
