/**
 * Chooses the figures an answer leads with: in each evidence sentence, the figures whose labels
 * share most wording with the question, a value of the kind asked for (a share, a rank, money,
 * a count) counting in favour.
 */
import type { Figure } from '../../ingest/schema.js';
import { MONEY_UNIT_RE } from '../../ingest/figures/value-patterns.js';
import { normalizeForMatch } from '../../ingest/text/normalize.js';
import { cjkBigrams } from '../../ingest/text/tokenize.js';
import type { KnowledgeBase } from '../retrieve/knowledge-base.js';
import { sentenceFigures } from './passage-sentences.js';
import type { ExpectedValue, QueryAnalysis } from '../retrieve/types.js';
import type { Evidence } from './select-evidence.js';

export interface PickedFigure {
  figure: Figure;
  evidence: Evidence;
}

const MAX_FIGURES = 4;
/** Figures within this share of a sentence's best match are kept too ("A和B分别…"). */
const KEEP_SHARE = 0.75;
/** Added to the label match of a value of the kind the question asks for. */
const EXPECTED_KIND_BONUS = 0.3;
/**
 * "增长 7.6%" is a change; "提升至 8.3%" is the level reached. 年均 alone is an average
 * ("PM2.5年均浓度"), a change only with a word of change ("年均增长").
 */
const CHANGE_LABEL_RE = /增速|增幅|同比|(?:增长|增加|提高|提升|下降|降低|减少)(?![至到为值量])/;

/** The value a "从75.6%提升至76.5%" starts from, as the ingester labels it. */
const START_LABEL_RE = /（起始值）$/;
/** Wording that asks where a change started. */
const ASKS_START_RE = /从多少|从几|起初|原来|原先|最初|\bfrom (?:what|how)\b|\bstart(?:ed|ing)? (?:from|at)\b/i;
/** A numeral word before an asked unit: 多少万人, 几十家. */
export const HOW_MANY = '(?:多少|几)[十百千万亿]*';
/** The unit a question asks its value in: "多少公里", "几万人", "多少亿元" (元 once the magnitude is dropped). */
const ASKED_UNIT_RE = new RegExp(`${HOW_MANY}([\\u4e00-\\u9fff]{1,2})`);
const MAGNITUDE_RE = /^[十百千万亿]+/;
/** A start value answers "提到多少" this much less than the value reached. */
const START_VALUE_FIT = 0.5;

/** The figures of the evidence that answer the question, best first within each sentence. */
export function pickFigures(kb: KnowledgeBase, analysis: QueryAnalysis, evidence: Evidence[]): PickedFigure[] {
  const picked: PickedFigure[] = [];
  for (const e of evidence) {
    // A sentence chosen for one sub-question is read with that sub-question's words and kinds.
    const asked = e.part ?? analysis;
    const questionGrams = new Set(asked.keyTerms.flatMap((t) => t.alternatives.flatMap((a) => [a, ...cjkBigrams(a)])));
    const question = normalizeForMatch(asked.question);
    const unit = ASKED_UNIT_RE.exec(asked.question)?.[1];
    const scored = sentenceFigures(kb, e)
      .filter(({ figure: f }) => !echoesQuestion(question, f))
      .map(({ figure: f }) => ({ f, match: labelMatch(f, questionGrams) }))
      .filter((s) => s.match > 0)
      .map(({ f, match }) => ({ f, score: (match + (asked.expects.some((kind) => isOfKind(f, kind)) || inAskedUnit(unit, f) ? EXPECTED_KIND_BONUS : 0)) * changeFit(asked, f) * rankFit(asked, f) * startFit(asked, f) }))
      .sort((a, b) => b.score - a.score);
    const top = scored[0]?.score ?? 0;
    const keep = scored.filter((s) => s.score >= top * KEEP_SHARE).slice(0, e.part ? 1 : analysis.multi ? 3 : 2);
    for (const { f } of keep) picked.push({ figure: f, evidence: e });
  }
  return picked.slice(0, MAX_FIGURES);
}

/**
 * The question itself writes the value: "3岁" of "每千人拥有3岁以下婴幼儿托位数" is part of the
 * measure's name, and "30个" of "30个指标里有几项" is what the question starts from, not its answer.
 * `question` is in the match form.
 */
export function echoesQuestion(question: string, figure: Figure): boolean {
  const value = normalizeForMatch(figure.text);
  for (let at = question.indexOf(value); at >= 0; at = question.indexOf(value, at + 1)) {
    const before = question[at - 1] ?? '';
    const after = question[at + value.length] ?? '';
    if (!/[\d.]/.test(before) && !/[\d.]/.test(after)) return true;
  }
  return false;
}

function labelMatch(figure: Figure, questionGrams: Set<string>): number {
  const grams = cjkBigrams(`${figure.label}${figure.qualifier ?? ''}`);
  if (grams.length === 0) return 0;
  return grams.filter((g) => questionGrams.has(g)).length / Math.sqrt(grams.length);
}

/** "地铁总里程多少公里" is answered in 公里: 909公里, not 地铁新线3条. */
function inAskedUnit(asked: string | undefined, figure: Figure): boolean {
  const unit = figure.unit.replace(MAGNITUDE_RE, '');
  return asked !== undefined && unit.length > 0 && (asked.startsWith(unit) || unit.startsWith(asked));
}

/** "绿色出行比例提到多少" is answered by the 76.5% reached, not the 75.6% it rose from, unless the start is asked. */
function startFit(analysis: QueryAnalysis, figure: Figure): number {
  return START_LABEL_RE.test(figure.label) && !ASKS_START_RE.test(analysis.question) ? START_VALUE_FIT : 1;
}

/** "商品销售额年均增速 13.6%" answers how fast sales grew, not "商品销售额是多少". */
export function isChangeFigure(figure: Figure): boolean {
  return CHANGE_LABEL_RE.test(`${figure.label}${figure.qualifier ?? ''}`);
}

/**
 * A change figure when a level is asked for (or the reverse) fits half as well. A target asked for
 * without a word of change ("今年外贸目标是多少") is set as a level or as a growth: both fit.
 */
export function changeFit(analysis: QueryAnalysis, figure: Figure): number {
  if (analysis.asksForTarget && !analysis.asksForChange && !analysis.partsAskForChange) return 1;
  const change = isChangeFigure(figure);
  // "…到多少了？年均涨多少？" read whole asks for a level and a change.
  const fits = analysis.partsAskForChange ? analysis.partsAskForChange.includes(change) : change === analysis.asksForChange;
  return fits ? 1 : 0.5;
}

/** "商品销售额是多少" asks for the amount, not its rank "第 3 位": a rank fits when a rank is asked for. */
function rankFit(analysis: QueryAnalysis, figure: Figure): number {
  const rankAsked = analysis.expects.includes('rank') || (analysis.expects.length === 0 && !/多少|how (?:much|many)/i.test(analysis.question));
  return figure.kind !== 'rank' || rankAsked ? 1 : 0.5;
}

/** Whether a figure is a value of the asked-for kind. */
export function isOfKind(figure: Figure, kind: ExpectedValue): boolean {
  switch (kind) {
    case 'percent':
      return figure.kind === 'percent' || figure.kind === 'ratio';
    case 'rank':
      return figure.kind === 'rank';
    case 'money':
      return MONEY_UNIT_RE.test(figure.unit);
    case 'count':
      // "How many square kilometres": a measured quantity answers too, money does not.
      return figure.kind === 'count' || (figure.kind === 'quantity' && !MONEY_UNIT_RE.test(figure.unit));
  }
}
