/** Relative year words (今年, 去年 …) as calendar years, against the year a document calls 今年. */
import type { DocumentMeta } from './types.js';

/** Offsets from the document's current year. 当年 is left out: it means "that year", not this one. */
export const RELATIVE_YEAR_OFFSETS = {
  今年: 0,
  本年: 0,
  本年度: 0,
  去年: -1,
  上年: -1,
  上年度: -1,
  上一年: -1,
  过去一年: -1,
  前年: -2,
  明年: 1,
  下一年: 1,
  来年: 1,
  后年: 2,
} as const;

export type RelativeYearWord = keyof typeof RELATIVE_YEAR_OFFSETS;

/** Whether `word` is one of the relative year words. */
function isRelativeYearWord(word: string): word is RelativeYearWord {
  return Object.hasOwn(RELATIVE_YEAR_OFFSETS, word);
}

/**
 * The calendar year a relative year word means in a document, or null when the word is not one
 * or the document's current year is unknown.
 * @example resolveRelativeYear('去年', { years: { current: 2026, reviewed: null, planned: null } }) // -> 2025
 * @example resolveRelativeYear('当年', meta) // -> null
 */
export function resolveRelativeYear(word: string, meta: Pick<DocumentMeta, 'years'>): number | null {
  const current = meta.years.current;
  if (current === null || !isRelativeYearWord(word)) return null;
  return current + RELATIVE_YEAR_OFFSETS[word];
}
