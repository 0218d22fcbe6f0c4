/** Hybrid retrieval: BM25 over words and bigrams plus HNSW vector search, fused by reciprocal rank. */
import type { PassageHit } from '../contract.js';
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
  const [queryVector] = await kb.embedder.embedQueries([analysis.embedText]);
  const vector = queryVector ? kb.index.vectors.search(queryVector, CANDIDATES, filter) : [];
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

/** Which passages belong to `documents`, and how many do. */
function passageFilter(kb: KnowledgeBase, documents: readonly string[]): { keep: (index: number) => boolean; eligible: number } {
  const wanted = new Set(documents);
  const inScope = kb.index.passages.map((p) => wanted.has(p.docId));
  return { keep: (index) => inScope[index] === true, eligible: inScope.filter(Boolean).length };
}

/** Ranked passages in the shape the API returns them. */
export function toPassageHits(kb: KnowledgeBase, ranked: RankedPassage[]): PassageHit[] {
  return ranked.map(({ index, score }) => {
    const p = kb.index.passages[index]!;
    return { id: p.id, docId: p.docId, sectionId: p.sectionId, sectionPath: p.sectionPath, text: p.text, score: Number(score.toFixed(4)) };
  });
}
