/**
 * The real `Services` behind the routes: a knowledge base held by reference, so that a re-index
 * swaps it whole while requests in flight finish on the one they started with. Answering runs in
 * this thread or, with `answerWorkers`, in a pool of worker threads that reload on re-index too.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IngestConfig } from '../ingest/config.js';
import { createError } from '../ingest/errors.js';
import { createAnswerPool } from './answer-pool.js';
import { createInProcessAnswerer, type Answerer } from './answerer.js';
import type { Services } from './contract.js';
import { openKnowledgeBase } from './open-knowledge-base.js';
import type { KnowledgeBase } from './retrieve/knowledge-base.js';
import { documentOutline, findFigures, listDocuments, sectionDetail } from './services/catalog.js';

const INGEST_CLI = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'ingest', 'cli.ts');

export interface LiveServices extends Services {
  /** The knowledge base serving now. */
  current(): KnowledgeBase;
  /** Resolves when the re-index in progress (if any) has finished. */
  idle(): Promise<void>;
  /** Resolves when the answer workers (if any) have opened the index; rejects when they cannot. */
  ready(): Promise<void>;
  /** Stops the answer workers once their calls in flight are answered. */
  close(): Promise<void>;
}

export interface ServicesOptions {
  log?: (line: string) => void;
  /**
   * Worker threads that answer `ask`, `search` and `brief`, each with its own copy of the index,
   * so that answering never blocks this thread. 0 (the default) answers in this thread.
   */
  answerWorkers?: number;
}

/**
 * Wraps an opened knowledge base; `config` is used to rebuild it on re-index (and by the answer
 * workers to open the same index). Call `close()` when done if `answerWorkers` > 0.
 */
export function createServices(initial: KnowledgeBase, config: IngestConfig, options: ServicesOptions = {}): LiveServices {
  const log = options.log ?? ((line: string) => console.log(line));
  const answerWorkers = options.answerWorkers ?? 0;
  let kb = initial;
  let reindexing: Promise<void> | null = null;
  const answerer: Answerer = answerWorkers > 0 ? createAnswerPool(config, { size: answerWorkers, log }) : createInProcessAnswerer(() => kb);

  const reindex = async (): Promise<void> => {
    // The build runs in a child process: training and embedding never block this event loop.
    await runIngestProcess(config, log);
    // With workers this thread only looks things up, so it skips warming the English dictionaries.
    const next = await openKnowledgeBase(config, { build: false, log, warm: answerWorkers === 0 });
    await answerer.reload(next);
    kb = next;
    log(`[server] re-index done: ${kb.index.manifest.counts.passages} passages now serving`);
  };

  return {
    current: () => kb,
    idle: async () => {
      await reindexing?.catch(() => {});
    },
    health: () => {
      const { counts, embedder } = kb.index.manifest;
      return { status: reindexing ? 'indexing' : 'ok', ...counts, embedder };
    },
    ready: () => answerer.ready(),
    close: () => answerer.close(),
    ask: (request) => answerer.ask(request),
    search: (query, k, documents) => answerer.search(query, k, documents),
    figures: (query) => findFigures(kb, query),
    documents: () => listDocuments(kb),
    outline: (docId) => documentOutline(kb, docId),
    section: (sectionId) => sectionDetail(kb, sectionId),
    brief: (request) => answerer.brief(request),
    reindex: async () => {
      if (reindexing) return { status: 'already-running' };
      log('[server] re-index started');
      reindexing = reindex()
        .catch((error: unknown) => log(`[server] re-index failed, the previous index keeps serving: ${(error as Error).message}`))
        .finally(() => {
          reindexing = null;
        });
      return { status: 'started' };
    },
  };
}

function runIngestProcess(config: IngestConfig, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(INGEST_CLI, ['--force'], {
      execArgv: ['--import', 'tsx'],
      // The child must build with this server's settings, whatever process.env says.
      env: {
        ...process.env,
        CORPUS_DIR: config.corpusDir,
        DATA_DIR: config.dataDir,
        EMBEDDER: config.embedder,
        EMBED_MODEL: config.embedModel,
        MODELS_DIR: config.modelsDir,
        ALLOW_REMOTE_MODELS: config.allowRemoteModels ? '1' : '0',
        MAX_FILE_BYTES: String(config.maxFileBytes),
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    child.stdout?.on('data', (d: Buffer) => d.toString().trim().split('\n').forEach((l) => log(l)));
    child.stderr?.on('data', (d: Buffer) => d.toString().trim().split('\n').forEach((l) => log(l)));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(createError('INDEX_WRITE_FAILED', `ingest exited with code ${code}`))));
  });
}
