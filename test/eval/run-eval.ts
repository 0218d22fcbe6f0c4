/**
 * `npm run eval [-- file.jsonl] [--url http://127.0.0.1:3000] [--verbose]`: scores a question set
 * against the in-process answerer (default) or a running server, and prints the figures.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadIngestConfig } from '../../ingest/config.js';
import { answerQuestion } from '../../server/answer/answer-question.js';
import { AnswerResponseSchema, type AnswerResponse } from '../../server/contract.js';
import { openKnowledgeBase } from '../../server/open-knowledge-base.js';
import { EvalQuestionSchema, scoreAnswer, summarize, type EvalQuestion } from './score.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export function loadQuestions(file: string): EvalQuestion[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const parsed = EvalQuestionSchema.safeParse(JSON.parse(l));
      if (!parsed.success) throw new TypeError(`${file}:${i + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const urlIndex = args.indexOf('--url');
  const url = urlIndex >= 0 ? args[urlIndex + 1] : undefined;
  const verbose = args.includes('--verbose');
  const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--url') ?? path.join(here, 'dev.jsonl');
  const questions = loadQuestions(file);
  const ask = url ? askOverHttp(url) : await askInProcess();
  const scores = [];
  for (const q of questions) {
    const started = performance.now();
    const response = await ask(q.question);
    const score = scoreAnswer(q, response, performance.now() - started);
    scores.push(score);
    if (verbose && (score.answer === false || score.cite === false || score.recall5 === false || score.abstain === false)) {
      console.log(`--- ${q.id} ${q.question}\n  expected ${JSON.stringify(q.answers)} in ${q.section}\n  got answerable=${response.answerable} ${JSON.stringify(score)}\n  ${response.answer.replace(/\n/g, '\n  ').slice(0, 600)}`);
    }
  }
  const s = summarize(scores);
  const pct = (f: { hit: number; total: number; rate: number }) => `${(f.rate * 100).toFixed(1)}% (${f.hit}/${f.total})`;
  console.log(`questions   ${questions.length} from ${path.relative(process.cwd(), file)}${url ? ` via ${url}` : ' in process'}`);
  console.log(`answer      ${pct(s.answer)}   zh ${pct(s.answerZh)}   en ${pct(s.answerEn)}`);
  console.log(`cite        ${pct(s.cite)}`);
  console.log(`recall@5    ${pct(s.recall5)}`);
  console.log(`abstain     ${pct(s.abstain)}`);
  console.log(`latency     p50 ${s.p50.toFixed(1)} ms   p95 ${s.p95.toFixed(1)} ms`);
}

async function askInProcess(): Promise<(q: string) => Promise<AnswerResponse>> {
  const kb = await openKnowledgeBase(loadIngestConfig(), { log: (l) => console.error(`[eval] ${l}`) });
  return (question) => answerQuestion(kb, { question });
}

function askOverHttp(base: string): (q: string) => Promise<AnswerResponse> {
  return async (question) => {
    const res = await fetch(new URL('/api/ask', base), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question }),
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
