/** Chinese numerals as the reports write them in values, ordinals and dates. */

const DIGIT_VALUES: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SCALES: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * A Chinese numeral below 10,000, or null when `text` is not one.
 * @example parseChineseNumber('十九') // -> 19
 * @example parseChineseNumber('二十七') // -> 27
 * @example parseChineseNumber('两') // -> 2
 */
export function parseChineseNumber(text: string): number | null {
  if (!text) return null;
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch in DIGIT_VALUES) digit = DIGIT_VALUES[ch]!;
    else if (ch in SCALES) {
      total += (digit || 1) * SCALES[ch]!;
      digit = 0;
    } else return null;
  }
  return total + digit;
}
