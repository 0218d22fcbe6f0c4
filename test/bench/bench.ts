/**
 * `npm run bench`: ingest time and peak memory of the bundled corpus (built-in embedder, --force,
 * in a child process), then in-process answer latency over the dev questions. Prints one table
 * with the targets beside the figures. Works on temp copies: never touches the repository's .data.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadIngestConfig } from '../../ingest/config.js';
import { answerQuestion } from '../../server/answer/answer-question.js';
import { openKnowledgeBase } from '../../server/open-knowledge-base.js';
import { loadQuestions } from '../eval/questions.js';
import { copyCorpus, ROOT } from '../fixtures/scratch-corpus.js';

const GNU_TIME = '/usr/bin/time';
const REPEATS = 5;
const CHILD_TIMEOUT_MS = 120_000;
const TARGETS = { ingestMs: 5_000, ingestMb: 300, p50Ms: 20 };

interface IngestFigures {
  wallMs: number;
  peakRssMb: number;
  method: string;
}

interface Row {
  metric: string;
  value: string;
  target: string;
  ok: boolean | null;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Peak memory from GNU time's "Maximum resident set size (kbytes)", when /usr/bin/time exists. */
async function ingestWithGnuTime(env: NodeJS.ProcessEnv): Promise<IngestFigures> {
  const started = performance.now();
  const r = await run(GNU_TIME, ['-v', process.execPath, '--import', 'tsx', 'ingest/cli.ts', '--force'], env);
  const wallMs = performance.now() - started;
  if (r.code !== 0) throw new Error(`ingest failed (${r.code}): ${r.stdout}\n${r.stderr}`);
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1];
  if (!kb) throw new Error(`no peak RSS in the output of ${GNU_TIME}`);
  return { wallMs, peakRssMb: Number(kb) / 1024, method: `${GNU_TIME} -v node ingest/cli.ts --force` };
}

/** Fallback: a child runs ensureIndex and prints its own maxRSS (kilobytes on Linux) as JSON. */
async function ingestWithResourceUsage(env: NodeJS.ProcessEnv): Promise<IngestFigures> {
  const script = [
    `import { loadIngestConfig } from ${JSON.stringify(path.join(ROOT, 'ingest/config.ts'))};`,
    `import { ensureIndex } from ${JSON.stringify(path.join(ROOT, 'ingest/build-index.ts'))};`,
    'await ensureIndex(loadIngestConfig(), { force: true });',
    'console.log(JSON.stringify({ maxRSS: process.resourceUsage().maxRSS }));',
  ].join('\n');
  const started = performance.now();
  const r = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], env);
  const wallMs = performance.now() - started;
  if (r.code !== 0) throw new Error(`ingest failed (${r.code}): ${r.stderr}`);
  const line = r.stdout.trim().split('\n').pop() ?? '{}';
  const { maxRSS } = JSON.parse(line) as { maxRSS: number };
  return { wallMs, peakRssMb: maxRSS / 1024, method: 'child ensureIndex + process.resourceUsage().maxRSS' };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

function printTable(rows: Row[]): void {
  const w0 = Math.max(...rows.map((r) => r.metric.length), 6);
  const w1 = Math.max(...rows.map((r) => r.value.length), 5);
  const w2 = Math.max(...rows.map((r) => r.target.length), 6);
  const line = (a: string, b: string, c: string, d: string) => `${a.padEnd(w0)}  ${b.padStart(w1)}  ${c.padEnd(w2)}  ${d}`;
  console.log(line('metric', 'value', 'target', ''));
  console.log('-'.repeat(w0 + w1 + w2 + 10));
  for (const r of rows) console.log(line(r.metric, r.value, r.target, r.ok === null ? '' : r.ok ? 'ok' : 'MISS'));
}

async function main(): Promise<void> {
  const { corpusDir, dataDir, remove } = copyCorpus('bench-');
  fs.mkdirSync(dataDir);
  try {
    const env = { ...process.env, CORPUS_DIR: corpusDir, DATA_DIR: dataDir, EMBEDDER: 'builtin' };
    const ingest = fs.existsSync(GNU_TIME) ? await ingestWithGnuTime(env) : await ingestWithResourceUsage(env);

    const config = loadIngestConfig(env);
    const kb = await openKnowledgeBase(config, { build: false });
    const questions = loadQuestions(path.join(ROOT, 'test/eval/dev.jsonl')).map((q) => q.question);
    for (const question of questions) await answerQuestion(kb, { question });
    const latencies: number[] = [];
    const started = performance.now();
    for (let round = 0; round < REPEATS; round++) {
      for (const question of questions) {
        const t = performance.now();
        await answerQuestion(kb, { question });
        latencies.push(performance.now() - t);
      }
    }
    const elapsedS = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const p50 = percentile(latencies, 50);
    const p95 = percentile(latencies, 95);

    console.log(`corpus ${path.basename(corpusDir)} copy of corpus/, data in ${dataDir}`);
    console.log(`ingest measured with: ${ingest.method}`);
    console.log(`queries: ${questions.length} dev questions x ${REPEATS} after one warm-up pass = ${latencies.length}\n`);
    printTable([
      { metric: 'ingest wall time', value: `${(ingest.wallMs / 1000).toFixed(2)} s`, target: `< ${TARGETS.ingestMs / 1000} s`, ok: ingest.wallMs < TARGETS.ingestMs },
      { metric: 'ingest build (manifest buildMs)', value: `${(kb.index.manifest.buildMs / 1000).toFixed(2)} s`, target: '(no process start)', ok: null },
      { metric: 'ingest peak RSS', value: `${ingest.peakRssMb.toFixed(0)} MB`, target: `< ${TARGETS.ingestMb} MB`, ok: ingest.peakRssMb < TARGETS.ingestMb },
      { metric: 'query latency p50', value: `${p50.toFixed(2)} ms`, target: `< ${TARGETS.p50Ms} ms`, ok: p50 < TARGETS.p50Ms },
      { metric: 'query latency p95', value: `${p95.toFixed(2)} ms`, target: '', ok: null },
      { metric: 'query latency max', value: `${latencies[latencies.length - 1]!.toFixed(2)} ms`, target: '', ok: null },
      { metric: 'queries per second', value: `${(latencies.length / elapsedS).toFixed(1)}`, target: '(1 sequential caller)', ok: null },
    ]);
  } finally {
    remove();
  }
}

main().catch((error: unknown) => {
  console.error(`[bench] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
