/** Passage search without composing an answer: what GET /api/search returns. */
import type { PassageHit } from '../contract.js';
import { analyzeQuestion } from '../retrieve/analyze-question.js';
import { searchPassages, toPassageHits } from '../retrieve/hybrid-search.js';
import type { KnowledgeBase } from '../retrieve/knowledge-base.js';

/** The `k` passages retrieval ranks highest for `query`, of `documents` when they are given. */
export async function searchKnowledgeBase(kb: KnowledgeBase, query: string, k: number, documents?: string[]): Promise<PassageHit[]> {
  return toPassageHits(kb, await searchPassages(kb, analyzeQuestion(kb, query, [], documents), k));
}
