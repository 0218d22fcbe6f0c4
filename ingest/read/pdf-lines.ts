/**
 * Rebuilds the text lines of a PDF page from pdf.js text items: items on one baseline (within half
 * a glyph height) form a line, read left to right, with a space where a visible gap separates them.
 */
import { normalizeCompatibilityForms } from '../text/normalize.js';

/** One pdf.js text item, in PDF user space (y grows upwards). */
export interface TextPiece {
  str: string;
  x: number;
  y: number;
  width: number;
  /** Glyph height (font size in user space). */
  size: number;
}

export interface PdfLine {
  text: string;
  /** Left edge of the first visible glyph and right edge of the last. */
  x0: number;
  x1: number;
  /** Baseline (PDF user space: larger is higher on the page). */
  y: number;
  /** The largest glyph height on the line. */
  size: number;
}

/**
 * CJK fonts draw the dash — (U+2014) and the bar ― (U+2015) with one glyph, and a PDF's text layer
 * may name it either; Chinese text means the dash (破折号, 连接号).
 */
const HORIZONTAL_BAR_RE = /\u2015/g;

/** Items closer than this share of the glyph height in y are on one line. */
const SAME_LINE_SHARE = 0.5;
/** A horizontal gap wider than this share of the glyph height is a space. */
const SPACE_GAP_SHARE = 0.6;

/**
 * The lines of one page, top to bottom.
 * @example buildLines([{ str: '⼀、总体', x: 34, y: 674, width: 48, size: 12 }])
 * // -> [{ text: '一、总体', x0: 34, x1: 82, y: 674, size: 12 }]
 */
export function buildLines(pieces: TextPiece[]): PdfLine[] {
  const sorted = pieces.filter((p) => p.str.length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: TextPiece[][] = [];
  for (const piece of sorted) {
    const group = groups[groups.length - 1];
    const anchor = group?.[0];
    const tolerance = SAME_LINE_SHARE * Math.min(piece.size || 1, anchor?.size || 1);
    if (group && anchor && Math.abs(anchor.y - piece.y) <= tolerance) group.push(piece);
    else groups.push([piece]);
  }
  return groups.map(toLine).filter((line): line is PdfLine => line !== null);
}

function toLine(group: TextPiece[]): PdfLine | null {
  const pieces = [...group].sort((a, b) => a.x - b.x);
  const visible = pieces.filter((p) => p.str.trim().length > 0);
  if (visible.length === 0) return null;
  let text = '';
  let end = -Infinity;
  for (const piece of pieces) {
    const gap = piece.x - end;
    if (text && gap > SPACE_GAP_SHARE * (piece.size || 1) && !/\s$/.test(text) && !/^\s/.test(piece.str)) text += ' ';
    text += piece.str;
    end = Math.max(end, piece.x + piece.width);
  }
  // The baseline of the largest glyphs: a superscript sits a little higher than its line.
  const main = visible.reduce((a, b) => (b.size > a.size ? b : a));
  return {
    text: normalizeCompatibilityForms(text.replace(/\s+/g, ' ').trim()).replace(HORIZONTAL_BAR_RE, '\u2014'),
    x0: visible[0]!.x,
    x1: Math.max(...visible.map((p) => p.x + p.width)),
    y: main.y,
    size: main.size,
  };
}
