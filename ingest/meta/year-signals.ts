/**
 * What the text says about its own years, gathered once: the title's years and plan, the date,
 * the headings by sense, five-year review wording, the plan periods whose targets it sets out,
 * an evaluated span ("2021年1月-2023年6月") and "今年是“十五五”开局之年".
 */
import { arabicizeDates } from './chinese-numerals.js';
import type { DocumentDate } from './document-date.js';
import { findFiveYearPlans, fiveYearPlanSpan } from './five-year-plans.js';
import { clauseSense, readHeadingYears, yearsIn, type HeadingYears, type YearSense } from './heading-years.js';
import { isHeadingLine, type TextLine } from './text-lines.js';
import type { YearSpan } from './types.js';

export interface YearSignals {
  titleYears: number[];
  /** The title's year is a 年度 (a report on that year). */
  titleAnnual: boolean;
  titlePlans: number[];
  titleSense: YearSense | null;
  date: DocumentDate | null;
  headings: HeadingYears;
  /** Years that open the paragraph under a planning heading ("下一步工作安排" / "2024年，全区将…"). */
  planOpeningYears: number[];
  /** The body looks back on five years ("这五年", "五年来", "过去五年") more than once. */
  fiveYearReview: boolean;
  /** Plans whose period's targets the body sets out in a paragraph of their own. */
  targetPlans: number[];
  /** Plans the body names, in order. */
  bodyPlans: number[];
  evaluatedSpan: YearSpan | null;
  /** Years the text calls 今年 through a plan: "今年是“十五五”开局之年" -> 2026, "2026年是“十五五”开局之年". */
  currentHints: number[];
}

const FIVE_YEAR_REVIEW_RE = /这五年|五年来|五年间|过去的?五年/g;
const MIN_FIVE_YEAR_PHRASES = 2;
/** A paragraph that opens on a plan period and sets its goals: "“十五五”时期全省…的总体要求是". */
const TARGETS_RE = /^[“"]?十[一二三四五六七八九]五[”"]?(?:时期|期间|规划)[^。]{0,40}(?:主要目标|总体要求|目标任务|指导思想|发展目标|重大任务|重点任务|主要任务|奋斗目标)/;
const CURRENT_HINT_RE = /今年是[^。，]{0,12}?[“"]?十([一二三四五六七八九])五[”"]?(?:规划)?(?:实施)?的?(开局|起步|第一年|首年|收官|最后一年)/g;
const YEAR_START_HINT_RE = /(\d{4})年是[^。，]{0,12}?[“"]?十([一二三四五六七八九])五[”"]?(?:规划)?(?:实施)?的?(?:开局|起步|第一年|首年)/g;
const SPAN_RE = /(\d{4})\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?\s*(?:[-—–~～至到]+)\s*(\d{4})\s*年/;
const SPAN_LINES = 5;
const MAX_SIGNAL_LINE = 400;

/** Gathers the year signals of a report whose body starts at `bodyStart`. */
export function gatherYearSignals(title: string, lines: readonly TextLine[], bodyStart: number, date: DocumentDate | null): YearSignals {
  const body = lines.slice(bodyStart);
  const headingLines = body.filter(isHeadingLine);
  const bodyText = body.map((l) => l.text).join('\n');
  return {
    titleYears: yearsIn(title),
    titleAnnual: /\d{4}\s*年度/.test(arabicizeDates(title)),
    titlePlans: findFiveYearPlans(title),
    titleSense: readTitleSense(title),
    date,
    headings: readHeadingYears(headingLines.map((l) => stripNumbering(l.text))),
    planOpeningYears: readPlanOpeningYears(body),
    fiveYearReview: (bodyText.match(FIVE_YEAR_REVIEW_RE)?.length ?? 0) >= MIN_FIVE_YEAR_PHRASES,
    targetPlans: body.flatMap((l) => (TARGETS_RE.test(l.text) ? findFiveYearPlans(l.text.slice(0, 8)) : [])),
    bodyPlans: findFiveYearPlans(bodyText),
    evaluatedSpan: readEvaluatedSpan(body.slice(0, SPAN_LINES)),
    currentHints: readCurrentHints(bodyText),
  };
}

function stripNumbering(text: string): string {
  return text.replace(/^(?:[（(]?[一二三四五六七八九十]+[）)、．.]|\d{1,2}[.．、]|[（(]\d{1,2}[）)])\s*/, '');
}

/** The sense of the title as a whole: "…2023年度…规划实施情况评估报告" looks back. */
function readTitleSense(title: string): YearSense | null {
  return clauseSense(title.replace(/政府工作报告$/, ''));
}

function readPlanOpeningYears(body: readonly TextLine[]): number[] {
  const years: number[] = [];
  body.forEach((line, i) => {
    const next = body[i + 1];
    if (!next || !isHeadingLine(line) || isHeadingLine(next)) return;
    if (clauseSense(stripNumbering(line.text)) !== 'plan') return;
    const m = /^(\d{4})\s*年/.exec(arabicizeDates(next.text));
    if (m) years.push(Number(m[1]));
  });
  return years;
}

function readEvaluatedSpan(opening: readonly TextLine[]): YearSpan | null {
  for (const line of opening) {
    const m = SPAN_RE.exec(arabicizeDates(line.text.slice(0, MAX_SIGNAL_LINE)));
    if (m && Number(m[1]) <= Number(m[2])) return [Number(m[1]), Number(m[2])];
  }
  return null;
}

function readCurrentHints(bodyText: string): number[] {
  const hints: number[] = [];
  for (const m of bodyText.matchAll(CURRENT_HINT_RE)) {
    const span = fiveYearPlanSpan(findFiveYearPlans(m[0])[0]!);
    hints.push(/开局|起步|第一年|首年/.test(m[2]!) ? span[0] : span[1]);
  }
  // "2026年是“十五五”开局之年" is said of the year being planned; "2025年是…收官之年" is said
  // of the year under review as often as of the current one, so only a start counts.
  for (const m of bodyText.matchAll(YEAR_START_HINT_RE)) {
    if (fiveYearPlanSpan(findFiveYearPlans(m[0])[0]!)[0] === Number(m[1])) hints.push(Number(m[1]));
  }
  return hints;
}
