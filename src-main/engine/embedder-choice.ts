// The embedder a run uses: the built-in hashing embedder, or a local ONNX model when a folder is given.

import type { Embedder } from '../../src-worker/embedder/embedder.js';
import { createHashingEmbedder } from '../../src-worker/embedder/hashing-embedder.js';

export async function chooseEmbedder(modelDir?: string): Promise<Embedder> {
  if (!modelDir) return createHashingEmbedder();
  const { createTransformersEmbedder } = await import('../../src-worker/embedder/transformers-embedder.js');
  return createTransformersEmbedder({ modelDir });
}
