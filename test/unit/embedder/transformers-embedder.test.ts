import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { buildTinyModel, TINY_MODEL_DIMENSION } from '../../../scripts/build-tiny-model.js';
import { UserError } from '../../../src-main/errors.js';
import type { TransformersEmbedder } from '../../../src-worker/embedder/transformers-embedder.js';

type EmbedderModule = typeof import('../../../src-worker/embedder/transformers-embedder.js');
type TransformersModule = typeof import('@huggingface/transformers');

const BATCH_SIZE = 4;
const TINY_MODEL_BUILD_LIMIT_MS = 5_000;
const MISSING_FOLDER_LIMIT_MS = 1_000;

const fetchRequests: string[] = [];
const recordingFetch = async (input: unknown): Promise<never> => {
  fetchRequests.push(String(input));
  throw new Error(`Network access in an offline test: ${String(input)}`);
};

let tempDir: string;
let modelDir: string;
let buildMilliseconds: number;
let embedderModule: EmbedderModule;
let transformers: TransformersModule;
let embedder: TransformersEmbedder;

beforeAll(async () => {
  // transformers.js copies globalThis.fetch into env.fetch when it is first imported, so the stub
  // must come before the import to catch requests made while importing.
  vi.stubGlobal('fetch', recordingFetch);

  tempDir = await mkdtemp(path.join(os.tmpdir(), 'transformers-embedder-'));
  modelDir = path.join(tempDir, 'tiny-model');
  const started = performance.now();
  await buildTinyModel(modelDir);
  buildMilliseconds = performance.now() - started;

  embedderModule = await import('../../../src-worker/embedder/transformers-embedder.js');
  transformers = await import('@huggingface/transformers');
  transformers.env.fetch = recordingFetch;
  embedder = await embedderModule.createTransformersEmbedder({ modelDir, batchSize: BATCH_SIZE });
});

afterAll(async () => {
  await embedder?.dispose();
  vi.unstubAllGlobals();
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
});

async function catchUserError(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

async function copyModel(name: string): Promise<string> {
  const copy = path.join(tempDir, name);
  await cp(modelDir, copy, { recursive: true });
  return copy;
}

function norm(vector: Float32Array): number {
  return Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
}

function cosine(a: Float32Array, b: Float32Array): number {
  return a.reduce((sum, value, index) => sum + value * (b[index] ?? 0), 0) / (norm(a) * norm(b));
}

async function embedOne(text: string): Promise<Float32Array> {
  const [vector] = await embedder.embed([text]);
  if (!vector) throw new Error(`No vector returned for "${text}"`);
  return vector;
}

describe('buildTinyModel', () => {
  it('builds the folder quickly', () => {
    expect(buildMilliseconds).toBeLessThan(TINY_MODEL_BUILD_LIMIT_MS);
  });

  it('writes identical weights on every build', async () => {
    const secondDir = path.join(tempDir, 'tiny-model-again');
    await buildTinyModel(secondDir);

    const first = await readFile(path.join(modelDir, 'onnx', 'model.onnx'));
    const second = await readFile(path.join(secondDir, 'onnx', 'model.onnx'));
    expect(second.equals(first)).toBe(true);
  });

  it('tokenizes й and ё without [UNK]', async () => {
    const tokenizer = await transformers.AutoTokenizer.from_pretrained(modelDir);
    const tokens = tokenizer.tokenize('Йогурт ёлка ЁЖ 12мм');

    expect(tokens).not.toContain('[UNK]');
    expect(tokens).toContain('й');
    expect(tokens).toContain('ё');
    expect(tokenizer.tokenize('☃☃☃')).toEqual(['[UNK]']);
  });
});

describe('createTransformersEmbedder', () => {
  it('loads the tiny model offline', () => {
    expect(embedder.id).toBe('transformers:tiny-model');
    expect(embedder.dimension).toBe(TINY_MODEL_DIMENSION);
    expect(transformers.env.allowRemoteModels).toBe(false);
  });

  it('returns unit vectors of the model dimension', async () => {
    const vectors = await embedder.embed(['Кирпич керамический М150', 'Cement M500 50 kg', '']);

    expect(vectors).toHaveLength(3);
    for (const vector of vectors) {
      expect(vector).toBeInstanceOf(Float32Array);
      expect(vector).toHaveLength(TINY_MODEL_DIMENSION);
      expect(norm(vector)).toBeCloseTo(1, 5);
    }
  });

  it('gives the same vector for the same text', async () => {
    const [first, second] = await embedder.embed(['Цемент М500 50 кг', 'Цемент М500 50 кг']);
    const third = await embedOne('Цемент М500 50 кг');

    expect(second).toEqual(first);
    expect(third).toEqual(first);
  });

  it('gives different vectors for different texts', async () => {
    const [brick, pipe] = await embedder.embed(['Кирпич облицовочный', 'Труба стальная 57х3,5']);

    expect(cosine(brick!, pipe!)).toBeLessThan(0.999);
  });

  it('keeps й and ё apart from unknown symbols', async () => {
    const cyrillic = await embedOne('йёйё');
    const unknown = await embedOne('☃☃☃☃');
    const accentsStripped = await embedOne('иеие');

    expect(cosine(cyrillic, unknown)).toBeLessThan(0.999);
    expect(cosine(cyrillic, accentsStripped)).toBeLessThan(0.999);
  });

  it('embeds more texts than one batch in order', async () => {
    const texts = Array.from({ length: BATCH_SIZE * 2 + 3 }, (_, index) => `Саморез ${index} мм`);
    const vectors = await embedder.embed(texts);

    expect(vectors).toHaveLength(texts.length);
    for (const [index, text] of texts.entries()) {
      const single = await embedOne(text);
      const batched = vectors[index]!;
      expect(batched).toHaveLength(TINY_MODEL_DIMENSION);
      expect(cosine(batched, single)).toBeCloseTo(1, 5);
    }
  });

  it('returns no vectors for no texts', async () => {
    expect(await embedder.embed([])).toEqual([]);
  });

  it('fails fast on a missing folder', async () => {
    const missingDir = path.join(tempDir, 'no-such-model');
    const started = performance.now();
    const error = await catchUserError(embedderModule.createTransformersEmbedder({ modelDir: missingDir }));

    expect(performance.now() - started).toBeLessThan(MISSING_FOLDER_LIMIT_MS);
    expect(error.code).toBe('model_not_found');
    expect(error.message).toContain(missingDir);
    expect(error.message).toContain('onnx/model.onnx');
    expect(error.text.ru).toContain(missingDir);
  });

  it('names onnx/model.onnx when it is missing', async () => {
    const incompleteDir = await copyModel('without-onnx');
    await rm(path.join(incompleteDir, 'onnx', 'model.onnx'));
    const error = await catchUserError(embedderModule.createTransformersEmbedder({ modelDir: incompleteDir }));

    expect(error.code).toBe('model_not_found');
    expect(error.message).toContain(`"${incompleteDir}" is missing files: onnx/model.onnx.`);
    expect(error.place.file).toBe(path.join(incompleteDir, 'onnx', 'model.onnx'));
  });

  it('lists every missing file', async () => {
    const incompleteDir = await copyModel('without-tokenizer');
    await rm(path.join(incompleteDir, 'tokenizer.json'));
    await rm(path.join(incompleteDir, 'tokenizer_config.json'));
    const error = await catchUserError(embedderModule.createTransformersEmbedder({ modelDir: incompleteDir }));

    expect(error.code).toBe('model_not_found');
    expect(error.message).toContain('is missing files: tokenizer.json, tokenizer_config.json.');
  });

  it('rejects a corrupt model file', async () => {
    const corruptDir = await copyModel('corrupt');
    await writeFile(path.join(corruptDir, 'onnx', 'model.onnx'), 'not an onnx model');
    const error = await catchUserError(embedderModule.createTransformersEmbedder({ modelDir: corruptDir }));

    expect(error.code).toBe('file_unreadable');
    expect(error.message).toContain(`Failed to load the model from folder "${corruptDir}"`);
  });

  it('rejects a batch size below 1', async () => {
    const error = await catchUserError(embedderModule.createTransformersEmbedder({ modelDir, batchSize: 0 }));

    expect(error.code).toBe('invalid_argument');
  });

  it('made no network request', () => {
    expect(fetchRequests).toEqual([]);
    expect(transformers.env.allowRemoteModels).toBe(false);
  });
});

describe('createTransformersEmbedder with allowRemote', () => {
  it('requests Hub repo from folder path', async () => {
    const remoteDir = path.join(tempDir, 'Xenova', 'absent-model');
    fetchRequests.length = 0;
    const error = await catchUserError(embedderModule.createTransformersEmbedder({ modelDir: remoteDir, allowRemote: true }));

    expect(error.message).toContain(remoteDir);
    expect(transformers.env.allowRemoteModels).toBe(true);
    expect(fetchRequests[0]).toMatch(/^https:\/\/huggingface\.co\/Xenova\/absent-model\/resolve\/main\//);
  });

  it('rejects folder path without repo id', async () => {
    const error = await catchUserError(
      embedderModule.createTransformersEmbedder({ modelDir: path.join(tempDir, 'модели', 'my model'), allowRemote: true }),
    );

    expect(error.code).toBe('invalid_argument');
    expect(error.message).toContain(path.join('модели', 'my model'));
  });
});
