/**
 * The question sets with gold evidence, grouped by the report they ask about: the Jiangbei review's
 * sets, the synthetic haishu report's, and the provincial reports' (the six shared sets and the
 * seventeen training sets). Training and cross-validation take reports, not questions, as units.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../fixtures/scratch-corpus.js';
import { loadQuestions } from '../eval/questions.js';
import type { EvalQuestion } from '../eval/score.js';

export interface ReportQuestions {
  /** The report's document id: its file name without the extension. */
  report: string;
  file: string;
  questions: EvalQuestion[];
}

const JIANGBEI_SETS = ['dev', 'holdout', 'fresh', 'final', 'blind', 'blind2', 'frozen/jiangbei'];
const PROVINCIAL_DIR = path.join(ROOT, 'test/fixtures/reports/provincial');
const PROVINCIAL_SET_DIRS = ['test/eval/reports', 'test/eval/train', 'test/eval/frozen/provincial'].map((dir) => path.join(ROOT, dir));

/** Every report with its questions, in a fixed order. */
export function reportQuestions(): ReportQuestions[] {
  const reports: ReportQuestions[] = [
    {
      report: 'jiangbei-14th-fyp-midterm-review',
      file: path.join(ROOT, 'corpus/jiangbei-14th-fyp-midterm-review.md'),
      questions: JIANGBEI_SETS.flatMap((name) => loadQuestions(path.join(ROOT, `test/eval/${name}.jsonl`))),
    },
    {
      report: 'haishu-annual-review',
      file: path.join(ROOT, 'test/fixtures/reports/haishu-annual-review.txt'),
      questions: loadQuestions(path.join(ROOT, 'test/eval/haishu.jsonl')),
    },
  ];
  for (const name of fs.readdirSync(PROVINCIAL_DIR).filter((f) => f.endsWith('.txt')).sort()) {
    const region = name.split('-')[0]!;
    const sets = PROVINCIAL_SET_DIRS.map((dir) => path.join(dir, `${region}.jsonl`)).filter((f) => fs.existsSync(f));
    if (sets.length) reports.push({ report: name.replace(/\.txt$/, ''), file: path.join(PROVINCIAL_DIR, name), questions: sets.flatMap(loadQuestions) });
  }
  return reports;
}
