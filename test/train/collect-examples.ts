/**
 * Training examples for the answer model: each report ingested alone, each of its questions run
 * through the same analysis, retrieval and candidate generation as answering, and each candidate
 * sentence labelled by whether it holds one of the question's gold answers.
 */
import { normalizeForMatch } from '../../ingest/text/normalize.js';
import type { AnswerScorer } from '../../server/answer/answer-model.js';
import { featureVector, FEATURE_NAMES } from '../../server/answer/candidate-features.js';
import { enumerationAfter } from '../../server/answer/enumeration.js';
import { questionSignals, rankSentences, type Evidence } from '../../server/answer/select-evidence.js';
import { analyzeQuestion } from '../../server/retrieve/analyze-question.js';
import { planScope } from '../../server/answer/library-scope.js';
import { searchPassages } from '../../server/retrieve/hybrid-search.js';
import type { KnowledgeBase } from '../../server/retrieve/knowledge-base.js';
import type { QueryAnalysis } from '../../server/retrieve/types.js';
import type { EvalQuestion } from '../eval/score.js';

export interface QuestionExample {
  report: string;
  id: string;
  answerable: boolean;
  /** Feature rows of the candidates (FEATURE_NAMES order) and their labels. */
  x: number[][];
  y: number[];
}

/** Candidates are described, not scored, while examples are collected. */
const DESCRIBE_ONLY: AnswerScorer = { features: [], threshold: 0, probability: () => 0 };
/** As answering retrieves: the top passages give the candidate sentences. */
const RETRIEVED = 8;

/** Whether a sentence holds one of the gold answers (the scoring rule's normal form). */
export function holdsAnswer(q: EvalQuestion, sentence: string): boolean {
  const text = normalizeForMatch(sentence);
  return q.answers.some((a) => text.includes(normalizeForMatch(a)));
}

/** A list question is answered by the sentence that opens the list: its items hold the answers. */
function opensListWithAnswer(kb: KnowledgeBase, analysis: QueryAnalysis, q: EvalQuestion, candidate: Evidence): boolean {
  return analysis.intent === 'list' && enumerationAfter(kb, candidate).some((item) => holdsAnswer(q, item.evidence.text));
}

/** The examples of one report's questions, in their order. */
export async function collectExamples(kb: KnowledgeBase, report: string, questions: EvalQuestion[]): Promise<QuestionExample[]> {
  const examples: QuestionExample[] = [];
  for (const q of questions) {
    // As answering reads it: without the names that chose the report.
    const analysis = analyzeQuestion(kb, planScope(kb, { question: q.question }).text);
    const ranked = await searchPassages(kb, analysis, RETRIEVED);
    const candidates = rankSentences(kb, analysis, ranked, { scorer: DESCRIBE_ONLY });
    const qs = questionSignals(kb, analysis, ranked);
    const answerable = q.answers.length > 0;
    examples.push({
      report,
      id: q.id,
      answerable,
      x: candidates.map((c) => featureVector(FEATURE_NAMES, analysis, qs, c.signals)),
      y: candidates.map((c) => (answerable && (holdsAnswer(q, c.text) || opensListWithAnswer(kb, analysis, q, c)) ? 1 : 0)),
    });
  }
  return examples;
}
