/**
 * Gradient-boosted regression trees for a logistic loss, written small and deterministic: features
 * are cut into quantile bins once, each tree is grown depth-first to a fixed depth on the gradient
 * histograms, and leaves take a Newton step. No sampling, so the same data give the same trees.
 */
import { treeMargin, type TreeNode } from '../../server/answer/answer-model.js';

export interface BoostOptions {
  trees: number;
  depth: number;
  learningRate: number;
  /** L2 penalty on leaf values, and the least hessian weight a leaf must hold. */
  lambda: number;
  minChildWeight: number;
  bins: number;
}

export const DEFAULT_BOOST: BoostOptions = { trees: 200, depth: 4, learningRate: 0.05, lambda: 1, minChildWeight: 1, bins: 32 };

export interface BoostedFit {
  bias: number;
  trees: TreeNode[];
}

/** Fits trees to rows `x` with 0/1 labels `y`. */
export function fitBoostedTrees(x: number[][], y: number[], options: BoostOptions = DEFAULT_BOOST): BoostedFit {
  const n = x.length;
  const d = x[0]?.length ?? 0;
  const cuts = Array.from({ length: d }, (_, j) => quantileCuts(x.map((r) => r[j]!), options.bins));
  // Row-major bins, one byte each: the histogram loops read them in order.
  const binned = new Uint8Array(n * d);
  x.forEach((row, i) => row.forEach((v, j) => (binned[i * d + j] = binOf(cuts[j]!, v))));
  const positive = y.reduce((s, v) => s + v, 0);
  const prior = Math.min(Math.max(positive / Math.max(n, 1), 1e-6), 1 - 1e-6);
  const bias = Math.log(prior / (1 - prior));
  const margin = new Float64Array(n).fill(bias);
  const trees: TreeNode[] = [];
  const all = Int32Array.from({ length: n }, (_, i) => i);
  for (let t = 0; t < options.trees; t++) {
    const g = new Float64Array(n);
    const h = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-margin[i]!));
      g[i] = p - y[i]!;
      h[i] = Math.max(p * (1 - p), 1e-9);
    }
    const tree = grow(all, 0, { binned, cuts, g, h, d, options });
    trees.push(tree);
    for (let i = 0; i < n; i++) margin[i]! += treeMargin({ bias: 0, trees: [tree] }, x[i]!);
  }
  return { bias, trees };
}

interface GrowContext {
  binned: Uint8Array;
  cuts: number[][];
  g: Float64Array;
  h: Float64Array;
  d: number;
  options: BoostOptions;
}

function grow(rows: Int32Array, depth: number, ctx: GrowContext): TreeNode {
  const { g, h, options } = ctx;
  let G = 0;
  let H = 0;
  for (const i of rows) {
    G += g[i]!;
    H += h[i]!;
  }
  const leaf: TreeNode = { value: round((-G / (H + options.lambda)) * options.learningRate) };
  if (depth >= options.depth || H < 2 * options.minChildWeight) return leaf;
  const split = bestSplit(rows, G, H, ctx);
  if (!split) return leaf;
  const left = rows.filter((i) => ctx.binned[i * ctx.d + split.feature]! <= split.bin);
  const right = rows.filter((i) => ctx.binned[i * ctx.d + split.feature]! > split.bin);
  return { feature: split.feature, threshold: ctx.cuts[split.feature]![split.bin]!, left: grow(left, depth + 1, ctx), right: grow(right, depth + 1, ctx) };
}

function bestSplit(rows: Int32Array, G: number, H: number, ctx: GrowContext): { feature: number; bin: number } | null {
  const { g, h, d, options, binned } = ctx;
  const width = options.bins + 1;
  // One pass over the rows fills every feature's gradient and hessian histogram.
  const gh = new Float64Array(d * width);
  const hh = new Float64Array(d * width);
  for (const i of rows) {
    const gi = g[i]!;
    const hi = h[i]!;
    const base = i * d;
    for (let j = 0; j < d; j++) {
      const at = j * width + binned[base + j]!;
      gh[at]! += gi;
      hh[at]! += hi;
    }
  }
  const score = (gs: number, hs: number) => (gs * gs) / (hs + options.lambda);
  const parent = score(G, H);
  let best: { feature: number; bin: number; gain: number } | null = null;
  for (let j = 0; j < d; j++) {
    let gl = 0;
    let hl = 0;
    for (let b = 0; b < ctx.cuts[j]!.length; b++) {
      gl += gh[j * width + b]!;
      hl += hh[j * width + b]!;
      const hr = H - hl;
      if (hl < options.minChildWeight || hr < options.minChildWeight) continue;
      const gain = score(gl, hl) + score(G - gl, hr) - parent;
      if (gain > 1e-9 && (!best || gain > best.gain)) best = { feature: j, bin: b, gain };
    }
  }
  return best;
}

/** Distinct cut points at the quantiles of a feature's values; a value goes right of a cut it exceeds. */
function quantileCuts(values: number[], bins: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const cuts = new Set<number>();
  for (let k = 1; k < bins; k++) {
    const v = sorted[Math.floor((k * sorted.length) / bins)]!;
    if (v < sorted[sorted.length - 1]!) cuts.add(v);
  }
  return [...cuts].sort((a, b) => a - b);
}

function binOf(cuts: number[], v: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v <= cuts[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function round(v: number): number {
  return Number(v.toPrecision(6));
}
