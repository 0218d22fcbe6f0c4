/**
 * One answer worker thread as the pool sees it: started with the index settings, calls matched to
 * their replies by id, and every call in flight failed (never left hanging) when the thread exits.
 */
import { Worker } from 'node:worker_threads';
import type { IngestConfig } from '../ingest/config.js';
import { createError } from '../ingest/errors.js';
import {
  deserializeError,
  serializeError,
  type AnswerWorkerData,
  type CallKind,
  type WorkerCalls,
  type WorkerMessage,
  type WorkerRequest,
} from './answer-worker-protocol.js';

const WORKER_ENTRY = new URL('./answer-worker.mjs', import.meta.url);

export interface AnswerWorkerThread {
  readonly slot: number;
  /** Resolves when the worker has opened its first index; rejects when it exits before. */
  readonly started: Promise<void>;
  readonly hasStarted: boolean;
  readonly exited: boolean;
  /** Opening an index (at start or on reload): the pool sends calls elsewhere if it can. */
  loading: boolean;
  readonly inFlight: number;
  /** The uncaught error that ended the worker, if any. */
  readonly lastError: Error | undefined;
  call<K extends CallKind>(kind: K, args: WorkerCalls[K]['args']): Promise<WorkerCalls[K]['result']>;
  /** Resolves once no call is in flight. */
  idle(): Promise<void>;
  terminate(): Promise<void>;
}

export interface AnswerWorkerThreadOptions {
  config: IngestConfig;
  /** The thread's place in the pool, for log lines. */
  slot: number;
  log: (line: string) => void;
  /** Called once the thread has exited and its calls in flight have failed. */
  onExit: (thread: AnswerWorkerThread, code: number) => void;
}

interface PendingCall {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** Starts a worker that opens the index of `config.dataDir` (it never builds one). */
export function startAnswerWorker(options: AnswerWorkerThreadOptions): AnswerWorkerThread {
  const { slot, log } = options;
  const worker = new Worker(WORKER_ENTRY, { workerData: { config: options.config } satisfies AnswerWorkerData, execArgv: [] });
  const pending = new Map<number, PendingCall>();
  const idleWaiters = new Set<() => void>();
  let nextCallId = 1;
  let hasStarted = false;
  let exited = false;
  let lastError: Error | undefined;
  let markStarted = () => {};
  let failStart: (error: Error) => void = () => {};
  const started = new Promise<void>((resolve, reject) => {
    markStarted = resolve;
    failStart = reject;
  });
  // Whoever needs it awaits `started`; a restarted worker's failure is logged, not thrown.
  started.catch(() => {});

  const settle = (id: number, outcome: (call: PendingCall) => void) => {
    const call = pending.get(id);
    if (!call) return;
    pending.delete(id);
    outcome(call);
    if (pending.size > 0) return;
    for (const wake of idleWaiters) wake();
    idleWaiters.clear();
  };

  const thread: AnswerWorkerThread = {
    slot,
    started,
    loading: true,
    get hasStarted() {
      return hasStarted;
    },
    get exited() {
      return exited;
    },
    get inFlight() {
      return pending.size;
    },
    get lastError() {
      return lastError;
    },
    call: (kind, args) => {
      const id = nextCallId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        // Calls posted before the worker has opened its index wait in its message queue.
        worker.postMessage({ id, kind, ...args } as WorkerRequest);
      });
    },
    idle: () => (pending.size === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.add(resolve))),
    terminate: async () => {
      await worker.terminate();
    },
  };

  worker.on('message', (message: WorkerMessage) => {
    if (message.type === 'ready') {
      hasStarted = true;
      thread.loading = false;
      markStarted();
    } else if (message.ok) settle(message.id, (call) => call.resolve(message.value));
    else settle(message.id, (call) => call.reject(deserializeError(message.error)));
  });
  worker.on('error', (error) => {
    // Rebuilt from plain data so that an AppError (e.g. INDEX_MISSING) keeps its code.
    lastError = deserializeError(serializeError(error));
    log(`[server] answer worker ${slot} failed: ${error.message}`);
  });
  worker.on('exit', (code) => {
    exited = true;
    // A worker that never opened its index failed for a reason worth passing on.
    const reason = !hasStarted && lastError ? lastError : createError('ANSWER_WORKER_FAILED', `answer worker ${slot} exited with code ${code}`);
    failStart(reason);
    for (const id of [...pending.keys()]) settle(id, (call) => call.reject(reason));
    options.onExit(thread, code);
  });
  return thread;
}
