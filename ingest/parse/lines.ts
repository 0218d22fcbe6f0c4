/** Splits a source file into lines with offsets and tells headings, noise and body text apart. */
import { classifyHeading, stripHeadingMarkup, type HeadingInfo } from './headings.js';

export type SourceLine =
  | { type: 'blank'; start: number }
  | { type: 'heading'; start: number; end: number; heading: HeadingInfo }
  | { type: 'body'; start: number; end: number; raw: string };

/** Horizontal rules and page-number lines left by PDF conversion ("---", "- 3 -", "第 3 页", "12"). */
const NOISE_RE = /^\s*(?:([-*_])(?:\s*\1){2,}|[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*共\s*\d+\s*页)?|\d{1,4})\s*$/;

/** Reads every line of `content` with its start offset and classifies it. */
export function splitSourceLines(content: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = 0;
  while (start <= content.length) {
    let end = content.indexOf('\n', start);
    if (end === -1) end = content.length;
    const raw = content.slice(start, end).replace(/\r$/, '');
    lines.push(classifyLine(raw, start));
    if (end === content.length) break;
    start = end + 1;
  }
  return lines;
}

function classifyLine(raw: string, start: number): SourceLine {
  if (!raw.trim() || NOISE_RE.test(raw)) return { type: 'blank', start };
  const isMarkdownHeading = /^\s{0,3}#{1,6}\s/.test(raw) || /^\s{0,3}#{1,6}[^#\s]/.test(raw);
  const heading = classifyHeading(stripHeadingMarkup(raw), isMarkdownHeading);
  if (heading) return { type: 'heading', start, end: start + raw.length, heading };
  return { type: 'body', start, end: start + raw.length, raw };
}
