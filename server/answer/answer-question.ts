/**
 * Answers a question from the knowledge base, in process: choose the reports (`library-scope.ts`),
 * then analyze, retrieve, select evidence, decide whether the report answers at all, compose, and
 * verify every number against the quotes. A library's answer says which report it comes from.
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
import { planScope } from './library-scope.js';
import { attributed, compared, notInLibrary, type ScopedAnswer } from './attribute-answer.js';

const DEFAULT_TOP_K = 5;
/** How many top passages vote for the best document of a library. */
const BEST_DOCUMENT_POOL = 8;

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
  const plan = planScope(kb, request);
  const scopedRequest = { ...request, question: plan.text };
  let response: Omit<AnswerResponse, 'question' | 'timings'>;
  let retrieveMs = 0;
  if (plan.uncovered.length) response = notInLibrary(kb, request.question, plan.uncovered);
  else {
    const answers: ScopedAnswer[] = [];
    for (const group of plan.groups) {
      const documents = group.documents.length > 1 ? [await bestDocument(kb, scopedRequest, group.documents)] : group.documents;
      let answer = await answerInDocuments(kb, scopedRequest, documents, options);
      // Without the names that chose the report, nothing may be left to retrieve by: then the
      // question as asked finds the closest passages to quote.
      if (answer.citations.length === 0 && plan.text !== request.question) answer = await answerInDocuments(kb, request, documents, options);
      retrieveMs += answer.timings.retrieveMs;
      answers.push({ label: group.label, documents, response: answer });
    }
    response = answers.length === 1 ? attributed(kb, answers[0]!, plan.by) : compared(kb, answers, plan.by);
  }
  return { question: request.question, ...response, timings: { retrieveMs: round(retrieveMs), totalMs: round(performance.now() - started) } };
}

/** The document whose passages retrieval ranks highest for the question, summed over the top ones. */
async function bestDocument(kb: KnowledgeBase, request: AskRequest, documents: string[]): Promise<string> {
  const analysis = analyzeQuestion(kb, request.question, request.history, documents);
  const totals = new Map<string, number>();
  for (const hit of await searchPassages(kb, analysis, BEST_DOCUMENT_POOL)) {
    const docId = kb.index.passages[hit.index]!.docId;
    totals.set(docId, (totals.get(docId) ?? 0) + hit.score);
  }
  return [...totals].sort((a, b) => b[1] - a[1])[0]?.[0] ?? documents[0]!;
}

/** Answers from `documents` alone (all of the library's when they are all of them). */
async function answerInDocuments(kb: KnowledgeBase, request: AskRequest, documents: string[], options: AnswerOptions): Promise<AnswerResponse> {
  const started = performance.now();
  const scorer = options.scorer ?? defaultScorer();
  const whole = documents.length >= kb.index.docs.length;
  const analysis = analyzeQuestion(kb, request.question, request.history, whole ? undefined : documents);
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
