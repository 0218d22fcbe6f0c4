/**
 * The text of the MCP tools' results. Each one stands on its own for a model that reads only the
 * text: every passage, figure and source names its report and section path, and the section id
 * that `get_section` takes.
 */
import type { AnswerResponse, DocumentSummary, FigureHit, PassageHit, SectionDetail } from '../contract.js';
import { bookTitle } from '../answer/attribute-answer.js';
import { sourcePath } from '../wording/cited-markdown.js';

/** Report titles by document id, to name the report of a passage or figure (which carry the id only). */
export type TitleOf = (docId: string) => string;

const sectionRef = (sectionId: string): string => `[section ${sectionId}]`;

/** A figure's number as the report writes it: "3.39%", "860.3亿元", "八年". */
const amount = (figure: Pick<FigureHit, 'value' | 'unit'>): string => `${figure.value}${figure.unit}`;

/**
 * The answer's Markdown, then one line per citation (with the section id for get_section).
 *
 * @example
 * // 研究与试验发展经费支出占地区生产总值比重：**3.39%** [1]
 * //
 * // Sources:
 * // [1] 《江北区…中期评估报告》 › 一、… › （一）… — “…调整至 3.39%…” [section jiangbei…:1.1]
 */
export function formatAnswer(answer: AnswerResponse): string {
  const sources = answer.citations.map(
    (c) => `[${c.n}] ${sourcePath(c.docTitle, c.sectionPath)} — “${c.quote}” ${sectionRef(c.sectionId)}`,
  );
  // An abstention still quotes the closest passages: they must not read as the answer's sources.
  const heading = sources.length === 0 ? 'Sources: none' : answer.answerable ? 'Sources:' : 'Closest passages (they do not answer the question):';
  return [answer.answer, '', heading, ...sources].join('\n');
}

/** The passages in rank order, each under its report › section path. */
export function formatPassages(query: string, passages: readonly PassageHit[], titleOf: TitleOf): string {
  if (passages.length === 0) return `No passage matches “${query}”.`;
  const blocks = passages.map(
    (p, i) => `[${i + 1}] ${sourcePath(titleOf(p.docId), p.sectionPath)} ${sectionRef(p.sectionId)}\n${p.text}`,
  );
  return [`${passages.length} passage(s) for “${query}”:`, ...blocks].join('\n\n');
}

/** One line per figure: label, qualifier and number ("突破 70平方公里"), sentence, and where it stands. */
export function formatFigureLine(figure: FigureHit, docTitle: string): string {
  const qualifier = figure.qualifier ? `${figure.qualifier} ` : '';
  return `- ${figure.label}: ${qualifier}${amount(figure)} — “${figure.sentence}” — ${sourcePath(docTitle, figure.sectionPath)} ${sectionRef(figure.sectionId)}`;
}

export function formatFigures(figures: readonly FigureHit[], titleOf: TitleOf): string {
  if (figures.length === 0) return 'No figure matches.';
  return [`${figures.length} figure(s):`, ...figures.map((f) => formatFigureLine(f, titleOf(f.docId)))].join('\n');
}

/** The section's path, its neighbours' ids, its text and its figures. */
export function formatSection(section: SectionDetail): string {
  const links = [`section ${section.id}`];
  if (section.parentId) links.push(`parent ${section.parentId}`);
  if (section.childIds.length > 0) links.push(`subsections ${section.childIds.join(', ')}`);
  const figures =
    section.figures.length > 0
      ? [`Figures (${section.figures.length}):`, ...section.figures.map((f) => formatFigureLine(f, section.docTitle))]
      : ['Figures: none'];
  return [sourcePath(section.docTitle, section.path), links.join(' · '), '', section.text.trim() || '(no text of its own)', '', ...figures].join('\n');
}

/** "current 2023, reviewed 2021–2023, planned 2023–2025", or "years unknown". */
function formatYears(years: DocumentSummary['years']): string {
  const parts: string[] = [];
  if (years.current !== null) parts.push(`current ${years.current}`);
  if (years.reviewed) parts.push(`reviewed ${years.reviewed[0]}–${years.reviewed[1]}`);
  if (years.planned) parts.push(`planned ${years.planned[0]}–${years.planned[1]}`);
  return parts.length > 0 ? `years: ${parts.join(', ')}` : 'years unknown';
}

/** One line per report: id (what `documents` takes), title, region, kind, years. */
export function formatDocuments(documents: readonly DocumentSummary[]): string {
  if (documents.length === 0) return 'The library holds no report.';
  const lines = documents.map(
    (d) => `- ${d.id} — ${bookTitle(d.title)} — region: ${d.region ?? 'unknown'} — kind: ${d.kind} — ${formatYears(d.years)}`,
  );
  return [`${documents.length} report(s):`, ...lines].join('\n');
}
