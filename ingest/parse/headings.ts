/**
 * Heading recognition from the numbering schemes of Chinese government documents:
 * 第一篇 > 第一章 > 第一节 > 一、 > （一）/(一) > 1. > （1）, with 【…】 and 专栏 parts and closing
 * appendices (名词解释, 附件 …). The Markdown `#` count of a converted PDF is not trusted for the
 * hierarchy. A heading may stand on its own line or run in: "（一）标题。正文…".
 */

/** Outline ranks: a heading closes every open heading of an equal or greater rank. */
export const RANK = { appendix: 0, unnumbered: 1, part: 9 } as const;

export type HeadingInfo =
  | { kind: 'numbered'; rank: number; numbering: string; title: string; ordinal?: string }
  | { kind: 'part'; title: string }
  | { kind: 'appendix'; title: string }
  | { kind: 'plain'; title: string }
  /** A short unnumbered title line ("“十四五”时期工作回顾"): a chapter where no numbered heading is open. */
  | { kind: 'unnumbered'; title: string }
  /** A heading whose rank follows from where it stands: one below the heading it sits under. */
  | { kind: 'relative'; title: string; numbering: string | null; ordinal?: string };

const CN_NUM = '[一二三四五六七八九十百零〇]+';
const ORDINAL_NUM = `(?:${CN_NUM}|\\d{1,3})`;
const NUMBERED_PATTERNS: Array<{ rank: number; re: RegExp }> = [
  { rank: 2, re: new RegExp(`^(第${ORDINAL_NUM}篇)\\s*`) },
  { rank: 3, re: new RegExp(`^(第${ORDINAL_NUM}章)\\s*`) },
  { rank: 4, re: new RegExp(`^(第${ORDINAL_NUM}节)\\s*`) },
  { rank: 5, re: new RegExp(`^(${CN_NUM}[、．.])\\s*`) },
  { rank: 6, re: new RegExp(`^([（(]${CN_NUM}[）)])\\s*`) },
  { rank: 7, re: /^(\d{1,2}[.．、](?![\d.．]))\s*/ },
  { rank: 8, re: /^([（(]\d{1,2}[）)])\s*/ },
];
/** 一是 / 二要 / 三是: enumerations that head the paragraphs of a section, or the sentences after them in one. */
export const ENUMERATION_RE = new RegExp(`^(${CN_NUM})(是|要)`);
const PART_RE = /^(?:【[^】]{1,20}】|专栏\s*\d{0,3}\s*[:：]?\s*[^。；]{0,30})$/;
const APPENDIX_RE = /^(?:.{0,24}(?:名词解释|名词注释|注释|术语解释)|(?:附件|附表|附录)\s*\d*(?:\s*[:：]\s*[^。；]{1,40})?|说明)\s*[:：]?$/;
/** A numbered line that ends like a sentence is a list item, not a heading. */
const SENTENCE_END_RE = /[。；;！!？?，,]$/;
const MAX_PLAIN_HEADING_CHARS = 48;
/** A run-in title ("（一）聚焦扩大内需，确保经济平稳运行。正文") is a clause or two, never a long sentence. */
const MAX_RUN_IN_TITLE_CHARS = 64;

/** Removes Markdown emphasis and heading marks and surrounding space: "## **(八) 党建**" -> "(八) 党建". */
export function stripHeadingMarkup(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s*/, '')
    .replace(/\*\*|__/g, '')
    .replace(/\s+#+\s*$/, '')
    .trim();
}

/** Classifies a line that stands alone; `fromMarkup` says whether the line was a Markdown heading. */
export function classifyHeading(title: string, fromMarkup: boolean): HeadingInfo | null {
  const text = title.trim();
  if (!text) return null;
  if (PART_RE.test(text) && (text.startsWith('【') || /^专栏\s*\d/.test(text) || fromMarkup)) return { kind: 'part', title: text };
  if (APPENDIX_RE.test(text)) return { kind: 'appendix', title: text.replace(/[:：]$/, '') };
  for (const { rank, re } of NUMBERED_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    let rest = text.slice(m[0].length);
    if (!rest && rank > 4) return null;
    if (!fromMarkup) {
      // "（一）坚持供需两端协同发力，推动经济增长。" alone on its line is a heading with a full stop.
      // Numbered list items (1. …。) stand alone too, so only the upper levels take a full stop.
      if (rank <= 6 && /。$/.test(rest) && rest.indexOf('。') === rest.length - 1 && !/[；;]/.test(rest)) rest = rest.slice(0, -1);
      if (rest.length > MAX_PLAIN_HEADING_CHARS || SENTENCE_END_RE.test(rest) || rest.includes('。')) return null;
    }
    return { kind: 'numbered', rank, numbering: m[1]!, title: `${m[1]!}${rest.trim()}`, ordinal: ordinalOf(m[1]!) };
  }
  return fromMarkup ? { kind: 'plain', title: text } : null;
}

/**
 * A heading at the start of a paragraph followed by its body in the same line, or null.
 * The title runs to the first 。 (or ：) and is a short clause without ；.
 * @example runInHeading('（一）聚焦扩大内需，确保经济平稳运行。紧抓政策机遇……')
 * // -> { heading: { kind: 'numbered', rank: 6, numbering: '（一）', title: '（一）聚焦扩大内需，确保经济平稳运行' }, titleEnd: 18 }
 */
export function runInHeading(text: string): { heading: HeadingInfo; titleEnd: number } | null {
  const end = text.search(/[。：:]/);
  if (end <= 0 || end >= text.length - 1) return null;
  const title = text.slice(0, end);
  if (title.length > MAX_RUN_IN_TITLE_CHARS || /[；;！？!?]/.test(title)) return null;
  const enumeration = ENUMERATION_RE.exec(title);
  if (enumeration && title.length > enumeration[0].length + 1) {
    return { heading: { kind: 'relative', title, numbering: enumeration[0], ordinal: enumeration[1] }, titleEnd: end };
  }
  for (const { rank, re } of NUMBERED_PATTERNS) {
    const m = re.exec(title);
    if (!m || rank < 5 || title.length <= m[0].length + 1) continue;
    return { heading: { kind: 'numbered', rank, numbering: m[1]!, title: `${m[1]!}${title.slice(m[0].length)}`, ordinal: ordinalOf(m[1]!) }, titleEnd: end };
  }
  return null;
}

/** The bare ordinal of a numbering token: "（三）" -> "三", "12." -> "12". */
function ordinalOf(numbering: string): string {
  return numbering.replace(/^第|[篇章节、．.（）()]/g, '');
}
