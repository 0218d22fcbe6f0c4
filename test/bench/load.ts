/**
 * `npm run bench:load`: the real server (`server/main.ts`) in its own process on 127.0.0.1, and
 * autocannon in this one cycling the dev questions through POST /api/ask at 1, 8 and 32
 * connections. Prints throughput, latency percentiles and failures per run, the p95 and worst
 * GET /health latency measured during each run, and the server's memory afterwards.
 *
 * The server builds its index in a temp DATA_DIR from a temp copy of corpus/; every run is bounded
 * in time. BENCH_WORKERS=0,2 benchmarks several ANSWER_WORKERS settings one after the other and
 * compares them (default: the server's own default only).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { loadQuestions } from '../eval/questions.js';
import { copyCorpus, copyLibrary, ROOT } from '../fixtures/scratch-corpus.js';
import { spawnServer, type ServerProcess } from '../web/spawn-server.js';

const CONNECTIONS = [1, 8, 32] as const;
const DURATION_S = 8;
/** Fresh workers compile their hot paths on the first answers; this run is not reported. */
const WARMUP_S = 2;
const HEALTH_EVERY_MS = 100;
const HEALTH_TIMEOUT_MS = 5_000;

/** BENCH_WORKERS: comma-separated ANSWER_WORKERS values; unset means the server's default. */
const BenchEnvSchema = z.object({
  BENCH_WORKERS: z
    .string()
    .optional()
    .transform((v) => (v ?? '').split(',').map((s) => s.trim()).filter((s) => s !== ''))
    .pipe(z.array(z.string().regex(/^\d{1,2}$/, 'expected worker counts like 0,2').transform(Number))),
});

/** The part of autocannon this script uses (the package ships no types). */
interface AutocannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}
interface AutocannonResult {
  requests: { total: number };
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

interface HealthFigures {
  polls: number;
  p95: number;
  max: number;
  failures: number;
}

interface RunFigures {
  connections: number;
  reqPerSec: number;
  total: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
  health: HealthFigures;
}

interface ServerFigures {
  label: string;
  rows: RunFigures[];
  memory: { rss: number; peak: number } | null;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

async function runLoad(url: string, connections: number, durationS: number, requests: AutocannonRequest[]) {
  const latencies: number[] = [];
  const instance = autocannon({ url, connections, duration: durationS, timeout: 10, requests });
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  // A hard stop in case autocannon does not end on its own.
  const guard = setTimeout(() => instance.stop(), (durationS + 10) * 1000);
  const result = await instance.then((r) => r);
  clearTimeout(guard);
  latencies.sort((a, b) => a - b);
  return { result, latencies };
}

/** Polls GET /health until `stop` settles (bounded in time); its latency p95 and worst, and failures. */
async function pollHealth(url: string, stop: Promise<unknown>): Promise<HealthFigures> {
  let done = false;
  void stop.finally(() => (done = true));
  const latencies: number[] = [];
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
    latencies.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, HEALTH_EVERY_MS));
  }
  latencies.sort((a, b) => a - b);
  return { polls: latencies.length, p95: percentile(latencies, 95), max: latencies.at(-1) ?? NaN, failures };
}

async function measureRun(url: string, connections: number, requests: AutocannonRequest[]): Promise<RunFigures> {
  const run = runLoad(url, connections, DURATION_S, requests);
  const [{ result, latencies }, health] = await Promise.all([run, pollHealth(url, run)]);
  return {
    connections,
    reqPerSec: result.requests.total / result.duration,
    total: result.requests.total,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    health,
  };
}

/** Starts a server with `workers` (undefined: its default), runs the warm-up and every load level. */
async function benchServer(dirs: { corpusDir: string; dataDir: string }, workers: number | undefined, requests: AutocannonRequest[]): Promise<ServerFigures> {
  const server: ServerProcess = await spawnServer({
    CORPUS_DIR: dirs.corpusDir,
    DATA_DIR: dirs.dataDir,
    EMBEDDER: 'builtin',
    RATE_LIMIT_PER_MINUTE: '0',
    API_TOKEN: '',
    ...(workers !== undefined ? { ANSWER_WORKERS: String(workers) } : {}),
  });
  try {
    const mode = /answering (in \d+ worker thread\(s\)|in the main thread)/.exec(server.output())?.[1] ?? '?';
    const label = `ANSWER_WORKERS=${workers ?? 'default'} (${mode})`;
    console.log(`server pid ${server.pid} at ${server.url}, ${label}`);
    await runLoad(server.url, 8, WARMUP_S, requests);
    const rows: RunFigures[] = [];
    for (const connections of CONNECTIONS) rows.push(await measureRun(server.url, connections, requests));
    return { label, rows, memory: server.memoryMb() };
  } finally {
    await server.stop();
  }
}

function printTable(figures: ServerFigures): void {
  const header = ['conns', 'req/s', 'total', 'p50 ms', 'p95 ms', 'p99 ms', 'non-2xx', 'errors', 'health p95', 'health max', 'health fail'];
  console.log(header.map((h) => h.padStart(9)).join(' '));
  for (const r of figures.rows) {
    const cells = [r.connections, r.reqPerSec.toFixed(1), r.total, r.p50.toFixed(0), r.p95.toFixed(0), r.p99.toFixed(0), r.non2xx, r.errors, r.health.p95.toFixed(1), r.health.max.toFixed(1), `${r.health.failures}/${r.health.polls}`];
    console.log(cells.map((c) => String(c).padStart(9)).join(' '));
  }
  const memory = figures.memory ? `RSS ${figures.memory.rss.toFixed(0)} MB, peak ${figures.memory.peak.toFixed(0)} MB` : 'not available on this system';
  console.log(`server memory after the runs: ${memory}\n`);
}

function printComparison(all: ServerFigures[]): void {
  console.log('comparison (p95 ms / req/s / worst health ms):');
  for (const figures of all) {
    const cells = figures.rows.map((r) => `${r.connections} conns ${r.p95.toFixed(0)} / ${r.reqPerSec.toFixed(0)} / ${r.health.max.toFixed(0)}`);
    console.log(`  ${figures.label.padEnd(42)} ${cells.join('   ')}`);
  }
}

async function main(): Promise<void> {
  const env = BenchEnvSchema.safeParse(process.env);
  if (!env.success) throw new Error(`BENCH_WORKERS: ${env.error.issues[0]?.message}`);
  const settings: Array<number | undefined> = env.data.BENCH_WORKERS.length ? env.data.BENCH_WORKERS : [undefined];
  // Ctrl-C or kill: exit through 'exit', where spawnServer kills the server child.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(1));

  // BENCH_LIBRARY=1: the library of corpus/ and the provincial reports, asked the dev and the library questions.
  const library = process.env.BENCH_LIBRARY === '1';
  const scratch = library ? copyLibrary('bench-load-') : copyCorpus('bench-load-');
  try {
    const sets = library ? ['test/eval/dev.jsonl', 'test/eval/library/regions.jsonl'] : ['test/eval/dev.jsonl'];
    const requests = sets.flatMap((set) => loadQuestions(path.join(ROOT, set))).map((q) => ({
      method: 'POST',
      path: '/api/ask',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: q.question }),
    }));
    console.log(`${library ? `library of ${fs.readdirSync(scratch.corpusDir).length} reports; ` : ''}${requests.length} questions cycled through POST /api/ask; ${WARMUP_S} s warm-up, then ${DURATION_S} s per run; ${os.availableParallelism()} cores\n`);
    const all: ServerFigures[] = [];
    for (const workers of settings) {
      // The first server builds the index; the next ones find it up to date.
      const figures = await benchServer(scratch, workers, requests);
      printTable(figures);
      all.push(figures);
    }
    if (all.length > 1) printComparison(all);
  } finally {
    scratch.remove();
  }
}

main().catch((error: unknown) => {
  console.error(`[bench:load] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
