/**
 * `npm run eval [-- file.jsonl] [--url http://127.0.0.1:3000] [--verbose]`: scores a question set
 * against the in-process answerer (default) or a running server, and prints the figures.
 * `npm run eval -- --reports DIR [--sets DIR]`: ingests each report of DIR alone and scores the set
 * named after it (`report-sets.ts`), printing each report's figures, then the pooled ones.
 * `npm run eval -- --library DIR[,DIR] [--sets DIR]`: the folders' files as one library, scored on
 * the sets of DIR (default test/eval/library), region-naming questions and comparisons.
 * `npm run eval -- --cv [--sets DIR]`: leave-one-report-out figures of the answer model
 * (`test/train/cross-validate.ts`); with `--sets`, each held-out report is scored on its set in DIR;
 * `--verbose` prints the misses, here and everywhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadIngestConfig } from '../../ingest/config.js';
import { answerQuestion } from '../../server/answer/answer-question.js';
import { AnswerResponseSchema, type AnswerResponse } from '../../server/contract.js';
import { openKnowledgeBase } from '../../server/open-knowledge-base.js';
import { loadComparisons, loadQuestions } from './questions.js';
import { crossValidate } from '../train/cross-validate.js';
import { openLibrary, openSingleReport, pairReportsWithSets } from './report-sets.js';
import { scoreAnswer, scoreComparison, summarize, type EvalQuestion, type QuestionScore } from './score.js';

const here = path.dirname(fileURLToPath(import.meta.url));

type Ask = (q: EvalQuestion) => Promise<AnswerResponse>;

interface EvalArgs {
  file: string;
  url?: string;
  reports?: string;
  /** Folders whose files are ingested together as one library (`--library A,B`). */
  library?: string;
  sets: string;
  /** `--sets` was given (with `--cv`: score those sets instead of the training questions). */
  setsGiven: boolean;
  verbose: boolean;
  cv: boolean;
}

function parseArgs(args: string[]): EvalArgs {
  const valueOf = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const valued = new Set(['--url', '--reports', '--sets', '--library']);
  const file = args.find((a, i) => !a.startsWith('--') && !valued.has(args[i - 1] ?? ''));
  return {
    file: file ?? path.join(here, 'dev.jsonl'),
    url: valueOf('--url'),
    reports: valueOf('--reports'),
    library: valueOf('--library'),
    sets: valueOf('--sets') ?? path.join(here, 'reports'),
    setsGiven: valueOf('--sets') !== undefined,
    verbose: args.includes('--verbose'),
    cv: args.includes('--cv'),
  };
}

async function scoreSet(questions: EvalQuestion[], ask: Ask, verbose: boolean): Promise<QuestionScore[]> {
  const scores: QuestionScore[] = [];
  for (const q of questions) {
    const started = performance.now();
    const response = await ask(q);
    const score = scoreAnswer(q, response, performance.now() - started);
    scores.push(score);
    if (verbose) printMiss(q, response, score);
  }
  return scores;
}

/** A question that failed any measure, with what was expected and what came back. */
function printMiss(q: EvalQuestion, response: AnswerResponse, score: QuestionScore): void {
  if (score.answer !== false && score.cite !== false && score.recall5 !== false && score.abstain !== false) return;
  const cited = response.citations.slice(0, 3).map((c) => c.sectionPath.at(-1)).join(' | ');
  console.log(
    `--- ${q.id} ${q.question}\n  expected ${JSON.stringify(q.answers)} in ${q.section}\n  got answerable=${response.answerable} ${JSON.stringify(score)}\n  cited ${cited}\n  ${response.answer.replace(/\n/g, '\n  ').slice(0, 600)}`,
  );
}

const pct = (f: { hit: number; total: number; rate: number }) => `${(f.rate * 100).toFixed(1)}% (${f.hit}/${f.total})`;

function printSummary(scores: QuestionScore[], heading: string): void {
  const s = summarize(scores);
  console.log(heading);
  console.log(`answer      ${pct(s.answer)}   zh ${pct(s.answerZh)}   en ${pct(s.answerEn)}`);
  console.log(`cite        ${pct(s.cite)}`);
  console.log(`recall@5    ${pct(s.recall5)}`);
  console.log(`abstain     ${pct(s.abstain)}`);
  console.log(`latency     p50 ${s.p50.toFixed(1)} ms   p95 ${s.p95.toFixed(1)} ms`);
}

async function evalReports(args: EvalArgs & { reports: string }): Promise<void> {
  const { pairs, unpaired } = pairReportsWithSets(args.reports, args.sets);
  if (unpaired.length) console.error(`[eval] no question set in ${args.sets} for: ${unpaired.join(', ')}`);
  if (!pairs.length) throw new TypeError(`no report in ${args.reports} has a question set in ${args.sets}`);
  const pooled: QuestionScore[] = [];
  const rows: string[] = [];
  for (const { report, setFile } of pairs) {
    const opened = await openSingleReport(report, (l) => console.error(`[eval] ${l}`));
    try {
      const scores = await scoreSet(loadQuestions(setFile), opened.ask, args.verbose);
      pooled.push(...scores);
      rows.push(reportRow(path.basename(report), scores));
    } finally {
      opened.remove();
    }
  }
  console.log(`${'report'.padEnd(40)} answer   zh    en  cite  rec5 abstain`);
  for (const row of rows) console.log(row);
  printSummary(pooled, `pooled      ${pooled.length} questions over ${pairs.length} reports from ${path.relative(process.cwd(), args.reports) || '.'}`);
}

/**
 * `--library A,B`: every file of the folders in one library; each set of `setsDir` scored on it
 * (a set whose questions have `parts` compares reports, `scoreComparison`).
 */
async function evalLibrary(folders: string, setsDir: string, verbose: boolean): Promise<void> {
  const files = folders.split(',').flatMap((dir) => fs.readdirSync(dir).filter((n) => !n.startsWith('.')).map((n) => path.join(dir, n))).filter((f) => fs.statSync(f).isFile());
  const opened = await openLibrary(files, (l) => console.error(`[eval] ${l}`));
  const pooled: QuestionScore[] = [];
  try {
    for (const name of fs.readdirSync(setsDir).filter((n) => n.endsWith('.jsonl')).sort()) {
      const file = path.join(setsDir, name);
      const comparing = fs.readFileSync(file, 'utf8').includes('"parts"');
      const scores: QuestionScore[] = [];
      if (!comparing) scores.push(...(await scoreSet(loadQuestions(file), opened.ask, verbose)));
      else {
        for (const q of loadComparisons(file)) {
          const started = performance.now();
          scores.push(scoreComparison(q, await opened.ask(q), performance.now() - started));
        }
      }
      pooled.push(...scores);
      printSummary(scores, `${name.padEnd(11)} ${scores.length} questions, library of ${opened.kb.index.docs.length} reports`);
    }
  } finally {
    opened.remove();
  }
  printSummary(pooled, `pooled      ${pooled.length} questions`);
}

/** A folder's sets by report: `gansu.jsonl` holds questions on the report whose id starts with "gansu-". */
function setsByReport(dir: string): (report: string) => EvalQuestion[] | undefined {
  return (report) => {
    const file = path.join(dir, `${report.split('-')[0]}.jsonl`);
    return fs.existsSync(file) ? loadQuestions(file) : undefined;
  };
}

async function evalCrossValidated(args: EvalArgs): Promise<void> {
  const results = await crossValidate((l) => console.error(`[eval] ${l}`), args.setsGiven ? setsByReport(args.sets) : undefined, args.verbose ? printMiss : undefined);
  console.log(`${'held-out report'.padEnd(40)} answer   zh    en  cite  rec5 abstain`);
  for (const { report, scores } of results) console.log(reportRow(report, scores));
  const pooled = results.flatMap((r) => r.scores);
  const provincial = results.filter((r) => r.report.includes('gov-work-report')).flatMap((r) => r.scores);
  printSummary(provincial, `provincial  ${provincial.length} questions over ${results.filter((r) => r.report.includes('gov-work-report')).length} reports, each answered by a model fitted without it`);
  printSummary(pooled, `pooled      ${pooled.length} questions over ${results.length} reports`);
}

function reportRow(name: string, scores: QuestionScore[]): string {
  const s = summarize(scores);
  const r = (f: { rate: number }) => `${(f.rate * 100).toFixed(0).padStart(4)}%`;
  return `${name.padEnd(40)} ${r(s.answer)} ${r(s.answerZh)} ${r(s.answerEn)} ${r(s.cite)} ${r(s.recall5)} ${r(s.abstain)}`;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.cv) return evalCrossValidated(args);
  if (args.reports) return evalReports({ ...args, reports: args.reports });
  if (args.library) return evalLibrary(args.library, args.setsGiven ? args.sets : path.join(here, 'library'), args.verbose);
  const questions = loadQuestions(args.file);
  const ask = args.url ? askOverHttp(args.url) : await askInProcess();
  const scores = await scoreSet(questions, ask, args.verbose);
  printSummary(scores, `questions   ${questions.length} from ${path.relative(process.cwd(), args.file)}${args.url ? ` via ${args.url}` : ' in process'}`);
}

async function askInProcess(): Promise<Ask> {
  const kb = await openKnowledgeBase(loadIngestConfig(), { log: (l) => console.error(`[eval] ${l}`) });
  return (q) => answerQuestion(kb, { question: q.question });
}

function askOverHttp(base: string): Ask {
  return async (q) => {
    const res = await fetch(new URL('/api/ask', base), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: q.question }),
    });
    return AnswerResponseSchema.parse(await res.json());
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
