// Sentence embedder that runs a local ONNX model with @huggingface/transformers (transformers.js)
// and onnxruntime-node: mean pooling over last_hidden_state, then L2 normalization.

import { stat } from 'node:fs/promises';
import path from 'node:path';
import {
  env,
  ModelFileNotFoundError,
  pipeline,
  type FeatureExtractionPipeline,
} from '@huggingface/transformers';

import { UserError } from '../../src-main/errors.js';
import type { Embedder } from './embedder.js';

export interface TransformersEmbedderOptions {
  /** Folder with config.json, tokenizer.json, tokenizer_config.json and onnx/model.onnx. */
  modelDir: string;
  /**
   * Whether to download files missing from modelDir from the Hugging Face Hub. The Hub repo id is
   * `<parent folder name>/<folder name>`, e.g. models/Xenova/multilingual-e5-small. Default false.
   */
  allowRemote?: boolean;
  /** Texts per model call. Default 32. */
  batchSize?: number;
}

export interface TransformersEmbedder extends Embedder {
  /** Releases the ONNX session. The embedder must not be used afterwards. */
  dispose(): Promise<void>;
}

/** Files that transformers.js 4.3.2 reads to build a feature-extraction pipeline with dtype fp32. */
export const REQUIRED_MODEL_FILES = [
  'config.json',
  'tokenizer.json',
  'tokenizer_config.json',
  'onnx/model.onnx',
] as const;

const DEFAULT_BATCH_SIZE = 32;
const PROBE_TEXT = 'Кирпич керамический М150';
const MODEL_CONTENTS_HINT = {
  ru: `Положите туда модель для эмбеддингов предложений, экспортированную в ONNX: ${REQUIRED_MODEL_FILES.join(', ')}.`,
  en: `Put a sentence-embedding model exported to ONNX there: ${REQUIRED_MODEL_FILES.join(', ')}.`,
};

/** Loads the model from `modelDir` and probes it once to learn the vector dimension. */
export async function createTransformersEmbedder(options: TransformersEmbedderOptions): Promise<TransformersEmbedder> {
  const modelDir = path.resolve(options.modelDir);
  const allowRemote = options.allowRemote ?? false;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;

  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new UserError('invalid_argument', {
      ru: `Размер пакета должен быть целым числом не меньше 1, получено: ${batchSize}.`,
      en: `Batch size must be an integer of at least 1, got: ${batchSize}.`,
    });
  }

  const modelId = allowRemote ? configureRemoteLoading(modelDir) : await configureLocalLoading(modelDir);
  const extractor = await loadPipeline(modelId, modelDir);

  const [probe] = await embedBatch(extractor, [PROBE_TEXT]);
  const dimension = probe?.length ?? 0;
  if (dimension === 0) {
    throw new UserError('file_unreadable', {
      ru: `Модель в папке «${modelDir}» вернула пустой вектор. ${MODEL_CONTENTS_HINT.ru}`,
      en: `The model in folder "${modelDir}" returned an empty vector. ${MODEL_CONTENTS_HINT.en}`,
    }, { file: modelDir });
  }

  return {
    id: `transformers:${path.basename(modelDir)}`,
    dimension,
    async embed(texts: string[]): Promise<Float32Array[]> {
      const vectors: Float32Array[] = [];
      for (let start = 0; start < texts.length; start += batchSize) {
        vectors.push(...(await embedBatch(extractor, texts.slice(start, start + batchSize))));
      }
      return vectors;
    },
    dispose: () => extractor.dispose(),
  };
}

/** Runs one model call and splits the [texts, dimension] output into one copied vector per text. */
async function embedBatch(extractor: FeatureExtractionPipeline, texts: string[]): Promise<Float32Array[]> {
  const output = await extractor(texts, { pooling: 'mean', normalize: true });
  const dimension = output.dims[1] ?? 0;
  const data = output.data as Float32Array;

  const vectors: Float32Array[] = [];
  for (let row = 0; row < texts.length; row += 1) {
    vectors.push(data.slice(row * dimension, (row + 1) * dimension));
  }

  output.dispose();
  return vectors;
}

/**
 * Checks the model folder and switches transformers.js to local files only. Returns the model id to
 * load: the absolute folder path. It is not a valid Hub repo id, so transformers.js 4.3.2 reads the
 * files from that folder, ignoring env.localModelPath, and never builds a Hub URL.
 */
async function configureLocalLoading(modelDir: string): Promise<string> {
  await assertModelFolder(modelDir);

  env.allowLocalModels = true;
  env.allowRemoteModels = false;
  return modelDir;
}

// NOTE: no download has been run. Tests check only that the first request goes to the repo's Hub URL.
function configureRemoteLoading(modelDir: string): string {
  const repoId = `${path.basename(path.dirname(modelDir))}/${path.basename(modelDir)}`;
  if (!/^[\w.-]+\/[\w.-]+$/.test(repoId)) {
    throw new UserError('invalid_argument', {
      ru: `Для загрузки из Hugging Face Hub папка модели должна лежать по пути <владелец>/<имя репозитория>, а «${modelDir}» даёт недопустимый id «${repoId}».`,
      en: `To download from the Hugging Face Hub, the model folder must be at <owner>/<repo name>, but "${modelDir}" gives the invalid id "${repoId}".`,
    }, { file: modelDir });
  }

  env.allowLocalModels = true;
  env.allowRemoteModels = true;
  env.localModelPath = `${path.dirname(path.dirname(modelDir))}${path.sep}`;
  return repoId;
}

async function assertModelFolder(modelDir: string): Promise<void> {
  if (!(await isDirectory(modelDir))) {
    throw new UserError('model_not_found', {
      ru: `Папка модели не найдена: «${modelDir}». ${MODEL_CONTENTS_HINT.ru}`,
      en: `Model folder not found: "${modelDir}". ${MODEL_CONTENTS_HINT.en}`,
    }, { file: modelDir });
  }

  const missing: string[] = [];
  for (const file of REQUIRED_MODEL_FILES) {
    if (!(await isFile(path.join(modelDir, file)))) missing.push(file);
  }
  if (missing.length > 0) {
    throw new UserError('model_not_found', {
      ru: `В папке модели «${modelDir}» нет файлов: ${missing.join(', ')}. ${MODEL_CONTENTS_HINT.ru}`,
      en: `Model folder "${modelDir}" is missing files: ${missing.join(', ')}. ${MODEL_CONTENTS_HINT.en}`,
    }, { file: path.join(modelDir, missing[0] ?? '') });
  }
}

async function loadPipeline(modelId: string, modelDir: string): Promise<FeatureExtractionPipeline> {
  try {
    return await pipeline('feature-extraction', modelId, { dtype: 'fp32' });
  } catch (error) {
    if (error instanceof ModelFileNotFoundError) {
      throw new UserError('model_not_found', {
        ru: `Не найден файл модели в папке «${modelDir}»: ${error.message} ${MODEL_CONTENTS_HINT.ru}`,
        en: `A model file was not found in folder "${modelDir}": ${error.message} ${MODEL_CONTENTS_HINT.en}`,
      }, { file: modelDir });
    }

    // NOTE: UserErrorCode has no code for a model that exists but cannot be loaded, so it reuses 'file_unreadable'.
    const reason = error instanceof Error ? error.message : String(error);
    const loadError = new UserError('file_unreadable', {
      ru: `Не удалось загрузить модель из папки «${modelDir}»: ${reason}. ${MODEL_CONTENTS_HINT.ru}`,
      en: `Failed to load the model from folder "${modelDir}": ${reason}. ${MODEL_CONTENTS_HINT.en}`,
    }, { file: modelDir });
    loadError.cause = error;
    throw loadError;
  }
}

async function isDirectory(target: string): Promise<boolean> {
  const info = await stat(target).catch(() => undefined);
  return info?.isDirectory() ?? false;
}

async function isFile(target: string): Promise<boolean> {
  const info = await stat(target).catch(() => undefined);
  return info?.isFile() ?? false;
}
