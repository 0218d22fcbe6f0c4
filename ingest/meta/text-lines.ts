/**
 * The report's lines with Markdown and layout noise removed, and the headings among them:
 * what the metadata rules read, whatever format the report came in.
 */
import { classifyHeading, stripHeadingMarkup } from '../parse/headings.js';

export interface TextLine {
  text: string;
  /** The line was a Markdown `#` heading. */
  markdownHeading: boolean;
}

/** Page numbers, rules and footnote markers a converted PDF leaves on lines of their own. */
const NOISE_RE = /^(?:([-*_=])(?:\s*\1){2,}|[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页.*|\d{1,4}|[|》《\s]+)$/;

/**
 * Non-empty lines of `text`, Markdown marks, HTML tags and emphasis removed, runs of white space
 * (ideographic space too) made one space.
 * @example readTextLines('# 江北区 报告\n\n---\n**正文**')
 * // -> [{ text: '江北区 报告', markdownHeading: true }, { text: '正文', markdownHeading: false }]
 */
export function readTextLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const markdownHeading = /^\s{0,3}#{1,6}(?:\s|[^#\s])/.test(raw);
    const clean = stripHeadingMarkup(raw.replace(/<[^>]{1,40}>/g, ''))
      .replace(/^>\s*/, '')
      .replace(/[\s\u3000]+/g, ' ')
      .trim();
    if (!clean || NOISE_RE.test(clean)) continue;
    lines.push({ text: clean, markdownHeading });
  }
  return lines;
}

const SENTENCE_PUNCT_RE = /[。；;！!？?]/;
const MAX_PLAIN_HEADING = 40;

/**
 * Whether a line reads as a heading: numbered (一、 （一） 1.) without a sentence after it, a
 * Markdown heading, or a short line without sentence punctuation ("“十四五”时期工作回顾").
 */
export function isHeadingLine(line: TextLine): boolean {
  const heading = classifyHeading(line.text, line.markdownHeading);
  if (heading) return heading.kind !== 'appendix';
  return line.text.length <= MAX_PLAIN_HEADING && !SENTENCE_PUNCT_RE.test(line.text) && !/[：:，,]$/.test(line.text);
}
