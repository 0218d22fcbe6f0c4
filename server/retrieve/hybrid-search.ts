/** Hybrid retrieval: BM25 over words and bigrams plus HNSW vector search, fused by reciprocal rank. */
import type { VectorFilter } from '../../ingest/store/hnsw.js';
import type { PassageHit } from '../contract.js';
import { KnowledgeBaseCache } from './kb-cache.js';
import type { KnowledgeBase } from './knowledge-base.js';
import type { QueryAnalysis, RankedPassage } from './types.js';

const RRF_K = 60;
const CANDIDATES = 40;
/** The lexical list is the sharper signal for exact policy terms; vectors add related wording. */
const LEXICAL_WEIGHT = 1;
const VECTOR_WEIGHT = 0.6;

/** Ranks passages for an analyzed question, best first. */
export async function searchPassages(kb: KnowledgeBase, analysis: QueryAnalysis, k: number): Promise<RankedPassage[]> {
  const filter = analysis.documents ? passageFilter(kb, analysis.documents) : undefined;
  const lexical = kb.index.lexical.search(analysis.lexicalTerms, CANDIDATES, filter?.keep);
  const embedded = await queryVector(kb, analysis.embedText);
  const vector = embedded ? kb.index.vectors.search(embedded, CANDIDATES, filter) : [];
  const fused = new Map<number, RankedPassage>();
  const entry = (index: number) => fused.get(index) ?? fused.set(index, { index, score: 0 }).get(index)!;
  lexical.forEach((hit, rank) => {
    const e = entry(hit.index);
    e.score += (LEXICAL_WEIGHT * RRF_K) / (RRF_K + rank + 1);
    e.lexicalRank = rank;
  });
  vector.forEach((hit, rank) => {
    if (hit.score <= 0) return;
    const e = entry(hit.index);
    e.score += (VECTOR_WEIGHT * RRF_K) / (RRF_K + rank + 1);
    e.vectorRank = rank;
    e.vectorScore = hit.score;
  });
  return [...fused.values()].sort((a, b) => b.score - a.score).slice(0, k);
}

/** Enough for every document alone and the scopes a conversation comes back to. */
const filters = new KnowledgeBaseCache<string, VectorFilter>(256);
/** A library question embeds its words twice: once to choose the report, once to answer from it. */
const queryVectors = new KnowledgeBaseCache<string, Promise<Float32Array | undefined>>(64);

function queryVector(kb: KnowledgeBase, text: string): Promise<Float32Array | undefined> {
  return queryVectors.get(kb, text, () => {
    const vector = kb.embedder.embedQueries([text]).then(([v]) => v);
    // A failed embedding is not kept: the next question tries again.
    vector.catch(() => queryVectors.forget(kb, text));
    return vector;
  });
}

/** Which passages belong to `documents` (worked out once per knowledge base and scope). */
function passageFilter(kb: KnowledgeBase, documents: readonly string[]): VectorFilter {
  return filters.get(kb, [...documents].sort().join('\n'), () => {
    const wanted = new Set(documents);
    const inScope = kb.index.passages.map((p) => wanted.has(p.docId));
    const rows = inScope.flatMap((kept, index) => (kept ? [index] : []));
    return { keep: (index: number) => inScope[index] === true, eligible: rows.length, rows };
  });
}

/** Ranked passages in the shape the API returns them. */
export function toPassageHits(kb: KnowledgeBase, ranked: RankedPassage[]): PassageHit[] {
  return ranked.map(({ index, score }) => {
    const p = kb.index.passages[index]!;
    return { id: p.id, docId: p.docId, sectionId: p.sectionId, sectionPath: p.sectionPath, text: p.text, score: Number(score.toFixed(4)) };
  });
}
