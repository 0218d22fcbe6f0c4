/**
 * Briefings as Word files: a Brief (figures grouped by section) or the Briefing pad's items, laid
 * out as headings, bullets, quotes with their sources and a source list. Only this module imports `docx`.
 */
import { Document, HeadingLevel, Packer, Paragraph, TextRun, type IStylesOptions } from 'docx';
import type { Brief, Citation } from '../contract.js';
import type { PadBrief } from './brief-pad.js';
import { sourcePath } from '../wording/cited-markdown.js';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A stretch of text, bold where the Markdown had **…**. */
export interface BriefRun {
  text: string;
  bold: boolean;
}

/** One paragraph of the file; `quote-source` is the "— report › chapter › section" line under a quote. */
export type BriefBlock =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph' | 'bullet' | 'quote'; runs: BriefRun[] }
  | { kind: 'quote-source'; text: string };

export interface BriefDocument {
  title: string;
  blocks: BriefBlock[];
}

/** Word's own Quote style (引用 in a Chinese Word), so the quotes keep their role when restyled. */
const QUOTE_STYLE = 'Quote';
const QUOTE_SOURCE_STYLE = 'QuoteSource';
const SOURCES_HEADING = '出处';

/** The runs of a line of Markdown: `**3.39%**` is bold, the rest plain. */
export function inlineRuns(text: string): BriefRun[] {
  return text
    .split(/\*\*(.+?)\*\*/)
    .map((part, i) => ({ text: part, bold: i % 2 === 1 }))
    .filter((run) => run.text !== '');
}

/**
 * An answer's Markdown as blocks: `- ` lines are bullets, `> ` lines quotes (`> — …` their source),
 * `#` lines sub-headings, other lines paragraphs.
 *
 * @example
 * markdownBlocks('- 比重：**3.39%** [1]\n> 调整至 3.39% [1]\n> — 一、… › （一）…')
 * // [{ kind: 'bullet', runs: [{ text: '比重：', bold: false }, { text: '3.39%', bold: true }, { text: ' [1]', bold: false }] },
 * //  { kind: 'quote', runs: [...] }, { kind: 'quote-source', text: '一、… › （一）…' }]
 */
export function markdownBlocks(markdown: string): BriefBlock[] {
  const blocks: BriefBlock[] = [];
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    const bullet = /^[-*•·]\s+(.*)$/.exec(line);
    const quoted = /^>\s?(.*)$/.exec(line);
    const source = quoted && /^—\s*(.*)$/.exec(quoted[1]!);
    if (heading) blocks.push({ kind: 'heading', level: 2, text: heading[1]!.replace(/\*\*/g, '') });
    else if (source) blocks.push({ kind: 'quote-source', text: `— ${source[1]}` });
    else if (quoted) blocks.push({ kind: 'quote', runs: inlineRuns(quoted[1]!) });
    else if (bullet) blocks.push({ kind: 'bullet', runs: inlineRuns(bullet[1]!) });
    else blocks.push({ kind: 'paragraph', runs: inlineRuns(line) });
  }
  return blocks;
}

const sourceOf = (c: Citation): string => sourcePath(c.docTitle, c.sectionPath);

/** "出处" and one line per citation; `withQuotes` adds the quote when the body did not show it. */
function sourceList(citations: Citation[], withQuotes: boolean): BriefBlock[] {
  if (citations.length === 0) return [];
  const line = (c: Citation) => `[${c.n}] ${sourceOf(c)}${withQuotes ? `：“${c.quote}”` : ''}`;
  return [{ kind: 'heading', level: 1, text: SOURCES_HEADING }, ...citations.map((c) => ({ kind: 'paragraph' as const, runs: [{ text: line(c), bold: false }] }))];
}

/** A group's quotes, each once with all the figures it supports: "…调整至 3.39%。 [4] [5]", then its source. */
function groupQuotes(group: Brief['groups'][number], byNumber: Map<number, Citation>): BriefBlock[] {
  const numbersByQuote = new Map<string, number[]>();
  for (const item of group.items) numbersByQuote.set(item.quote, [...(numbersByQuote.get(item.quote) ?? []), item.n]);
  return [...numbersByQuote].flatMap(([quote, numbers]): BriefBlock[] => {
    const citation = byNumber.get(numbers[0]!);
    const marks = numbers.map((n) => `[${n}]`).join(' ');
    const quoteBlock: BriefBlock = { kind: 'quote', runs: [{ text: `${quote} ${marks}`, bold: false }] };
    return citation ? [quoteBlock, { kind: 'quote-source', text: `— ${sourceOf(citation)}` }] : [quoteBlock];
  });
}

/** A Brief's layout: a heading per section path, its figures as bullets, their quotes, the source list. */
export function briefDocument(brief: Brief): BriefDocument {
  const byNumber = new Map(brief.citations.map((c) => [c.n, c]));
  const blocks = brief.groups.flatMap((group): BriefBlock[] => [
    { kind: 'heading', level: 1, text: group.sectionPath.join(' › ') },
    ...group.items.map((item): BriefBlock => ({
      kind: 'bullet',
      runs: [
        { text: `${item.label}：`, bold: false },
        { text: `${item.value}${item.unit}`, bold: true },
        { text: ` [${item.n}]`, bold: false },
      ],
    })),
    ...groupQuotes(group, byNumber),
  ]);
  return { title: brief.topic ? `简报：${brief.topic}` : '简报', blocks: [...blocks, ...sourceList(brief.citations, false)] };
}

/** The pad's layout: a numbered heading per item, its Markdown as blocks, the source list with quotes. */
export function padDocument(pad: PadBrief): BriefDocument {
  const blocks = pad.items.flatMap((item, i): BriefBlock[] => [
    { kind: 'heading', level: 1, text: `${i + 1}. ${item.title}` },
    ...markdownBlocks(item.text),
  ]);
  return { title: '简报', blocks: [...blocks, ...sourceList(pad.citations, true)] };
}

/** Chinese text in SimSun (宋体, which Word and WPS have and LibreOffice substitutes), Latin in Calibri; quotes indented and grey. */
const STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: { ascii: 'Calibri', hAnsi: 'Calibri', eastAsia: 'SimSun' }, size: 22, language: { value: 'en-US', eastAsia: 'zh-CN' } },
      paragraph: { spacing: { after: 80, line: 300 } },
    },
    title: { run: { bold: true, size: 40 }, paragraph: { spacing: { after: 240 } } },
    heading1: { run: { bold: true, size: 28 }, paragraph: { spacing: { before: 280, after: 120 }, keepNext: true } },
    heading2: { run: { bold: true, size: 24 }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
  },
  paragraphStyles: [
    { id: QUOTE_STYLE, name: 'Quote', basedOn: 'Normal', next: 'Normal', run: { color: '444444' }, paragraph: { indent: { left: 567 }, spacing: { before: 60 } } },
    { id: QUOTE_SOURCE_STYLE, name: 'Quote Source', basedOn: 'Normal', next: 'Normal', run: { color: '777777', size: 18 }, paragraph: { indent: { left: 567 }, spacing: { after: 120 } } },
  ],
};

function paragraphOf(block: BriefBlock): Paragraph {
  const runs = (list: BriefRun[]) => list.map((r) => new TextRun({ text: r.text, ...(r.bold ? { bold: true } : {}) }));
  switch (block.kind) {
    case 'heading':
      return new Paragraph({ text: block.text, heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2 });
    case 'bullet':
      return new Paragraph({ children: runs(block.runs), bullet: { level: 0 } });
    case 'quote':
      return new Paragraph({ children: runs(block.runs), style: QUOTE_STYLE });
    case 'quote-source':
      return new Paragraph({ text: block.text, style: QUOTE_SOURCE_STYLE });
    case 'paragraph':
      return new Paragraph({ children: runs(block.runs) });
  }
}

/** Writes the document as .docx bytes (Office Open XML, as Word, WPS and LibreOffice read it). */
export async function writeBriefDocx(doc: BriefDocument): Promise<Uint8Array<ArrayBuffer>> {
  const document = new Document({
    title: doc.title,
    creator: 'Policy report assistant',
    styles: STYLES,
    sections: [{ children: [new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE }), ...doc.blocks.map(paragraphOf)] }],
  });
  // A copy on its own ArrayBuffer: a Buffer may be a view of Node's shared pool.
  return new Uint8Array(await Packer.toBuffer(document));
}
