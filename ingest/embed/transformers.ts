/**
 * The transformers.js embedder: the only file that imports `@huggingface/transformers`.
 * Loads a `feature-extraction` pipeline from a local models folder (optionally the Hub), and
 * turns texts into mean-pooled, L2-normalized Float32Array vectors.
 */
import { join, resolve } from 'node:path';
import { env, pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import { createError } from '../errors.js';
import { isModelOnDisk, MODEL_CACHE_FOLDER, transformersEmbedderId } from './model-location.js';
import type { Embedder } from '../schema.js';

/** Options for `loadTransformersEmbedder`. */
export interface TransformersEmbedderOptions {
  /** Model id, looked up as `<modelsDir>/<model>`, e.g. `Xenova/multilingual-e5-small`. */
  model: string;
  /** Folder holding local models (and the download cache when remote loading is allowed). */
  modelsDir: string;
  /** Whether the Hugging Face Hub may be used when the model is not found locally. */
  allowRemote: boolean;
  /** Prepended to every query; defaults to the e5 convention `'query: '`. */
  queryPrefix?: string;
  /** Prepended to every passage; defaults to the e5 convention `'passage: '`. */
  passagePrefix?: string;
  /** Texts per model call; defaults to 16. */
  batchSize?: number;
}

const DEFAULT_QUERY_PREFIX = 'query: ';
const DEFAULT_PASSAGE_PREFIX = 'passage: ';
const DEFAULT_BATCH_SIZE = 16;
const PROBE_TEXT = '经济增长 economic growth';
const MAX_REASON_LENGTH = 200;

/** The first line of an error message, shortened, for the MODEL_UNAVAILABLE message. */
function shortReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n')[0]?.trim() || 'unknown error';
  return line.length > MAX_REASON_LENGTH ? `${line.slice(0, MAX_REASON_LENGTH)}…` : line;
}

function modelUnavailable(options: TransformersEmbedderOptions, reason: string, cause?: unknown) {
  const where = join(options.modelsDir, options.model);
  return createError(
    'MODEL_UNAVAILABLE',
    `${options.model}: ${reason}; put the model under ${where} or set ALLOW_REMOTE_MODELS=1`,
    cause === undefined ? undefined : { cause: shortReason(cause) },
  );
}

/**
 * Points transformers.js at `modelsDir`. The download cache always lives in `<modelsDir>/.cache`
 * (written only when remote loading is allowed), so an offline run can reuse an earlier download
 * and never reads the library's own cache inside node_modules.
 */
function configureEnv(modelsDir: string, allowRemote: boolean): void {
  env.localModelPath = modelsDir;
  env.allowLocalModels = true;
  env.allowRemoteModels = allowRemote;
  env.cacheDir = join(modelsDir, MODEL_CACHE_FOLDER);
}

/** Creates the pipeline, turning every load failure into MODEL_UNAVAILABLE. */
async function loadPipeline(options: TransformersEmbedderOptions): Promise<FeatureExtractionPipeline> {
  const modelsDir = resolve(options.modelsDir);
  if (!options.allowRemote && !isModelOnDisk(modelsDir, options.model)) {
    throw modelUnavailable(options, 'model folder not found and remote models are disabled');
  }
  configureEnv(modelsDir, options.allowRemote);
  try {
    return await pipeline('feature-extraction', options.model, { dtype: 'fp32', device: 'cpu' });
  } catch (error) {
    throw modelUnavailable(options, shortReason(error), error);
  }
}

/** Runs the pipeline over `texts` in batches; one unit-length vector per text, in order. */
async function embedBatched(
  extractor: FeatureExtractionPipeline,
  texts: string[],
  batchSize: number,
): Promise<Float32Array[]> {
  const vectors: Float32Array[] = [];
  for (let start = 0; start < texts.length; start += batchSize) {
    const batch = texts.slice(start, start + batchSize);
    const output = await extractor(batch, { pooling: 'mean', normalize: true });
    const dim = output.dims[1] ?? 0;
    const data = output.data as Float32Array;
    for (let row = 0; row < batch.length; row++) {
      vectors.push(Float32Array.from(data.subarray(row * dim, (row + 1) * dim)));
    }
  }
  return vectors;
}

/**
 * Loads a transformers.js feature-extraction model as an `Embedder`. Rejects with
 * MODEL_UNAVAILABLE when the model cannot be loaded (missing folder or file, no network).
 * @example
 * const embedder = await loadTransformersEmbedder({ model: 'Xenova/multilingual-e5-small', modelsDir: 'models', allowRemote: false });
 * embedder.info; // { id: 'transformers:Xenova/multilingual-e5-small', dim: 384 }
 * await embedder.embedQueries(['研发投入']); // [Float32Array(384)]
 */
export async function loadTransformersEmbedder(options: TransformersEmbedderOptions): Promise<Embedder> {
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE));
  const queryPrefix = options.queryPrefix ?? DEFAULT_QUERY_PREFIX;
  const passagePrefix = options.passagePrefix ?? DEFAULT_PASSAGE_PREFIX;
  const extractor = await loadPipeline(options);

  let dim = 0;
  try {
    const [probe] = await embedBatched(extractor, [passagePrefix + PROBE_TEXT], 1);
    dim = probe?.length ?? 0;
  } catch (error) {
    await extractor.dispose().catch(() => undefined);
    throw modelUnavailable(options, `probe embedding failed: ${shortReason(error)}`, error);
  }
  if (dim === 0) {
    await extractor.dispose().catch(() => undefined);
    throw modelUnavailable(options, 'the model returned an empty embedding');
  }

  return {
    info: { id: transformersEmbedderId(options.model), dim },
    embedQueries: (texts) => embedBatched(extractor, texts.map((text) => queryPrefix + text), batchSize),
    embedPassages: (texts) => embedBatched(extractor, texts.map((text) => passagePrefix + text), batchSize),
    dispose: () => extractor.dispose(),
  };
}
