/**
 * The question sets with gold evidence, grouped by the report they ask about: the Jiangbei review's
 * sets, the synthetic haishu report's, the provincial reports' (the six shared sets and the
 * seventeen training sets), and the reporting rounds' sets once they have been scored and seen.
 * Training and cross-validation take reports, not questions, as units.
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
const JIANGBEI = 'jiangbei-14th-fyp-midterm-review';
/**
 * Reporting rounds already scored once (their first looks are in the closing notes, the latest
 * also in the README): their questions train from then on. A round joins this list only after its
 * first look.
 */
const SEEN_ROUNDS = ['reporting', 'reporting2', 'reporting3', 'reporting4', 'reporting5', 'reporting6', 'reporting7', 'reporting8', 'reporting9', 'reporting10', 'reporting11', 'reporting12', 'reporting13', 'reporting14', 'reporting15', 'library', 'library-fresh'];

/**
 * The seen rounds' questions by report: a file names its region, a library item its `doc`. A
 * library item without a `doc` asks of a region no report covers: no report's question, so skipped.
 */
function seenRoundQuestions(): Map<string, EvalQuestion[]> {
  const byReport = new Map<string, EvalQuestion[]>();
  for (const round of SEEN_ROUNDS) {
    for (const dir of [path.join(ROOT, 'test/eval', round), path.join(ROOT, 'test/eval', round, 'library')]) {
      if (!fs.existsSync(dir)) continue;
      for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl') && f !== 'comparisons.jsonl')) {
        const region = name.replace(/\.jsonl$/, '');
        for (const q of loadQuestions(path.join(dir, name))) {
          const report = q.doc ?? (region === 'jiangbei' ? JIANGBEI : undefined);
          if (!report) continue;
          byReport.set(report, [...(byReport.get(report) ?? []), q]);
        }
      }
    }
  }
  return byReport;
}

/** Every report with its questions, in a fixed order. */
export function reportQuestions(): ReportQuestions[] {
  const seen = seenRoundQuestions();
  const reports: ReportQuestions[] = [
    {
      report: JIANGBEI,
      file: path.join(ROOT, `corpus/${JIANGBEI}.md`),
      questions: [...JIANGBEI_SETS.flatMap((name) => loadQuestions(path.join(ROOT, `test/eval/${name}.jsonl`))), ...(seen.get(JIANGBEI) ?? [])],
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
    const report = name.replace(/\.txt$/, '');
    const questions = [...sets.flatMap(loadQuestions), ...(seen.get(report) ?? [])];
    if (questions.length) reports.push({ report, file: path.join(PROVINCIAL_DIR, name), questions });
  }
  return reports;
}
