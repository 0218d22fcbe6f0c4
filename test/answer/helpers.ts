/** Builds the bundled corpus's index once per test file, in a temporary DATA_DIR. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadIngestConfig, type IngestConfig } from '../../ingest/config.js';
import { openKnowledgeBase } from '../../server/open-knowledge-base.js';
import type { KnowledgeBase } from '../../server/retrieve/knowledge-base.js';

export function tempConfig(corpusDir = path.resolve('corpus')): IngestConfig {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pra-data-'));
  return loadIngestConfig({ CORPUS_DIR: corpusDir, DATA_DIR: dataDir, EMBEDDER: 'builtin' });
}

export async function openTestKnowledgeBase(): Promise<{ kb: KnowledgeBase; config: IngestConfig }> {
  const config = tempConfig();
  return { kb: await openKnowledgeBase(config), config };
}
