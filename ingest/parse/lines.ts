/** Splits a source file into lines with offsets and tells headings, tables, noise and body text apart. */
import { classifyHeading, runInHeading, stripHeadingMarkup, type HeadingInfo } from './headings.js';
import { isChromeLine } from '../text/web-chrome.js';

export type SourceLine =
  | { type: 'blank'; start: number }
  | { type: 'heading'; start: number; end: number; heading: HeadingInfo }
  /** `runIn`: the paragraph opens with a heading ("（一）标题。正文"); whether it heads a section is decided in context. */
  | { type: 'body'; start: number; end: number; raw: string; runIn?: HeadingInfo }
  | { type: 'table'; start: number; end: number; raw: string; cells: string[] };

/** Horizontal rules and page-number lines left by PDF conversion ("---", "- 3 -", "第 3 页", "1/25", "12"). */
const NOISE_RE = /^\s*(?:([-*_])(?:\s*\1){2,}|[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|\d{1,4})\s*$/;
const TABLE_ROW_RE = /^\s*\|.*\|\s*$/;
const TABLE_SEPARATOR_RE = /^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-{0,}:?\s*\|?\s*$/;

/** Reads every line of `content` with its start offset and classifies it. */
export function splitSourceLines(content: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = 0;
  let opener = '';
  while (start <= content.length) {
    let end = content.indexOf('\n', start);
    if (end === -1) end = content.length;
    const raw = content.slice(start, end).replace(/\r$/, '');
    // "（" alone, then "三）改革开放持续深化。": a heading broken after its bracket.
    const joined = opener ? classifyLine(opener + raw, start - 1) : null;
    lines.push(joined && (joined.type === 'heading' || (joined.type === 'body' && joined.runIn)) ? joined : classifyLine(raw, start));
    opener = /^\s*[（(]\s*$/.test(raw) ? raw.trim() : '';
    if (end === content.length) break;
    start = end + 1;
  }
  return lines;
}

function classifyLine(raw: string, start: number): SourceLine {
  const end = start + raw.length;
  // A separator row has no cells, but it must not break its table in two.
  if (TABLE_SEPARATOR_RE.test(raw)) return { type: 'table', start, end, raw, cells: [] };
  // A line of punctuation only ("|", "——") carries nothing.
  if (!/[\p{L}\p{N}]/u.test(raw) || NOISE_RE.test(raw) || isChromeLine(raw)) return { type: 'blank', start };
  if (TABLE_ROW_RE.test(raw)) return { type: 'table', start, end, raw, cells: splitTableCells(raw) };
  const isMarkdownHeading = /^\s{0,3}#{1,6}(?:\s|[^#\s])/.test(raw);
  const heading = classifyHeading(stripHeadingMarkup(raw), isMarkdownHeading);
  if (heading) return { type: 'heading', start, end, heading };
  const runIn = runInHeading(raw.trim());
  return runIn ? { type: 'body', start, end, raw, runIn: runIn.heading } : { type: 'body', start, end, raw };
}

/** "| 指标 | 2020年 \| 注 |" -> ["指标", "2020年 | 注"]. */
function splitTableCells(raw: string): string[] {
  const inner = raw.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.replace(/\\\|/g, '|').replace(/\*\*/g, '').trim());
}
