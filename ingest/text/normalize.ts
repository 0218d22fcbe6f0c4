/** Text normalization shared by indexing, querying and scoring. */

/** Full-width ASCII forms (Ａ１％) to half-width, ideographic space to a space. */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/**
 * The comparison form used to check that a quoted string occurs in a text: no whitespace or `*`,
 * ASCII parentheses as full-width, lower case (the scoring rule of the question sets).
 * @example normalizeForMatch('860.3 亿元 (A)') // -> '860.3亿元（a）'
 */
export function normalizeForMatch(text: string): string {
  return text.replace(/[\s\u3000*]+/g, '').replace(/\(/g, '（').replace(/\)/g, '）').toLowerCase();
}

/**
 * An English word, number or abbreviation in lower-cased text ("r&d", "pm2.5"): questions and
 * CC-CEDICT glosses are cut alike, so that the words of one can be looked up in the other.
 */
export const ENGLISH_WORD_RE = /[a-z0-9]+(?:[.&][a-z0-9]+)*/g;

const CJK_RE = /[\u3400-\u9fff\uf900-\ufaff]/;

export function isCjk(ch: string): boolean {
  return CJK_RE.test(ch);
}

/** `text` as a literal inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
