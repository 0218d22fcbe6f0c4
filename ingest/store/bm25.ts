/** Okapi BM25 over token lists, serializable to JSON. */
import { z } from 'zod';

export const Bm25DataSchema = z.object({
  k1: z.number(),
  b: z.number(),
  lengths: z.array(z.number()),
  postings: z.record(z.string(), z.array(z.tuple([z.number().int(), z.number()]))),
});
export type Bm25Data = z.infer<typeof Bm25DataSchema>;

export interface LexicalHit {
  index: number;
  score: number;
}

export class Bm25Index {
  private readonly avgLength: number;
  /** A Map, not the plain object: a query term like "constructor" must not hit Object.prototype. */
  private readonly postings: Map<string, Array<[number, number]>>;

  constructor(readonly data: Bm25Data) {
    this.postings = new Map(Object.entries(data.postings));
    const total = data.lengths.reduce((s, l) => s + l, 0);
    this.avgLength = data.lengths.length ? total / data.lengths.length : 1;
  }

  static build(documents: string[][], k1 = 1.2, b = 0.75): Bm25Index {
    const postings = new Map<string, Array<[number, number]>>();
    documents.forEach((tokens, doc) => {
      const counts = new Map<string, number>();
      for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
      for (const [term, tf] of counts) {
        const list = postings.get(term) ?? [];
        list.push([doc, tf]);
        postings.set(term, list);
      }
    });
    return new Bm25Index({ k1, b, lengths: documents.map((d) => d.length), postings: Object.fromEntries(postings) });
  }

  get size(): number {
    return this.data.lengths.length;
  }

  /** Inverse document frequency of a term (0 when absent). */
  idf(term: string): number {
    const df = this.postings.get(term)?.length ?? 0;
    if (df === 0) return 0;
    const n = this.data.lengths.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Scores documents for weighted query terms; returns the best `k` (of those `keep` accepts). */
  search(terms: Array<{ term: string; weight: number }>, k: number, keep?: (index: number) => boolean): LexicalHit[] {
    const { k1, b, lengths } = this.data;
    const scores = new Map<number, number>();
    for (const { term, weight } of terms) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = this.idf(term);
      for (const [doc, tf] of list) {
        if (keep && !keep(doc)) continue;
        const norm = tf + k1 * (1 - b + (b * lengths[doc]!) / this.avgLength);
        scores.set(doc, (scores.get(doc) ?? 0) + weight * idf * ((tf * (k1 + 1)) / norm));
      }
    }
    return [...scores]
      .map(([index, score]) => ({ index, score }))
      .sort((x, y) => y.score - x.score)
      .slice(0, k);
  }

  has(term: string): boolean {
    return this.postings.has(term);
  }
}
