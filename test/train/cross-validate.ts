/**
 * `npm run eval -- --cv`: leave-one-report-out with full answering. For each report, the answer
 * model is fitted on every other report's questions, its threshold chosen on their out-of-fold
 * predictions, and the report's questions are then answered and scored as `npm run eval` does.
 * This is the figure that predicts a report the model has never seen.
 *
 * With `questionsFor`, a report is scored on other questions (a reporting set written after the
 * model was frozen) instead of its training ones; reports it gives none for are skipped.
 */
import { scorerFromModel } from '../../server/answer/answer-model.js';
import type { AnswerResponse } from '../../server/contract.js';
import { scoreAnswer, type EvalQuestion, type QuestionScore } from '../eval/score.js';
import { openAllReports } from './all-examples.js';
import { chooseThreshold, fitOn, outOfFold, toModel } from './fit-answer-model.js';

/** Told of each held-out answer as it is scored (`--cv --verbose` prints the misses). */
export type OnHeldOutAnswer = (q: EvalQuestion, response: AnswerResponse, score: QuestionScore) => void;

export interface ReportScores {
  report: string;
  scores: QuestionScore[];
}

export async function crossValidate(
  log: (line: string) => void,
  questionsFor?: (report: string) => EvalQuestion[] | undefined,
  onAnswer?: OnHeldOutAnswer,
): Promise<ReportScores[]> {
  const { examples, reports, close } = await openAllReports(log);
  try {
    // Each report's out-of-fold outcomes, from a model fitted without it, once.
    const oof = outOfFold(examples);
    const results: ReportScores[] = [];
    for (const { report, questions: own, opened } of reports) {
      const questions = questionsFor ? questionsFor(report) : own;
      if (!questions) continue;
      // The threshold is chosen where the held-out report has no part: on the others' out-of-fold outcomes.
      const threshold = chooseThreshold(oof.filter((o) => o.report !== report));
      const scorer = scorerFromModel(toModel(fitOn(examples.filter((e) => e.report !== report)), threshold, {}));
      const scores: QuestionScore[] = [];
      for (const q of questions) {
        const started = performance.now();
        const response = await opened.ask(q, { scorer });
        const score = scoreAnswer(q, response, performance.now() - started);
        scores.push(score);
        onAnswer?.(q, response, score);
      }
      results.push({ report, scores });
    }
    return results;
  } finally {
    close();
  }
}
