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

const CJK_RE = /[\u3400-\u9fff\uf900-\ufaff]/;

export function isCjk(ch: string): boolean {
  return CJK_RE.test(ch);
}

/** Share of CJK characters among letters and ideographs. */
export function cjkShare(text: string): number {
  let cjk = 0;
  let letters = 0;
  for (const ch of text) {
    if (isCjk(ch)) cjk++;
    else if (/[A-Za-z]/.test(ch)) letters++;
  }
  return cjk + letters === 0 ? 0 : cjk / (cjk + letters);
}
