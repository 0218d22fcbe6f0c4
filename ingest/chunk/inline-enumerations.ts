/**
 * Enumerations run in mid-paragraph: "（三）发展现代能源经济。一要做好煤炭保供文章。……二要做好新能源
 * 外送文章。……". Each item heads the sentences up to the next, as a paragraph-opening 一是 heads a
 * section of its own. The section keeps its text; an item gives the passages under it a finer path,
 * so that they are cited to it and read its title as heading words. A short sentence that opens the
 * paragraph right before the first item ("繁荣内外市场需求。一是……") heads the items too, and opens the
 * first item's passage.
 */
import { ENUMERATION_RE } from '../parse/headings.js';
import { parseChineseNumber } from '../text/chinese-numbers.js';
import type { Span } from './sentences.js';

export interface PathSpan extends Span {
  /** Headings below the section's own path: [item], or [lead, item]. */
  subPath: string[];
}

/** As a run-in heading: a clause or two, closed by a full stop, never a list item closed by ；. */
const MAX_TITLE_CHARS = 64;
const MAX_LEAD_CHARS = 30;

interface Item {
  sentence: Span;
  ordinal: number;
  family: string;
  title: string;
}

/**
 * The inline enumerations of a section's text, as spans with the headings they add: an item runs
 * to the next item or to the end of its paragraph. `ownTitle` is the section's title, which a
 * run-in heading repeats as the text's first sentence and which is no lead.
 */
export function inlineEnumerations(text: string, sentences: Span[], ownTitle: string): PathSpan[] {
  const spans: PathSpan[] = [];
  for (const run of itemRuns(text, sentences)) {
    const opener = openerOf(text, sentences, run[0]!.sentence);
    const lead = opener && isLead(opener.title, ownTitle) ? opener.title : null;
    const prefix = lead ? [lead] : [];
    run.forEach((item, i) => {
      const next = run[i + 1]?.sentence.start;
      const paragraphEnd = endOfParagraph(text, item.sentence.start);
      // A title sentence alone would be a passage that says nothing: it opens the first item's.
      const start = i === 0 && opener ? opener.span.start : item.sentence.start;
      spans.push({ start, end: next !== undefined ? Math.min(next, paragraphEnd) : paragraphEnd, subPath: [...prefix, item.title] });
    });
  }
  return spans.filter((s) => s.subPath.at(-1) !== ownTitle);
}

/** Runs of items numbered 一, 二, 三 … in one family (是 or 要), at least two long. */
function itemRuns(text: string, sentences: Span[]): Item[][] {
  const runs: Item[][] = [];
  let run: Item[] = [];
  const close = () => {
    if (run.length >= 2) runs.push(run);
    run = [];
  };
  for (const sentence of sentences) {
    const item = itemAt(text, sentence);
    if (!item) continue;
    const previous = run.at(-1);
    if (previous && item.family === previous.family && item.ordinal === previous.ordinal + 1) run.push(item);
    else if (item.ordinal === 1) {
      close();
      run = [item];
    }
  }
  close();
  return runs;
}

function itemAt(text: string, sentence: Span): Item | null {
  const raw = text.slice(sentence.start, sentence.end);
  const m = ENUMERATION_RE.exec(raw.replace(/\*/g, ''));
  const ordinal = m ? parseChineseNumber(m[1]!) : null;
  if (!m || ordinal === null || !/。[”’」』）)]*$/.test(raw)) return null;
  const title = cleanTitle(raw);
  if (title.length > MAX_TITLE_CHARS || title.length <= m[0].length + 1) return null;
  return { sentence, ordinal, family: m[2]!, title };
}

/** The sentence that opens the paragraph right before `first`, when it is short enough to be a title. */
function openerOf(text: string, sentences: Span[], first: Span): { span: Span; title: string } | null {
  const at = sentences.findIndex((s) => s.start === first.start);
  const before = sentences[at - 1];
  if (!before || text.slice(before.end, first.start).includes('\n')) return null;
  if (before.start !== 0 && !/\n\s*$/.test(text.slice(0, before.start))) return null;
  const raw = text.slice(before.start, before.end).trim();
  const title = cleanTitle(raw);
  return raw.endsWith('。') && title.length <= MAX_TITLE_CHARS ? { span: before, title } : null;
}

/** "繁荣内外市场需求": a short clause heads the items; the section's own run-in title does not again. */
function isLead(title: string, ownTitle: string): boolean {
  return title !== ownTitle && title.length <= MAX_LEAD_CHARS && !/[，,：:；;]/.test(title);
}

function cleanTitle(sentence: string): string {
  return sentence.replace(/\*/g, '').trim().replace(/。[”’」』）)]*$/, '');
}

function endOfParagraph(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}
