/**
 * `npm run eval -- --cv`: leave-one-report-out with full answering. For each report, the answer
 * model is fitted on every other report's questions, its threshold chosen on their out-of-fold
 * predictions, and the report's questions are then answered and scored as `npm run eval` does.
 * This is the figure that predicts a report the model has never seen.
 */
import { scorerFromModel } from '../../server/answer/answer-model.js';
import { openSingleReport } from '../eval/report-sets.js';
import { scoreAnswer, type QuestionScore } from '../eval/score.js';
import { collectExamples, type QuestionExample } from './collect-examples.js';
import { chooseThreshold, fitOn, outcomes, toModel, type Outcome } from './fit-answer-model.js';
import { reportQuestions } from './report-corpora.js';

export interface ReportScores {
  report: string;
  scores: QuestionScore[];
}

export async function crossValidate(log: (line: string) => void): Promise<ReportScores[]> {
  const corpora = reportQuestions();
  const opened = [];
  const examples: QuestionExample[] = [];
  try {
    for (const c of corpora) {
      const o = await openSingleReport(c.file, () => {});
      opened.push(o);
      examples.push(...(await collectExamples(o.kb, c.report, c.questions)));
      log(`${c.report}: ${c.questions.length} questions`);
    }
    // Each report's out-of-fold outcomes, from a model fitted without it, once.
    const oof = new Map<string, Outcome[]>();
    for (const { report } of corpora) {
      oof.set(report, outcomes(fitOn(examples.filter((e) => e.report !== report)), examples.filter((e) => e.report === report)));
    }
    const results: ReportScores[] = [];
    for (const [i, c] of corpora.entries()) {
      const others = examples.filter((e) => e.report !== c.report);
      // The threshold is chosen where the held-out report has no part: on the others' out-of-fold outcomes.
      const threshold = chooseThreshold(corpora.filter((o) => o.report !== c.report).flatMap((o) => oof.get(o.report)!));
      const scorer = scorerFromModel(toModel(fitOn(others), threshold, {}));
      const scores: QuestionScore[] = [];
      for (const q of c.questions) {
        const started = performance.now();
        scores.push(scoreAnswer(q, await opened[i]!.ask(q, { scorer }), performance.now() - started));
      }
      results.push({ report: c.report, scores });
    }
    return results;
  } finally {
    for (const o of opened) o.remove();
  }
}
