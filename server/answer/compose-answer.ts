/**
 * Writes the answer: what was asked first and briefly (the figure in bold, or the list items),
 * then the supporting quotes with [n] markers. English questions get English framing and an
 * English gloss of each figure's label beside the Chinese figures and quotes, which are never
 * translated: they must stay verifiable.
 */
import type { AnswerFigure, Citation } from '../contract.js';
import type { KnowledgeBase } from '../retrieve/knowledge-base.js';
import type { QueryAnalysis } from '../retrieve/types.js';
import { corroborations } from './corroborate.js';
import { enumerationAfter } from './enumeration.js';
import { clauseItems } from './list-items.js';
import { pickFigures, type PickedFigure } from './pick-figures.js';
import { ALTERNATIVE_LIST_SHARE, type Evidence } from './select-evidence.js';

export interface ComposedAnswer {
  answer: string;
  citations: Citation[];
  figures: AnswerFigure[];
}

const MAX_LISTS = 2;

/** Numbers evidence in the order the answer first cites it. */
class CitationOrder {
  readonly cited: Evidence[] = [];
  n(e: Evidence): number {
    const at = this.cited.indexOf(e);
    if (at >= 0) return at + 1;
    this.cited.push(e);
    return this.cited.length;
  }
}

/** Builds citations, picks figures and writes the Markdown answer. */
export function composeAnswer(kb: KnowledgeBase, analysis: QueryAnalysis, evidence: Evidence[]): ComposedAnswer {
  const order = new CitationOrder();
  const en = analysis.lang === 'en';
  const picked = analysis.intent === 'figure' || analysis.multi ? pickFigures(kb, analysis, evidence) : [];
  const lines: string[] = [];
  const figures: AnswerFigure[] = [];
  if (picked.length) {
    lines.push(en ? 'According to the report:' : '根据报告：');
    const seconds = corroborations(kb, picked, evidence);
    for (const p of picked) {
      const refs = [p.evidence, ...(seconds.get(p) ?? [])].map((e) => `[${order.n(e)}]`).join('');
      lines.push(`- ${figureLabel(kb, analysis, p)}**${p.figure.text}** ${refs}`);
      figures.push(toAnswerFigure(p, order.n(p.evidence)));
    }
  } else if (analysis.intent === 'list') {
    lines.push(en ? 'The report lists:' : '报告列出：');
    lines.push(...listLines(kb, evidence, order));
  } else {
    lines.push(en ? 'According to the report:' : '根据报告：');
  }
  evidence.forEach((e) => order.n(e));
  const citations = order.cited.map((e, i) => toCitation(kb, e, i + 1));
  lines.push('');
  for (const c of citations) lines.push(`> ${c.quote} [${c.n}]`, `> — ${c.sectionPath.join(' › ')}`, '');
  return { answer: lines.join('\n').trim(), citations, figures };
}

/** "城镇化率：" in Chinese; "urbanization rate (城镇化率): " in English when the glossary can say it. */
function figureLabel(kb: KnowledgeBase, analysis: QueryAnalysis, { figure }: PickedFigure): string {
  // "年均增长 7.6%" is not the income itself: the qualifier says what the value is.
  const qualifier = figure.qualifier && !figure.label.includes(figure.qualifier) ? figure.qualifier : '';
  if (!figure.label) return qualifier ? `${qualifier}${analysis.lang === 'en' ? ': ' : '：'}` : '';
  if (analysis.lang !== 'en') return `${figure.label}${qualifier ? `（${qualifier}）` : ''}：`;
  const chinese = `${figure.label}${qualifier ? `, ${qualifier}` : ''}`;
  const english = kb.crossLingual.describe(figure.label);
  return english ? `${english} (${chinese}): ` : `${chinese}: `;
}

/** The items of the best list sentence (and of a near-equal one from elsewhere), each cited. */
function listLines(kb: KnowledgeBase, evidence: Evidence[], order: CitationOrder): string[] {
  const best = evidence[0]!;
  const lists = evidence.filter((e) => e === best || e.coverage >= ALTERNATIVE_LIST_SHARE * best.coverage).slice(0, MAX_LISTS);
  const lines: string[] = [];
  for (const intro of lists) {
    const enumerated = enumerationAfter(kb, intro);
    if (enumerated.length) {
      order.n(intro);
      for (const item of enumerated) lines.push(`- ${item.title} [${order.n(item.evidence)}]`);
    } else {
      const n = order.n(intro);
      for (const item of clauseItems(intro.text)) lines.push(`- ${item} [${n}]`);
    }
  }
  return lines;
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

function toAnswerFigure({ figure }: PickedFigure, citation: number): AnswerFigure {
  return { label: figure.label, value: figure.value, unit: figure.unit, text: figure.text, citation };
}
