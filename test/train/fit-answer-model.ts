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

/** Thresholds tried, and the half-width of the window each one's cost is averaged over. */
const THRESHOLD_STEP = 0.01;
const SMOOTHING_HALF_WIDTH = 0.05;

/**
 * The threshold of least smoothed cost: each threshold's cost averaged over its neighbours within
 * ±0.05. The raw cost curve is flat and ragged near its minimum (a few questions move it), so its
 * arg-min jumps between retrainings; the smoothed one sits in the middle of the low region.
 */
export function chooseThreshold(results: Outcome[]): number {
  const steps = Math.round(1 / THRESHOLD_STEP);
  const raw = Array.from({ length: steps + 1 }, (_, i) => costAt(results, i * THRESHOLD_STEP));
  const half = Math.round(SMOOTHING_HALF_WIDTH / THRESHOLD_STEP);
  let best = { t: 0.5, cost: Infinity };
  for (let i = 0; i <= steps; i++) {
    const window = raw.slice(Math.max(0, i - half), i + half + 1);
    const cost = window.reduce((s, c) => s + c, 0) / window.length;
    if (cost < best.cost - 1e-9) best = { t: i * THRESHOLD_STEP, cost };
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
