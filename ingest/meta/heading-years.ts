/**
 * The years and five-year plans a report's headings look back on or plan for. A heading often
 * does both ("二、“十四五”时期发展成就和“十五五”时期主要目标任务"), so it is read clause by clause;
 * a clause without a telling word ("2025年和…工作回顾") takes the sense of the clause after it.
 */
import { arabicizeDates } from './chinese-numerals.js';
import { findFiveYearPlans } from './five-year-plans.js';

export type YearSense = 'review' | 'plan' | 'neutral';

export interface SenseYears {
  /** Calendar years written in these clauses. */
  years: number[];
  /** Five-year plans named in these clauses (14 for 十四五). */
  plans: number[];
}

export type HeadingYears = Record<YearSense, SenseYears>;

/** Words of looking back; tried before the planning words, so "主要目标完成情况" is a review. */
const REVIEW_RE = /回顾|成就|成效|成绩|总结|完成情况|进展|实施情况|执行情况|评估|评价|工作情况|发展基础|取得/;
const PLAN_RE = /重点工作|主要工作|工作安排|安排|任务|目标|考虑|要求|建议|打算|展望|计划|规划|纲要|部署|思路|举措|下一步|开好局|起好步/;
const CLAUSE_SPLIT_RE = /以及|和|及|与|，|,|；/;
const YEAR_RE = /(\d{4})\s*年/g;
const MIN_YEAR = 1949;
const MAX_YEAR = 2100;

/** The sense of one clause, or null when it has no telling word. */
export function clauseSense(clause: string): YearSense | null {
  if (REVIEW_RE.test(clause)) return 'review';
  if (PLAN_RE.test(clause)) return 'plan';
  return null;
}

/** The four-digit years written in `text`, Chinese numerals included. */
export function yearsIn(text: string): number[] {
  const years: number[] = [];
  for (const m of arabicizeDates(text).matchAll(YEAR_RE)) {
    const year = Number(m[1]);
    if (year >= MIN_YEAR && year <= MAX_YEAR) years.push(year);
  }
  return years;
}

/**
 * Years and plans of `headings`, by sense.
 * @example readHeadingYears(['一、2025年和“十四五”时期工作回顾', '三、2026年重点工作'])
 * // -> { review: { years: [2025], plans: [14] }, plan: { years: [2026], plans: [] }, neutral: {…} }
 */
export function readHeadingYears(headings: readonly string[]): HeadingYears {
  const result: HeadingYears = {
    review: { years: [], plans: [] },
    plan: { years: [], plans: [] },
    neutral: { years: [], plans: [] },
  };
  for (const heading of headings) {
    const clauses = heading.split(CLAUSE_SPLIT_RE);
    const senses = clauses.map(clauseSense);
    clauses.forEach((clause, i) => {
      const sense = senses.slice(i).find((s) => s !== null) ?? senses.slice(0, i).reverse().find((s) => s !== null) ?? 'neutral';
      result[sense].years.push(...yearsIn(clause));
      result[sense].plans.push(...findFiveYearPlans(clause));
    });
  }
  return result;
}
