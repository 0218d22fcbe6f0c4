/**
 * What a library's answer says of its reports: which report the answer comes from
 * ("据《2026年浙江省政府工作报告》…" / "According to the 2026 Zhejiang government work report, …"),
 * one block per region when regions are compared, each with its own citations, and the reason when
 * the library has no report on the region asked about.
 */
import { findProvinceByChinese } from '../../ingest/meta/province-lookup.js';
import type { Doc, DocumentKind } from '../../ingest/schema.js';
import type { AnswerResponse } from '../contract.js';
import type { KnowledgeBase } from '../retrieve/knowledge-base.js';
import type { ScopeSource } from './library-scope.js';

export interface ScopedAnswer {
  label: string | null;
  documents: string[];
  response: AnswerResponse;
}

type Attributed = Omit<AnswerResponse, 'question' | 'timings'>;

const KIND_IN_ENGLISH: Record<DocumentKind, string> = {
  'gov-work-report': 'government work report',
  'plan-outline': 'five-year plan outline',
  'midterm-review': 'mid-term review of the five-year plan',
  'statistical-bulletin': 'statistical bulletin',
  other: 'report',
};

/** 《title》, with the title's own book-title marks turned into inner ones. */
export function bookTitle(title: string): string {
  return `《${title.replace(/《/g, '〈').replace(/》/g, '〉')}》`;
}

/** "the 2026 Zhejiang government work report (《2026年浙江省政府工作报告》)", or the title alone when the region has no English name here. */
export function englishReportName(doc: Doc): string {
  const province = doc.region ? findProvinceByChinese(doc.region) : null;
  if (!province) return bookTitle(doc.title);
  const year = doc.kind === 'gov-work-report' && doc.years.current ? `${doc.years.current} ` : '';
  // English names a region by its English name without the title ("Inner Mongolia", "Tibet", "Guangxi").
  const name = shortEnglishName(province.english);
  return `the ${year}${name} ${KIND_IN_ENGLISH[doc.kind]} (${bookTitle(doc.title)})`;
}

/** "Guangxi Zhuang Autonomous Region" → "Guangxi", "Hubei Province" → "Hubei", "Inner Mongolia Autonomous Region" → "Inner Mongolia". */
function shortEnglishName(english: string): string {
  return english.replace(/\s+(?:(?:Zhuang|Hui|Uygur|Uyghur)\s+)?(?:Autonomous Region|Province|Municipality|Special Administrative Region)$/, '');
}

function isEnglish(kb: KnowledgeBase, question: string): boolean {
  return kb.crossLingual.isEnglish(question);
}

function scopeOf(kb: KnowledgeBase, documents: string[], by: ScopeSource): NonNullable<AnswerResponse['scope']> {
  return { documents: documents.map((id) => ({ id, title: kb.docById.get(id)?.title ?? id })), by };
}

/** The lead that names the report, when the library holds more than one and the report answers. */
function sourceLead(kb: KnowledgeBase, answer: ScopedAnswer): string {
  const doc = kb.docById.get(answer.documents[0] ?? '');
  if (!doc || kb.index.docs.length < 2 || !answer.response.answerable) return '';
  return isEnglish(kb, answer.response.question) ? `According to ${englishReportName(doc)}:\n\n` : `据${bookTitle(doc.title)}：\n\n`;
}

/** One report's answer, saying which report it is when the library holds several. */
export function attributed(kb: KnowledgeBase, answer: ScopedAnswer, by: ScopeSource): Attributed {
  const { question: _q, timings: _t, ...rest } = answer.response;
  return { ...rest, answer: `${sourceLead(kb, answer)}${rest.answer}`, scope: scopeOf(kb, answer.documents, by) };
}

/** Several regions' answers, one block each, citations numbered on across the blocks. */
export function compared(kb: KnowledgeBase, answers: ScopedAnswer[], by: ScopeSource): Attributed {
  const citations: AnswerResponse['citations'] = [];
  const figures: AnswerResponse['figures'] = [];
  const blocks: string[] = [];
  for (const answer of answers) {
    const offset = citations.length;
    const renumber = (n: number) => n + offset;
    citations.push(...answer.response.citations.map((c) => ({ ...c, n: renumber(c.n) })));
    figures.push(...answer.response.figures.map((f) => ({ ...f, citation: renumber(f.citation) })));
    const body = answer.response.answer.replace(/\[(\d+)\]/g, (_, n: string) => `[${renumber(Number(n))}]`);
    blocks.push(`**${answer.label ?? ''}**\n\n${sourceLead(kb, answer)}${body}`);
  }
  return {
    answer: blocks.join('\n\n'),
    answerable: answers.some((a) => a.response.answerable),
    citations,
    figures,
    passages: answers.flatMap((a) => a.response.passages),
    scope: scopeOf(kb, answers.flatMap((a) => a.documents), by),
  };
}

/** The question names a province the library has no report on. */
export function notInLibrary(kb: KnowledgeBase, question: string, names: string[]): Attributed {
  const answer = isEnglish(kb, question)
    ? `The library has no report on ${names.join(', ')}, so it cannot answer this question.`
    : `资料库中没有关于${names.join('、')}的报告，无法回答这个问题。`;
  return { answer, answerable: false, citations: [], figures: [], passages: [], scope: { documents: [], by: 'question' } };
}
