/**
 * Fitting the answer model and choosing its one threshold. The threshold is set for a stated
 * trade-off: a wrong answer (a figure that does not answer, or any answer to a question the report
 * does not answer) costs twice a missed one (declining a question the report answers).
 */
import { treeMargin, type AnswerModel } from '../../server/answer/answer-model.js';
import { FEATURE_NAMES } from '../../server/answer/candidate-features.js';
import { DEFAULT_BOOST, fitBoostedTrees, type BoostedFit } from './boosted-trees.js';
import type { QuestionExample } from './collect-examples.js';

export const COST_WRONG = 2;
export const COST_MISSED = 1;

/** What the model would do with one question: its best candidate's probability, and whether that candidate answers. */
export interface Outcome {
  report: string;
  id: string;
  answerable: boolean;
  p: number;
  bestAnswers: boolean;
}

export function fitOn(examples: QuestionExample[]): BoostedFit {
  return fitBoostedTrees(examples.flatMap((e) => e.x), examples.flatMap((e) => e.y), DEFAULT_BOOST);
}

export function outcomes(fit: BoostedFit, examples: QuestionExample[]): Outcome[] {
  return examples.map((e) => {
    let best = -1;
    let p = 0;
    e.x.forEach((row, i) => {
      const q = 1 / (1 + Math.exp(-treeMargin(fit, row)));
      if (q > p) [p, best] = [q, i];
    });
    return { report: e.report, id: e.id, answerable: e.answerable, p, bestAnswers: best >= 0 && e.y[best] === 1 };
  });
}

/** Total cost of answering every question whose best probability reaches `t`. */
export function costAt(results: Outcome[], t: number): number {
  return results.reduce((cost, o) => {
    if (o.p >= t) return cost + (o.answerable && o.bestAnswers ? 0 : COST_WRONG);
    return cost + (o.answerable ? COST_MISSED : 0);
  }, 0);
}

/** The threshold of least cost, midway between the two probabilities it falls between. */
export function chooseThreshold(results: Outcome[]): number {
  const ps = [...new Set(results.map((o) => o.p))].sort((a, b) => a - b);
  let best = { t: 0.5, cost: Infinity };
  for (let i = 0; i <= ps.length; i++) {
    const t = i === 0 ? 0 : i === ps.length ? 1 : (ps[i - 1]! + ps[i]!) / 2;
    const cost = costAt(results, t);
    if (cost < best.cost) best = { t, cost };
  }
  return best.t;
}

/** Leave-one-report-out: each report's outcomes from a model fitted on all the others. */
export function outOfFold(examples: QuestionExample[]): Outcome[] {
  const reports = [...new Set(examples.map((e) => e.report))];
  return reports.flatMap((report) => outcomes(fitOn(examples.filter((e) => e.report !== report)), examples.filter((e) => e.report === report)));
}

export function toModel(fit: BoostedFit, threshold: number, notes: Record<string, unknown>): AnswerModel {
  return { kind: 'boosted-trees', features: FEATURE_NAMES, bias: fit.bias, trees: fit.trees, threshold: Number(threshold.toPrecision(6)), notes };
}
