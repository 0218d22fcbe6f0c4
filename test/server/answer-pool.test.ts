/**
 * The answer pool against the real index: worker threads answer exactly what the in-process code
 * answers; a worker that dies fails its calls in flight with ANSWER_WORKER_FAILED (never a hang)
 * and is restarted; a missing index is reported, not waited for; close() lets calls finish.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureIndex } from '../../ingest/build-index.js';
import { loadIngestConfig, type IngestConfig } from '../../ingest/config.js';
import { answerQuestion } from '../../server/answer/answer-question.js';
import { createAnswerPool, type AnswerPool } from '../../server/answer-pool.js';
import type { AnswerResponse } from '../../server/contract.js';
import { openKnowledgeBase } from '../../server/open-knowledge-base.js';
import type { KnowledgeBase } from '../../server/retrieve/knowledge-base.js';
import { searchKnowledgeBase } from '../../server/services/search.js';
import { copyCorpus, type ScratchCorpus } from '../fixtures/scratch-corpus.js';

const QUESTIONS = ['固定资产投资累计完成多少？', 'What is the R&D intensity?', '两年半里一共完成了几项民生实事工程？'];
const CALLS_BEFORE_CRASH = 20;

let scratch: ScratchCorpus | undefined;
let config: IngestConfig;
let kb: KnowledgeBase;
const pools: AnswerPool[] = [];
const logLines: string[] = [];

/** A pool that afterAll closes, whatever the test did with it. */
function startPool(size: number, poolConfig: IngestConfig = config): AnswerPool {
  const pool = createAnswerPool(poolConfig, { size, log: (l) => logLines.push(l) });
  pools.push(pool);
  return pool;
}

/** The answer without its timings, which differ from run to run. */
const withoutTimings = ({ timings: _timings, ...rest }: AnswerResponse) => rest;

beforeAll(async () => {
  scratch = copyCorpus('answer-pool-');
  config = loadIngestConfig({ CORPUS_DIR: scratch.corpusDir, DATA_DIR: scratch.dataDir, EMBEDDER: 'builtin' });
  await ensureIndex(config);
  kb = await openKnowledgeBase(config, { build: false });
});

afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
  scratch?.remove();
});

describe('answer pool', () => {
  it('answers and searches exactly as the in-process code does', async () => {
    const pool = startPool(2);
    await pool.ready();
    for (const question of QUESTIONS) {
      const [pooled, inProcess] = await Promise.all([pool.ask({ question }), answerQuestion(kb, { question })]);
      expect(withoutTimings(pooled)).toEqual(withoutTimings(inProcess));
      expect(await pool.search(question, 5)).toEqual(await searchKnowledgeBase(kb, question, 5));
    }
  });

  it('fails the calls in flight of a worker that dies, then answers again from its replacement', async () => {
    const pool = startPool(1);
    await pool.ready();
    const calls = Array.from({ length: CALLS_BEFORE_CRASH }, (_, i) => pool.ask({ question: QUESTIONS[i % QUESTIONS.length]! }));
    await pool.stopWorker(0);
    const outcomes = await Promise.allSettled(calls);

    const failures = outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason as unknown);
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) expect(failure).toMatchObject({ code: 'ANSWER_WORKER_FAILED' });
    expect(logLines.some((l) => l.includes('answer worker 0 stopped'))).toBe(true);

    const again = await pool.ask({ question: QUESTIONS[0]! });
    expect(again.answerable).toBe(true);
  });

  it('reports a missing index to ready() and to the calls waiting, instead of hanging', async () => {
    const empty = { ...config, dataDir: path.join(scratch!.base, 'no-index-here') };
    const pool = startPool(1, empty);
    const waiting = pool.ask({ question: QUESTIONS[0]! });
    await expect(pool.ready()).rejects.toMatchObject({ code: 'INDEX_MISSING' });
    await expect(waiting).rejects.toMatchObject({ code: 'INDEX_MISSING' });
    await pool.close();
  });

  it('lets calls in flight finish on close, and refuses calls after it', async () => {
    const pool = startPool(1);
    await pool.ready();
    const inFlight = pool.ask({ question: QUESTIONS[0]! });
    await pool.close();
    expect((await inFlight).answerable).toBe(true);
    await expect(pool.ask({ question: QUESTIONS[0]! })).rejects.toMatchObject({ code: 'ANSWER_WORKER_FAILED' });
  });
});
