/**
 * One answer worker thread: opens the index the server serves (never builds it), then answers
 * the pool's calls in its own event loop, so that answering never holds up the server's thread.
 * Started through answer-worker.mjs, which registers tsx first.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createError } from '../ingest/errors.js';
import { answerQuestion } from './answer/answer-question.js';
import { serializeError, type AnswerWorkerData, type WorkerMessage, type WorkerRequest } from './answer-worker-protocol.js';
import { openKnowledgeBase } from './open-knowledge-base.js';
import type { KnowledgeBase } from './retrieve/knowledge-base.js';
import { buildBrief } from './services/brief.js';
import { searchKnowledgeBase } from './services/search.js';

const port = parentPort;
if (!port) throw createError('ANSWER_WORKER_FAILED', 'answer-worker.ts runs only as a worker thread of server/answer-pool.ts');
const { config } = workerData as AnswerWorkerData;

// A failure here is an uncaught error: the pool sees it as the worker's 'error' and exit.
let kb: KnowledgeBase = await openKnowledgeBase(config, { build: false });

/** Each call reads `kb` once at its start, so a reload never changes the index under it. */
async function serve(call: WorkerRequest): Promise<unknown> {
  switch (call.kind) {
    case 'ask':
      return answerQuestion(kb, call.request);
    case 'search':
      return searchKnowledgeBase(kb, call.query, call.k, call.documents);
    case 'brief':
      return buildBrief(kb, call.request);
    case 'reload':
      kb = await openKnowledgeBase(config, { build: false });
      return { folder: kb.index.folder };
  }
}

const post = (message: WorkerMessage) => port.postMessage(message);

port.on('message', (call: WorkerRequest) => {
  serve(call).then(
    (value) => post({ type: 'reply', id: call.id, ok: true, value }),
    (error: unknown) => post({ type: 'reply', id: call.id, ok: false, error: serializeError(error) }),
  );
});
post({ type: 'ready', folder: kb.index.folder });
