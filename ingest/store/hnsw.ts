/** The vector index: the only module that imports hnswlib-node. Cosine space, labels = passage order. */
import hnswlib from 'hnswlib-node';

const { HierarchicalNSW } = hnswlib;

export interface VectorHit {
  index: number;
  /** Cosine similarity, 1 = same direction. */
  score: number;
}

export interface VectorIndex {
  readonly dim: number;
  readonly count: number;
  /** The `k` nearest, of those `keep` accepts when it is given (`eligible`: how many it accepts). */
  search(vector: Float32Array, k: number, filter?: { keep: (index: number) => boolean; eligible: number }): VectorHit[];
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

  search(vector: Float32Array, k: number, filter?: { keep: (index: number) => boolean; eligible: number }): VectorHit[] {
    // hnswlib cannot return more neighbours than pass the filter.
    const n = Math.min(k, filter ? filter.eligible : this.count);
    if (n === 0) return [];
    const { neighbors, distances } = filter ? this.index.searchKnn(Array.from(vector), n, filter.keep) : this.index.searchKnn(Array.from(vector), n);
    return neighbors.map((index, i) => ({ index, score: 1 - distances[i]! }));
  }

  save(filePath: string): void {
    this.index.writeIndexSync(filePath);
  }

  vectorAt(index: number): Float32Array {
    return Float32Array.from(this.index.getPoint(index));
  }
}

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
