/**
 * The real `Services` behind the routes: a knowledge base held by reference, so that a re-index
 * swaps it whole while requests in flight finish on the one they started with. Answering runs in
 * this thread or, with `answerWorkers`, in a pool of worker threads that reload on re-index too.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IngestConfig } from '../ingest/config.js';
import { createError } from '../ingest/errors.js';
import { createAnswerPool } from './answer-pool.js';
import { createInProcessAnswerer, type Answerer } from './answerer.js';
import type { AnswerEvent, AskRequest, LibraryStatus, Services } from './contract.js';
import { createHttpError } from './middleware/errors.js';
import { checkUpload, corpusFileOf, moveFile, safeFileName, stageUpload, unusedName } from './services/library-files.js';
import { openKnowledgeBase } from './open-knowledge-base.js';
import type { KnowledgeBase } from './retrieve/knowledge-base.js';
import { documentOutline, findFigures, listDocuments, sectionDetail } from './services/catalog.js';
import { finalAnswer } from './wording/extractive.js';
import { extractiveWording, type Wording } from './wording/llm-wording.js';

const DEFAULT_UPLOAD_MEMORY_MB = 1024;
const INGEST_CLI = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'ingest', 'cli.ts');

export interface LiveServices extends Services {
  /** The knowledge base serving now. */
  current(): KnowledgeBase;
  /** Resolves when the re-index and the library changes in progress (if any) have finished. */
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
  /** Heap of the process that checks an upload, in MB (UPLOAD_MEMORY_MB). */
  uploadMemoryMb?: number;
  /** Who words the answers: the reader's own text (the default) or an LLM whose numbers are checked. */
  wording?: Wording;
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

  const wording = options.wording ?? extractiveWording;
  async function* askStream(request: AskRequest): AsyncGenerator<AnswerEvent> {
    yield* wording.events(await answerer.ask(request), request);
  }

  let status: LibraryStatus = { state: 'idle', file: null, message: null, at: null };
  /** Library changes run one after another: each folds its file into the index the last one left. */
  let changes: Promise<void> = Promise.resolve();

  const reindex = async (force = true): Promise<void> => {
    // The build runs in a child process: training and embedding never block this event loop.
    await runIngestProcess(config, log, force);
    // With workers this thread only looks things up, so it skips warming the English dictionaries.
    const next = await openKnowledgeBase(config, { build: false, log, warm: answerWorkers === 0, lookupsOnly: answerWorkers > 0 });
    await answerer.reload(next);
    kb = next;
    log(`[server] re-index done: ${kb.index.manifest.counts.passages} passages now serving`);
  };

  /** Folds a change of the corpus into the index; `undo` restores the corpus when that fails. */
  const change = (file: string, undo: () => void, done: () => void = () => {}): void => {
    status = { state: 'indexing', file, message: null, at: new Date().toISOString() };
    changes = changes.then(async () => {
      try {
        await reindex(false);
        done();
        status = { state: 'idle', file, message: null, at: new Date().toISOString() };
        if (kb.index.manifest.retrainDue) startFullReindex('the built-in embedder is retrained on the grown library');
      } catch (error) {
        undo();
        status = { state: 'failed', file, message: (error as Error).message, at: new Date().toISOString() };
        log(`[server] library change of ${file} failed and was undone: ${(error as Error).message}`);
      }
    });
  };

  const startFullReindex = (why: string): { status: 'started' | 'already-running' } => {
    if (reindexing) return { status: 'already-running' };
    log(`[server] re-index started: ${why}`);
    const run = changes.then(() => reindex(true));
    // The chain goes on after a failed rebuild: the next library change still runs.
    changes = run.catch(() => {});
    reindexing = run
      .catch((error: unknown) => log(`[server] re-index failed, the previous index keeps serving: ${(error as Error).message}`))
      .finally(() => {
        reindexing = null;
      });
    return { status: 'started' };
  };

  return {
    current: () => kb,
    idle: async () => {
      await changes;
      await reindexing?.catch(() => {});
    },
    health: () => {
      const { counts, embedder } = kb.index.manifest;
      return { status: reindexing ? 'indexing' : 'ok', ...counts, embedder };
    },
    ready: () => answerer.ready(),
    close: () => answerer.close(),
    askStream,
    ask: (request) => finalAnswer(askStream(request)),
    search: (query, k, documents) => answerer.search(query, k, documents),
    figures: (query) => findFigures(kb, query),
    documents: () => listDocuments(kb),
    outline: (docId) => documentOutline(kb, docId),
    section: (sectionId) => sectionDetail(kb, sectionId),
    brief: (request) => answerer.brief(request),
    reindex: async () => startFullReindex('requested'),
    libraryStatus: () => status,
    addDocument: async ({ name, bytes }) => {
      const staged = stageUpload(config.dataDir, bytes);
      const verdict = await checkUpload(staged, { ...config, uploadMemoryMb: options.uploadMemoryMb ?? DEFAULT_UPLOAD_MEMORY_MB });
      if (!verdict.ok) {
        fs.rmSync(staged, { force: true });
        throw createHttpError('UPLOAD_REFUSED', `${name}: ${verdict.reason}`);
      }
      const file = unusedName(config.corpusDir, safeFileName(name, verdict.format));
      const target = path.join(config.corpusDir, file);
      moveFile(staged, target);
      log(`[server] added ${file} (${verdict.format}, 《${verdict.title}》) to the corpus`);
      change(file, () => fs.rmSync(target, { force: true }));
      return { status: 'accepted', file, title: verdict.title, format: verdict.format };
    },
    removeDocument: async (docId) => {
      const doc = kb.docById.get(docId);
      if (!doc) return undefined;
      const source = corpusFileOf(config.corpusDir, doc.sourcePath);
      if (!source || !fs.existsSync(source)) throw createHttpError('DOCUMENT_NOT_FOUND', `${docId}: its file is no longer in the corpus`);
      // Set aside, not deleted, until the index without it serves.
      const aside = stageUpload(config.dataDir, new Uint8Array());
      moveFile(source, aside);
      change(doc.sourcePath, () => moveFile(aside, source), () => fs.rmSync(aside, { force: true }));
      return { status: 'accepted', file: doc.sourcePath, title: doc.title, format: doc.format };
    },
  };
}

/** Runs the ingest CLI: `force` rebuilds from scratch, otherwise a change of a few files is folded in. */
function runIngestProcess(config: IngestConfig, log: (line: string) => void, force: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(INGEST_CLI, force ? ['--force'] : [], {
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
        READ_TIMEOUT_MS: String(config.readTimeoutMs),
        MAX_UNZIPPED_BYTES: String(config.maxUnzippedBytes),
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    child.stdout?.on('data', (d: Buffer) => d.toString().trim().split('\n').forEach((l) => log(l)));
    child.stderr?.on('data', (d: Buffer) => d.toString().trim().split('\n').forEach((l) => log(l)));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(createError('INDEX_WRITE_FAILED', `ingest exited with code ${code}`))));
  });
}
