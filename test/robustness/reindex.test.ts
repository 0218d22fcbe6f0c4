/**
 * Re-indexing under load: queries keep being answered from the old index while the new one is
 * built in a child process, and a re-index that fails leaves the old index serving. Runs with
 * answering in the test's thread and with a pool of answer workers that reload one by one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIngestConfig, type IngestConfig } from '../../ingest/config.js';
import { createApp } from '../../server/app.js';
import { openKnowledgeBase } from '../../server/open-knowledge-base.js';
import { createServices, type LiveServices } from '../../server/services.js';
import { copyCorpus, type ScratchCorpus } from '../fixtures/scratch-corpus.js';
import { TEST_APP_OPTIONS } from '../server/helpers.js';

const TOKEN = 'test-token';
const AUTH = { Authorization: `Bearer ${TOKEN}` };
const QUESTIONS = ['固定资产投资累计完成多少？', '两年半里一共完成了几项民生实事工程？', 'What is the R&D intensity?', '研发投入强度是多少？'];
const LOOPS = 4;
const MAX_LOAD_MS = 60_000;
/** A re-index takes seconds; far fewer answers than this in that time would mean the server stalled. */
const MIN_QUERIES_DURING_REINDEX = 20;

/**
 * With answer workers, the longest the server's event loop may stall during a re-index (so the
 * longest a health check can wait). About 0.15 s is typical; generous, as other tests share the CPU.
 */
const MAX_LOOP_DELAY_MS_WITH_WORKERS = 1_500;

interface Outcome {
  ok: number;
  failures: string[];
}

async function ask(app: Hono, question: string): Promise<string | null> {
  const res = await app.request('/api/ask', {
    method: 'POST',
    headers: { ...AUTH, 'content-type': 'application/json' },
    body: JSON.stringify({ question }),
  });
  const text = await res.text();
  if (res.status !== 200) return `${res.status} ${text.slice(0, 200)}`;
  const body = JSON.parse(text) as { answer?: unknown; answerable?: unknown };
  if (typeof body.answer !== 'string' || typeof body.answerable !== 'boolean') return `bad answer JSON: ${text.slice(0, 200)}`;
  return null;
}

/** Runs LOOPS sequential askers until `stop` settles or MAX_LOAD_MS passes. */
async function askUntil(app: Hono, stop: Promise<unknown>): Promise<Outcome> {
  let done = false;
  void stop.finally(() => (done = true));
  const deadline = Date.now() + MAX_LOAD_MS;
  const outcome: Outcome = { ok: 0, failures: [] };
  const loop = async (offset: number) => {
    for (let i = offset; !done && Date.now() < deadline; i++) {
      const failure = await ask(app, QUESTIONS[i % QUESTIONS.length]!);
      if (failure) outcome.failures.push(failure);
      else outcome.ok++;
      // Yield to timers and child-process I/O so that the re-index can progress and finish.
      await new Promise((r) => setImmediate(r));
    }
  };
  await Promise.all(Array.from({ length: LOOPS }, (_, i) => loop(i)));
  return outcome;
}

async function health(app: Hono): Promise<{ status: string; passages: number }> {
  const res = await app.request('/health');
  expect(res.status).toBe(200);
  return (await res.json()) as { status: string; passages: number };
}

describe.each([
  { answerWorkers: 0, mode: 'answering in this thread' },
  { answerWorkers: 2, mode: 'answering in 2 worker threads' },
])('re-index under load, $mode', ({ answerWorkers }) => {
  let scratch: ScratchCorpus | undefined;
  let config: IngestConfig;
  let services: LiveServices;
  let app: Hono;
  const logLines: string[] = [];

  beforeAll(async () => {
    scratch = copyCorpus('reindex-');
    // The re-index child reads its settings from process.env (plus CORPUS_DIR and DATA_DIR).
    process.env.EMBEDDER = 'builtin';
    config = loadIngestConfig({ CORPUS_DIR: scratch.corpusDir, DATA_DIR: scratch.dataDir, EMBEDDER: 'builtin' });
    services = createServices(await openKnowledgeBase(config), config, { log: (l) => logLines.push(l), answerWorkers });
    await services.ready();
    app = createApp(services, { ...TEST_APP_OPTIONS, apiToken: TOKEN });
  });

  afterAll(async () => {
    await services?.idle();
    await services?.close();
    scratch?.remove();
  });

  it('answers every query while the index is rebuilt and swapped', async () => {
    const before = services.current();
    const res = await app.request('/api/admin/reindex', { method: 'POST', headers: AUTH });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: 'started' });
    expect((await health(app)).status).toBe('indexing');

    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const outcome = await askUntil(app, services.idle());
    loopDelay.disable();
    await services.idle();

    expect(outcome.failures).toEqual([]);
    expect(outcome.ok).toBeGreaterThanOrEqual(MIN_QUERIES_DURING_REINDEX);
    expect(services.current()).not.toBe(before);
    expect(logLines.some((l) => l.includes('re-index done'))).toBe(true);
    expect((await health(app)).status).toBe('ok');
    if (answerWorkers > 0) {
      // Every worker switched to the folder the server now serves.
      const folder = path.basename(services.current().index.folder);
      for (let slot = 0; slot < answerWorkers; slot++) {
        expect(logLines).toContain(`[server] answer worker ${slot} now serving ${folder}`);
      }
      // Answers are computed elsewhere; what is left here is opening the new index for lookups.
      expect(loopDelay.max / 1e6).toBeLessThan(MAX_LOOP_DELAY_MS_WITH_WORKERS);
    }
  });

  it('keeps serving the previous index when the corpus became empty', async () => {
    const serving = services.current();
    const folder = serving.index.folder;
    for (const file of fs.readdirSync(config.corpusDir)) fs.rmSync(path.join(config.corpusDir, file), { recursive: true });

    const res = await app.request('/api/admin/reindex', { method: 'POST', headers: AUTH });
    expect(res.status).toBe(202);
    await services.idle();

    expect(logLines.some((l) => l.includes('re-index failed'))).toBe(true);
    expect(services.current()).toBe(serving);
    expect(fs.existsSync(folder)).toBe(true);
    const h = await health(app);
    expect(h.status).toBe('ok');
    expect(h.passages).toBe(serving.index.passages.length);
    expect(await ask(app, '固定资产投资累计完成多少？')).toBeNull();
  });
});
