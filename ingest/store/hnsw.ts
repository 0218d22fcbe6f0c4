/** The vector index: the only module that imports hnswlib-node. Cosine space, labels = passage order. */
import hnswlib from 'hnswlib-node';

const { HierarchicalNSW } = hnswlib;

export interface VectorHit {
  index: number;
  /** Cosine similarity, 1 = same direction. */
  score: number;
}

/** Which items a search may return: `keep` accepts them, `eligible` counts them, `rows` lists them in order. */
export interface VectorFilter {
  keep: (index: number) => boolean;
  eligible: number;
  rows: readonly number[];
}

export interface VectorIndex {
  readonly dim: number;
  readonly count: number;
  /** The `k` nearest, of those the filter accepts when it is given. */
  search(vector: Float32Array, k: number, filter?: VectorFilter): VectorHit[];
  save(filePath: string): void;
  /** The stored vector of item `index` (to carry it into a rebuilt index). */
  vectorAt(index: number): Float32Array;
}

class HnswVectorIndex implements VectorIndex {
  constructor(
    private readonly index: InstanceType<typeof HierarchicalNSW>,
    readonly dim: number,
  ) {}

  get count(): number {
    return this.index.getCurrentCount();
  }

  /** The stored (unit) vectors, row after row, read from the index on the first filtered search. */
  private rows: Float32Array | null = null;

  search(vector: Float32Array, k: number, filter?: VectorFilter): VectorHit[] {
    // hnswlib cannot return more neighbours than pass the filter.
    const n = Math.min(k, filter ? filter.eligible : this.count);
    if (n === 0) return [];
    // hnswlib calls a filter back from native code at every node it visits, and a search scoped to a
    // few documents visits most of the graph: scanning the kept rows is exact and several times faster.
    // A filter that keeps everything is no filter: the graph answers unaided.
    const scoped = filter && filter.eligible < this.count ? filter : undefined;
    if (scoped && this.count <= EXACT_SCAN_MAX) return this.scan(vector, n, scoped.rows);
    const { neighbors, distances } = scoped ? this.index.searchKnn(Array.from(vector), n, scoped.keep) : this.index.searchKnn(Array.from(vector), n);
    return neighbors.map((index, i) => ({ index, score: 1 - distances[i]! }));
  }

  private scan(vector: Float32Array, n: number, kept: readonly number[]): VectorHit[] {
    const { dim } = this;
    const rows = (this.rows ??= this.readRows());
    let norm = 0;
    for (let d = 0; d < dim; d++) norm += vector[d]! * vector[d]!;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    const hits: VectorHit[] = [];
    for (const index of kept) {
      let dot = 0;
      for (let d = 0, at = index * dim; d < dim; d++, at++) dot += rows[at]! * vector[d]!;
      hits.push({ index, score: dot * scale });
    }
    return hits.sort((a, b) => b.score - a.score || a.index - b.index).slice(0, n);
  }

  private readRows(): Float32Array {
    const rows = new Float32Array(this.count * this.dim);
    for (let index = 0; index < this.count; index++) rows.set(this.index.getPoint(index), index * this.dim);
    return rows;
  }

  save(filePath: string): void {
    this.index.writeIndexSync(filePath);
  }

  vectorAt(index: number): Float32Array {
    return Float32Array.from(this.index.getPoint(index));
  }
}

/** Up to this many vectors (15 MB of rows at 192 dims), a filtered search scans instead of walking the graph. */
const EXACT_SCAN_MAX = 20_000;

/** The search breadth: the corpus size (exact recall on small corpora), within [64, 400]. */
function searchEf(count: number): number {
  return Math.max(64, Math.min(count, 400));
}

/** Builds an HNSW index over unit vectors. */
export function buildVectorIndex(vectors: Float32Array[], dim: number): VectorIndex {
  const index = new HierarchicalNSW('cosine', dim);
  index.initIndex({ maxElements: Math.max(1, vectors.length), m: 16, efConstruction: 200, randomSeed: 7 });
  vectors.forEach((v, i) => index.addPoint(Array.from(v), i));
  index.setEf(searchEf(vectors.length));
  return new HnswVectorIndex(index, dim);
}

/** Loads a saved index; the caller has checked the file against the manifest first. */
export function loadVectorIndex(filePath: string, dim: number, count: number): VectorIndex {
  const index = new HierarchicalNSW('cosine', dim);
  index.readIndexSync(filePath);
  index.setEf(searchEf(count));
  return new HnswVectorIndex(index, dim);
}
