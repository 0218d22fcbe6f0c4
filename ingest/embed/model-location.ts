/** Where a transformers.js model can be found on disk, and the id its embeddings are recorded under. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const MODEL_CACHE_FOLDER = '.cache';

/** Whether `model` is on disk under `modelsDir`, as a local folder or as an earlier download. */
export function isModelOnDisk(modelsDir: string, model: string): boolean {
  const root = resolve(modelsDir);
  return [join(root, model), join(root, MODEL_CACHE_FOLDER, model)].some(existsSync);
}

/** The embedder id of a transformers.js model, as the index manifest records it. */
export function transformersEmbedderId(model: string): string {
  return `transformers:${model}`;
}
