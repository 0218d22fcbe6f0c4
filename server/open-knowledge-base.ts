/**
 * Opens the knowledge base for answering: builds the index when it is missing or stale (or broken),
 * loads it, and loads the embedder that built it.
 */
import type { IngestConfig } from '../ingest/config.js';
import { ensureIndex, type BuildOptions } from '../ingest/build-index.js';
import { loadModelEmbedder } from '../ingest/embed/select-embedder.js';
import { createError, isAppError } from '../ingest/errors.js';
import type { Embedder } from '../ingest/schema.js';
import { readIndex, type KnowledgeIndex } from '../ingest/store/index-files.js';
import { generalIdf } from '../ingest/text/general-idf.js';
import { tagWords } from '../ingest/text/tokenize.js';
import { createKnowledgeBase, type KnowledgeBase } from './retrieve/knowledge-base.js';

export interface OpenOptions extends BuildOptions {
  /** Build the index when needed (default true); false only loads what is there. */
  build?: boolean;
  /**
   * Load the English dictionaries now (default true) rather than at the first English question;
   * a knowledge base that only serves lookups (documents, sections, figures) can skip it.
   */
  warm?: boolean;
  /** Only the records, to look up (no searching): see `readIndex`'s `lookupsOnly`. */
  lookupsOnly?: boolean;
}

/** Ensures, loads and wraps the index; a corrupt index is rebuilt once, with a message. */
export async function openKnowledgeBase(config: IngestConfig, options: OpenOptions = {}): Promise<KnowledgeBase> {
  const log = options.log ?? (() => {});
  if (options.build !== false) await ensureIndex(config, options);
  let index: KnowledgeIndex;
  try {
    index = readIndex(config.dataDir, { lookupsOnly: options.lookupsOnly === true });
  } catch (error) {
    if (options.build === false || !isAppError(error) || error.code === 'INDEX_MISSING') throw error;
    log(`the index could not be loaded (${error.message}); rebuilding it`);
    await ensureIndex(config, { ...options, force: true });
    index = readIndex(config.dataDir, { lookupsOnly: options.lookupsOnly === true });
  }
  const kb = createKnowledgeBase(index, await queryEmbedder(config, index, log));
  if (options.warm !== false) {
    // The dictionaries load on first use (~0.5 s together): not during someone's first question.
    kb.crossLingual.warm();
    generalIdf('');
    tagWords('');
  }
  return kb;
}

/** A lookups-only knowledge base embeds nothing: a call is a mistake, and says so. */
const LOOKUPS_ONLY_EMBEDDER = (info: Embedder['info']): Embedder => {
  const refuse = async (): Promise<never> => {
    throw createError('INDEX_MISMATCH', 'this knowledge base was opened for lookups only and cannot embed');
  };
  return { info, embedQueries: refuse, embedPassages: refuse };
};

/** The embedder for queries must be the one that embedded the passages. */
async function queryEmbedder(config: IngestConfig, index: KnowledgeIndex, log: (line: string) => void): Promise<Embedder> {
  if (index.lookupsOnly) return LOOKUPS_ONLY_EMBEDDER(index.manifest.embedder);
  if (index.builtinEmbedder) return index.builtinEmbedder;
  const model = await loadModelEmbedder({ ...config, embedder: 'transformers' }, log);
  if (!model || model.info.id !== index.manifest.embedder.id || model.info.dim !== index.manifest.embedder.dim) {
    throw createError('INDEX_MISMATCH', `the index was embedded by ${index.manifest.embedder.id}, which cannot be loaded now; run npm run ingest -- --force`);
  }
  return model;
}
