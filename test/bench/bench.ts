/**
 * `npm run bench`: ingest time and peak memory of the bundled corpus (built-in embedder, --force,
 * in a child process), then in-process answer latency over the dev questions; then the same for a
 * library (corpus/ and the provincial reports): from scratch, one report added, answering. Prints
 * one table with the targets beside the figures. Works on temp copies: never touches the repository's .data.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadIngestConfig } from '../../ingest/config.js';
import { answerQuestion } from '../../server/answer/answer-question.js';
import { openKnowledgeBase } from '../../server/open-knowledge-base.js';
import { loadQuestions } from '../eval/questions.js';
import { copyCorpus, copyLibrary, PROVINCIAL_REPORTS_DIR, ROOT } from '../fixtures/scratch-corpus.js';

const GNU_TIME = '/usr/bin/time';
const REPEATS = 5;
const CHILD_TIMEOUT_MS = 120_000;
const TARGETS = { ingestMs: 5_000, ingestMb: 300, p50Ms: 20 };
/** The library's targets (issue #11): from scratch, one report added, and answering. */
const LIBRARY_TARGETS = { ingestMs: 15_000, ingestMb: 600, addMs: 3_000, p50Ms: 3 };
/** The report left out of the library's first build, then added to it. */
const ADDED_REPORT = 'yunnan-2026-gov-work-report.txt';

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
async function ingestWithGnuTime(env: NodeJS.ProcessEnv, force = true): Promise<IngestFigures> {
  const started = performance.now();
  const r = await run(GNU_TIME, ['-v', process.execPath, '--import', 'tsx', 'ingest/cli.ts', ...(force ? ['--force'] : [])], env);
  const wallMs = performance.now() - started;
  if (r.code !== 0) throw new Error(`ingest failed (${r.code}): ${r.stdout}\n${r.stderr}`);
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1];
  if (!kb) throw new Error(`no peak RSS in the output of ${GNU_TIME}`);
  return { wallMs, peakRssMb: Number(kb) / 1024, method: `${GNU_TIME} -v node ingest/cli.ts --force` };
}

/** Fallback: a child runs ensureIndex and prints its own maxRSS (kilobytes on Linux) as JSON. */
async function ingestWithResourceUsage(env: NodeJS.ProcessEnv, force = true): Promise<IngestFigures> {
  const script = [
    `import { loadIngestConfig } from ${JSON.stringify(path.join(ROOT, 'ingest/config.ts'))};`,
    `import { ensureIndex } from ${JSON.stringify(path.join(ROOT, 'ingest/build-index.ts'))};`,
    `await ensureIndex(loadIngestConfig(), { force: ${force} });`,
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

function ingest(env: NodeJS.ProcessEnv, force = true): Promise<IngestFigures> {
  return fs.existsSync(GNU_TIME) ? ingestWithGnuTime(env, force) : ingestWithResourceUsage(env, force);
}

/** In-process answer latencies of `questions`, after one warm-up pass. */
async function answerLatencies(kb: Awaited<ReturnType<typeof openKnowledgeBase>>, questions: string[]): Promise<{ sorted: number[]; elapsedS: number }> {
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
  return { sorted: latencies.sort((a, b) => a - b), elapsedS: (performance.now() - started) / 1000 };
}

/** The library: built from scratch without one report, that report added, then answering. */
async function libraryRows(): Promise<Row[]> {
  const scratch = copyLibrary('bench-library-', [ADDED_REPORT]);
  fs.mkdirSync(scratch.dataDir);
  try {
    const env = { ...process.env, CORPUS_DIR: scratch.corpusDir, DATA_DIR: scratch.dataDir, EMBEDDER: 'builtin' };
    const full = await ingest(env);
    fs.copyFileSync(path.join(PROVINCIAL_REPORTS_DIR, ADDED_REPORT), path.join(scratch.corpusDir, ADDED_REPORT));
    const added = await ingest(env, false);
    const kb = await openKnowledgeBase(loadIngestConfig(env), { build: false });
    const questions = ['test/eval/dev.jsonl', 'test/eval/library/regions.jsonl'].flatMap((set) => loadQuestions(path.join(ROOT, set))).map((q) => q.question);
    const { sorted } = await answerLatencies(kb, questions);
    const docs = kb.index.docs.length;
    const p50 = percentile(sorted, 50);
    const t = LIBRARY_TARGETS;
    return [
      { metric: `library (${docs} reports): ingest from scratch`, value: `${(full.wallMs / 1000).toFixed(2)} s`, target: `≤ ${t.ingestMs / 1000} s`, ok: full.wallMs <= t.ingestMs },
      { metric: 'library: ingest peak RSS', value: `${full.peakRssMb.toFixed(0)} MB`, target: `≤ ${t.ingestMb} MB`, ok: full.peakRssMb <= t.ingestMb },
      { metric: 'library: one report added', value: `${(added.wallMs / 1000).toFixed(2)} s`, target: `≤ ${t.addMs / 1000} s`, ok: added.wallMs <= t.addMs },
      { metric: 'library: one report added (buildMs)', value: `${(kb.index.manifest.buildMs / 1000).toFixed(2)} s`, target: '(no process start)', ok: null },
      { metric: 'library: answer latency p50', value: `${p50.toFixed(2)} ms`, target: `≤ ${t.p50Ms} ms`, ok: p50 <= t.p50Ms },
      { metric: 'library: answer latency p95', value: `${percentile(sorted, 95).toFixed(2)} ms`, target: `(${questions.length} questions x ${REPEATS})`, ok: null },
    ];
  } finally {
    scratch.remove();
  }
}

async function main(): Promise<void> {
  const { corpusDir, dataDir, remove } = copyCorpus('bench-');
  fs.mkdirSync(dataDir);
  try {
    const env = { ...process.env, CORPUS_DIR: corpusDir, DATA_DIR: dataDir, EMBEDDER: 'builtin' };
    const single = await ingest(env);

    const config = loadIngestConfig(env);
    const kb = await openKnowledgeBase(config, { build: false });
    const questions = loadQuestions(path.join(ROOT, 'test/eval/dev.jsonl')).map((q) => q.question);
    const { sorted: latencies, elapsedS } = await answerLatencies(kb, questions);
    const p50 = percentile(latencies, 50);
    const p95 = percentile(latencies, 95);

    console.log(`corpus ${path.basename(corpusDir)} copy of corpus/, data in ${dataDir}`);
    console.log(`ingest measured with: ${single.method}`);
    console.log(`queries: ${questions.length} dev questions x ${REPEATS} after one warm-up pass = ${latencies.length}\n`);
    printTable([
      { metric: 'ingest wall time', value: `${(single.wallMs / 1000).toFixed(2)} s`, target: `< ${TARGETS.ingestMs / 1000} s`, ok: single.wallMs < TARGETS.ingestMs },
      { metric: 'ingest build (manifest buildMs)', value: `${(kb.index.manifest.buildMs / 1000).toFixed(2)} s`, target: '(no process start)', ok: null },
      { metric: 'ingest peak RSS', value: `${single.peakRssMb.toFixed(0)} MB`, target: `< ${TARGETS.ingestMb} MB`, ok: single.peakRssMb < TARGETS.ingestMb },
      { metric: 'query latency p50', value: `${p50.toFixed(2)} ms`, target: `< ${TARGETS.p50Ms} ms`, ok: p50 < TARGETS.p50Ms },
      { metric: 'query latency p95', value: `${p95.toFixed(2)} ms`, target: '', ok: null },
      { metric: 'query latency max', value: `${latencies[latencies.length - 1]!.toFixed(2)} ms`, target: '', ok: null },
      { metric: 'queries per second', value: `${(latencies.length / elapsedS).toFixed(1)}`, target: '(1 sequential caller)', ok: null },
      ...(await libraryRows()),
    ]);
  } finally {
    remove();
  }
}

main().catch((error: unknown) => {
  console.error(`[bench] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
