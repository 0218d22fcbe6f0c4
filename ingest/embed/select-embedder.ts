/**
 * Chooses the embedder: a transformers.js model when configured and loadable, otherwise the built-in
 * LSA embedder trained on the corpus. One log line says which is active and how to switch.
 */
import path from 'node:path';
import type { IngestConfig } from '../config.js';
import type { Embedder } from '../schema.js';
import { isModelOnDisk } from './model-location.js';

export type Log = (line: string) => void;

/** Whether a transformers.js model should be tried at all under this configuration. */
export function wantsTransformers(config: IngestConfig): boolean {
  if (config.embedder === 'builtin') return false;
  if (config.embedder === 'transformers') return true;
  return config.allowRemoteModels || isModelOnDisk(config.modelsDir, config.embedModel);
}

/**
 * Loads the transformers.js embedder, or returns null when it cannot be used in auto mode.
 * With EMBEDDER=transformers a load failure is an error.
 */
export async function loadModelEmbedder(config: IngestConfig, log: Log): Promise<Embedder | null> {
  if (!wantsTransformers(config)) {
    log(`embedder: built-in LSA (no model at ${path.join(config.modelsDir, config.embedModel)}; put ${config.embedModel} there or set ALLOW_REMOTE_MODELS=1 to use it)`);
    return null;
  }
  const { loadTransformersEmbedder } = await import('./transformers.js');
  try {
    const embedder = await loadTransformersEmbedder({
      model: config.embedModel,
      modelsDir: config.modelsDir,
      allowRemote: config.allowRemoteModels,
    });
    log(`embedder: ${embedder.info.id} (${embedder.info.dim} dims; EMBEDDER=builtin uses the built-in LSA embedder)`);
    return embedder;
  } catch (error) {
    if (config.embedder === 'transformers') throw error;
    log(`embedder: built-in LSA (${(error as Error).message})`);
    return null;
  }
}
