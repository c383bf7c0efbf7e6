// Keeping the SKU index in step with a catalog file: the index is rebuilt only when the catalog's
// content or the embedder changed since the current version was built.

import { createHash } from 'node:crypto';

import { buildSkuIndex, readManifest, SkuIndex } from '../../src-worker/catalog/sku-index.js';
import type { Embedder } from '../../src-worker/embedder/embedder.js';
import type { CatalogItem } from '../../src-worker/pipeline/types.js';

export interface EnsuredIndex {
  index: SkuIndex;
  rebuilt: boolean;
  seconds: number;
}

/** Fingerprint of catalog items: changes whenever an SKU, name, unit or category changes. */
export function catalogFingerprint(items: CatalogItem[]): string {
  const hash = createHash('sha256');
  for (const item of items) hash.update(`${item.sku}\u0000${item.name}\u0000${item.unit}\u0000${item.category ?? ''}\u0001`);
  return hash.digest('hex');
}

export async function ensureIndex(
  indexDir: string,
  items: CatalogItem[],
  embedder: Embedder,
  catalogFile: string,
): Promise<EnsuredIndex> {
  const started = performance.now();
  const fingerprint = catalogFingerprint(items);
  const manifest = await readManifest(indexDir);
  const current = manifest && manifest.catalogFingerprint === fingerprint && manifest.embedderId === embedder.id;
  if (!current) await buildSkuIndex(indexDir, items, embedder, { catalogFile, catalogFingerprint: fingerprint });
  const index = await SkuIndex.open(indexDir, embedder);
  return { index, rebuilt: !current, seconds: (performance.now() - started) / 1000 };
}
