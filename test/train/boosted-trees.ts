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
  /**
   * Per feature: -1 when the margin may only fall as it rises, +1 when only rise, 0 (or absent)
   * when free. Kept the way LightGBM's "basic" method keeps it: a split on such a feature must
   * order its two leaves so, and their midpoint then bounds every leaf below either side.
   */
  monotone?: readonly number[];
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
    const tree = grow(all, 0, { binned, cuts, g, h, d, options }, UNBOUNDED);
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

/** The range a leaf's value (before the learning rate) must keep to, from monotone splits above it. */
interface Bounds {
  lo: number;
  hi: number;
}

const UNBOUNDED: Bounds = { lo: -Infinity, hi: Infinity };

/** A leaf's Newton step, kept within its bounds. */
function leafValue(G: number, H: number, lambda: number, bounds: Bounds): number {
  return Math.min(Math.max(-G / (H + lambda), bounds.lo), bounds.hi);
}

/** Twice the loss a leaf of value `w` removes: G²/(H+λ) when `w` is the free step. */
function leafGain(G: number, H: number, lambda: number, w: number): number {
  return w === -G / (H + lambda) ? (G * G) / (H + lambda) : -(2 * G * w + (H + lambda) * w * w);
}

function grow(rows: Int32Array, depth: number, ctx: GrowContext, bounds: Bounds): TreeNode {
  const { g, h, options } = ctx;
  let G = 0;
  let H = 0;
  for (const i of rows) {
    G += g[i]!;
    H += h[i]!;
  }
  const leaf: TreeNode = { value: round(leafValue(G, H, options.lambda, bounds) * options.learningRate) };
  if (depth >= options.depth || H < 2 * options.minChildWeight) return leaf;
  const split = bestSplit(rows, G, H, ctx, bounds);
  if (!split) return leaf;
  const left = rows.filter((i) => ctx.binned[i * ctx.d + split.feature]! <= split.bin);
  const right = rows.filter((i) => ctx.binned[i * ctx.d + split.feature]! > split.bin);
  const direction = options.monotone?.[split.feature] ?? 0;
  const mid = (split.leftValue + split.rightValue) / 2;
  const leftBounds = direction > 0 ? { ...bounds, hi: mid } : direction < 0 ? { ...bounds, lo: mid } : bounds;
  const rightBounds = direction > 0 ? { ...bounds, lo: mid } : direction < 0 ? { ...bounds, hi: mid } : bounds;
  return {
    feature: split.feature,
    threshold: ctx.cuts[split.feature]![split.bin]!,
    left: grow(left, depth + 1, ctx, leftBounds),
    right: grow(right, depth + 1, ctx, rightBounds),
  };
}

interface Split {
  feature: number;
  bin: number;
  gain: number;
  leftValue: number;
  rightValue: number;
}

function bestSplit(rows: Int32Array, G: number, H: number, ctx: GrowContext, bounds: Bounds): Split | null {
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
  const { lambda } = options;
  const parent = leafGain(G, H, lambda, leafValue(G, H, lambda, bounds));
  let best: Split | null = null;
  for (let j = 0; j < d; j++) {
    const direction = options.monotone?.[j] ?? 0;
    let gl = 0;
    let hl = 0;
    for (let b = 0; b < ctx.cuts[j]!.length; b++) {
      gl += gh[j * width + b]!;
      hl += hh[j * width + b]!;
      const hr = H - hl;
      if (hl < options.minChildWeight || hr < options.minChildWeight) continue;
      const leftValue = leafValue(gl, hl, lambda, bounds);
      const rightValue = leafValue(G - gl, hr, lambda, bounds);
      // Higher values of the feature go right: a constrained feature's leaves must keep its order.
      if (direction * (rightValue - leftValue) < 0) continue;
      const gain = leafGain(gl, hl, lambda, leftValue) + leafGain(G - gl, hr, lambda, rightValue) - parent;
      if (gain > 1e-9 && (!best || gain > best.gain)) best = { feature: j, bin: b, gain, leftValue, rightValue };
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
