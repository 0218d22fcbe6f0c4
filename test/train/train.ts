/**
 * `npm run train`: fits the answer model on every report's question set and writes
 * `server/answer/answer-model.json`. Deterministic: the same sets give the same file. Prints the
 * leave-one-report-out figures (each report scored by a model that never saw it), which are the
 * ones that predict a new report; `npm run eval -- --cv` gives them with full answering.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MODEL_FILE } from '../../server/answer/answer-model.js';
import { collectAllExamples } from './all-examples.js';
import { chooseThreshold, COST_MISSED, COST_WRONG, costAt, fitOn, outOfFold, toModel, type Outcome } from './fit-answer-model.js';
import { DEFAULT_BOOST } from './boosted-trees.js';

function summarize(results: Outcome[], t: number): string {
  const answerable = results.filter((o) => o.answerable);
  const right = answerable.filter((o) => o.p >= t && o.bestAnswers).length;
  const unanswerable = results.filter((o) => !o.answerable);
  const declined = unanswerable.filter((o) => o.p < t).length;
  const pct = (a: number, b: number) => `${b ? ((100 * a) / b).toFixed(1) : '-'}% (${a}/${b})`;
  return `best sentence answers ${pct(right, answerable.length).padEnd(16)} declines unanswerable ${pct(declined, unanswerable.length).padEnd(14)} cost ${costAt(results, t)}`;
}

async function main(): Promise<void> {
  const examples = await collectAllExamples((line) => console.error(`[train] ${line}`));
  const oof = outOfFold(examples);
  const threshold = chooseThreshold(oof);
  console.log(`leave-one-report-out (threshold ${threshold.toFixed(3)}, a wrong answer costs ${COST_WRONG}, a missed one ${COST_MISSED}):`);
  for (const report of [...new Set(oof.map((o) => o.report))]) {
    console.log(`  ${report.padEnd(36)} ${summarize(oof.filter((o) => o.report === report), threshold)}`);
  }
  console.log(`  ${'pooled'.padEnd(36)} ${summarize(oof, threshold)}`);
  const fit = fitOn(examples);
  const model = toModel(fit, threshold, {
    trainedOn: { reports: new Set(examples.map((e) => e.report)).size, questions: examples.length, candidates: examples.reduce((n, e) => n + e.x.length, 0) },
    threshold: `least cost on leave-one-report-out predictions; a wrong answer costs ${COST_WRONG}, a missed one ${COST_MISSED}`,
    boosting: DEFAULT_BOOST,
  });
  fs.writeFileSync(fileURLToPath(DEFAULT_MODEL_FILE), `${JSON.stringify(model)}\n`);
  console.log(`wrote ${fileURLToPath(DEFAULT_MODEL_FILE)}: ${model.features.length} features, ${model.trees.length} trees, threshold ${model.threshold}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
