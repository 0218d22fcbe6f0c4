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

/** Kangxi radicals, CJK radicals supplement and CJK compatibility ideographs (BMP and supplementary), and 㬵. */
const COMPATIBILITY_FORM_RE = /[\u2E80-\u2EFF\u2F00-\u2FDF\uF900-\uFAFF\u3B35]|\uD87E[\uDC00-\uDE1F]/g;

/**
 * Radicals-supplement forms that NFKC leaves alone but that Noto CJK SC draws with the glyph of a
 * whole simplified character, so a PDF printed by Chromium says ⻓ for 长 (measured by printing every
 * character of the provincial reports and reading it back); ⼾ is drawn as 户 where NFKC gives 戶,
 * and 㬵 (Ext. A) shares the glyph of 胶.
 */
const SUPPLEMENT_FORMS: Record<string, string> = {
  '⼾': '户', '⺠': '民', '⻁': '虎', '⻄': '西', '⻅': '见', '⻆': '角', '⻉': '贝', '⻋': '车', '⻓': '长', '⻔': '门',
  '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻢': '马', '⻣': '骨', '⻤': '鬼',
  '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻬': '齐', '⻮': '齿', '⻰': '龙',
  '㬵': '胶',
};

/**
 * Maps the look-alike code points that PDF text layers produce (Chromium's print-to-PDF writes ⼤
 * U+2F24 for 大) to the ideographs they stand for, one character at a time: NFKC over the whole
 * text would also turn the report's full-width （一）％： into ASCII, which the figures keep as written.
 * @example normalizeCompatibilityForms('⼀、⽣产总值增⻓6.2％') // -> '一、生产总值增长6.2％'
 */
export function normalizeCompatibilityForms(text: string): string {
  return text.replace(COMPATIBILITY_FORM_RE, (ch) => SUPPLEMENT_FORMS[ch] ?? ch.normalize('NFKC'));
}

/**
 * Subscripts that web text spells with an underscore ("PM_2.5", "CO_2", from <sub> copied as
 * markup) joined to their symbol, as the same text prints them elsewhere and as people type them.
 * @example joinUnderscoreSubscripts('PM_2.5浓度为25.9微克/立方米') // -> 'PM2.5浓度为25.9微克/立方米'
 */
export function joinUnderscoreSubscripts(text: string): string {
  return text.replace(/(?<=[A-Za-z])_(?=\d)/g, '');
}

/** A calendar year written alone ("2020"), as questions and reports name one. */
export function isBareYear(word: string): boolean {
  return /^(?:19|20)\d{2}$/.test(word);
}
