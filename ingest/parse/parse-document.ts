/**
 * Parses one report into a document and its section tree. The hierarchy comes from the numbering
 * (一、 > （一） > 1. > （1）, 【…】 parts inside their section), never from Markdown `#` counts.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Doc, Section, SectionKind } from '../schema.js';
import { buildBodyText, endsSentence, type Paragraph } from './body-text.js';
import { resolveContextualHeadings } from './contextual-headings.js';
import { RANK, type HeadingInfo } from './headings.js';
import { splitSourceLines, type SourceLine } from './lines.js';
import type { TableRowSpan } from './table-rows.js';

/** A section with the offset map of its text, which chunking needs and the index does not keep. */
export interface ParsedSection {
  section: Section;
  offsets: Int32Array;
  /** Table rows of the section's text, each read as a sentence and made a passage of its own. */
  rows: TableRowSpan[];
}

/** What parsing knows of a document; the ingester adds its format and metadata. */
export type ParsedDoc = Pick<Doc, 'id' | 'title' | 'sourcePath' | 'contentHash' | 'sectionIds'>;

export interface ParseResult {
  doc: ParsedDoc;
  sections: ParsedSection[];
}

interface OpenSection {
  heading: HeadingInfo | null;
  start: number;
  paragraphs: Paragraph[];
}

/**
 * Parses the text of a report.
 * @example parseDocument('# 标题\n\n## 一、总体\n\n正文。', 'corpus/a.md').sections.map(s => s.section.path)
 * // -> [['标题'], ['一、总体']]
 */
export function parseDocument(content: string, sourcePath: string, docId = makeDocId(sourcePath, content)): ParseResult {
  const classified = splitSourceLines(content);
  const firstNumbered = classified.findIndex(opensNumberedSection);
  const title = findTitle(classified, firstNumbered, sourcePath);
  const lines = resolveContextualHeadings(classified, title);
  const blocks = groupIntoBlocks(lines, firstNumbered, title);
  const sections = buildTree(blocks, docId, title, content.length);
  const doc: ParsedDoc = {
    id: docId,
    title,
    sourcePath,
    contentHash: hashText(content),
    sectionIds: sections.map((s) => s.section.id),
  };
  return { doc, sections };
}

/** The title is the first Markdown heading, or short first line, before the first numbered heading. */
function findTitle(lines: SourceLine[], firstNumbered: number, sourcePath: string): string {
  const head = firstNumbered === -1 ? lines : lines.slice(0, firstNumbered);
  const markup = head.find((l) => l.type === 'heading' && l.heading.kind === 'plain');
  if (markup && markup.type === 'heading') return markup.heading.title.replace(/\s+/g, ' ');
  const firstBody = head.find((l) => l.type === 'body');
  if (firstBody && firstBody.type === 'body') {
    const text = firstBody.raw.replace(/[*#]/g, '').trim();
    if (text.length <= 60 && !/[。；]$/.test(text)) return text;
  }
  return path.basename(sourcePath).replace(/\.[^.]+$/, '');
}

function opensNumberedSection(line: SourceLine): boolean {
  return (line.type === 'heading' && line.heading.kind === 'numbered') || (line.type === 'body' && line.runIn?.kind === 'numbered');
}

function groupIntoBlocks(lines: SourceLine[], firstNumbered: number, title: string): OpenSection[] {
  const blocks: OpenSection[] = [{ heading: null, start: 0, paragraphs: [] }];
  let paragraph: Paragraph | null = null;
  lines.forEach((line, i) => {
    if (line.type === 'blank') {
      paragraph = null;
      return;
    }
    if (line.type === 'heading') {
      if (!isTitleLine(line.heading, i, firstNumbered, title)) blocks.push({ heading: line.heading, start: line.start, paragraphs: [] });
      paragraph = null;
      return;
    }
    // A run-in heading opens its section and stays the first sentence of its text.
    if (line.type === 'body' && line.runIn) {
      blocks.push({ heading: line.runIn, start: line.start, paragraphs: [] });
      paragraph = null;
    }
    const current = blocks[blocks.length - 1]!;
    // A plain-text title line is the document's title, not preamble text.
    if (line.type === 'body' && blocks.length === 1 && (firstNumbered === -1 || i < firstNumbered) && line.raw.trim() === title) return;
    const isRow = line.type === 'table';
    if (!paragraph || isRow !== (paragraph[0]?.cells !== undefined)) {
      paragraph = [];
      current.paragraphs.push(paragraph);
    }
    paragraph.push(line.type === 'table' ? { start: line.start, raw: line.raw, cells: line.cells } : { start: line.start, raw: line.raw });
    // One paragraph a line (web text) or soft-wrapped lines (Markdown): a finished sentence ends it.
    if (line.type === 'body' && endsSentence(line.raw.trim())) paragraph = null;
  });
  return blocks;
}

/** Headings before the first numbered one are the title block, which belongs to the preamble. */
function isTitleLine(heading: HeadingInfo, index: number, firstNumbered: number, title: string): boolean {
  if (heading.kind !== 'plain') return false;
  return firstNumbered === -1 || index < firstNumbered || heading.title === title;
}

/**
 * The outline rank of a heading, given the ranks of the headings open above it: numbered headings
 * have the rank of their scheme; a relative heading sits one half below the innermost fixed heading,
 * so its siblings close it; an unnumbered title line is a chapter while no numbered heading is open.
 */
function rankOf(heading: HeadingInfo, open: Array<{ heading: HeadingInfo; rank: number }>): number {
  const fixed = [...open].reverse().find((o) => o.heading.kind !== 'relative');
  switch (heading.kind) {
    case 'numbered':
      return heading.rank;
    case 'appendix':
      // A glossary inside an attachment (附件 > 名词注释) belongs to it.
      return !/^附/.test(heading.title) && open.some((o) => o.heading.kind === 'appendix' && /^附/.test(o.heading.title)) ? RANK.appendix + 0.5 : RANK.appendix;
    case 'unnumbered':
      return open.some((o) => o.heading.kind === 'numbered') ? (fixed?.rank ?? 0) + 0.5 : RANK.unnumbered;
    case 'relative':
      return (fixed?.rank ?? 0) + 0.5;
    default:
      return RANK.part;
  }
}

function buildTree(blocks: OpenSection[], docId: string, title: string, contentLength: number): ParsedSection[] {
  const result: ParsedSection[] = [];
  const stack: Array<{ heading: HeadingInfo; rank: number; parsed: ParsedSection }> = [];
  const childCounts = new Map<string, number>();
  blocks.forEach((block, i) => {
    const end = blocks[i + 1]?.start ?? contentLength;
    const { text, offsets, rows } = buildBodyText(block.paragraphs);
    if (!block.heading) {
      if (!text.trim()) return;
      const section = makeSection({
        id: `${docId}:0`, docId, parentId: null, depth: 0, kind: 'preamble', numbering: null, title, path: [title], text, start: block.start, end,
      });
      result.push({ section, offsets, rows });
      return;
    }
    const heading = block.heading;
    const rank = rankOf(heading, stack);
    while (stack.length && stack[stack.length - 1]!.rank >= rank) stack.pop();
    const parent = stack[stack.length - 1]?.parsed.section ?? null;
    const parentKey = parent?.id ?? docId;
    const ordinal = (childCounts.get(parentKey) ?? 0) + 1;
    childCounts.set(parentKey, ordinal);
    const id = parent ? `${parent.id}.${ordinal}` : `${docId}:${ordinal}`;
    const kind = sectionKindOf(heading);
    const numbering = heading.kind === 'numbered' || heading.kind === 'relative' ? heading.numbering : null;
    const section = makeSection({
      id, docId, parentId: parent?.id ?? null, depth: stack.length + 1, kind, numbering, title: heading.title,
      path: [...(parent?.path ?? []), heading.title], text, start: block.start, end,
    });
    parent?.childIds.push(id);
    const parsed = { section, offsets, rows };
    result.push(parsed);
    stack.push({ heading, rank, parsed });
  });
  return result;
}

function sectionKindOf(heading: HeadingInfo): SectionKind {
  if (heading.kind === 'appendix') return 'appendix';
  if (heading.kind === 'numbered' || heading.kind === 'relative' || heading.kind === 'unnumbered') return 'numbered';
  return 'part';
}

function makeSection(fields: Omit<Section, 'childIds'>): Section {
  return { ...fields, childIds: [] };
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A URL-safe id from the file name; non-ASCII names fall back to a content hash. */
export function makeDocId(sourcePath: string, content: string): string {
  const base = path.basename(sourcePath).replace(/\.[^.]+$/, '');
  const slug = base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return slug.length >= 3 ? slug : `doc-${hashText(content).slice(0, 10)}`;
}
