export interface Embedder {
  /** Stable id stored with an index, e.g. 'hashing-v1-512' or 'transformers:<model folder name>'. */
  readonly id: string;
  readonly dimension: number;
  /** Embed texts into L2-normalized vectors of `dimension` floats each. */
  embed(texts: string[]): Promise<Float32Array[]>;
}
