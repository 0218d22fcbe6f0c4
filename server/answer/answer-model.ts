/**
 * The answer model: the probability that a candidate sentence answers the question, from its named
 * features (`candidate-features.ts`). The model is a data file that `npm run train` writes and the
 * runtime only reads; a feature it names that the code does not compute is an error at load.
 * Behind `AnswerScorer`, so that another scorer (a neural reranker, an LLM judge) can sit beside it.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { createError } from '../../ingest/errors.js';
import { FEATURES } from './candidate-features.js';

export interface AnswerScorer {
  /** Feature names, in the order `probability` takes their values. */
  readonly features: readonly string[];
  /** Below this probability for the best candidate, the question is declined. */
  readonly threshold: number;
  probability(values: readonly number[]): number;
}

/** A node of a regression tree: a split (feature index, threshold: left when value <= threshold) or a leaf. */
export interface TreeNode {
  feature?: number;
  threshold?: number;
  left?: TreeNode;
  right?: TreeNode;
  value?: number;
}

const TreeNodeSchema: z.ZodType<TreeNode> = z.lazy(() =>
  z.union([
    z.object({ feature: z.number().int().nonnegative(), threshold: z.number(), left: TreeNodeSchema, right: TreeNodeSchema }),
    z.object({ value: z.number() }),
  ]),
);

export const AnswerModelSchema = z.object({
  /** Gradient-boosted regression trees on a logistic loss. */
  kind: z.literal('boosted-trees'),
  features: z.array(z.string()).min(1),
  bias: z.number(),
  trees: z.array(TreeNodeSchema),
  threshold: z.number().min(0).max(1),
  /** How the threshold was chosen and what the model was trained on: for people, not the runtime. */
  notes: z.record(z.string(), z.unknown()).optional(),
});
export type AnswerModel = z.infer<typeof AnswerModelSchema>;

/** The sum of the trees' leaves for one row of feature values. */
export function treeMargin(model: Pick<AnswerModel, 'bias' | 'trees'>, values: readonly number[]): number {
  let margin = model.bias;
  for (const tree of model.trees) {
    let at = tree;
    while (at.feature !== undefined) at = values[at.feature]! <= at.threshold! ? at.left! : at.right!;
    margin += at.value ?? 0;
  }
  return margin;
}

/** A scorer from a parsed model; throws ANSWER_MODEL_INVALID when it does not fit the code. */
export function scorerFromModel(json: unknown): AnswerScorer {
  const parsed = AnswerModelSchema.safeParse(json);
  if (!parsed.success) throw createError('ANSWER_MODEL_INVALID', parsed.error.issues[0]?.message);
  const model = parsed.data;
  const unknown = model.features.filter((name) => !(name in FEATURES));
  if (unknown.length) throw createError('ANSWER_MODEL_INVALID', `unknown features: ${unknown.join(', ')}`);
  const outOfRange = (node: TreeNode): boolean =>
    node.feature !== undefined && (node.feature >= model.features.length || outOfRange(node.left!) || outOfRange(node.right!));
  if (model.trees.some(outOfRange)) throw createError('ANSWER_MODEL_INVALID', 'a tree splits on a feature the model does not list');
  const margin = compileTrees(model);
  return {
    features: model.features,
    threshold: model.threshold,
    probability: (values) => 1 / (1 + Math.exp(-margin(values))),
  };
}

/**
 * `treeMargin` over the trees laid out in flat arrays: every candidate of every question walks all
 * the trees, and arrays walk several times faster than nested objects.
 */
export function compileTrees(model: Pick<AnswerModel, 'bias' | 'trees'>): (values: readonly number[]) => number {
  const feature: number[] = [];
  const threshold: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const roots: number[] = [];
  const lay = (node: TreeNode): number => {
    const at = feature.length;
    feature.push(node.feature ?? -1);
    threshold.push(node.feature === undefined ? (node.value ?? 0) : node.threshold!);
    left.push(-1);
    right.push(-1);
    if (node.feature !== undefined) {
      left[at] = lay(node.left!);
      right[at] = lay(node.right!);
    }
    return at;
  };
  for (const tree of model.trees) roots.push(lay(tree));
  const f = Int32Array.from(feature);
  const t = Float64Array.from(threshold);
  const l = Int32Array.from(left);
  const r = Int32Array.from(right);
  const bias = model.bias;
  return (values) => {
    let sum = bias;
    for (const root of roots) {
      let at = root;
      while (f[at]! >= 0) at = values[f[at]!]! <= t[at]! ? l[at]! : r[at]!;
      sum += t[at]!; // a leaf keeps its value where a split keeps its threshold
    }
    return sum;
  };
}

export const DEFAULT_MODEL_FILE = new URL('./answer-model.json', import.meta.url);

let shipped: AnswerScorer | null = null;

/** The model shipped with the code (`server/answer/answer-model.json`), read once. */
export function defaultScorer(): AnswerScorer {
  if (!shipped) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(DEFAULT_MODEL_FILE, 'utf8'));
    } catch (error) {
      throw createError('ANSWER_MODEL_INVALID', (error as Error).message);
    }
    shipped = scorerFromModel(json);
  }
  return shipped;
}
