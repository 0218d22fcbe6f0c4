/**
 * The years a report covers, one rule per kind (see DocumentYears). `current` matters most: the
 * server reads 去年 as current − 1, so it is the year the report is delivered or published in.
 */
import { fiveYearPlanSpan, planOfYear } from './five-year-plans.js';
import type { YearSignals } from './year-signals.js';
import type { DocumentKind, DocumentYears, YearSpan } from './types.js';

const NO_YEARS: DocumentYears = { current: null, reviewed: null, planned: null };

/** The years of a report of `kind` from its signals. */
export function deriveYears(kind: DocumentKind, s: YearSignals): DocumentYears {
  switch (kind) {
    case 'gov-work-report':
      return workReportYears(s);
    case 'plan-outline':
      return outlineYears(s);
    case 'midterm-review':
      return midtermYears(s);
    case 'statistical-bulletin':
      return bulletinYears(s);
    default:
      return otherYears(s);
  }
}

/**
 * A work report is delivered early in its title year: it plans that year and reviews the one
 * before, or the whole plan period that just ended when it looks back on five years, and plans
 * the new period too when it sets out its targets.
 */
function workReportYears(s: YearSignals): DocumentYears {
  const { headings } = s;
  const current =
    s.titleYears[0] ?? s.date?.year ?? s.currentHints[0] ?? max([...headings.plan.years, ...headings.neutral.years]);
  if (current === null) return NO_YEARS;
  const endedPlan = planOfYear(current - 1);
  const ended = fiveYearPlanSpan(endedPlan);
  const reviewsPeriod = ended[1] === current - 1 && (headings.review.plans.includes(endedPlan) || s.fiveYearReview);
  const reviewStart = min([current - 1, ...headings.review.years.filter((y) => y < current)])!;
  const reviewed: YearSpan = [reviewsPeriod ? Math.min(ended[0], reviewStart) : reviewStart, current - 1];
  const startingPlan = planOfYear(current);
  const starts = fiveYearPlanSpan(startingPlan);
  const setsTargets = starts[0] === current && (headings.plan.plans.includes(startingPlan) || s.targetPlans.includes(startingPlan));
  return { current, reviewed, planned: [current, setsTargets ? starts[1] : current] };
}

/** An outline plans its period; it is adopted early in the first year and reviews the plan before. */
function outlineYears(s: YearSignals): DocumentYears {
  // The outline's own plan is the newest the text names; older ones are what it looks back on.
  const plan = s.titlePlans[0] ?? max(s.bodyPlans);
  const planned = plan !== null ? fiveYearPlanSpan(plan) : titleSpan(s);
  if (!planned) return { ...NO_YEARS, current: s.date?.year ?? null };
  const previous = plan !== null ? fiveYearPlanSpan(plan - 1) : null;
  const reviewsPrevious = plan !== null && (s.bodyPlans.includes(plan - 1) || s.fiveYearReview);
  return { current: s.date?.year ?? planned[0], reviewed: reviewsPrevious ? previous : null, planned };
}

/** A mid-term review looks back from the plan's start to its cut-off and ahead to the plan's end. */
function midtermYears(s: YearSignals): DocumentYears {
  const plan = s.titlePlans[0] ?? s.bodyPlans[0] ?? null;
  if (plan === null) return { ...NO_YEARS, current: s.date?.year ?? s.titleYears[0] ?? null };
  const [start, end] = fiveYearPlanSpan(plan);
  const current = s.date?.year ?? s.evaluatedSpan?.[1] ?? s.titleYears[0] ?? start + 2;
  const cutOff = Math.min(s.evaluatedSpan?.[1] ?? current, end);
  return { current, reviewed: [s.evaluatedSpan?.[0] ?? start, cutOff], planned: [Math.min(current, end), end] };
}

/** A bulletin reports on its title year and is published the year after unless dated. */
function bulletinYears(s: YearSignals): DocumentYears {
  const year = s.titleYears[0] ?? (s.date ? s.date.year - 1 : null);
  if (year === null) return NO_YEARS;
  return { current: s.date?.year ?? year + 1, reviewed: [year, year], planned: null };
}

/**
 * Anything else: the title's year is looked back on when the title reviews ("2023年度…评估报告"),
 * planned when it plans; headings add their years by sense. Like a work report, the year after
 * the one reviewed is current unless the document is dated.
 */
function otherYears(s: YearSignals): DocumentYears {
  const titleYear = s.titleYears[0] ?? null;
  const reviewYears = [...s.headings.review.years];
  const planYears = [...s.headings.plan.years, ...s.planOpeningYears];
  if (titleYear !== null && (s.titleAnnual || s.titleSense === 'review')) reviewYears.push(titleYear);
  else if (titleYear !== null && s.titleSense === 'plan') planYears.push(titleYear);
  const lastReviewed = max(reviewYears);
  const futurePlans = planYears.filter((y) => lastReviewed === null || y > lastReviewed);
  const current = s.date?.year ?? min(futurePlans) ?? (lastReviewed !== null ? lastReviewed + 1 : titleYear);
  return { current, reviewed: spanOf(reviewYears), planned: spanOf(futurePlans) };
}

function titleSpan(s: YearSignals): YearSpan | null {
  return s.titleYears.length >= 2 ? spanOf(s.titleYears) : null;
}

function spanOf(years: readonly number[]): YearSpan | null {
  return years.length === 0 ? null : [min(years)!, max(years)!];
}

function min(values: readonly number[]): number | null {
  return values.length === 0 ? null : Math.min(...values);
}

function max(values: readonly number[]): number | null {
  return values.length === 0 ? null : Math.max(...values);
}
