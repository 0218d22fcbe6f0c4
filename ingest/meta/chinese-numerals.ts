/**
 * Chinese-numeral years, months and days as reports write them on their date lines
 * ("二〇二六年一月二十七日"), turned into Arabic digits so that one date pattern reads both.
 */

import { parseChineseNumber } from '../text/chinese-numbers.js';

const YEAR_DIGIT = '[〇○零Ｏ一二三四五六七八九]';
const SMALL_NUMBER = '[一二三四五六七八九十]{1,3}';
const CHINESE_DATE_RE = new RegExp(`(${YEAR_DIGIT}{4})年(?:(${SMALL_NUMBER})月(?:(${SMALL_NUMBER})日)?)?`, 'g');

/**
 * `text` with every Chinese-numeral date in Arabic digits; other text is left as it is.
 * @example arabicizeDates('——二〇二六年一月二十七日在…') // -> '——2026年1月27日在…'
 */
export function arabicizeDates(text: string): string {
  return text.replace(CHINESE_DATE_RE, (whole, year: string, month?: string, day?: string) => {
    const m = month ? parseChineseNumber(month) : null;
    const d = day ? parseChineseNumber(day) : null;
    if ((month && m === null) || (day && d === null)) return whole;
    return `${parseChineseNumber(year)}年${m !== null ? `${m}月` : ''}${d !== null ? `${d}日` : ''}`;
  });
}
