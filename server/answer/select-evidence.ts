/**
 * Finds the sentences that answer the question among the retrieved passages: each sentence is
 * scored by how much of the question's weighted concepts it covers (its headings count a little),
 * then a few are picked so that together they cover the question.
 */
import { charBigrams } from '../../ingest/text/tokenize.js';
import { normalizeForMatch } from '../../ingest/text/normalize.js';
import type { Figure } from '../../ingest/schema.js';
import type { KnowledgeBase } from '../retrieve/knowledge-base.js';
import type { KeyTerm, QueryAnalysis, RankedPassage } from '../retrieve/types.js';
import { termCredit } from './term-credit.js';
import { opensEnumeration } from './list-items.js';
import { passageInfo, type SentenceFigure } from './passage-sentences.js';
import { changeFit, isOfKind } from './pick-figures.js';

export interface Evidence {
  passageIndex: number;
  passageRank: number;
  /** Offsets of the sentence in the passage text. */
  start: number;
  end: number;
  text: string;
  /** Weighted share of the question's concepts this sentence covers, 0..1. */
  coverage: number;
  score: number;
  /** Credit per key term (same order as analysis.keyTerms). */
  credits: number[];
  /** For a figure question: credits halved for concepts no fitting figure of the sentence is labelled with. */
  answerCredits: number[];
  /** The sentence holds a figure of the asked kind whose label names one of the question's concepts. */
  answersWithFigure: boolean;
  /** The sentence holds a figure of any kind whose label names one of the question's concepts. */
  statesFigure: boolean;
  /** The sub-question this sentence was chosen to answer, when the question asks several things. */
  part?: QueryAnalysis;
}

const SENTENCE_POOL = 8;
/** Retrieval's order breaks ties between sentences that cover the question alike. */
const PASSAGE_RANK_WEIGHT = 0.08;
const HEADING_CREDIT = 0.5;
const MAX_EVIDENCE = 3;
const MIN_GAIN = 0.12;
/** A figure question is answered by a sentence with a figure of what it asks: others count less. */
const NO_FIGURE_PENALTY = 0.1;
const UNLABELLED_SHARE = 0.5;
const LABEL_FIT_WEIGHT = 0.1;
const LIST_INTRO_BONUS = 0.1;
/** Headings under which reports set out what comes next. */
const PLAN_HEADING_RE = /建议|下阶段|下一步|展望|思路|谋划|工作安排|重点任务|主要任务|对策|举措|打算/;
const PLAN_SECTION_BONUS = 0.1;
const LABEL_MIN_CREDIT = 0.5;
/** A list from another place is kept too when it covers the question nearly as well as the best. */
export const ALTERNATIVE_LIST_SHARE = 0.85;

/** Candidate sentences of the top passages, best first. */
export function rankSentences(kb: KnowledgeBase, analysis: QueryAnalysis, ranked: RankedPassage[], pool = SENTENCE_POOL): Evidence[] {
  const candidates: Evidence[] = [];
  const questionGrams = new Set(analysis.keyTerms.flatMap((t) => t.alternatives.flatMap((a) => charBigrams(normalizeForMatch(a)))));
  // Labels can be cut short ("就业" for "城镇新增就业 2.3 万人"): the value's own clause counts too.
  const names = (t: KeyTerm, f: SentenceFigure) => termCredit(t, f.labelWithQualifier) >= LABEL_MIN_CREDIT || termCredit(t, f.clause) >= LABEL_MIN_CREDIT;
  ranked.slice(0, pool).forEach((hit, passageRank) => {
    const { heading, sectionPath, sentences } = passageInfo(kb, hit.index);
    const passageText = kb.index.passages[hit.index]!.text;
    // "What does the district want to set up?" is answered where the report sets out its plans.
    const planFit = analysis.asksForPlans && PLAN_HEADING_RE.test(sectionPath) ? PLAN_SECTION_BONUS : 0;
    for (const { start, end, text, normalized, figures } of sentences) {
      const credits = analysis.keyTerms.map((t) => Math.max(termCredit(t, normalized), HEADING_CREDIT * termCredit(t, heading)));
      const coverage = weighted(analysis, credits);
      const fitting = figures.filter((f) => fitsQuestion(analysis, f.figure));
      // A figure question's concept is answered where a fitting figure is labelled with it.
      const labelled = analysis.keyTerms.map((t) => fitting.some((f) => names(t, f)));
      const answersWithFigure = labelled.some(Boolean);
      const statesFigure = figures.some((f) => analysis.keyTerms.some((t) => names(t, f)));
      const answerCredits = analysis.intent === 'figure' ? credits.map((c, i) => (labelled[i] ? c : c * UNLABELLED_SHARE)) : credits;
      const figureFit = analysis.intent === 'figure' && !answersWithFigure ? -NO_FIGURE_PENALTY : 0;
      // "地区生产总值 1528.6 亿元" names the measure asked for more closely than "…占地区生产总值比重 3.1%".
      const labelFit = analysis.intent === 'figure' ? LABEL_FIT_WEIGHT * Math.max(0, ...fitting.map((f) => share(f.labelGrams, questionGrams))) : 0;
      // A list question is best answered by the sentence that introduces an enumeration.
      const listFit = analysis.intent === 'list' && opensEnumeration(passageText.slice(start)) ? LIST_INTRO_BONUS : lengthPrior(text);
      const score = weighted(analysis, answerCredits) + PASSAGE_RANK_WEIGHT / (1 + passageRank) + figureFit + labelFit + listFit + planFit;
      candidates.push({ passageIndex: hit.index, passageRank, start, end, text, coverage, score, credits, answerCredits, answersWithFigure, statesFigure });
    }
  });
  return candidates.sort((a, b) => b.score - a.score);
}

function weighted(analysis: QueryAnalysis, credits: number[]): number {
  const total = analysis.keyTerms.reduce((s, t) => s + t.weight, 0) || 1;
  return credits.reduce((s, c, i) => s + c * analysis.keyTerms[i]!.weight, 0) / total;
}

/** Share of a figure label's bigrams that the question uses. */
function share(labelGrams: string[], questionGrams: Set<string>): number {
  return labelGrams.length ? labelGrams.filter((g) => questionGrams.has(g)).length / labelGrams.length : 0;
}

/** A value of the kind asked for, and a level or a change as asked. */
function fitsQuestion(analysis: QueryAnalysis, figure: Figure): boolean {
  return changeFit(analysis, figure) === 1 && (analysis.expects.length === 0 || analysis.expects.some((kind) => isOfKind(figure, kind)));
}

/** Very short fragments (headings run into text) rarely answer anything. */
function lengthPrior(text: string): number {
  return text.length < 12 ? -0.1 : 0;
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

/** Combined coverage of the chosen sentences. */
export function combinedCoverage(analysis: QueryAnalysis, evidence: Evidence[]): number {
  return weighted(analysis, analysis.keyTerms.map((_, i) => Math.max(0, ...evidence.map((e) => e.credits[i]!))));
}
