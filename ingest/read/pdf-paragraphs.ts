/**
 * Joins a PDF's lines into paragraphs. A new paragraph starts at an indented line (≥ 1.5 characters
 * right of the common left margin), after a gap clearly wider than the usual line gap, after a line
 * that ends early with 。！？：, and around heading-like lines (short numbered 一、/（一）/1. lines,
 * centred or larger type). Across a page break the paragraph continues unless the next page opens
 * like a new one.
 */
import type { PdfLine } from './pdf-lines.js';

export interface PageLayout {
  left: number;
  right: number;
  /** Body glyph height and the usual baseline-to-baseline distance. */
  size: number;
  gap: number;
  /** Whether paragraphs are marked by first-line indentation (then an unindented line continues). */
  indents: boolean;
}

const INDENT_CHARS = 1.5;
const ENDS_EARLY_CHARS = 2;
/** A line shorter than this share of the column ends its paragraph even without punctuation. */
const SHORT_LINE_SHARE = 2 / 3;
/** A baseline gap this many glyph heights above the usual one is paragraph spacing. */
const EXTRA_GAP_CHARS = 0.25;
const LARGE_TYPE_SHARE = 1.15;
const CENTER_MIN_CHARS = 2.5;
/** Share of lines that must be indented for indentation to mark paragraphs. */
const INDENTING_SHARE = 0.05;
/** A line ending in one of these closes a clause (closing quotes and brackets after one count too). */
const TERMINAL_RE = /[。！？：；!?:;”’」』）)]$/;
const NUMBERED_START_RE = /^(?:[一二三四五六七八九十百]+[、．.]|[（(][一二三四五六七八九十百]+[）)]|\d{1,2}[.．、](?![\d.．])|[（(]\d{1,2}[）)]|第[一二三四五六七八九十百]+[章节部分篇]|【[^】]{1,20}】$)/;

/**
 * The page geometry shared by the document's body lines: the most common left edge, the right edge
 * of full lines, the body type size and line gap.
 */
export function measureLayout(pages: PdfLine[][]): PageLayout {
  const lines = pages.flat();
  const size = median(lines.map((l) => l.size)) || 12;
  const body = lines.filter((l) => Math.abs(l.size - size) <= size * 0.2);
  const left = mode(body.map((l) => Math.round(l.x0)));
  const rights = body.map((l) => l.x1).sort((a, b) => a - b);
  const right = rights[Math.floor(rights.length * 0.95)] ?? left + size * 30;
  const gaps: number[] = [];
  for (const page of pages) for (let i = 1; i < page.length; i++) gaps.push(page[i - 1]!.y - page[i]!.y);
  const gap = median(gaps.filter((g) => g > size * 0.5)) || size * 1.5;
  const indented = body.filter((l) => isIndented(l, { left, right, size, gap, indents: true })).length;
  return { left, right, size, gap, indents: indented >= body.length * INDENTING_SHARE };
}

/**
 * Paragraph texts in reading order.
 * @example buildParagraphs(pages, measureLayout(pages)) // -> ['一、总体情况', '全年实现地区生产总值1528.6亿元，……']
 */
export function buildParagraphs(pages: PdfLine[][], layout: PageLayout): string[] {
  const paragraphs: string[] = [];
  let previous: PdfLine | null = null;
  pages.forEach((lines) => {
    lines.forEach((line, i) => {
      const samePage = i > 0;
      if (!previous || startsParagraph(previous, line, samePage, layout)) paragraphs.push(line.text);
      else paragraphs[paragraphs.length - 1] = joinLines(paragraphs[paragraphs.length - 1]!, line.text);
      previous = line;
    });
  });
  return paragraphs;
}

function startsParagraph(a: PdfLine, b: PdfLine, samePage: boolean, layout: PageLayout): boolean {
  if (isHeadingLike(a, layout) || isHeadingLike(b, layout) || isIndented(b, layout)) return true;
  if (samePage && a.y - b.y - layout.gap > layout.size * EXTRA_GAP_CHARS) return true;
  const shortBy = layout.right - a.x1;
  if (shortBy > layout.size * ENDS_EARLY_CHARS && endsClause(a.text)) return true;
  if (shortBy > (layout.right - layout.left) * (1 - SHORT_LINE_SHARE)) return true;
  // Without indentation only punctuation tells a page-top continuation from a new paragraph.
  return !samePage && !layout.indents && endsClause(a.text);
}

function isIndented(line: PdfLine, layout: PageLayout): boolean {
  return line.x0 - layout.left >= layout.size * INDENT_CHARS && !isCentered(line, layout);
}

/** Both margins wide and about equal; a full indented line (2 characters in, none out) is not centred. */
function isCentered(line: PdfLine, layout: PageLayout): boolean {
  const before = line.x0 - layout.left;
  const after = layout.right - line.x1;
  return before > layout.size * CENTER_MIN_CHARS && after > layout.size * CENTER_MIN_CHARS && Math.abs(before - after) <= layout.size * 1.5;
}

function isHeadingLike(line: PdfLine, layout: PageLayout): boolean {
  if (isCentered(line, layout) || line.size > layout.size * LARGE_TYPE_SHARE) return true;
  const endsEarly = layout.right - line.x1 > layout.size * ENDS_EARLY_CHARS;
  return endsEarly && NUMBERED_START_RE.test(line.text) && !/[。；]$/.test(line.text);
}

function endsClause(text: string): boolean {
  return TERMINAL_RE.test(text);
}

/** CJK lines join with nothing between them, Latin words with one space. */
function joinLines(left: string, right: string): string {
  const latinEnd = /[A-Za-z0-9][,.;:!?)%]?$/.test(left);
  const latinStart = /^[A-Za-z0-9(]/.test(right);
  const word = /[A-Za-z][,.;:!?)]?$/.test(left) || /^[A-Za-z(]/.test(right);
  return latinEnd && latinStart && word ? `${left} ${right}` : left + right;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0] ?? 0;
  for (const [v, n] of counts) if (n > (counts.get(best) ?? 0)) best = v;
  return best;
}
