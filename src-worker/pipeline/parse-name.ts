// Stage 1 of the pipeline: a name parsed once into everything later stages compare.

import { type Attributes, extractAttributes } from './attributes';
import { type ColorInfo, extractColors } from './colors';
import { normalizeText } from './normalize-text';
import { type Token, tokenize } from './tokens';

export interface ParsedName {
  normalized: string;
  attributes: Attributes;
  colors: ColorInfo;
  tokens: Token[];
}

export function parseName(name: string): ParsedName {
  const normalized = normalizeText(name);
  const attributes = extractAttributes(normalized);
  const colors = extractColors(normalized);
  const tokens = tokenize(attributes.residual);
  return { normalized, attributes, colors, tokens };
}

/** Text for embedding and full-text search: stems of the words plus the attributes' canonical forms. */
export function searchText(parsed: ParsedName): string {
  const parts = parsed.tokens.map((token) => token.stem);
  for (const token of parsed.tokens) if (token.alternative) parts.push(token.alternative);
  for (const fact of parsed.attributes.facts) parts.push(String(fact.value));
  for (const article of parsed.attributes.articles) parts.push(article);
  parts.push(...parsed.colors.colors);
  return parts.join(' ');
}
