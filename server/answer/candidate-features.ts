/**
 * The answer model's features, named and computed in one place: the model file refers to them by
 * name. Each candidate sentence is described by retrieval signals (ranks, scores), how much of the
 * question it covers (words, synonyms, dictionary guesses, headings), whether it states a figure of
 * the asked kind for the asked concept, and the question's own traits (language, intent, concepts
 * the corpus never mentions), which move every candidate's probability alike.
 */
import type { QueryAnalysis, RankedPassage } from '../retrieve/types.js';

export interface QuestionSignals {
  /** Weighted share of specific concepts the corpus never mentions. */
  missingSpecific: number;
  /** Weighted share of concepts that are dictionary guesses for English words. */
  guessedShare: number;
  wantsNumber: boolean;
  /** Retrieval's best fused score, to read each passage's score against. */
  topScore: number;
}

export interface CandidateSignals {
  hit: RankedPassage;
  passageRank: number;
  /** Weighted coverage by the sentence's text alone, by its headings alone, and by both. */
  textCoverage: number;
  headingCoverage: number;
  coverage: number;
  /** Weighted share of the question's specific concepts (港航 of 港航服务业) neither the sentence nor its headings state. */
  uncoveredSpecific: number;
  /** Weighted coverage counting only concepts a fitting figure of the sentence is labelled with. */
  labelledCoverage: number;
  /** Credit of the question's main concept in the sentence (1 when there is no main concept). */
  mainCredit: number;
  /** A fitting figure of the sentence is labelled with the main concept. */
  mainLabelled: boolean;
  /** How many of the sentence's figures are labelled with one of the question's concepts. */
  labelledFigures: number;
  hasFigures: boolean;
  statesFigure: boolean;
  answersWithFigure: boolean;
  /** Best share of a fitting figure label's character pairs that the question uses. */
  labelFit: number;
  opensEnumeration: boolean;
  underPlanHeading: boolean;
  siblingOnly: boolean;
  lacksAskedKind: boolean;
  lacksChange: boolean;
  /** The main concept is given, but only in another kind than asked (a share for an amount). */
  mainInOtherKindOnly: boolean;
  missesPlace: boolean;
  /** A fitting figure labelled with the question's concepts has a label whose head word the question uses. */
  headAsked: boolean;
  /** The sentence names the asked place only after its figures for the question's concepts. */
  placeAfterFigures: boolean;
  /** Every rank the sentence gives is at another level than the question asks (全省 for 全市). */
  rankAtOtherLevel: boolean;
  /** The question names a year that neither the passage nor its headings speak of. */
  missesYear: boolean;
  /** The passage's headings speak of a year the question names ("一、2025年工作回顾"). */
  yearInHeading: boolean;
  /** The headings speak of years, none of which the question names (a plan for 2026, asked of 2025). */
  otherYearInHeading: boolean;
  /** The sentence or its headings name the five-year plan the question names. */
  namesAskedPlan: boolean;
  /** They name five-year plans, none of them the asked one (十五五 targets, asked of 十四五). */
  namesOtherPlanOnly: boolean;
  /** The sentence words a target (左右, 力争, 目标, 预期): a plan's figure, not a result. */
  targetWording: boolean;
  /** The sentence words a figure over several years (年均, 累计, “十四五”时期). */
  spanWording: boolean;
  /** The question names one year and no span of years. */
  asksOneYear: boolean;
  /** Every year the question names is before the passage's report's own year (去年 in a 2026 report). */
  asksPast: boolean;
  /** The question names the report's own year (今年). */
  asksCurrentYear: boolean;
  length: number;
  /** Against the question's other candidates: how far below the best, and the place by coverage. */
  relative: RelativeSignals;
}

export interface RelativeSignals {
  coverageGap: number;
  coverageRank: number;
  labelledGap: number;
  labelFitGap: number;
  textCoverageGap: number;
}

type FeatureFn = (q: QueryAnalysis, qs: QuestionSignals, c: CandidateSignals) => number;

const isFigure = (q: QueryAnalysis) => (q.intent === 'figure' ? 1 : 0);
const isList = (q: QueryAnalysis) => (q.intent === 'list' ? 1 : 0);
const bit = (b: boolean) => (b ? 1 : 0);

/** Every feature by name. Order is irrelevant: the model lists the ones it uses. */
export const FEATURES: Record<string, FeatureFn> = {
  coverage: (_q, _qs, c) => c.coverage,
  text_coverage: (_q, _qs, c) => c.textCoverage,
  heading_coverage: (_q, _qs, c) => c.headingCoverage,
  full_coverage: (_q, _qs, c) => bit(c.coverage >= 0.999),
  labelled_coverage: (_q, _qs, c) => c.labelledCoverage,
  main_credit: (_q, _qs, c) => c.mainCredit,
  figure_q_main_labelled: (q, _qs, c) => isFigure(q) * bit(c.mainLabelled),
  labelled_figures: (_q, _qs, c) => Math.min(c.labelledFigures, 5) / 5,
  passage_rank: (_q, _qs, c) => 1 / (1 + c.passageRank),
  fused_score: (_q, qs, c) => (qs.topScore > 0 ? c.hit.score / qs.topScore : 0),
  lexical_rank: (_q, _qs, c) => (c.hit.lexicalRank === undefined ? 0 : 1 / (1 + c.hit.lexicalRank)),
  vector_rank: (_q, _qs, c) => (c.hit.vectorRank === undefined ? 0 : 1 / (1 + c.hit.vectorRank)),
  vector_similarity: (_q, _qs, c) => Math.max(0, c.hit.vectorScore ?? 0),
  states_figure: (_q, _qs, c) => bit(c.statesFigure),
  has_figures: (_q, _qs, c) => bit(c.hasFigures),
  figure_q_answers_with_figure: (q, _qs, c) => isFigure(q) * bit(c.answersWithFigure),
  figure_q_no_figure: (q, _qs, c) => isFigure(q) * bit(!c.hasFigures),
  figure_q_labelled_coverage: (q, _qs, c) => isFigure(q) * c.labelledCoverage,
  figure_q_label_fit: (q, _qs, c) => isFigure(q) * c.labelFit,
  number_q_no_figure: (_q, qs, c) => bit(qs.wantsNumber && !c.statesFigure),
  list_q_enumeration: (q, _qs, c) => isList(q) * bit(c.opensEnumeration),
  list_q_coverage: (q, _qs, c) => isList(q) * c.coverage,
  plan_q_plan_heading: (q, _qs, c) => bit(q.asksForPlans && c.underPlanHeading),
  now_q_plan_wording: (q, _qs, c) => bit(q.asksForNow && (c.underPlanHeading || c.targetWording)),
  sibling_only: (_q, _qs, c) => bit(c.siblingOnly),
  lacks_asked_kind: (q, _qs, c) => isFigure(q) * bit(c.lacksAskedKind),
  lacks_change: (q, _qs, c) => isFigure(q) * bit(c.lacksChange),
  main_in_other_kind_only: (q, _qs, c) => isFigure(q) * bit(c.mainInOtherKindOnly),
  misses_place: (_q, _qs, c) => bit(c.missesPlace),
  rank_at_other_level: (_q, _qs, c) => bit(c.rankAtOtherLevel),
  place_after_figures: (_q, _qs, c) => bit(c.placeAfterFigures),
  figure_q_head_asked: (q, _qs, c) => isFigure(q) * bit(c.headAsked),
  uncovered_specific: (_q, _qs, c) => c.uncoveredSpecific,
  misses_year: (_q, _qs, c) => bit(c.missesYear),
  year_in_heading: (_q, _qs, c) => bit(c.yearInHeading),
  other_year_in_heading: (_q, _qs, c) => bit(c.otherYearInHeading),
  target_wording: (_q, _qs, c) => bit(c.targetWording),
  names_asked_plan: (_q, _qs, c) => bit(c.namesAskedPlan),
  names_other_plan_only: (_q, _qs, c) => bit(c.namesOtherPlanOnly),
  past_q_target_wording: (_q, _qs, c) => bit(c.asksPast && c.targetWording),
  plan_q_target_wording: (q, _qs, c) => bit((q.asksForPlans || q.asksForTarget || c.asksCurrentYear) && c.targetWording),
  one_year_q_span_wording: (_q, _qs, c) => bit(c.asksOneYear && c.spanWording),
  short_sentence: (_q, _qs, c) => bit(c.length < 12),
  log_length: (_q, _qs, c) => Math.log1p(c.length) / 6,
  coverage_gap: (_q, _qs, c) => c.relative.coverageGap,
  coverage_rank: (_q, _qs, c) => 1 / (1 + c.relative.coverageRank),
  text_coverage_gap: (_q, _qs, c) => c.relative.textCoverageGap,
  figure_q_labelled_gap: (q, _qs, c) => isFigure(q) * c.relative.labelledGap,
  figure_q_label_fit_gap: (q, _qs, c) => isFigure(q) * c.relative.labelFitGap,
  missing_specific: (_q, qs) => qs.missingSpecific,
  guessed_share: (_q, qs) => qs.guessedShare,
  lang_en: (q) => bit(q.lang === 'en'),
  intent_figure: isFigure,
  intent_list: isList,
  multi: (q) => bit(q.multi),
  wants_number: (_q, qs) => bit(qs.wantsNumber),
  en_coverage: (q, _qs, c) => bit(q.lang === 'en') * c.coverage,
};

export const FEATURE_NAMES = Object.keys(FEATURES);

/** The values of `names` (a model's features) for one candidate. */
export function featureVector(names: readonly string[], q: QueryAnalysis, qs: QuestionSignals, c: CandidateSignals): number[] {
  return names.map((name) => FEATURES[name]!(q, qs, c));
}
