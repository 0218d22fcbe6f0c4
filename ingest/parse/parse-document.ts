/**
 * Parses one report into a document and its section tree. The hierarchy comes from the numbering
 * (一、 > （一） > 1. > （1）, 【…】 parts inside their section), never from Markdown `#` counts.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Doc, Section, SectionKind } from '../schema.js';
import { buildBodyText, type Paragraph } from './body-text.js';
import type { HeadingInfo } from './headings.js';
import { splitSourceLines, type SourceLine } from './lines.js';

/** A section with the offset map of its text, which chunking needs and the index does not keep. */
export interface ParsedSection {
  section: Section;
  offsets: Int32Array;
}

export interface ParseResult {
  doc: Doc;
  sections: ParsedSection[];
}

interface OpenSection {
  heading: HeadingInfo | null;
  /** 1–4 for numbered headings; 5 for parts and plain sub-headings; 0 for appendices and the preamble. */
  rank: number;
  start: number;
  paragraphs: Paragraph[];
  index: number;
}

const PART_RANK = 5;

/**
 * Parses the text of a report.
 * @example parseDocument('# 标题\n\n## 一、总体\n\n正文。', 'corpus/a.md').sections.map(s => s.section.path)
 * // -> [['标题'], ['一、总体']]
 */
export function parseDocument(content: string, sourcePath: string, docId = makeDocId(sourcePath, content)): ParseResult {
  const lines = splitSourceLines(content);
  const firstNumbered = lines.findIndex((l) => l.type === 'heading' && l.heading.kind === 'numbered');
  const title = findTitle(lines, firstNumbered, sourcePath);
  const blocks = groupIntoBlocks(lines, firstNumbered, title);
  const sections = buildTree(blocks, docId, title, content.length);
  const doc: Doc = {
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

function groupIntoBlocks(lines: SourceLine[], firstNumbered: number, title: string): OpenSection[] {
  const blocks: OpenSection[] = [{ heading: null, rank: 0, start: 0, paragraphs: [], index: 0 }];
  let paragraph: Paragraph | null = null;
  lines.forEach((line, i) => {
    const current = blocks[blocks.length - 1]!;
    if (line.type === 'blank') {
      paragraph = null;
      return;
    }
    if (line.type === 'heading' && !isTitleLine(line.heading, i, firstNumbered, title)) {
      blocks.push({ heading: line.heading, rank: rankOf(line.heading), start: line.start, paragraphs: [], index: blocks.length });
      paragraph = null;
      return;
    }
    if (line.type === 'heading') return;
    // A plain-text title line is the document's title, not preamble text.
    if (blocks.length === 1 && (firstNumbered === -1 || i < firstNumbered) && line.raw.trim() === title) return;
    if (!paragraph) {
      paragraph = [];
      current.paragraphs.push(paragraph);
    }
    paragraph.push({ start: line.start, raw: line.raw });
  });
  return blocks;
}

/** Headings before the first numbered one are the title block, which belongs to the preamble. */
function isTitleLine(heading: HeadingInfo, index: number, firstNumbered: number, title: string): boolean {
  if (heading.kind !== 'plain') return false;
  return firstNumbered === -1 || index < firstNumbered || heading.title === title;
}

function rankOf(heading: HeadingInfo): number {
  if (heading.kind === 'numbered') return heading.level;
  if (heading.kind === 'appendix') return 0;
  return PART_RANK;
}

function buildTree(blocks: OpenSection[], docId: string, title: string, contentLength: number): ParsedSection[] {
  const result: ParsedSection[] = [];
  const stack: Array<{ block: OpenSection; parsed: ParsedSection }> = [];
  const childCounts = new Map<string, number>();
  blocks.forEach((block, i) => {
    const end = blocks[i + 1]?.start ?? contentLength;
    const { text, offsets } = buildBodyText(block.paragraphs);
    if (!block.heading) {
      if (!text.trim()) return;
      const section = makeSection({
        id: `${docId}:0`, docId, parentId: null, depth: 0, kind: 'preamble', numbering: null, title, path: [title], text, start: block.start, end,
      });
      result.push({ section, offsets });
      return;
    }
    if (block.rank === 0) stack.length = 0;
    else while (stack.length && stack[stack.length - 1]!.block.rank >= block.rank) stack.pop();
    const parent = stack[stack.length - 1]?.parsed.section ?? null;
    const parentKey = parent?.id ?? docId;
    const ordinal = (childCounts.get(parentKey) ?? 0) + 1;
    childCounts.set(parentKey, ordinal);
    const id = parent ? `${parent.id}.${ordinal}` : `${docId}:${ordinal}`;
    const heading = block.heading;
    const kind: SectionKind = heading.kind === 'numbered' ? 'numbered' : heading.kind === 'appendix' ? 'appendix' : 'part';
    const numbering = heading.kind === 'numbered' ? heading.numbering : null;
    const section = makeSection({
      id, docId, parentId: parent?.id ?? null, depth: stack.length + 1, kind, numbering, title: heading.title,
      path: [...(parent?.path ?? []), heading.title], text, start: block.start, end,
    });
    parent?.childIds.push(id);
    const parsed = { section, offsets };
    result.push(parsed);
    stack.push({ block, parsed });
  });
  return result;
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
