/**
 * The real server (`server/main.ts` with answer workers, in its own process) under a burst of
 * concurrent POST /api/ask: every ask succeeds, and GET /health keeps answering at once because
 * answering happens in worker threads, not on the event loop that serves the health check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyCorpus, type ScratchCorpus } from '../fixtures/scratch-corpus.js';
import { spawnServer, type ServerProcess } from '../web/spawn-server.js';

const QUESTIONS = ['固定资产投资累计完成多少？', '两年半里一共完成了几项民生实事工程？', 'What is the R&D intensity?', '研发投入强度是多少？'];
const CLIENTS = 8;
const BURST_MS = 3_000;
const HEALTH_EVERY_MS = 50;
/** Far above a free event loop's few ms, far below the seconds health waited behind answering. */
const MAX_HEALTH_MS = 500;
const REQUEST_TIMEOUT_MS = 10_000;

let scratch: ScratchCorpus | undefined;
let server: ServerProcess | undefined;

beforeAll(async () => {
  scratch = copyCorpus('health-under-load-');
  // The server builds its index in the empty DATA_DIR on start, once.
  server = await spawnServer({
    CORPUS_DIR: scratch.corpusDir,
    DATA_DIR: scratch.dataDir,
    EMBEDDER: 'builtin',
    ANSWER_WORKERS: '2',
    RATE_LIMIT_PER_MINUTE: '0',
    API_TOKEN: '',
  });
});

afterAll(async () => {
  await server?.stop();
  scratch?.remove();
});

/** One POST /api/ask; null when it answered 200 with an answer, else what went wrong. */
async function ask(url: string, question: string): Promise<string | null> {
  try {
    const res = await fetch(`${url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = (await res.json()) as { answer?: unknown };
    return res.status === 200 && typeof body.answer === 'string' ? null : `${res.status} ${JSON.stringify(body).slice(0, 200)}`;
  } catch (error) {
    return String(error);
  }
}

/** Polls GET /health until `until` (a Date.now() time); the latency of each poll, or failures. */
async function pollHealth(url: string, until: number): Promise<{ latencies: number[]; failures: string[] }> {
  const latencies: number[] = [];
  const failures: string[] = [];
  while (Date.now() < until) {
    const started = performance.now();
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      await res.arrayBuffer();
      if (res.status !== 200) failures.push(`status ${res.status}`);
    } catch (error) {
      failures.push(String(error));
    }
    latencies.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, HEALTH_EVERY_MS));
  }
  return { latencies, failures };
}

describe('health under load', () => {
  it(`answers /health quickly while ${CLIENTS} clients keep asking`, async () => {
    const url = server!.url;
    const until = Date.now() + BURST_MS;
    let asked = 0;
    const askFailures: string[] = [];
    const client = async (offset: number) => {
      for (let i = offset; Date.now() < until; i++) {
        const failure = await ask(url, QUESTIONS[i % QUESTIONS.length]!);
        asked++;
        if (failure) askFailures.push(failure);
      }
    };
    const [health] = await Promise.all([pollHealth(url, until), ...Array.from({ length: CLIENTS }, (_, i) => client(i))]);

    expect(askFailures).toEqual([]);
    expect(asked).toBeGreaterThan(CLIENTS);
    expect(health.failures).toEqual([]);
    expect(health.latencies.length).toBeGreaterThan(10);
    expect(Math.max(...health.latencies), server!.output().slice(-2000)).toBeLessThan(MAX_HEALTH_MS);
  });
});
