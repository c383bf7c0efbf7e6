// Checks of the text a screen shows against the UI's translation resources: raw i18n keys,
// leftover {{placeholders}} and phrases of the other language.

import type { Page } from 'playwright-core';

import en from '../../src-renderer/i18n/en.json';
import ru from '../../src-renderer/i18n/ru.json';

type Resource = { [key: string]: string | Resource };
export type Language = 'ru' | 'en';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const PLACEHOLDER = /\{\{[^}]*\}\}/g;
const KEY_LIKE = /\b[a-z]+(?:\.[a-zA-Z_]+)+\b/g;
/** File names such as catalog.csv start like a key (`catalog.`) but end in an extension. */
const FILE_EXTENSION = /\.(csv|tsv|txt|xlsx|xls|ods|json|png|pdf)$/i;

function flatten(resource: Resource, prefix = ''): Map<string, string> {
  const leaves = new Map<string, string>();
  for (const [key, value] of Object.entries(resource)) {
    const fullKey = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') leaves.set(fullKey, value);
    else for (const [nested, text] of flatten(value, fullKey)) leaves.set(nested, text);
  }
  return leaves;
}

export const LEAVES: Record<Language, Map<string, string>> = { ru: flatten(ru as Resource), en: flatten(en as Resource) };

const KEYS = new Set([...LEAVES.ru.keys(), ...LEAVES.en.keys()].flatMap((key) => [key, key.replace(PLURAL_SUFFIX, '')]));
const NAMESPACES = new Set([...Object.keys(ru), ...Object.keys(en)]);

/** Look up a translation by its key, for expected texts in the tests. */
export function text(language: Language, key: string): string {
  const value = LEAVES[language].get(key);
  if (value === undefined) throw new Error(`No ${language} text for key ${key}`);
  return value;
}

/**
 * Collect what a user reads on the page: the body's rendered text, the page title, option texts
 * and the placeholder, title and aria-label attributes.
 */
export async function visibleText(page: Page): Promise<string> {
  return page.locator('html').evaluate((root) => {
    const parts: string[] = [root.ownerDocument.title, root.ownerDocument.body.innerText];
    for (const element of root.querySelectorAll('[placeholder], [title], [aria-label]')) {
      for (const name of ['placeholder', 'title', 'aria-label']) parts.push(element.getAttribute(name) ?? '');
    }
    for (const option of root.querySelectorAll('option')) parts.push(option.textContent ?? '');
    return parts.join('\n');
  });
}

/**
 * List tokens that look like i18n keys: a key of either resource, or a dotted name that starts with
 * one of the resources' top-level sections (what i18next shows for a key it does not have).
 */
export function keyLikeTokens(screenText: string): string[] {
  const tokens = screenText.match(KEY_LIKE) ?? [];
  return [...new Set(tokens.filter((token) => KEYS.has(token) || (NAMESPACES.has(token.split('.')[0] ?? '') && !FILE_EXTENSION.test(token))))];
}

export function placeholderLeftovers(screenText: string): string[] {
  return screenText.match(/\{\{[^}]*\}\}|\{\{|\}\}/g) ?? [];
}

/**
 * List phrases of the other language's resource that appear in `screenText`. Each value is cut at
 * its {{placeholders}}. A piece counts when it has at least `minWords` words and the two resources
 * differ for that key (the app name is the same in both).
 */
export function foreignPhrases(screenText: string, language: Language, minWords: number): string[] {
  const other: Language = language === 'ru' ? 'en' : 'ru';
  const found = new Set<string>();
  const normalizedText = screenText.replace(/\s+/g, ' ');

  for (const [key, value] of LEAVES[other]) {
    if (LEAVES[language].get(key) === value) continue;
    for (const piece of value.split(PLACEHOLDER)) {
      const phrase = piece.replace(/\s+/g, ' ').replace(/^[\s.,:;!?()«»"—–-]+|[\s.,:;!?()«»"—–-]+$/g, '');
      const words = phrase.match(/\p{L}+/gu) ?? [];
      if (words.length >= minWords && normalizedText.includes(phrase)) found.add(`${key}: "${phrase}"`);
    }
  }
  return [...found];
}
