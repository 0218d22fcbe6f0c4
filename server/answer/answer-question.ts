/**
 * Answers a question from the knowledge base, in process: analyze, retrieve, select evidence,
 * decide whether the report answers at all, compose, and verify every number against the quotes.
 */
import type { AnswerResponse, AskRequest } from '../contract.js';
import { analyzeQuestion } from '../retrieve/analyze-question.js';
import { searchPassages, toPassageHits } from '../retrieve/hybrid-search.js';
import type { KnowledgeBase } from '../retrieve/knowledge-base.js';
import type { QueryAnalysis } from '../retrieve/types.js';
import { composeAnswer, type ComposedAnswer } from './compose-answer.js';
import { abstentionReason } from './abstention.js';
import { defaultScorer, type AnswerScorer } from './answer-model.js';
import { rankSentences, selectEvidence, type Evidence } from './select-evidence.js';
import { selectForParts } from './select-for-parts.js';
import { unsupportedNumbers } from './verify-numbers.js';

const DEFAULT_TOP_K = 5;

export interface AnswerOptions {
  /** The answer model; the shipped one by default (cross-validation passes a fold's). */
  scorer?: AnswerScorer;
}

/**
 * Answers one question.
 * @example (await answerQuestion(kb, { question: '固定资产投资累计完成多少？' })).figures[0]?.text // -> '860.3 亿元'-like
 */
export async function answerQuestion(kb: KnowledgeBase, request: AskRequest, options: AnswerOptions = {}): Promise<AnswerResponse> {
  const started = performance.now();
  const scorer = options.scorer ?? defaultScorer();
  const analysis = analyzeQuestion(kb, request.question, request.history);
  const ranked = await searchPassages(kb, analysis, Math.max(request.topK ?? DEFAULT_TOP_K, 8));
  const retrieveMs = performance.now() - started;
  const passages = toPassageHits(kb, ranked.slice(0, request.topK ?? DEFAULT_TOP_K));
  const evidence =
    analysis.parts.length > 1 && analysis.intent !== 'list'
      ? await selectForParts(kb, analysis, ranked, scorer)
      : selectEvidence(analysis, rankSentences(kb, analysis, ranked, { scorer }));
  const reason = abstentionReason(kb, analysis, evidence, scorer);
  const composed = reason ? composeAbstention(kb, analysis, evidence) : verified(composeAnswer(kb, analysis, evidence));
  return {
    question: request.question,
    answer: composed.answer,
    answerable: !reason,
    citations: composed.citations,
    figures: composed.figures,
    passages,
    timings: { retrieveMs: round(retrieveMs), totalMs: round(performance.now() - started) },
  };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

/** An answer whose lead names a number no quote holds is cut back to the quotes themselves. */
function verified(composed: ComposedAnswer): ComposedAnswer {
  const quotes = composed.citations.map((c) => c.quote);
  if (unsupportedNumbers(composed.answer, quotes).length === 0) return composed;
  const body = composed.citations.map((c) => `> ${c.quote} [${c.n}]`).join('\n\n');
  return { ...composed, answer: body, figures: [] };
}

function composeAbstention(kb: KnowledgeBase, analysis: QueryAnalysis, evidence: Evidence[]): ComposedAnswer {
  const closest = evidence.slice(0, 2);
  const nearest = composeAnswer(kb, { ...analysis, intent: 'fact', multi: false }, closest);
  const lead = analysis.lang === 'en'
    ? 'The report does not answer this question. The closest passages it has are quoted below.'
    : '报告中没有找到这个问题的答案。以下是报告中最接近的内容，供参考：';
  const quotes = nearest.citations.map((c) => `> ${c.quote} [${c.n}]\n> — ${c.sectionPath.join(' › ')}`).join('\n\n');
  return { answer: quotes ? `${lead}\n\n${quotes}` : lead, citations: nearest.citations, figures: [] };
}
