/**
 * `npm run bench:fold`: answer quality of reports folded into the index one by one, against the
 * same library built from scratch. The library is corpus/ and the provincial reports; five are left
 * out of the first build and added after it; both indexes answer the library's region set.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ensureIndex } from '../../ingest/build-index.js';
import { loadIngestConfig } from '../../ingest/config.js';
import { answerQuestion } from '../../server/answer/answer-question.js';
import { openKnowledgeBase } from '../../server/open-knowledge-base.js';
import { loadQuestions } from '../eval/questions.js';
import { scoreAnswer, summarize } from '../eval/score.js';
import { copyLibrary, PROVINCIAL_REPORTS_DIR, ROOT } from '../fixtures/scratch-corpus.js';

const FOLDED = ['anhui', 'fujian', 'hebei', 'jilin', 'xinjiang'].map((r) => `${r}-2026-gov-work-report.txt`);
const SET = path.join(ROOT, 'test/eval/library/regions.jsonl');

async function main(): Promise<void> {
  const scratch = copyLibrary('bench-fold-', FOLDED);
  try {
    const config = loadIngestConfig({ ...process.env, CORPUS_DIR: scratch.corpusDir, DATA_DIR: scratch.dataDir, EMBEDDER: 'builtin' });
    await ensureIndex(config);
    for (const file of FOLDED) {
      fs.copyFileSync(path.join(PROVINCIAL_REPORTS_DIR, file), path.join(scratch.corpusDir, file));
      const { manifest } = await ensureIndex(config);
      const share = (100 * manifest.folded.unknown) / Math.max(manifest.folded.tokens, 1);
      console.log(`folded ${file} in ${manifest.buildMs} ms; ${share.toFixed(1)}% of folded-in tokens unknown; retrain due: ${manifest.retrainDue}`);
    }
    const questions = loadQuestions(SET);
    const score = async () => {
      const kb = await openKnowledgeBase(config, { build: false });
      const scores = [];
      for (const q of questions) scores.push(scoreAnswer(q, await answerQuestion(kb, { question: q.question }), 0));
      const s = summarize(scores);
      const pct = (f: { rate: number }) => `${(100 * f.rate).toFixed(1)}%`;
      return `answer ${pct(s.answer)}  cite ${pct(s.cite)}  recall@5 ${pct(s.recall5)}  abstain ${pct(s.abstain)}`;
    };
    console.log(`folded in:    ${await score()}`);
    await ensureIndex(config, { force: true });
    console.log(`from scratch: ${await score()}`);
  } finally {
    scratch.remove();
  }
}

main().catch((error: unknown) => {
  console.error(`[bench:fold] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
