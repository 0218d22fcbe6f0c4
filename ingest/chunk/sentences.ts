/** Sentence boundaries in Chinese report text. */

export interface Span {
  start: number;
  end: number;
}

/** Ends a sentence: 。！？； (and their ASCII forms), plus a closing quote or bracket right after. */
const SENTENCE_RE = /[^。！？!?；;\n]*(?:[。！？!?；;]+[”’」』）)]*|\n|$)/g;

/**
 * Splits text into sentence spans, dropping empty ones; newlines also end a sentence.
 * @example splitSentences('甲。乙；丙') // -> [{start:0,end:2},{start:2,end:4},{start:4,end:5}]
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  SENTENCE_RE.lastIndex = 0;
  for (let m = SENTENCE_RE.exec(text); m && m.index < text.length; m = SENTENCE_RE.exec(text)) {
    if (m[0].length === 0) {
      SENTENCE_RE.lastIndex++;
      continue;
    }
    let start = m.index;
    let end = m.index + m[0].length;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) spans.push({ start, end });
  }
  return spans;
}

/** Splits an over-long span at commas so that no piece exceeds `maxChars` (when a comma allows). */
export function splitLongSpan(text: string, span: Span, maxChars: number): Span[] {
  if (span.end - span.start <= maxChars) return [span];
  const pieces: Span[] = [];
  let start = span.start;
  while (span.end - start > maxChars) {
    const window = text.slice(start, start + maxChars);
    const cut = Math.max(window.lastIndexOf('，'), window.lastIndexOf(','), window.lastIndexOf('、'));
    const end = cut > maxChars / 3 ? start + cut + 1 : start + maxChars;
    pieces.push({ start, end });
    start = end;
  }
  pieces.push({ start, end: span.end });
  return pieces;
}
