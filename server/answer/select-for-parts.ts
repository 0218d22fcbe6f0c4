/**
 * Evidence for a question that asks several things: each sub-question finds its own best
 * sentence (retrieving for itself too), so that "A和B分别是多少" is answered for A and for B.
 */
import type { HistoryTurn } from '../contract.js';
import { analyzeQuestion } from '../retrieve/analyze-question.js';
import { searchPassages } from '../retrieve/hybrid-search.js';
import type { KnowledgeBase } from '../retrieve/knowledge-base.js';
import type { QueryAnalysis, RankedPassage } from '../retrieve/types.js';
import type { AnswerScorer } from './answer-model.js';
import { rankSentences, type Evidence } from './select-evidence.js';

const PART_TOP_K = 8;
/** A sentence no other part took is preferred while it scores this share of the part's best. */
const DISTINCT_SHARE = 0.8;

/** One sentence per sub-question (fewer when parts share one), in the question's order. */
export async function selectForParts(kb: KnowledgeBase, analysis: QueryAnalysis, ranked: RankedPassage[], scorer: AnswerScorer): Promise<Evidence[]> {
  const parts = await Promise.all(
    analysis.parts.map(async (text, i) => {
      // "…是多少？在全市排第几？": a part without its own subject takes it from the one before.
      const history: HistoryTurn[] = i > 0 ? [{ role: 'user', content: analysis.parts[i - 1]! }] : [];
      const part = analyzeQuestion(kb, text, history, analysis.documents);
      const partRanked = await searchPassages(kb, part, PART_TOP_K);
      return { part, ranked: partRanked, candidates: rankSentences(kb, part, partRanked, { scorer }) };
    }),
  );
  const pool = mergeRanked(ranked, parts.flatMap((p) => p.ranked));
  const full = rankSentences(kb, analysis, pool, { pool: pool.length, scorer });
  const chosen = new Map<number, Evidence>();
  // The part surest of its sentence chooses first; the others then prefer sentences still free.
  const order = parts.map((p, i) => ({ ...p, i })).sort((a, b) => (b.candidates[0]?.score ?? 0) - (a.candidates[0]?.score ?? 0));
  const taken = new Set<string>();
  /** How sure each part is of its own sentence (the full question's scores judge the whole). */
  const partScores = new Map<string, number>();
  for (const { part, candidates, i } of order) {
    const best = candidates[0];
    if (!best) continue;
    const free = candidates.find((c) => !taken.has(key(c)) && c.score >= DISTINCT_SHARE * best.score) ?? best;
    const match = full.find((c) => key(c) === key(free));
    if (!match) continue;
    taken.add(key(free));
    chosen.set(i, { ...match, part });
    partScores.set(key(free), free.score);
  }
  const chosenInOrder = [...chosen.entries()].sort((a, b) => a[0] - b[0]).map(([, e]) => e);
  // The whole question's best sentence, surer than any part's choice, answers every part it can
  // ("2025年地区生产总值达到多少？增长多少？" in one sentence); the choices their parts are sure of join it.
  const top = full[0];
  const evidence =
    top && top.score > Math.max(0, ...chosenInOrder.map((e) => e.score))
      ? [top, ...chosenInOrder.filter((e) => key(e) !== key(top) && (partScores.get(key(e)) ?? 0) >= scorer.threshold)]
      : chosenInOrder;
  // One sentence answering two parts answers the whole question: its figures are picked for both.
  return evidence
    .filter((e, i) => evidence.findIndex((o) => key(o) === key(e)) === i)
    .map((e) => (evidence.filter((o) => key(o) === key(e)).length > 1 ? { ...e, part: undefined } : e));
}

function key(e: Evidence): string {
  return `${e.passageIndex}:${e.start}`;
}

function mergeRanked(first: RankedPassage[], more: RankedPassage[]): RankedPassage[] {
  const seen = new Set<number>();
  return [...first.slice(0, PART_TOP_K), ...more].filter((r) => !seen.has(r.index) && (seen.add(r.index), true));
}
