/**
 * Headings that only their context reveals. A line is classified alone in `lines.ts`; here the
 * lines around it decide:
 * - a run-in numbered heading ("（一）标题。正文") heads a section, except inside an appendix, where
 *   numbered lines are glossary items;
 * - an enumeration paragraph ("一是标题。正文") heads a section when a sibling (二是 …) opens
 *   another paragraph under the same heading;
 * - a run of notes numbered ［1］, ［2］ … outside any appendix is one: "注释";
 * - a short line without numbering heads the paragraphs after it ("生态底色更加亮丽。",
 *   "“十四五”时期工作回顾") when it is followed by a body paragraph and the same kind of line does
 *   so again, so that one intro sentence ("重点做好十方面工作。") stays text.
 */
import type { HeadingInfo } from './headings.js';
import type { SourceLine } from './lines.js';

type BodyLine = Extract<SourceLine, { type: 'body' }>;

const MIN_FOLLOWING_BODY_CHARS = 40;
/** "［27］两重：国家重大战略实施和重点领域安全能力建设。" */
const NOTE_RE = /^\s*[［[【]\d{1,3}[］\]】]/;
const NOTES_TITLE = '注释';
const MAX_TITLE_LINE_CHARS = 40;
const MAX_SENTENCE_HEADING_CHARS = 30;
/** Dates, addresses and speaker lines are short too, but head nothing. */
const NOT_A_TITLE_RE = /^(?:[—―–-]|各位代表|同志们)|^\d{4}\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?$|(?:人民政府|委员会|办公室|省长|市长|区长|县长|主席)(?:\s+\S{2,4})?$/;

type Style = 'title' | 'sentence';

/** Promotes or rejects the heading candidates of `lines`, in place order; returns a new array. */
export function resolveContextualHeadings(lines: SourceLine[], documentTitle: string): SourceLine[] {
  const out = lines.map((line) => ({ ...line }) as SourceLine);
  const styles = out.map((_, i) => unnumberedStyle(out, i, documentTitle));
  const titleCount = styles.filter((s) => s === 'title').length;
  let inAppendix = false;
  let scope: number[] = [];
  const closeScope = () => {
    settleScope(out, styles, scope, titleCount);
    scope = [];
  };
  out.forEach((line, i) => {
    if (line.type === 'heading') {
      closeScope();
      if (line.heading.kind === 'appendix') inAppendix = true;
      else if (line.heading.kind === 'numbered' && line.heading.rank <= 5) inAppendix = false;
      return;
    }
    if (line.type !== 'body') return;
    if (!inAppendix && NOTE_RE.test(line.raw) && NOTE_RE.test(nextContentLine(out, i)?.type === 'body' ? (nextContentLine(out, i) as BodyLine).raw : '')) {
      closeScope();
      line.runIn = { kind: 'appendix', title: NOTES_TITLE };
      inAppendix = true;
      return;
    }
    if (line.runIn?.kind === 'numbered') {
      if (inAppendix) delete line.runIn;
      else closeScope();
      return;
    }
    if (styles[i] === 'title' && titleCount >= 2) closeScope();
    scope.push(i);
  });
  closeScope();
  return out;
}

/** Within one heading's scope: enumeration sections need a sibling, sentence-style headings too. */
function settleScope(lines: SourceLine[], styles: Array<Style | null>, scope: number[], titleCount: number): void {
  const enumerations = scope.filter((i) => (lines[i] as BodyLine).runIn?.kind === 'relative');
  const ordinals = new Set(enumerations.map((i) => ((lines[i] as BodyLine).runIn as { ordinal?: string }).ordinal));
  for (const i of enumerations) if (ordinals.size < 2) delete (lines[i] as BodyLine).runIn;
  const sentences = scope.filter((i) => styles[i] === 'sentence');
  for (const i of scope) {
    const line = lines[i] as BodyLine;
    const style = styles[i];
    if (style === 'title' && titleCount >= 2) lines[i] = asHeading(line, { kind: 'unnumbered', title: line.raw.trim() });
    else if (style === 'sentence' && sentences.length >= 2) lines[i] = asHeading(line, { kind: 'relative', title: line.raw.trim().replace(/。$/, ''), numbering: null });
  }
}

function asHeading(line: BodyLine, heading: HeadingInfo): SourceLine {
  return { type: 'heading', start: line.start, end: line.end, heading };
}

/** Whether line `i` could be an unnumbered heading, and of which style. */
function unnumberedStyle(lines: SourceLine[], i: number, documentTitle: string): Style | null {
  const line = lines[i]!;
  if (line.type !== 'body' || line.runIn) return null;
  const text = line.raw.trim();
  if (text === documentTitle || NOT_A_TITLE_RE.test(text) || /[#*|]/.test(text)) return null;
  const next = nextContentLine(lines, i);
  if (!next || next.type !== 'body' || next.raw.trim().length < MIN_FOLLOWING_BODY_CHARS) return null;
  if (!previousEndsParagraph(lines, i)) return null;
  if (text.length <= MAX_TITLE_LINE_CHARS && !/[。，,；;：:！!？?]/.test(text) && /[\u4e00-\u9fff]{4}/.test(text)) return 'title';
  if (text.length <= MAX_SENTENCE_HEADING_CHARS && /^[^。，,；;：:！!？?、]{4,}。$/.test(text)) return 'sentence';
  return null;
}

function nextContentLine(lines: SourceLine[], i: number): SourceLine | undefined {
  for (let j = i + 1; j < lines.length; j++) if (lines[j]!.type !== 'blank') return lines[j];
  return undefined;
}

/** A line right after an unfinished sentence is the rest of it (a page break), not a heading. */
function previousEndsParagraph(lines: SourceLine[], i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const line = lines[j]!;
    if (line.type === 'blank') continue;
    if (line.type !== 'body') return true;
    const text = line.raw.trim();
    return /[。！？!?；;：:”’」』）)]$/.test(text) || text.length < 20;
  }
  return true;
}
