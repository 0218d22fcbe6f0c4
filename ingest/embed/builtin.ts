/**
 * The built-in embedder: latent semantic analysis trained on the corpus at ingest. TF-IDF over jieba
 * words and CJK bigrams, projected on the top singular vectors of the passage-term matrix. It needs
 * no download, so the product is fully useful offline; a transformers.js model can replace it.
 */
import { z } from 'zod';
import type { Embedder, EmbedderInfo } from '../schema.js';
import { tokenize } from '../text/tokenize.js';
import { truncatedSvd, type SparseRows } from './svd.js';

export const BUILTIN_EMBEDDER_ID = 'builtin-lsa';
export const DEFAULT_BUILTIN_DIM = 192;

export const LsaVocabularySchema = z.object({
  id: z.literal(BUILTIN_EMBEDDER_ID),
  dim: z.number().int().positive(),
  terms: z.array(z.string()),
  idf: z.array(z.number()),
});
export type LsaVocabulary = z.infer<typeof LsaVocabularySchema>;

export interface LsaModel {
  vocabulary: LsaVocabulary;
  /** terms × dim, row-major: the projection of each term onto the latent components. */
  projection: Float32Array;
}

function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tokenize(text)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/** Sublinear TF-IDF, L2-normalized, over the model's vocabulary. */
function weightTerms(counts: Map<string, number>, index: Map<string, number>, idf: number[]) {
  const columns: number[] = [];
  const values: number[] = [];
  for (const [term, count] of counts) {
    const column = index.get(term);
    if (column === undefined) continue;
    columns.push(column);
    values.push((1 + Math.log(count)) * idf[column]!);
  }
  const norm = Math.hypot(...values) || 1;
  return { columns: Int32Array.from(columns), values: Float64Array.from(values, (v) => v / norm) };
}

/**
 * Trains the LSA model on training texts (passages and their sentences), over the terms `keepTerm`
 * accepts (all by default).
 * @example trainLsaModel(passageTexts, 192).vocabulary.dim // -> min(192, texts - 1)
 */
export function trainLsaModel(texts: string[], dim = DEFAULT_BUILTIN_DIM, keepTerm: (term: string) => boolean = () => true): LsaModel {
  const docs = texts.map(termCounts);
  const df = new Map<string, number>();
  for (const counts of docs) for (const term of counts.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const terms = [...df.keys()].filter(keepTerm).sort();
  const index = new Map(terms.map((t, i) => [t, i]));
  const idf = terms.map((t) => Math.log((docs.length + 1) / (df.get(t)! + 1)) + 1);
  const matrix: SparseRows = { rows: docs.map((c) => weightTerms(c, index, idf)), columnCount: terms.length };
  const { components } = truncatedSvd(matrix, Math.max(1, Math.min(dim, docs.length - 1)));
  const k = components.length;
  const projection = new Float32Array(terms.length * k);
  components.forEach((component, c) => {
    for (let t = 0; t < terms.length; t++) projection[t * k + c] = component[t]!;
  });
  return { vocabulary: { id: BUILTIN_EMBEDDER_ID, dim: k, terms, idf }, projection };
}

/** An Embedder over a trained (or loaded) LSA model. */
export class BuiltinEmbedder implements Embedder {
  readonly info: EmbedderInfo;
  private readonly index: Map<string, number>;

  constructor(readonly model: LsaModel) {
    this.info = { id: BUILTIN_EMBEDDER_ID, dim: model.vocabulary.dim };
    this.index = new Map(model.vocabulary.terms.map((t, i) => [t, i]));
  }

  /** Whether the model was trained with `term` (tokens it lacks carry nothing into a vector). */
  knows(term: string): boolean {
    return this.index.has(term);
  }

  embed(text: string): Float32Array {
    const { dim, idf } = this.model.vocabulary;
    const { columns, values } = weightTerms(termCounts(text), this.index, idf);
    const out = new Float32Array(dim);
    for (let j = 0; j < columns.length; j++) {
      const base = columns[j]! * dim;
      const weight = values[j]!;
      for (let c = 0; c < dim; c++) out[c]! += weight * this.model.projection[base + c]!;
    }
    const norm = Math.hypot(...out);
    if (norm > 0) for (let c = 0; c < dim; c++) out[c]! /= norm;
    return out;
  }

  async embedQueries(texts: string[]): Promise<Float32Array[]> {
    return texts.map((t) => this.embed(t));
  }

  async embedPassages(texts: string[]): Promise<Float32Array[]> {
    return texts.map((t) => this.embed(t));
  }
}
