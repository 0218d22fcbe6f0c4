/**
 * Five-year plans by the names reports use: "十四五", "“十五五”时期", "第十四个五年规划".
 * The 3rd plan began in 1966 and every one since has run five years, so the 14th is 2021–2025.
 */
import { parseChineseNumber } from '../text/chinese-numbers.js';
import type { YearSpan } from './types.js';

const FIRST_REGULAR_PLAN = 3;
const FIRST_REGULAR_START = 1966;

/** "十四五" (not inside a longer numeral such as "二十四五") or "第十四个五年规划". */
const PLAN_NAME_RE = /(?<![一二三四五六七八九十])十([一二三四五六七八九])五(?![年个])|第([一二三四五六七八九十]{1,3})个五年(?:规划|计划)/g;

/**
 * The years of the n-th five-year plan.
 * @example fiveYearPlanSpan(14) // -> [2021, 2025]
 */
export function fiveYearPlanSpan(n: number): YearSpan {
  const start = FIRST_REGULAR_START + 5 * (n - FIRST_REGULAR_PLAN);
  return [start, start + 4];
}

/**
 * The numbers of the five-year plans `text` names, in order of appearance, repeats included.
 * @example findFiveYearPlans('“十四五”时期发展成就和“十五五”时期主要目标任务') // -> [14, 15]
 */
export function findFiveYearPlans(text: string): number[] {
  const found: number[] = [];
  for (const m of text.matchAll(PLAN_NAME_RE)) {
    const n = m[1] ? 10 + parseChineseNumber(m[1])! : parseChineseNumber(m[2]!);
    if (n !== null && n >= FIRST_REGULAR_PLAN) found.push(n);
  }
  return found;
}

/** "the 14th Five-Year Plan", "15th FYP": the English names. */
const ENGLISH_PLAN_RE = /\b(\d{1,2})(?:st|nd|rd|th)\s+(?:five[- ]year|fyp\b)/gi;

/**
 * The five-year plans a question names, in Chinese or English.
 * @example namedFiveYearPlans('GDP growth over the 14th Five-Year Plan?') // -> [14]
 */
export function namedFiveYearPlans(text: string): number[] {
  const english = [...text.matchAll(ENGLISH_PLAN_RE)].map((m) => Number(m[1])).filter((n) => n >= FIRST_REGULAR_PLAN);
  return [...new Set([...findFiveYearPlans(text), ...english])];
}

/** The plan that runs through `year`. */
export function planOfYear(year: number): number {
  return FIRST_REGULAR_PLAN + Math.floor((year - FIRST_REGULAR_START) / 5);
}
