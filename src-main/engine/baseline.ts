// The plain baseline that evaluation compares against: IDF-weighted token Jaccard, the way Excel's
// fuzzy lookup scores, with a fixed threshold for `matched`.

import { normalizeText } from '../../src-worker/pipeline/normalize-text.js';
import type { CatalogItem } from '../../src-worker/pipeline/types.js';

export interface BaselineAnswer {
  sku: string | null;
  score: number;
}

/** Words of a name after the same text cleaning the product gets (case, ё, look-alike letters, `30кг`). */
function baselineTokens(text: string): string[] {
  return [...new Set(normalizeText(text).split(/[^a-zа-я0-9.]+/).map((token) => token.replace(/^\.+|\.+$/g, '')).filter((token) => token.length > 0))];
}

export class JaccardBaseline {
  readonly #items: { sku: string; tokens: string[] }[];
  readonly #idf = new Map<string, number>();
  readonly #postings = new Map<string, number[]>();

  constructor(items: CatalogItem[]) {
    this.#items = items.map((item) => ({ sku: item.sku, tokens: baselineTokens(item.name) }));
    this.#items.forEach((item, index) => {
      for (const token of item.tokens) {
        const list = this.#postings.get(token) ?? [];
        list.push(index);
        this.#postings.set(token, list);
      }
    });
    for (const [token, list] of this.#postings) this.#idf.set(token, Math.log((items.length + 1) / (list.length + 1)) + 1);
  }

  #weight(token: string): number {
    return this.#idf.get(token) ?? Math.log(this.#items.length + 1) + 1;
  }

  best(name: string): BaselineAnswer {
    const query = baselineTokens(name);
    const candidates = new Set<number>();
    for (const token of query) for (const index of this.#postings.get(token) ?? []) candidates.add(index);

    let best: BaselineAnswer = { sku: null, score: 0 };
    for (const index of candidates) {
      const item = this.#items[index]!;
      const itemTokens = new Set(item.tokens);
      let shared = 0;
      let union = 0;
      for (const token of new Set([...query, ...item.tokens])) {
        const weight = this.#weight(token);
        union += weight;
        if (itemTokens.has(token) && query.includes(token)) shared += weight;
      }
      const score = union > 0 ? shared / union : 0;
      if (score > best.score) best = { sku: item.sku, score };
    }
    return best;
  }
}
