// Entry point of a pipeline worker thread: keeps one SKU index open and matches batches sent by
// the engine through comlink.

import { parentPort } from 'node:worker_threads';

import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/umd/node-adapter.js';

import { SkuIndex } from './catalog/sku-index';
import type { Embedder } from './embedder/embedder';
import { createHashingEmbedder } from './embedder/hashing-embedder';
import { matchLines } from './pipeline/matcher';
import { parseName } from './pipeline/parse-name';
import { scoreCandidate } from './pipeline/rerank';
import type { PipelineWorkerApi, WorkerIndexSpec } from './worker-api';

let opened: { key: string; index: SkuIndex } | null = null;
let exitOnNextBatch = false;

/** Exit code of a worker that crashed on purpose, for tests of crash recovery. */
const INJECTED_CRASH_EXIT = 70;

async function openIndex(spec: WorkerIndexSpec): Promise<SkuIndex> {
  const key = `${spec.indexDir}#${spec.version}#${spec.modelDir ?? ''}`;
  if (opened?.key === key) return opened.index;
  opened?.index.close();
  opened = null;

  let embedder: Embedder = createHashingEmbedder();
  if (spec.modelDir) {
    const { createTransformersEmbedder } = await import('./embedder/transformers-embedder');
    embedder = await createTransformersEmbedder({ modelDir: spec.modelDir });
  }
  const index = await SkuIndex.open(spec.indexDir, embedder, spec.version);
  opened = { key, index };
  return index;
}

const api: PipelineWorkerApi = {
  async matchBatch(spec, lines, settings, decisions) {
    if (exitOnNextBatch) process.exit(INJECTED_CRASH_EXIT);
    const index = await openIndex(spec);
    return matchLines(lines, index, settings, (line) => decisions[line.id] ?? null);
  },

  async prepareIndex(spec) {
    await openIndex(spec);
  },

  exitOnNextBatch() {
    exitOnNextBatch = true;
  },

  async searchCatalog(spec, query, limit) {
    const index = await openIndex(spec);
    const line = { parsed: parseName(query), unit: null, rawUnit: '' };
    const [skus = []] = await index.retrieve([line], Math.max(limit * 2, 20));
    const scored = skus.flatMap((sku) => {
      const item = index.items.get(sku);
      return item ? [{ sku, score: scoreCandidate(line, item, index.idf).score }] : [];
    });
    return scored.sort((a, b) => b.score - a.score).slice(0, limit);
  },
};

if (!parentPort) throw new Error('pipeline-worker must run in a worker thread');
Comlink.expose(api, nodeEndpoint(parentPort));
