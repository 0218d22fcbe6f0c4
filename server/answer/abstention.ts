/**
 * Decides whether the question is answered: hard facts first (an English name or a year that no
 * document covers, a place no document is about and the answer does not name), then the answer
 * model's confidence in its best sentence, against the one threshold training chose. Everything softer (a concept the report never uses, a sibling
 * measure, no figure of the asked kind) is a feature the model weighs, not a gate.
 */
import { normalizeForMatch } from '../../ingest/text/normalize.js';
import type { KnowledgeBase } from '../retrieve/knowledge-base.js';
import type { QueryAnalysis } from '../retrieve/types.js';
import type { AnswerScorer } from './answer-model.js';
import { statesYear, yearWordsOf } from './candidate-checks.js';
import type { Evidence } from './select-evidence.js';

export type AbstentionReason = 'nothing-relevant' | 'unknown-name' | 'year-not-covered' | 'place-not-covered' | 'low-confidence';

/** Why the question is declined, or null when it is answered. */
export function abstentionReason(kb: KnowledgeBase, analysis: QueryAnalysis, evidence: Evidence[], scorer: AnswerScorer): AbstentionReason | null {
  if (evidence.length === 0 || analysis.keyTerms.length === 0) return 'nothing-relevant';
  if (analysis.unknownNames.length) return 'unknown-name';
  if (analysis.years.length) {
    const words = yearWordsOf(kb.corpusText);
    if (analysis.years.some((y) => !kb.index.docs.some((d) => statesYear(kb.corpusText, d.years, Number(y), words)))) return 'year-not-covered';
  }
  // A place no document is about is covered only where the answer itself names it.
  const answering = normalizeForMatch(evidence.map((e) => e.text).join('\n'));
  const regions = kb.index.docs.map((d) => normalizeForMatch(d.region ?? ''));
  const covered = (form: string) => regions.some((r) => r && r.includes(form)) || answering.includes(form);
  if (analysis.places.some((forms) => !forms.map((f) => normalizeForMatch(f)).some(covered))) return 'place-not-covered';
  if (Math.max(...evidence.map((e) => e.score)) < scorer.threshold) return 'low-confidence';
  return null;
}
