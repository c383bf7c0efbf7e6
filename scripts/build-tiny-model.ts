// Builds a tiny BERT-like sentence-embedding model folder for tests: config.json, a WordPiece
// tokenizer.json with tokenizer_config.json, and onnx/model.onnx. The model has random weights
// from a seeded PRNG, so its vectors are deterministic but carry no meaning.
//
// Usage: npx tsx scripts/build-tiny-model.ts DIR

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

export const TINY_MODEL_DIMENSION = 32;

const SEED = 20_261_204;
const OPSET_VERSION = 13;
const IR_VERSION = 8;
const MAX_POSITIONS = 512;

const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;
const LATIN_LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const CYRILLIC_LETTERS = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';
const DIGITS = '0123456789';
const PUNCTUATION = '.,-/()%"*×+:;№';
const CONSTRUCTION_WORDS = [
  'кирпич', 'цемент', 'бетон', 'арматура', 'плитка', 'труба', 'профиль', 'лист',
  'гипсокартон', 'штукатурка', 'шпаклевка', 'клей', 'смесь', 'грунтовка', 'краска',
  'утеплитель', 'доска', 'брус', 'фанера', 'саморез', 'дюбель', 'гвоздь', 'болт',
  'гайка', 'шайба', 'кабель', 'провод', 'песок', 'щебень', 'керамический',
  'облицовочный', 'рядовой', 'полнотелый', 'пустотелый', 'оцинкованный', 'стальной',
  'сухая', 'мешок', 'мм', 'кг', 'шт', 'м2', 'м3',
];

/** Builds the vocabulary: special tokens, single characters with their `##` forms, then whole words. */
export function buildVocabulary(): string[] {
  const characters = [...LATIN_LETTERS, ...CYRILLIC_LETTERS, ...DIGITS];
  const tokens: string[] = [...SPECIAL_TOKENS];

  tokens.push(...characters, ...PUNCTUATION);
  tokens.push(...characters.map((character) => `##${character}`));
  tokens.push(...CONSTRUCTION_WORDS);

  return [...new Set(tokens)];
}

/** Mulberry32: a small seeded PRNG that returns floats in [0, 1). */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function randomWeights(random: () => number, count: number, scale: number): number[] {
  return Array.from({ length: count }, () => (random() * 2 - 1) * scale);
}

function buildTokenizerJson(vocabulary: string[]): object {
  const vocab = Object.fromEntries(vocabulary.map((token, id) => [token, id]));
  const specialId = (token: string): number => vocabulary.indexOf(token);

  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((token) => ({
      id: specialId(token),
      content: token,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    // strip_accents must be false: with accent stripping, NFD turns `й` into `и` and `ё` into `е`.
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: false,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'BertProcessing',
      sep: ['[SEP]', specialId('[SEP]')],
      cls: ['[CLS]', specialId('[CLS]')],
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab,
    },
  };
}

function buildTokenizerConfig(): object {
  return {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    strip_accents: false,
    model_max_length: MAX_POSITIONS,
    unk_token: '[UNK]',
    sep_token: '[SEP]',
    pad_token: '[PAD]',
    cls_token: '[CLS]',
    mask_token: '[MASK]',
  };
}

function buildConfig(vocabularySize: number): object {
  return {
    model_type: 'bert',
    architectures: ['BertModel'],
    hidden_size: TINY_MODEL_DIMENSION,
    num_hidden_layers: 1,
    num_attention_heads: 1,
    intermediate_size: TINY_MODEL_DIMENSION,
    max_position_embeddings: MAX_POSITIONS,
    vocab_size: vocabularySize,
    type_vocab_size: 2,
    pad_token_id: 0,
  };
}

function tensorInfo(name: string, elemType: number, dims: (string | number)[]): onnxProto.onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType,
        shape: { dim: dims.map((dim) => (typeof dim === 'string' ? { dimParam: dim } : { dimValue: dim })) },
      },
    },
  };
}

/**
 * Builds the ONNX graph: last_hidden_state = tanh(Gather(embeddings, input_ids) · W + b) * attention_mask,
 * with shape [batch_size, sequence_length, TINY_MODEL_DIMENSION].
 */
function buildOnnxModel(vocabularySize: number): Uint8Array {
  const { FLOAT, INT64 } = onnx.TensorProto.DataType;
  const { INT } = onnx.AttributeProto.AttributeType;
  const dimension = TINY_MODEL_DIMENSION;
  const random = createRandom(SEED);

  const initializer: onnxProto.onnx.ITensorProto[] = [
    {
      name: 'embeddings',
      dataType: FLOAT,
      dims: [vocabularySize, dimension],
      floatData: randomWeights(random, vocabularySize * dimension, 1),
    },
    {
      name: 'projection',
      dataType: FLOAT,
      dims: [dimension, dimension],
      floatData: randomWeights(random, dimension * dimension, 1 / Math.sqrt(dimension)),
    },
    { name: 'bias', dataType: FLOAT, dims: [dimension], floatData: randomWeights(random, dimension, 0.1) },
    { name: 'mask_axes', dataType: INT64, dims: [1], int64Data: [2] },
  ];

  const node: onnxProto.onnx.INodeProto[] = [
    { opType: 'Gather', input: ['embeddings', 'input_ids'], output: ['token_embeddings'], attribute: [{ name: 'axis', type: INT, i: 0 }] },
    { opType: 'MatMul', input: ['token_embeddings', 'projection'], output: ['projected'] },
    { opType: 'Add', input: ['projected', 'bias'], output: ['biased'] },
    { opType: 'Tanh', input: ['biased'], output: ['hidden'] },
    { opType: 'Cast', input: ['attention_mask'], output: ['mask_float'], attribute: [{ name: 'to', type: INT, i: FLOAT }] },
    { opType: 'Unsqueeze', input: ['mask_float', 'mask_axes'], output: ['mask_expanded'] },
    { opType: 'Mul', input: ['hidden', 'mask_expanded'], output: ['last_hidden_state'] },
  ];

  const model = onnx.ModelProto.create({
    irVersion: IR_VERSION,
    opsetImport: [{ domain: '', version: OPSET_VERSION }],
    producerName: 'materials-matcher build-tiny-model',
    graph: {
      name: 'tiny_bert',
      node,
      initializer,
      input: [
        tensorInfo('input_ids', INT64, ['batch_size', 'sequence_length']),
        tensorInfo('attention_mask', INT64, ['batch_size', 'sequence_length']),
      ],
      output: [tensorInfo('last_hidden_state', FLOAT, ['batch_size', 'sequence_length', dimension])],
    },
  });

  return onnx.ModelProto.encode(model).finish();
}

/** Writes the tiny model folder into `dir`, creating it if needed. */
export async function buildTinyModel(dir: string): Promise<void> {
  const vocabulary = buildVocabulary();
  const writeJson = (name: string, value: object) =>
    writeFile(path.join(dir, name), `${JSON.stringify(value, null, 2)}\n`, 'utf8');

  await mkdir(path.join(dir, 'onnx'), { recursive: true });
  await writeJson('config.json', buildConfig(vocabulary.length));
  await writeJson('tokenizer.json', buildTokenizerJson(vocabulary));
  await writeJson('tokenizer_config.json', buildTokenizerConfig());
  await writeFile(path.join(dir, 'onnx', 'model.onnx'), buildOnnxModel(vocabulary.length));
}

const entryScript = process.argv[1];
if (entryScript && import.meta.url === pathToFileURL(path.resolve(entryScript)).href) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('Usage: npx tsx scripts/build-tiny-model.ts DIR');
    process.exit(2);
  }
  await buildTinyModel(path.resolve(dir));
  console.log(`Tiny model written to ${path.resolve(dir)}`);
}
