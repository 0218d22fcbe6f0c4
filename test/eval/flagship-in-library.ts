/**
 * `npx tsx test/eval/flagship-in-library.ts`: the Jiangbei review's own questions (dev.jsonl) in a
 * library of corpus/ and the provincial reports: as asked (which report answers them), and with
 * 江北区 in front (scoped to the review, scored as `npm run eval` scores them).
 */
import { loadIngestConfig } from '../../ingest/config.js';
import { answerQuestion } from '../../server/answer/answer-question.js';
import { openKnowledgeBase } from '../../server/open-knowledge-base.js';
import { copyLibrary, ROOT } from '../fixtures/scratch-corpus.js';
import { loadQuestions } from './questions.js';
import { scoreAnswer, summarize } from './score.js';

const REVIEW = 'jiangbei-14th-fyp-midterm-review';

async function main(): Promise<void> {
  const scratch = copyLibrary('flagship-');
  try {
    const kb = await openKnowledgeBase(loadIngestConfig({ ...process.env, CORPUS_DIR: scratch.corpusDir, DATA_DIR: scratch.dataDir, EMBEDDER: 'builtin' }));
    const questions = loadQuestions(`${ROOT}/test/eval/dev.jsonl`);
    let answered = 0;
    let fromReview = 0;
    for (const q of questions) {
      const r = await answerQuestion(kb, { question: q.question });
      if (!r.answerable) continue;
      answered++;
      if (r.scope?.documents[0]?.id === REVIEW) fromReview++;
    }
    console.log(`as asked: ${answered} of ${questions.length} answered, ${fromReview} of them from the review`);
    const scores = [];
    let scoped = 0;
    for (const q of questions) {
      const r = await answerQuestion(kb, { question: `江北区${q.question}` });
      if (r.scope?.documents.every((d) => d.id === REVIEW)) scoped++;
      scores.push(scoreAnswer({ ...q, doc: REVIEW }, r, 0));
    }
    const s = summarize(scores);
    const pct = (f: { rate: number }) => `${(100 * f.rate).toFixed(1)}%`;
    console.log(`with 江北区: ${scoped} of ${questions.length} scoped to the review; answer ${pct(s.answer)} (zh ${pct(s.answerZh)}, en ${pct(s.answerEn)}), cite ${pct(s.cite)}, abstain ${pct(s.abstain)}`);
  } finally {
    scratch.remove();
  }
}

main().catch((error: unknown) => {
  console.error(`[flagship] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
