/**
 * Truncated SVD of a sparse matrix by randomized range finding (Halko, Martinsson & Tropp 2011):
 * enough for latent semantic analysis of a corpus of a few thousand passages, in plain TypeScript.
 */
import { seededRandom } from '../seeded-random.js';

/** A sparse row-major matrix: row i holds (columns[i][j], values[i][j]). */
export interface SparseRows {
  rows: Array<{ columns: Int32Array; values: Float64Array }>;
  columnCount: number;
}

export interface TruncatedSvd {
  /**
   * Right singular vectors, column-major per component: components[c] has `columnCount` entries,
   * in single precision (what an embedding keeps; half the memory of a large vocabulary's).
   */
  components: Float32Array[];
  singularValues: number[];
}

function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/**
 * Vectors in the column space, interleaved: entry k of vector c's column j sits at j * width + k,
 * so that one pass over the sparse rows serves all vectors with sequential reads.
 */
interface ColumnBlock {
  data: Float64Array;
  width: number;
}

/** A · X for the vectors of a column block; returns row-space vectors (length = rows). */
function multiply(a: SparseRows, x: ColumnBlock): Float64Array[] {
  const { data, width } = x;
  const out = Array.from({ length: width }, () => new Float64Array(a.rows.length));
  const sums = new Float64Array(width);
  a.rows.forEach((row, i) => {
    sums.fill(0);
    for (let j = 0; j < row.columns.length; j++) {
      const value = row.values[j]!;
      const base = row.columns[j]! * width;
      for (let k = 0; k < width; k++) sums[k]! += value * data[base + k]!;
    }
    for (let k = 0; k < width; k++) out[k]![i] = sums[k]!;
  });
  return out;
}

/** Aᵀ · Y where Y is vectors of length rows; returns them in the column space, as a block. */
function multiplyTransposed(a: SparseRows, ys: Float64Array[]): ColumnBlock {
  const width = ys.length;
  const data = new Float64Array(a.columnCount * width);
  const yi = new Float64Array(width);
  a.rows.forEach((row, i) => {
    for (let k = 0; k < width; k++) yi[k] = ys[k]![i]!;
    for (let j = 0; j < row.columns.length; j++) {
      const value = row.values[j]!;
      const base = row.columns[j]! * width;
      for (let k = 0; k < width; k++) data[base + k]! += value * yi[k]!;
    }
  });
  return { data, width };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Orthonormalizes vectors in place (modified Gram-Schmidt, twice for stability); drops null ones. */
function orthonormalize(vectors: Float64Array[]): Float64Array[] {
  const basis: Float64Array[] = [];
  for (const v of vectors) {
    for (let pass = 0; pass < 2; pass++) {
      for (const b of basis) {
        const p = dot(v, b);
        for (let i = 0; i < v.length; i++) v[i]! -= p * b[i]!;
      }
    }
    const norm = Math.sqrt(dot(v, v));
    if (norm < 1e-10) continue;
    for (let i = 0; i < v.length; i++) v[i]! /= norm;
    basis.push(v);
  }
  return basis;
}

/** Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations; eigenpairs sorted descending. */
function symmetricEigen(matrix: Float64Array[], sweeps = 60): { values: number[]; vectors: Float64Array[] } {
  const n = matrix.length;
  const a = matrix.map((r) => Float64Array.from(r));
  const v = Array.from({ length: n }, (_, i) => {
    const row = new Float64Array(n);
    row[i] = 1;
    return row;
  });
  for (let sweep = 0; sweep < sweeps; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p]![q]! ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p]![q]!;
        if (Math.abs(apq) < 1e-15) continue;
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k]![p]!;
          const akq = a[k]![q]!;
          a[k]![p] = c * akp - s * akq;
          a[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p]![k]!;
          const aqk = a[q]![k]!;
          a[p]![k] = c * apk - s * aqk;
          a[q]![k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k]![p]!;
          const vkq = v[k]![q]!;
          v[k]![p] = c * vkp - s * vkq;
          v[k]![q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[j]![j]! - a[i]![i]!);
  return {
    values: order.map((i) => a[i]![i]!),
    vectors: order.map((i) => Float64Array.from(v, (row) => row[i]!)),
  };
}

/**
 * The top `k` right singular vectors and values of `a`. All dense work happens in the row space
 * (as many dimensions as rows), which is small next to the vocabulary.
 * @example truncatedSvd(matrix, 192).components.length // -> at most 192
 */
export function truncatedSvd(a: SparseRows, k: number, options: { oversample?: number; powerIterations?: number; seed?: number } = {}): TruncatedSvd {
  const rank = Math.min(k, a.rows.length, a.columnCount);
  const width = Math.min(rank + (options.oversample ?? 10), a.rows.length, a.columnCount);
  const random = seededRandom(options.seed ?? 42);
  // Drawn vector by vector (the same numbers as ever), stored interleaved.
  const omega: ColumnBlock = { data: new Float64Array(a.columnCount * width), width };
  for (let k = 0; k < width; k++) for (let j = 0; j < a.columnCount; j++) omega.data[j * width + k] = gaussian(random);
  let q = orthonormalize(multiply(a, omega));
  for (let i = 0; i < (options.powerIterations ?? 2); i++) q = orthonormalize(multiply(a, multiplyTransposed(a, q)));
  // B = Qᵀ A; its Gram matrix B Bᵀ = Qᵀ A Aᵀ Q is small (width × width).
  const aatq = multiply(a, multiplyTransposed(a, q));
  const gram = q.map((qi) => Float64Array.from(aatq, (col) => dot(qi, col)));
  const { values, vectors } = symmetricEigen(gram);
  const components: Float32Array[] = [];
  const singularValues: number[] = [];
  for (let c = 0; c < Math.min(rank, values.length); c++) {
    const sigma = Math.sqrt(Math.max(values[c]!, 0));
    if (sigma < 1e-9) break;
    // v = Aᵀ (Q u) / σ
    const rowVector = new Float64Array(a.rows.length);
    vectors[c]!.forEach((weight, r) => {
      const qr = q[r]!;
      for (let i = 0; i < rowVector.length; i++) rowVector[i]! += weight * qr[i]!;
    });
    const component = multiplyTransposed(a, [rowVector]).data;
    for (let j = 0; j < component.length; j++) component[j]! /= sigma;
    components.push(Float32Array.from(component));
    singularValues.push(sigma);
  }
  return { components, singularValues };
}
