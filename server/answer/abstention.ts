/**
 * Decides whether the question is answered: hard facts first (an English name or a year that no
 * document writes or plans for, a place no document is about and the answer does not name, a
 * question none of whose concepts the corpus ever mentions), then the answer model's confidence in
 * its best sentence, against the one threshold training chose. Everything softer (a concept the
 * report never uses, a sibling measure, no figure of the asked kind) is a feature the model
 * weighs, not a gate.
 */
import { normalizeForMatch } from '../../ingest/text/normalize.js';
import { corpusMentions, type KnowledgeBase } from '../retrieve/knowledge-base.js';
import type { QueryAnalysis } from '../retrieve/types.js';
import type { AnswerScorer } from './answer-model.js';
import { coversYear, yearWordsOf } from './candidate-checks.js';
import type { Evidence } from './select-evidence.js';

export type AbstentionReason = 'nothing-relevant' | 'unknown-name' | 'year-not-covered' | 'place-not-covered' | 'low-confidence';

/** Why the question is declined, or null when it is answered. */
export function abstentionReason(kb: KnowledgeBase, analysis: QueryAnalysis, evidence: Evidence[], scorer: AnswerScorer): AbstentionReason | null {
  if (evidence.length === 0 || analysis.keyTerms.length === 0) return 'nothing-relevant';
  if (speaksOfNothingInCorpus(kb, analysis)) return 'nothing-relevant';
  if (analysis.unknownNames.length) return 'unknown-name';
  if (analysis.years.length) {
    const words = yearWordsOf(kb.corpusText);
    if (analysis.years.some((y) => !kb.index.docs.some((d) => coversYear(kb.corpusText, d.years, Number(y), words)))) return 'year-not-covered';
  }
  // A place no document is about is covered only where the answer itself names it.
  const answering = normalizeForMatch(evidence.map((e) => e.text).join('\n'));
  const regions = kb.index.docs.map((d) => normalizeForMatch(d.region ?? ''));
  const covered = (form: string) => regions.some((r) => r && r.includes(form)) || answering.includes(form);
  if (analysis.places.some((forms) => !forms.map((f) => normalizeForMatch(f)).some(covered))) return 'place-not-covered';
  if (Math.max(...evidence.map((e) => e.score)) < scorer.threshold) return 'low-confidence';
  return null;
}

/**
 * A hard fact: no concept of the question (a word of two characters or more, years aside) occurs
 * anywhere in the corpus ("火星上有多少人？": 火星 never does; 人 is only the answer's unit).
 */
function speaksOfNothingInCorpus(kb: KnowledgeBase, analysis: QueryAnalysis): boolean {
  const concepts = analysis.keyTerms.filter((t) => !/^\d{4}年$/.test(t.source) && t.alternatives.some((a) => [...a].length > 1));
  return concepts.length > 0 && concepts.every((t) => !t.alternatives.some((a) => corpusMentions(kb, a)));
}
