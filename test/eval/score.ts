/** Scoring of a question set, exactly as ../shared/eval/README.md describes it. */
import { z } from 'zod';
import { normalizeForMatch } from '../../ingest/text/normalize.js';
import type { AnswerResponse } from '../../server/contract.js';

export const EvalQuestionSchema = z.object({
  id: z.string(),
  /** The document the question is about: a citation counts only when it comes from it. */
  doc: z.string().optional(),
  question: z.string(),
  lang: z.enum(['zh', 'en']),
  type: z.string(),
  answers: z.array(z.string()),
  section: z.string(),
  chapter: z.string().optional(),
  evidence: z.string().optional(),
});
export type EvalQuestion = z.infer<typeof EvalQuestionSchema>;

/** A question that compares regions: each part is answered from its own report. */
export const ComparisonQuestionSchema = z.object({
  id: z.string(),
  question: z.string(),
  lang: z.enum(['zh', 'en']),
  type: z.string(),
  parts: z
    .array(z.object({ doc: z.string(), answers: z.array(z.string()).min(1), section: z.string(), chapter: z.string().optional(), evidence: z.string().optional() }))
    .min(2),
});
export type ComparisonQuestion = z.infer<typeof ComparisonQuestionSchema>;

/** The scoring rule's normal form: the same one the answer verifier uses. */
export const normalize = normalizeForMatch;

export interface QuestionScore {
  id: string;
  lang: 'zh' | 'en';
  answerable: boolean;
  answer: boolean | null;
  cite: boolean | null;
  recall5: boolean | null;
  abstain: boolean | null;
  ms: number;
}

export function scoreAnswer(q: EvalQuestion, r: AnswerResponse, ms: number): QuestionScore {
  const answerable = q.answers.length > 0;
  const answerText = normalize(r.answer);
  const section = normalize(q.section);
  const evidenceHead = q.evidence ? normalize(q.evidence).slice(0, 24) : null;
  return {
    id: q.id,
    lang: q.lang,
    answerable,
    answer: answerable ? r.answerable && q.answers.every((a) => answerText.includes(normalize(a))) : null,
    cite: answerable
      ? r.citations.slice(0, 3).some((c) => (!q.doc || c.docId === q.doc) && c.sectionPath.some((p) => normalize(p).includes(section)))
      : null,
    recall5: answerable
      ? r.passages.slice(0, 5).some((p) => {
          const text = normalize(p.text);
          return (evidenceHead !== null && text.includes(evidenceHead)) || q.answers.every((a) => text.includes(normalize(a)));
        })
      : null,
    abstain: answerable ? null : !r.answerable,
    ms,
  };
}

/**
 * A comparison counts as answered when every part's answers are in the answer; as cited when each
 * part has a citation from its own report's section (anywhere in the list: each region has its own
 * block); recall@5 when each part's evidence is among its report's first five passages.
 */
export function scoreComparison(q: ComparisonQuestion, r: AnswerResponse, ms: number): QuestionScore {
  const parts = q.parts.map((part) => scoreAnswer({ ...part, id: q.id, question: q.question, lang: q.lang, type: q.type }, {
    ...r,
    citations: r.citations.filter((c) => c.docId === part.doc),
    passages: r.passages.filter((p) => p.docId === part.doc),
  }, ms));
  const all = (pick: (s: QuestionScore) => boolean | null) => parts.every((s) => pick(s) === true);
  return { id: q.id, lang: q.lang, answerable: true, answer: all((s) => s.answer), cite: all((s) => s.cite), recall5: all((s) => s.recall5), abstain: null, ms };
}

function fraction(values: Array<boolean | null>): { hit: number; total: number; rate: number } {
  const counted = values.filter((v): v is boolean => v !== null);
  const hit = counted.filter(Boolean).length;
  return { hit, total: counted.length, rate: counted.length ? hit / counted.length : 1 };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function summarize(scores: QuestionScore[]) {
  const ms = scores.map((s) => s.ms).sort((a, b) => a - b);
  return {
    answer: fraction(scores.map((s) => s.answer)),
    answerZh: fraction(scores.filter((s) => s.lang === 'zh').map((s) => s.answer)),
    answerEn: fraction(scores.filter((s) => s.lang === 'en').map((s) => s.answer)),
    cite: fraction(scores.map((s) => s.cite)),
    recall5: fraction(scores.map((s) => s.recall5)),
    abstain: fraction(scores.map((s) => s.abstain)),
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
  };
}
