/**
 * Finds the sentences that answer the question among the retrieved passages: each sentence is
 * described by its signals, the answer model gives it the probability that it answers, then a few
 * are picked so that together they cover the question.
 */
import { charBigrams } from '../../ingest/text/tokenize.js';
import { normalizeForMatch } from '../../ingest/text/normalize.js';
import type { Figure } from '../../ingest/schema.js';
import type { KnowledgeBase } from '../retrieve/knowledge-base.js';
import type { KeyTerm, QueryAnalysis, RankedPassage } from '../retrieve/types.js';
import { defaultScorer, type AnswerScorer } from './answer-model.js';
import { featureVector, type CandidateSignals, type QuestionSignals } from './candidate-features.js';
import { askedForms as askedFormsOf, askedRankLevels, askedValue, type AskedValue, headingYearFit, labelHeadAsked, lacksAskedKind, lacksChange, mainConcept, mainInOtherKindOnly, missesPlace, missingSpecificShare, namesSiblingOnly, placeAfterFigures, ranksAtOtherLevel, siblingQualifiers, type SiblingQualifier, saysWholeYear, soleHeadingYear, SPECIFIC_CONCEPT_IDF, statesYear, unitOfWrittenValue, wantsNumber } from './candidate-checks.js';
import { passageInfo, type SentenceFigure } from './passage-sentences.js';
import { changeFit, echoesQuestion, isOfKind } from './pick-figures.js';
import { timeHeadings } from './section-years.js';
import { termCredit } from './term-credit.js';

export interface Evidence {
  passageIndex: number;
  passageRank: number;
  /** Offsets of the sentence in the passage text. */
  start: number;
  end: number;
  text: string;
  /** Weighted share of the question's concepts this sentence covers, 0..1. */
  coverage: number;
  /** The answer model's probability that this sentence answers the question. */
  score: number;
  /** Credit per key term (same order as analysis.keyTerms). */
  credits: number[];
  /** For a figure question: credits halved for concepts no fitting figure of the sentence is labelled with. */
  answerCredits: number[];
  /** The sentence holds a figure of the asked kind whose label names one of the question's concepts. */
  answersWithFigure: boolean;
  /** The sentence holds a figure of any kind whose label names one of the question's concepts. */
  statesFigure: boolean;
  /** What the model's features are computed from. */
  signals: CandidateSignals;
  /** The sub-question this sentence was chosen to answer, when the question asks several things. */
  part?: QueryAnalysis;
}

export interface RankOptions {
  /** How many of the top passages give candidates. */
  pool?: number;
  scorer?: AnswerScorer;
}

const SENTENCE_POOL = 8;
/** A heading states a concept for its whole section, but less surely than the sentence itself. */
const HEADING_CREDIT = 0.5;
const MAX_EVIDENCE = 3;
const MIN_GAIN = 0.12;
/** Completing a figure question, a concept no fitting figure is labelled with counts half. */
const UNLABELLED_SHARE = 0.5;
/** Headings under which reports set out what comes next. */
const PLAN_HEADING_RE = /建议|下阶段|下一步|展望|思路|谋划|工作安排|重点任务|主要任务|对策|举措|打算|重点工作|目标任务/;
const LABEL_MIN_CREDIT = 0.5;
/** The words of a standing ("ranking" as 排名, 位次, 位居). */
const RANK_WORDING_RE = /^(?:排名|位次|位居|名列|排位|排序|排行)$/;
const TARGET_WORDING_RE = /左右|力争|目标|预期/;
/**
 * Wording of a figure over several years (an average, a total, each year of a period, a plan
 * period), not of one year; an air quality's 年均浓度 is one year's average.
 */
const SPAN_WORDING_RE = /年均(?!浓度)|累计|每年|五年来|五年间|过去五年|十[一二三四五六]五[”"]?(?:时期|期间|以来)/;
/** The same asked in English. */
const ASKS_SPAN_RE = /\b(?:average|cumulative|in total|(?:each|every) year|over the (?:past|last) \w+ years|five years|five-year)\b/i;
/** A list from another place is kept too when it covers the question nearly as well as the best. */
export const ALTERNATIVE_LIST_SHARE = 0.85;

/** What the model reads of the question itself, the same for each of its candidates. */
export function questionSignals(kb: KnowledgeBase, analysis: QueryAnalysis, ranked: RankedPassage[]): QuestionSignals {
  const total = analysis.keyTerms.reduce((s, t) => s + t.weight, 0) || 1;
  return {
    missingSpecific: missingSpecificShare(kb, analysis),
    guessedShare: analysis.keyTerms.filter((t) => t.guessed).reduce((s, t) => s + t.weight, 0) / total,
    wantsNumber: wantsNumber(analysis),
    topScore: ranked[0]?.score ?? 0,
  };
}

/** Candidate sentences of the top passages, most probably answering first. */
export function rankSentences(kb: KnowledgeBase, analysis: QueryAnalysis, ranked: RankedPassage[], options: RankOptions = {}): Evidence[] {
  const scorer = options.scorer ?? defaultScorer();
  const question = questionContext(kb, analysis);
  const candidates = ranked.slice(0, options.pool ?? SENTENCE_POOL).flatMap((hit, passageRank) => describePassage(kb, question, hit, passageRank));
  relateCandidates(candidates.map((c) => c.signals));
  const qs = questionSignals(kb, analysis, ranked);
  for (const c of candidates) c.score = scorer.probability(featureVector(scorer.features, analysis, qs, c.signals));
  return candidates.sort((a, b) => b.score - a.score);
}

interface QuestionContext {
  analysis: QueryAnalysis;
  /** The question in the match form. */
  normalizedQuestion: string;
  /** The question and its concepts' forms, in the match form. */
  askedForms: string;
  siblings: SiblingQualifier[];
  askedValue: AskedValue;
  /** The levels the question asks a standing at (全市, 全省, 全国). */
  rankLevels: number[];
  questionGrams: Set<string>;
  /** The question's main concept, -1 when none. */
  main: number;
  /** Per concept: whether it only words a standing ("ranking" -> 排名/位次), which a rank figure states as well. */
  ranksOnly: boolean[];
  /** Whether a figure is labelled with a concept: its label, or the value's own clause ("就业" for "城镇新增就业 2.3 万人"). */
  names: (t: KeyTerm, f: SentenceFigure) => boolean;
}

function questionContext(kb: KnowledgeBase, analysis: QueryAnalysis): QuestionContext {
  const units = new Set(analysis.keyTerms.filter((t) => unitOfWrittenValue(analysis.question, t)));
  const askedForms = askedFormsOf(analysis);
  const named = new Map<SentenceFigure, Map<KeyTerm, boolean>>();
  const asked = askedValue(kb, analysis, askedForms);
  return {
    analysis,
    normalizedQuestion: normalizeForMatch(analysis.question),
    askedForms,
    siblings: siblingQualifiers(askedForms),
    askedValue: asked,
    rankLevels: askedRankLevels(analysis.question),
    questionGrams: new Set(analysis.keyTerms.flatMap((t) => t.alternatives.flatMap((a) => charBigrams(normalizeForMatch(a))))),
    main: mainConcept(analysis),
    ranksOnly: analysis.keyTerms.map((t) => t.year === undefined && t.alternatives.every((a) => RANK_WORDING_RE.test(a))),
    names: (t, f) => {
      // Each figure is asked about each concept several times (fit, label, head, span): once is enough.
      let byTerm = named.get(f);
      if (!byTerm) named.set(f, (byTerm = new Map()));
      let says = byTerm.get(t);
      if (says === undefined) byTerm.set(t, (says = !units.has(t) && !asked.perUnitOnly(f) && (termCredit(t, f.labelWithQualifier) >= LABEL_MIN_CREDIT || termCredit(t, f.clause) >= LABEL_MIN_CREDIT)));
      return says;
    },
  };
}

/**
 * Where span wording (年均, 累计, “十四五”时期) can qualify the asked figure: the sentence up to the
 * clause of its last figure labelled with the main concept (or any asked one), since wording after
 * it is said of other figures ("…增长5%左右，…，细颗粒物年均浓度…"); null when no figure is labelled.
 */
function spanScope(analysis: QueryAnalysis, main: number, normalized: string, labelled: SentenceFigure[], names: QuestionContext['names']): string | null {
  const mainTerm = main >= 0 ? analysis.keyTerms[main] : undefined;
  const ofMain = mainTerm ? labelled.filter((f) => names(mainTerm, f)) : [];
  const scoped = ofMain.length ? ofMain : labelled;
  if (!scoped.length) return null;
  const end = Math.max(...scoped.map((f) => {
    const at = normalized.indexOf(f.clause);
    return at < 0 ? normalized.length : at + f.clause.length;
  }));
  return normalized.slice(0, end);
}

/** The candidates of one retrieved passage: each of its sentences with its signals (not yet scored). */
function describePassage(kb: KnowledgeBase, question: QuestionContext, hit: RankedPassage, passageRank: number): Evidence[] {
  const { analysis, main, names, questionGrams } = question;
  const { heading, sectionPath, normalized: passageNormalized, headingPlans, sentences } = passageInfo(kb, hit.index);
  const passage = kb.index.passages[hit.index]!;
  const doc = kb.docById.get(passage.docId);
  const asked = analysis.years.map(Number);
  const current = doc?.years.current ?? null;
  const datedHeadings = timeHeadings(kb, passage);
  const headingYears = headingYearFit(datedHeadings, asked);
  // "全年…" under headings that name one year speaks of that year.
  const wholeYear = soleHeadingYear(datedHeadings);
  const missesYear = !headingYears.named && asked.some((y) => !doc || !statesYear(passageNormalized, doc.years, y));
  // A heading over a span of years ("一、“十四五”时期工作回顾") speaks of each year in it.
  const headingCredits = analysis.keyTerms.map((t) => (t.year !== undefined && headingYearFit(datedHeadings, [t.year]).named ? 1 : termCredit(t, heading)));
  const underPlanHeading = PLAN_HEADING_RE.test(sectionPath);
  return sentences.map(({ start, end, text, normalized, figures: all, opensEnumeration, plans }) => {
    const figures = all.filter((f) => !echoesQuestion(question.normalizedQuestion, f.figure));
    // "第9位" states a ranking as well as 排名 does.
    const statesRank = figures.some((f) => isOfKind(f.figure, 'rank'));
    const textCredits = analysis.keyTerms.map((t, i) => {
      if (t.year !== undefined && t.year === wholeYear && saysWholeYear(normalized)) return 1;
      return statesRank && question.ranksOnly[i] ? 1 : termCredit(t, normalized);
    });
    const credits = textCredits.map((c, i) => Math.max(c, HEADING_CREDIT * headingCredits[i]!));
    const fitting = figures.filter((f) => fitsQuestion(analysis, f.figure));
    // A figure question's concept is answered where a fitting figure is labelled with it.
    const labelled = analysis.keyTerms.map((t) => fitting.some((f) => names(t, f)));
    const labelledByQuestion = figures.filter((f) => analysis.keyTerms.some((t) => names(t, f)));
    const labelledFigures = labelledByQuestion.length;
    const answerCredits = analysis.intent === 'figure' ? credits.map((c, i) => (labelled[i] ? c : c * UNLABELLED_SHARE)) : credits;
    const signals: CandidateSignals = {
      hit,
      passageRank,
      textCoverage: weighted(analysis, textCredits),
      headingCoverage: weighted(analysis, headingCredits),
      coverage: weighted(analysis, credits),
      uncoveredSpecific: weighted(analysis, credits.map((c, i) => (c === 0 && analysis.keyTerms[i]!.specificity >= SPECIFIC_CONCEPT_IDF ? 1 : 0))),
      labelledCoverage: weighted(analysis, credits.map((c, i) => (labelled[i] ? c : 0))),
      mainCredit: main < 0 ? 1 : credits[main]!,
      mainLabelled: main >= 0 && labelled[main]!,
      labelledFigures,
      hasFigures: figures.length > 0,
      statesFigure: labelledFigures > 0,
      answersWithFigure: labelled.some(Boolean),
      labelFit: Math.max(0, ...fitting.map((f) => share(f.labelGrams, questionGrams))),
      opensEnumeration,
      underPlanHeading,
      siblingOnly: namesSiblingOnly(question.siblings, normalized),
      lacksAskedKind: lacksAskedKind(kb, analysis, text, figures, question.askedValue),
      lacksChange: lacksChange(analysis, figures, question.askedValue.main),
      mainInOtherKindOnly: mainInOtherKindOnly(figures, question.askedValue),
      missesPlace: missesPlace(analysis, normalized),
      rankAtOtherLevel: ranksAtOtherLevel(question.rankLevels, figures),
      placeAfterFigures: placeAfterFigures(analysis, normalized, labelledByQuestion),
      headAsked: fitting.some((f) => analysis.keyTerms.some((t) => names(t, f)) && labelHeadAsked(question.askedForms, f.label)),
      missesYear,
      ...planFit(analysis.plans, [...headingPlans, ...plans]),
      yearInHeading: headingYears.named,
      otherYearInHeading: headingYears.other,
      targetWording: TARGET_WORDING_RE.test(text),
      spanWording: SPAN_WORDING_RE.test(spanScope(analysis, main, normalized, labelledByQuestion, names) ?? text),
      asksOneYear: asked.length === 1 && !SPAN_WORDING_RE.test(analysis.question) && !ASKS_SPAN_RE.test(analysis.question),
      asksPast: current !== null && asked.length > 0 && asked.every((y) => y < current),
      asksCurrentYear: current !== null && asked.includes(current),
      length: text.length,
      relative: { coverageGap: 0, coverageRank: 0, labelledGap: 0, labelFitGap: 0, textCoverageGap: 0 },
    };
    const { coverage, statesFigure, answersWithFigure } = signals;
    return { passageIndex: hit.index, passageRank, start, end, text, coverage, score: 0, credits, answerCredits, answersWithFigure, statesFigure, signals };
  });
}

/** Each candidate against the best of the question's others: a pointwise model then ranks them. */
function relateCandidates(signals: CandidateSignals[]): void {
  const best = (f: (s: CandidateSignals) => number) => Math.max(0, ...signals.map(f));
  const top = { coverage: best((s) => s.coverage), labelled: best((s) => s.labelledCoverage), labelFit: best((s) => s.labelFit), text: best((s) => s.textCoverage) };
  // A coverage's rank is where it first appears, best first (ties share a rank).
  const rankOf = new Map<number, number>();
  [...signals].sort((a, b) => b.coverage - a.coverage).forEach((s, i) => rankOf.has(s.coverage) || rankOf.set(s.coverage, i));
  for (const s of signals) {
    s.relative = {
      coverageGap: s.coverage - top.coverage,
      coverageRank: rankOf.get(s.coverage)!,
      labelledGap: s.labelledCoverage - top.labelled,
      labelFitGap: s.labelFit - top.labelFit,
      textCoverageGap: s.textCoverage - top.text,
    };
  }
}

function weighted(analysis: QueryAnalysis, credits: number[]): number {
  const total = analysis.keyTerms.reduce((s, t) => s + t.weight, 0) || 1;
  return credits.reduce((s, c, i) => s + c * analysis.keyTerms[i]!.weight, 0) / total;
}

/** Share of a figure label's bigrams that the question uses. */
function share(labelGrams: string[], questionGrams: Set<string>): number {
  return labelGrams.length ? labelGrams.filter((g) => questionGrams.has(g)).length / labelGrams.length : 0;
}

/** The five-year plans a candidate speaks of against those the question names. */
function planFit(asked: readonly number[], named: readonly number[]): { namesAskedPlan: boolean; namesOtherPlanOnly: boolean } {
  const namesAskedPlan = named.some((n) => asked.includes(n));
  return { namesAskedPlan, namesOtherPlanOnly: asked.length > 0 && named.length > 0 && !namesAskedPlan };
}

/** A value of the kind asked for, and a level or a change as asked. */
function fitsQuestion(analysis: QueryAnalysis, figure: Figure): boolean {
  return changeFit(analysis, figure) === 1 && (analysis.expects.length === 0 || analysis.expects.some((kind) => isOfKind(figure, kind)));
}

/** Picks the best sentence, then others that cover concepts it leaves out. */
export function selectEvidence(analysis: QueryAnalysis, candidates: Evidence[]): Evidence[] {
  const best = candidates[0];
  if (!best) return [];
  const chosen = [best];
  const weights = analysis.keyTerms.map((t) => t.weight);
  const total = weights.reduce((s, w) => s + w, 0) || 1;
  const covered = [...best.answerCredits];
  const limit = analysis.multi || analysis.intent === 'list' ? MAX_EVIDENCE : 2;
  while (chosen.length < limit) {
    let pick: Evidence | null = null;
    let pickGain = 0;
    for (const c of candidates) {
      if (chosen.includes(c)) continue;
      const gain = c.answerCredits.reduce((s, credit, i) => s + Math.max(0, credit - covered[i]!) * weights[i]!, 0) / total;
      if (gain > pickGain) {
        pick = c;
        pickGain = gain;
      }
    }
    if (!pick || pickGain < MIN_GAIN) break;
    chosen.push(pick);
    pick.answerCredits.forEach((credit, i) => (covered[i] = Math.max(covered[i]!, credit)));
  }
  if (analysis.intent === 'list') {
    // Reports state a shortcoming in its chapter and again in the review of problems: list both.
    const alternative = candidates.find((c) => !chosen.includes(c) && c.passageIndex !== best.passageIndex);
    if (alternative && alternative.coverage >= ALTERNATIVE_LIST_SHARE * best.coverage) chosen.splice(1, 0, alternative);
  }
  return chosen.slice(0, MAX_EVIDENCE);
}
