/**
 * Writes the answer: what was asked first and briefly (the figure in bold, or the list items),
 * then the supporting quotes with [n] markers. English questions get English framing around the
 * Chinese figures and quotes, which are never translated: they must stay verifiable.
 */
import type { Figure } from '../../ingest/schema.js';
import { cjkBigrams } from '../../ingest/text/tokenize.js';
import type { AnswerFigure, Citation } from '../contract.js';
import type { KnowledgeBase } from '../retrieve/knowledge-base.js';
import type { QueryAnalysis } from '../retrieve/types.js';
import type { Evidence } from './select-evidence.js';

export interface ComposedAnswer {
  answer: string;
  citations: Citation[];
  figures: AnswerFigure[];
}

/** Builds citations, picks figures and writes the Markdown answer. */
export function composeAnswer(kb: KnowledgeBase, analysis: QueryAnalysis, evidence: Evidence[]): ComposedAnswer {
  const citations = evidence.map((e, i) => toCitation(kb, e, i + 1));
  const figures = analysis.intent === 'figure' || analysis.multi ? pickFigures(kb, analysis, evidence) : [];
  const lines: string[] = [];
  const en = analysis.lang === 'en';
  if (figures.length) {
    lines.push(en ? 'According to the report:' : '根据报告：');
    for (const f of figures) lines.push(`- ${f.label}：**${f.text}** [${f.citation}]`);
  } else if (analysis.intent === 'list') {
    lines.push(en ? 'The report lists:' : '报告列出：');
    for (const item of listItems(evidence[0]!.text)) lines.push(`- ${item} [1]`);
  } else {
    lines.push(en ? 'According to the report:' : '根据报告：');
  }
  lines.push('');
  citations.forEach((c) => {
    lines.push(`> ${c.quote} [${c.n}]`);
    lines.push(`> — ${c.sectionPath.join(' › ')}`);
    lines.push('');
  });
  return { answer: lines.join('\n').trim(), citations, figures };
}

function toCitation(kb: KnowledgeBase, e: Evidence, n: number): Citation {
  const passage = kb.index.passages[e.passageIndex]!;
  const doc = kb.docById.get(passage.docId);
  return {
    n,
    docId: passage.docId,
    docTitle: doc?.title ?? passage.docId,
    sectionId: passage.sectionId,
    sectionPath: passage.sectionPath,
    quote: e.text,
    score: Number(e.score.toFixed(4)),
    start: passage.start,
    end: passage.end,
  };
}

/** The figures of the evidence whose labels best match the question, one or more per sentence. */
function pickFigures(kb: KnowledgeBase, analysis: QueryAnalysis, evidence: Evidence[]): AnswerFigure[] {
  const questionGrams = new Set(analysis.keyTerms.flatMap((t) => t.alternatives.flatMap((a) => [a, ...cjkBigrams(a)])));
  const picked: AnswerFigure[] = [];
  evidence.forEach((e, i) => {
    const passage = kb.index.passages[e.passageIndex]!;
    const inSentence = (kb.figuresByPassage.get(passage.id) ?? []).filter((f) => f.start >= e.start && f.end <= e.end);
    const scored = inSentence
      .map((f) => ({ f, score: labelMatch(f, questionGrams) }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score);
    const top = scored[0]?.score ?? 0;
    const keep = scored.filter((s) => s.score >= top * 0.75).slice(0, analysis.multi ? 3 : 2);
    for (const { f } of keep) picked.push(toAnswerFigure(f, i + 1));
  });
  return picked.slice(0, 4);
}

function labelMatch(figure: Figure, questionGrams: Set<string>): number {
  const grams = cjkBigrams(`${figure.label}${figure.qualifier ?? ''}`);
  if (grams.length === 0) return 0;
  return grams.filter((g) => questionGrams.has(g)).length / Math.sqrt(grams.length);
}

function toAnswerFigure(f: Figure, citation: number): AnswerFigure {
  return { label: f.label, value: f.value, unit: f.unit, text: f.text, citation };
}

/** The clauses of an enumerating sentence, as list items. */
function listItems(sentence: string): string[] {
  const body = sentence.replace(/[。；;！？]+$/, '');
  const clauses = body.split(/[，；;]/).map((s) => s.trim()).filter((s) => s.length >= 2);
  if (clauses.length > 1) return clauses.slice(0, 8);
  // "存在甲、乙、丙等问题": the items are the 、-separated parts of the one clause.
  const inner = body.replace(/^(?:但|仍|还|也)*(?:存在|面临|包括|有)/, '').replace(/等(?:问题|方面|不足)?$/, '');
  const parts = inner.split('、').map((s) => s.trim()).filter((s) => s.length >= 2);
  return parts.length > 1 ? parts.slice(0, 8) : [body];
}
