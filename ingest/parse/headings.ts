/**
 * Heading recognition from the numbering scheme of Chinese government reports:
 * 一、 > （一）/(一) > 1. > （1）, with 【…】 parts and closing appendices (名词解释, 附件 …).
 * The Markdown `#` count of a converted PDF is not trusted for the hierarchy.
 */

export type HeadingLevel = 1 | 2 | 3 | 4;

export type HeadingInfo =
  | { kind: 'numbered'; level: HeadingLevel; numbering: string; title: string }
  | { kind: 'part'; title: string }
  | { kind: 'appendix'; title: string }
  | { kind: 'plain'; title: string };

const CN_NUM = '[一二三四五六七八九十百零〇]+';
const NUMBERED_PATTERNS: Array<{ level: HeadingLevel; re: RegExp }> = [
  { level: 1, re: new RegExp(`^(${CN_NUM}[、．.])\\s*`) },
  { level: 2, re: new RegExp(`^([（(]${CN_NUM}[）)])\\s*`) },
  { level: 3, re: /^(\d{1,2}[.．、](?![\d.．]))\s*/ },
  { level: 4, re: /^([（(]\d{1,2}[）)])\s*/ },
];
const PART_RE = /^【[^】]{1,20}】$/;
const APPENDIX_RE = /^(名词解释|名词注释|附件|附表|附录|注释|说明|术语解释)\s*\d*\s*[:：]?$/;
/** A numbered line that ends like a sentence is a list item, not a heading. */
const SENTENCE_END_RE = /[。；;！!？?，,]$/;
const MAX_PLAIN_HEADING_CHARS = 48;

/** Removes Markdown emphasis and heading marks and surrounding space: "## **(八) 党建**" -> "(八) 党建". */
export function stripHeadingMarkup(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s*/, '')
    .replace(/\*\*|__/g, '')
    .replace(/\s+#+\s*$/, '')
    .trim();
}

/** Classifies a heading title; `fromMarkup` says whether the line was a Markdown heading. */
export function classifyHeading(title: string, fromMarkup: boolean): HeadingInfo | null {
  const text = title.trim();
  if (!text) return null;
  if (PART_RE.test(text)) return { kind: 'part', title: text };
  if (APPENDIX_RE.test(text)) return { kind: 'appendix', title: text.replace(/[:：]$/, '') };
  for (const { level, re } of NUMBERED_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const rest = text.slice(m[0].length);
    if (!rest) return null;
    if (!fromMarkup && (rest.length > MAX_PLAIN_HEADING_CHARS || SENTENCE_END_RE.test(rest) || rest.includes('。'))) {
      return null;
    }
    return { kind: 'numbered', level, numbering: m[1]!, title: normalizeHeadingTitle(m[1]!, rest) };
  }
  return fromMarkup ? { kind: 'plain', title: text } : null;
}

/** Joins numbering and text the way the report writes them, without the space a PDF converter adds. */
function normalizeHeadingTitle(numbering: string, rest: string): string {
  return `${numbering}${rest.trim()}`;
}
