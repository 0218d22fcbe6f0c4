/**
 * `npm run bench:load`: the real app over HTTP on 127.0.0.1, the dev questions cycled through
 * POST /api/ask by autocannon at 1, 8 and 32 connections. Prints throughput, latency percentiles
 * and failures, and the worst GET /health latency seen while the 32-connection run is going.
 * Builds its index in a temp DATA_DIR from a temp copy of corpus/; every run is bounded in time.
 *
 * autocannon runs in this process (its percentiles come from the 'response' events), so the
 * client shares the event loop with the server: the figures are a lower bound for the server.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadIngestConfig } from '../../ingest/config.js';
import { createServices } from '../../server/services.js';
import { openKnowledgeBase } from '../../server/open-knowledge-base.js';
import { loadQuestions } from '../eval/run-eval.js';
import { startTestServer } from '../web/serve.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CONNECTIONS = [1, 8, 32] as const;
const DURATION_S = 8;
const HEALTH_EVERY_MS = 200;
const HEALTH_TIMEOUT_MS = 5_000;

/** The part of autocannon this script uses (the package ships no types). */
interface AutocannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}
interface AutocannonResult {
  requests: { average: number; total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
}
interface AutocannonInstance {
  on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): void;
  then: Promise<AutocannonResult>['then'];
  stop(): void;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  requests: AutocannonRequest[];
}) => AutocannonInstance;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

interface RunFigures {
  connections: number;
  reqPerSec: number;
  total: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

async function runLoad(url: string, connections: number, requests: AutocannonRequest[]): Promise<RunFigures> {
  const latencies: number[] = [];
  const instance = autocannon({ url, connections, duration: DURATION_S, timeout: 10, requests });
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  // A hard stop in case autocannon does not end on its own.
  const guard = setTimeout(() => instance.stop(), (DURATION_S + 10) * 1000);
  const result = await instance.then((r) => r);
  clearTimeout(guard);
  latencies.sort((a, b) => a - b);
  return {
    connections,
    reqPerSec: result.requests.total / result.duration,
    total: result.requests.total,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** Polls GET /health until `stop` resolves; returns the worst latency and the failures. */
async function pollHealth(url: string, stop: Promise<unknown>): Promise<{ count: number; maxMs: number; failures: number }> {
  let done = false;
  void stop.finally(() => (done = true));
  let count = 0;
  let maxMs = 0;
  let failures = 0;
  const deadline = Date.now() + (DURATION_S + 15) * 1000;
  while (!done && Date.now() < deadline) {
    const started = performance.now();
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) });
      await res.arrayBuffer();
      if (res.status !== 200) failures++;
    } catch {
      failures++;
    }
    maxMs = Math.max(maxMs, performance.now() - started);
    count++;
    await new Promise((r) => setTimeout(r, HEALTH_EVERY_MS));
  }
  return { count, maxMs, failures };
}

async function main(): Promise<void> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-load-'));
  const corpusDir = path.join(base, 'corpus');
  const dataDir = path.join(base, 'data');
  fs.cpSync(path.join(ROOT, 'corpus'), corpusDir, { recursive: true });
  fs.mkdirSync(dataDir);
  const config = loadIngestConfig({ CORPUS_DIR: corpusDir, DATA_DIR: dataDir, EMBEDDER: 'builtin' });
  const kb = await openKnowledgeBase(config);
  const services = createServices(kb, config, { log: () => {} });
  const server = await startTestServer(services, { rateLimitPerMinute: 0 });
  try {
    const requests = loadQuestions(path.join(ROOT, 'test/eval/dev.jsonl')).map((q) => ({
      method: 'POST',
      path: '/api/ask',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: q.question }),
    }));
    console.log(`server ${server.url}; ${requests.length} dev questions cycled through POST /api/ask, ${DURATION_S} s per run\n`);
    const rows: RunFigures[] = [];
    let health = { count: 0, maxMs: 0, failures: 0 };
    for (const connections of CONNECTIONS) {
      const run = runLoad(server.url, connections, requests);
      if (connections === 32) [, health] = await Promise.all([run, pollHealth(server.url, run)]);
      rows.push(await run);
    }
    const header = ['conns', 'req/s', 'total', 'p50 ms', 'p95 ms', 'p99 ms', 'non-2xx', 'errors'];
    console.log(header.map((h) => h.padStart(8)).join(' '));
    for (const r of rows) {
      const cells = [r.connections, r.reqPerSec.toFixed(1), r.total, r.p50.toFixed(0), r.p95.toFixed(0), r.p99.toFixed(0), r.non2xx, r.errors];
      console.log(cells.map((c) => String(c).padStart(8)).join(' '));
    }
    console.log(`\nGET /health during the 32-connection run: ${health.count} polls, max ${health.maxMs.toFixed(1)} ms, ${health.failures} failed`);
  } finally {
    await server.close();
    fs.rmSync(base, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`[bench:load] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
