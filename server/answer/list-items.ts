/**
 * The items of a list answer, as the report writes them. Reports enumerate in two ways: inside one
 * sentence ("甲，乙，丙" / "存在甲、乙、丙等问题"), or with ordinal markers over the sentences that
 * follow an introducing one ("积极因素也在持续积累。一是甲。……二是乙。……").
 */
import { splitSentences, type Span } from '../../ingest/chunk/sentences.js';

const MAX_ITEMS = 8;
/** Ordinal markers, one family per pattern; the n-th marker of a family opens the n-th item. */
const ORDINAL_FAMILIES: Array<(n: number) => string> = [
  (n) => `${chineseNumeral(n)}是`,
  (n) => `其${chineseNumeral(n)}`,
  (n) => `第${chineseNumeral(n)}，`,
  (n) => `（${n}）`,
  (n) => `(${n})`,
  (n) => String.fromCharCode(0x2460 + n - 1),
];
/** Sentences to look past for the first marker: an intro may take two sentences. */
const INTRO_SENTENCES = 2;
/** An item's own title ends at its first full stop; a long one at its first comma. */
const SHORT_ITEM_CHARS = 30;
/** Clauses that only join or date the sentence ("但同时", "两年半以来"), never items. */
const CONNECTIVE_RE = /^(?:但|但是|同时|但同时|与此同时|此外|另外|然而|而且|并且|总体而言|总的来看|总体来看|目前|当前|其中|下阶段|下一步|[^，]{0,6}以来)$/;

function chineseNumeral(n: number): string {
  return '一二三四五六七八九十'[n - 1] ?? String(n);
}

/** One enumerated item: its title, and the sentence that opens it (offsets in the searched text). */
export interface OrdinalItem {
  title: string;
  start: number;
  end: number;
}

/**
 * Items enumerated by ordinal markers in `following` (the text after the introducing sentence),
 * or [] when it does not go on with "一是 …" / "（1）…" / "①…".
 * @example ordinalItems('但同时，积极因素在积累。一是政策有利好。正文。二是部署有成效。').map((i) => i.title) // -> ['政策有利好', '部署有成效']
 */
export function ordinalItems(following: string): OrdinalItem[] {
  const sentences = splitAtColons(following, splitSentences(following));
  for (const marker of ORDINAL_FAMILIES) {
    const first = sentences.slice(0, INTRO_SENTENCES + 1).findIndex((s) => following.startsWith(marker(1), s.start));
    if (first < 0) continue;
    const items: OrdinalItem[] = [];
    for (const span of sentences.slice(first)) {
      const next = marker(items.length + 1);
      if (!following.startsWith(next, span.start)) continue;
      items.push({ title: itemTitle(following.slice(span.start + next.length, span.end)), start: span.start, end: span.end });
      if (items.length >= MAX_ITEMS) break;
    }
    if (items.length >= 2) return items;
  }
  return [];
}

/** "仍存在一些问题：一是…；" — a colon opens the first item inside the introducing sentence. */
function splitAtColons(text: string, spans: Span[]): Span[] {
  return spans.flatMap((span) => {
    const pieces: Span[] = [];
    let start = span.start;
    for (let at = text.indexOf('：', start); at >= 0 && at < span.end - 1; at = text.indexOf('：', at + 1)) {
      pieces.push({ start, end: at + 1 });
      start = at + 1;
    }
    pieces.push({ start, end: span.end });
    return pieces;
  });
}

/** Whether `text` (a sentence and what follows it) goes on to enumerate: "…战略。一是…". */
export function opensEnumeration(text: string): boolean {
  const sentences = splitAtColons(text, splitSentences(text)).slice(1, INTRO_SENTENCES + 2);
  return ORDINAL_FAMILIES.some((marker) => sentences.some((s) => text.startsWith(marker(1), s.start)));
}

function itemTitle(rest: string): string {
  const title = rest.replace(/[。；;！？]+$/, '').trim();
  if (title.length <= SHORT_ITEM_CHARS) return title;
  const comma = title.search(/[，：:]/);
  return comma > 1 ? title.slice(0, comma) : title;
}

/** The clauses of an enumerating sentence, as list items (the sentence itself when it lists nothing). */
export function clauseItems(sentence: string): string[] {
  const body = sentence.replace(/[。；;！？]+$/, '');
  const clauses = body
    .split(/[，；;]/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 2 && !CONNECTIVE_RE.test(s));
  if (clauses.length > 1) return clauses.slice(0, MAX_ITEMS);
  // "存在甲、乙、丙等问题": the items are the 、-separated parts of the one clause.
  const inner = (clauses[0] ?? body).replace(/^(?:但|仍|还|也)*(?:存在|面临|包括|有)/, '').replace(/等(?:问题|方面|不足)?$/, '');
  const parts = inner.split('、').map((s) => s.trim()).filter((s) => s.length >= 2);
  return parts.length > 1 ? parts.slice(0, MAX_ITEMS) : [body];
}
