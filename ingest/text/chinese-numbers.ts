/** Chinese numerals as the reports write them in values, ordinals and dates. */

const DIGIT_VALUES: Record<string, number> = { 〇: 0, '○': 0, 'Ｏ': 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SCALES: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const MAGNITUDES: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/**
 * A Chinese numeral, or null when `text` is not one: with scales (十九, 三百二十), magnitudes
 * (三万五千), or digit by digit as years are written (二〇二六).
 * @example parseChineseNumber('十九') // -> 19
 * @example parseChineseNumber('两') // -> 2
 * @example parseChineseNumber('二〇二六') // -> 2026
 * @example parseChineseNumber('三万五千') // -> 35000
 */
export function parseChineseNumber(text: string): number | null {
  if (!text) return null;
  const chars = [...text];
  if (chars.length > 1 && chars.every((ch) => ch in DIGIT_VALUES)) return Number(chars.map((ch) => DIGIT_VALUES[ch]).join(''));
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of chars) {
    if (ch in DIGIT_VALUES) {
      // Two digits side by side without a scale between them ("十四五") are no one number; 零 may precede one (一百零五).
      if (digit !== null && digit !== 0) return null;
      digit = DIGIT_VALUES[ch]!;
    } else if (ch in SCALES) {
      section += (digit || 1) * SCALES[ch]!;
      digit = null;
    } else if (ch in MAGNITUDES) {
      total = (total + section + (digit ?? 0)) * MAGNITUDES[ch]!;
      section = 0;
      digit = null;
    } else return null;
  }
  return total + section + (digit ?? 0);
}
