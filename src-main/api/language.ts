// The language of an API response, from the request's Accept-Language header.

import type { FastifyRequest } from 'fastify';

export type Language = 'ru' | 'en';

/**
 * Pick English only when the client prefers English over Russian; Russian otherwise, also when
 * the header is missing or names neither language. `en-US;q=0.9, ru;q=0.8` gives English,
 * `ru, en` and `de` give Russian.
 */
export function preferredLanguage(header: string | undefined): Language {
  if (!header) return 'ru';

  let best: { language: Language; quality: number } | null = null;
  for (const part of header.split(',')) {
    const [tag = '', ...parameters] = part.trim().toLowerCase().split(';');
    const primary = tag.trim().split('-')[0];
    if (primary !== 'ru' && primary !== 'en') continue;

    const quality = parseQuality(parameters);
    if (quality > 0 && (best === null || quality > best.quality)) best = { language: primary, quality };
  }
  return best?.language ?? 'ru';
}

function parseQuality(parameters: string[]): number {
  for (const parameter of parameters) {
    const [name, value] = parameter.split('=').map((piece) => piece.trim());
    if (name !== 'q' || value === undefined) continue;
    const quality = Number(value);
    return Number.isFinite(quality) ? quality : 0;
  }
  return 1;
}

export function requestLanguage(request: FastifyRequest): Language {
  return preferredLanguage(request.headers['accept-language']);
}
