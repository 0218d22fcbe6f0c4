/**
 * The block above a report's body: title, occasion line ("——2026年1月25日在北京市第十六届人民代表
 * 大会第四次会议上"), date line ("2023年11月") and issuer line ("省人民政府省长 王清宪"). Bulletins and
 * reviews often sign at the end instead, so the last lines are read for a date and issuer too.
 */
import { arabicizeDates } from './chinese-numerals.js';
import type { TextLine } from './text-lines.js';

export interface ReportHeader {
  title: string | null;
  occasion: string | null;
  /** Lines that are only a date, header first, then the closing signature. */
  dateLines: string[];
  issuer: string | null;
  /** Index of the first body line in the lines given. */
  bodyStart: number;
}

const MAX_HEADER_LINES = 8;
const MAX_TITLE_CHARS = 80;
const MAX_ISSUER_CHARS = 40;
const SIGNATURE_LINES = 4;

const DATE_ONLY_RE = /^[（(—―\-\s]*\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?[)）\s]*$|^\d{4}[-./]\d{1,2}(?:[-./]\d{1,2})?$/;
const OCCASION_RE = /在.{2,40}(?:代表大会|会议|大会)/;
const ISSUER_RE = /人民政府|政府办公|委员会|统计局|调查队|办公室|办公厅|(?:省|市|区|县|州|旗)长(?:\s|$)|主席(?:\s|$)|主任(?:\s|$)/;
/** The nouns a title ends with; a first line without one may continue on the next line. */
const TITLE_END_RE = /(?:报告|纲要|公报|规划|意见|方案|计划|总结|通知|决定|说明)(?:（[^）]*）|\([^)]*\))?$/;
const BODY_START_RE = /^(?:各位代表|同志们|尊敬的)/;

/** Whether a line is only a date, in either numeral system. */
function isDateLine(text: string): boolean {
  return DATE_ONLY_RE.test(arabicizeDates(text));
}

/** Whether a line names the session a report was delivered at. */
function isOccasionLine(text: string): boolean {
  return text.length <= MAX_TITLE_CHARS && !/[。；]/.test(text) && OCCASION_RE.test(text);
}

function isIssuerLine(text: string): boolean {
  return text.length <= MAX_ISSUER_CHARS && !/[。，；！？]/.test(text) && ISSUER_RE.test(text) && !TITLE_END_RE.test(text);
}

function isSentence(text: string): boolean {
  return text.length > MAX_TITLE_CHARS || /[。；！？]/.test(text) || BODY_START_RE.test(text);
}

/**
 * Reads the header of `lines`.
 * @example readHeader(readTextLines('2026年北京市政府工作报告\n——2026年1月25日在北京市…会议上\n北京市市长 殷勇\n各位代表：'))
 * // -> { title: '2026年北京市政府工作报告', occasion: '——2026年1月25日在…', issuer: '北京市市长 殷勇', dateLines: [], bodyStart: 3 }
 */
export function readHeader(lines: readonly TextLine[]): ReportHeader {
  const header: ReportHeader = { title: null, occasion: null, dateLines: [], issuer: null, bodyStart: 0 };
  let i = 0;
  for (; i < Math.min(lines.length, MAX_HEADER_LINES); i++) {
    const text = lines[i]!.text;
    if (isSentence(text) || isNumberedHeading(text)) break;
    if (header.title?.endsWith(text)) continue;
    if (!header.occasion && isOccasionLine(text)) header.occasion = text;
    else if (isDateLine(text)) header.dateLines.push(text);
    else if (!header.title) header.title = joinTitle(text, lines[i + 1]?.text) ?? text;
    else if (!header.issuer && isIssuerLine(text)) header.issuer = text;
    else break;
  }
  header.bodyStart = i;
  readSignature(lines, header);
  return header;
}

/** A title broken over two lines by a converter: the first lacks a title noun, the second ends with one. */
function joinTitle(first: string, next: string | undefined): string | null {
  if (!next || TITLE_END_RE.test(first) || !TITLE_END_RE.test(next)) return null;
  if (isSentence(next) || isDateLine(next) || isOccasionLine(next) || isIssuerLine(next)) return null;
  return first + next;
}

function readSignature(lines: readonly TextLine[], header: ReportHeader): void {
  const start = Math.max(header.bodyStart, lines.length - SIGNATURE_LINES);
  for (let i = start; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (isDateLine(text)) header.dateLines.push(text);
    else if (!header.issuer && isIssuerLine(text) && !isNumberedHeading(text)) header.issuer = text;
  }
}

/** A numbered line ("一、…", "（二）…", "3. …") is body, never the title or a signature. */
function isNumberedHeading(text: string): boolean {
  return /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、])/.test(text);
}
