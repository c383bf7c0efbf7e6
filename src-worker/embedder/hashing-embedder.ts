// The built-in embedder: feature hashing of word stems and character 3-grams into a fixed-size
// vector. It needs no model download, is deterministic, and suits short product names, where
// shared stems and shared letter runs (typos, abbreviations) carry most of the meaning.

import type { Embedder } from './embedder';

const STEM_WEIGHT = 1;
const TRIGRAM_WEIGHT = 0.5;

export function createHashingEmbedder(dimension = 384): Embedder {
  return {
    id: `hashing-v1-${dimension}`,
    dimension,
    embed: async (texts) => texts.map((text) => embedText(text, dimension)),
  };
}

/** Embed one search text (see searchText): its words are already normalized and stemmed. */
export function embedText(text: string, dimension: number): Float32Array {
  const vector = new Float32Array(dimension);
  const words = text.split(' ').filter((word) => word.length > 0);

  for (const word of words) {
    addFeature(vector, `w:${word}`, STEM_WEIGHT);
    const padded = `<${word}>`;
    for (let i = 0; i + 3 <= padded.length; i += 1) addFeature(vector, padded.slice(i, i + 3), TRIGRAM_WEIGHT);
  }

  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < dimension; i += 1) vector[i] = (vector[i] ?? 0) / norm;
  return vector;
}

/** Add a feature with a sign from a second hash, so that collisions cancel out on average. */
function addFeature(vector: Float32Array, feature: string, weight: number): void {
  const hash = fnv1a(feature);
  const index = hash % vector.length;
  const sign = (hash >>> 31) === 0 ? 1 : -1;
  vector[index] = (vector[index] ?? 0) + sign * weight;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
