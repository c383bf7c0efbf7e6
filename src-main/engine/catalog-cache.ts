// The current catalog as the main thread sees it: the index manifest and the items by SKU, for
// names in results, review checks and catalog listings. Matching itself runs in the workers.

import { buildSkuIndex, readManifest, type IndexManifest, SkuIndex } from '../../src-worker/catalog/sku-index.js';
import type { CatalogItem } from '../../src-worker/pipeline/types.js';
import { catalogFingerprint } from './catalog-index.js';
import { chooseEmbedder } from './embedder-choice.js';

export class CatalogCache {
  readonly #indexDir: string;
  #manifest: IndexManifest | null;
  #items: Map<string, CatalogItem>;

  private constructor(indexDir: string, manifest: IndexManifest | null, items: Map<string, CatalogItem>) {
    this.#indexDir = indexDir;
    this.#manifest = manifest;
    this.#items = items;
  }

  static async load(indexDir: string): Promise<CatalogCache> {
    const manifest = await readManifest(indexDir);
    if (!manifest) return new CatalogCache(indexDir, null, new Map());
    const items = await SkuIndex.readItems(indexDir, manifest.version);
    return new CatalogCache(indexDir, manifest, new Map(items.map((item) => [item.sku, item])));
  }

  get manifest(): IndexManifest | null {
    return this.#manifest;
  }

  get size(): number {
    return this.#items.size;
  }

  get(sku: string): CatalogItem | undefined {
    return this.#items.get(sku);
  }

  /** Build a new index version from the items and make it current. */
  async rebuild(items: CatalogItem[], modelDir: string | null, file?: string): Promise<IndexManifest> {
    const embedder = await chooseEmbedder(modelDir ?? undefined);
    const manifest = await buildSkuIndex(this.#indexDir, items, embedder, { catalogFile: file, catalogFingerprint: catalogFingerprint(items) });
    this.#items = new Map(items.map((item) => [item.sku, item]));
    this.#manifest = manifest;
    return manifest;
  }
}
