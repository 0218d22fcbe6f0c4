/**
 * Turns the body lines of one section into clean text: Markdown and HTML markup removed,
 * footnote markers handled, and paragraphs that a page break split joined again.
 */
import { appendTableRows, type TableLine, type TableRowSpan } from './table-rows.js';
import { TextBuilder } from './text-builder.js';

/** Characters that close a sentence or clause: a paragraph ending otherwise continues after a page break. */
const TERMINAL_RE = /[。！？!?；;：:…]$/;
const CLOSERS_RE = /[”’」』）)\]】*\s]+$/;
/** A page break splits a running paragraph; shorter unterminated lines are title-page lines (author, date). */
const MIN_SPLIT_PARAGRAPH_CHARS = 20;
/** Inline markup: emphasis, footnote superscripts, other tags, newspaper page jumps (（下转第四版）). */
const MARKUP_RE = /\*\*|__|<sup>\s*(\d{1,3})\s*<\/sup>|<\/?[a-zA-Z][^>]{0,80}>|[（(](?:[上下]转|紧接|上接|接)第[一二三四五六七八九十\d]{1,3}版[）)]\s*/g;
const LIST_MARKER_RE = /^\s*(?:[-*+]\s+|>\s*)/;

export interface BodyLine {
  start: number;
  raw: string;
  /** Set on the lines of a table: its cells. */
  cells?: string[];
}

/** A paragraph is a run of consecutive non-blank body lines. */
export type Paragraph = BodyLine[];

/** Whether a paragraph's text ends a sentence (so the next paragraph starts a new one). */
export function endsSentence(text: string): boolean {
  return TERMINAL_RE.test(text.replace(CLOSERS_RE, '')) || /[|]$/.test(text.trim());
}

/** Builds a section's text from its paragraphs; paragraphs split mid-sentence are joined. */
export function buildBodyText(paragraphs: Paragraph[]): { text: string; offsets: Int32Array; rows: TableRowSpan[] } {
  const builder = new TextBuilder();
  const rows: TableRowSpan[] = [];
  let previousEndsSentence = true;
  for (const paragraph of paragraphs) {
    if (paragraph[0]?.cells) {
      rows.push(...appendTableRows(builder, paragraph as TableLine[]));
      previousEndsSentence = true;
      continue;
    }
    const before = builder.length;
    if (before > 0) {
      if (previousEndsSentence) builder.appendSynthetic('\n', paragraph[0]!.start);
      else if (needsSpace(builder.lastChar(), firstChar(paragraph))) builder.appendSynthetic(' ', paragraph[0]!.start);
    }
    paragraph.forEach((line, i) => appendLine(builder, line, i === 0));
    // Only this paragraph's text: building the whole section text per paragraph would be quadratic.
    const paragraphText = builder.textSince(before);
    previousEndsSentence = endsSentence(paragraphText) || paragraphText.trim().length < MIN_SPLIT_PARAGRAPH_CHARS;
  }
  return { ...builder.build(), rows };
}

function appendLine(builder: TextBuilder, line: BodyLine, firstInParagraph: boolean): void {
  const markerMatch = LIST_MARKER_RE.exec(line.raw);
  let cursor = markerMatch ? markerMatch[0].length : 0;
  const raw = line.raw;
  if (!firstInParagraph && builder.length > 0) {
    // Markdown soft line break: no space between CJK characters, one between Latin words.
    if (needsSpace(builder.lastChar(), raw.slice(cursor).trimStart()[0] ?? '')) builder.appendSynthetic(' ', line.start);
  }
  cursor += /^\s*/.exec(raw.slice(cursor))![0].length;
  const contentStart = cursor;
  MARKUP_RE.lastIndex = cursor;
  for (let m = MARKUP_RE.exec(raw); m; m = MARKUP_RE.exec(raw)) {
    builder.appendSource(raw.slice(cursor, m.index), line.start + cursor);
    const footnote = m[1];
    // A superscript opening a paragraph is the footnote itself; inline it is only a marker, and
    // keeping its digit would glue a false number onto the text.
    const opensParagraph = firstInParagraph && !raw.slice(contentStart, m.index).replace(MARKUP_RE, '').trim();
    if (footnote && opensParagraph) builder.appendSynthetic(`注${footnote}：`, line.start + m.index);
    cursor = m.index + m[0].length;
    if (footnote) cursor += /^\s*/.exec(raw.slice(cursor))![0].length;
    MARKUP_RE.lastIndex = cursor;
  }
  builder.appendSource(raw.slice(cursor).trimEnd(), line.start + cursor);
}

function firstChar(paragraph: Paragraph): string {
  return paragraph[0]!.raw.trimStart()[0] ?? '';
}

function needsSpace(left: string, right: string): boolean {
  return /[A-Za-z0-9,.%]/.test(left) && /[A-Za-z0-9]/.test(right);
}
