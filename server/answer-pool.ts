/**
 * A pool of answer worker threads (server/answer-worker.ts), each holding its own copy of the
 * knowledge base. Calls go to the least busy worker; a worker that dies fails its calls in flight
 * with ANSWER_WORKER_FAILED and is started again; a reload swaps the index one worker at a time.
 */
import path from 'node:path';
import type { IngestConfig } from '../ingest/config.js';
import { createError } from '../ingest/errors.js';
import type { CallKind, WorkerCalls } from './answer-worker-protocol.js';
import { startAnswerWorker, type AnswerWorkerThread } from './answer-worker-thread.js';
import type { Answerer } from './answerer.js';
import type { KnowledgeBase } from './retrieve/knowledge-base.js';

/** A worker that failed while opening the index waits this long before the next attempt. */
const RESTART_DELAY_MS = 1_000;
/** close() waits at most this long for calls in flight before it stops the threads. */
const CLOSE_GRACE_MS = 10_000;

export interface AnswerPoolOptions {
  /** Number of worker threads, at least 1. */
  size: number;
  log?: (line: string) => void;
}

export interface AnswerPool extends Answerer {
  readonly size: number;
  /** Terminates worker `slot` as a crash would (its calls fail, it restarts). For tests and operators. */
  stopWorker(slot: number): Promise<void>;
}

/**
 * Starts `size` workers on the index in `config.dataDir` (which must exist: workers never build).
 *
 * @example
 * const pool = createAnswerPool(config, { size: 2 });
 * await pool.ready();
 * const answer = await pool.ask({ question: '研发投入强度是多少？' });
 * await pool.close();
 */
export function createAnswerPool(config: IngestConfig, options: AnswerPoolOptions): AnswerPool {
  const log = options.log ?? ((line: string) => console.log(line));
  let closing = false;
  const restartTimers = new Set<NodeJS.Timeout>();

  const start = (slot: number): AnswerWorkerThread => startAnswerWorker({ config, slot, log, onExit: restart });

  function restart(thread: AnswerWorkerThread, code: number): void {
    if (closing) return;
    if (thread.hasStarted) {
      // A crash: the replacement takes calls at once (they wait in its queue while it opens the index).
      log(`[server] answer worker ${thread.slot} stopped (exit code ${code}); restarting`);
      threads[thread.slot] = start(thread.slot);
      return;
    }
    // It could not even open the index: calls fail with that reason until the next attempt.
    log(`[server] answer worker ${thread.slot} stopped (exit code ${code}); restarting in ${RESTART_DELAY_MS} ms`);
    const timer = setTimeout(() => {
      restartTimers.delete(timer);
      if (!closing) threads[thread.slot] = start(thread.slot);
    }, RESTART_DELAY_MS);
    restartTimers.add(timer);
  }

  const threads: AnswerWorkerThread[] = Array.from({ length: Math.max(1, options.size) }, (_, slot) => start(slot));

  /** The least busy live worker, preferring those not busy opening an index. */
  const pickThread = (): AnswerWorkerThread | undefined => {
    const load = (t: AnswerWorkerThread) => (t.loading ? 1_000_000 : 0) + t.inFlight;
    return threads.filter((t) => !t.exited).sort((a, b) => load(a) - load(b))[0];
  };

  const dispatch = async <K extends CallKind>(kind: K, args: WorkerCalls[K]['args']): Promise<WorkerCalls[K]['result']> => {
    if (closing) throw createError('ANSWER_WORKER_FAILED', 'the server is shutting down');
    const thread = pickThread();
    if (!thread) throw threads.find((t) => t.lastError)?.lastError ?? createError('ANSWER_WORKER_FAILED', 'no answer worker is running');
    return thread.call(kind, args);
  };

  /** One worker switches to the new index; on failure it is restarted, which opens CURRENT afresh. */
  const reloadThread = async (slot: number, folder: string): Promise<void> => {
    const thread = threads[slot]!;
    if (thread.exited) return; // its replacement opens the current index when it starts
    thread.loading = true;
    try {
      const reloaded = await thread.call('reload', {});
      if (reloaded.folder === folder) log(`[server] answer worker ${slot} now serving ${path.basename(folder)}`);
      // Only an ingest run outside this server can publish another index in between.
      else log(`[server] answer worker ${slot} opened ${reloaded.folder}, the server ${folder}`);
    } catch (error) {
      if (thread.exited) return;
      log(`[server] answer worker ${slot} could not reload (${(error as Error).message}); restarting it`);
      await thread.terminate();
    } finally {
      thread.loading = false;
    }
  };

  return {
    size: threads.length,
    ask: (request) => dispatch('ask', { request }),
    search: (query, k, documents) => dispatch('search', { query, k, ...(documents ? { documents } : {}) }),
    brief: (request) => dispatch('brief', { request }),
    reload: async (next: KnowledgeBase) => {
      // One at a time, so that the other workers keep answering while one opens the new index.
      for (let slot = 0; slot < threads.length; slot++) await reloadThread(slot, next.index.folder);
    },
    ready: async () => {
      await Promise.all(threads.map((t) => t.started));
    },
    stopWorker: async (slot) => {
      await threads[slot]?.terminate();
    },
    close: async () => {
      if (closing) return;
      closing = true;
      for (const timer of restartTimers) clearTimeout(timer);
      restartTimers.clear();
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS)));
      await Promise.race([Promise.all(threads.map((t) => t.idle())), grace]);
      clearTimeout(timer);
      await Promise.all(threads.map((t) => t.terminate()));
    },
  };
}
