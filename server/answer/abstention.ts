/**
 * Decides whether the report answers a question at all, from the question's analysis and the
 * evidence found: the reasons, in order, why it does not (another place or year, a concept the
 * report never uses, evidence that answers a neighbouring question, no figure of the asked kind).
 */
import type { DocumentYears } from '../../ingest/schema.js';
import { normalizeForMatch } from '../../ingest/text/normalize.js';
import type { KnowledgeBase } from '../retrieve/knowledge-base.js';
import type { QueryAnalysis, RankedPassage } from '../retrieve/types.js';
import { sentenceFigures } from './passage-sentences.js';
import { isChangeFigure, isOfKind } from './pick-figures.js';
import { combinedCoverage, type Evidence } from './select-evidence.js';
import { termCredit } from './term-credit.js';

/** Below this share of the question's concepts, the report does not answer it. Calibrated on the dev set. */
export const MIN_COVERAGE = 0.55;
/** A concept this heavy that the corpus never mentions means the question is about something else. */
const MISSING_CONCEPT_WEIGHT = 0.3;
/**
 * General-language IDF (jieba's table) from which a word names a concept rather than a way of
 * asking: 外资企业 9.4, 绿地面积 12 are concepts; 方向 5.4, 概括 7.5, 做法 6.6 are phrasing.
 */
const SPECIFIC_CONCEPT_IDF = 8;
/** Standings reports state without a numeral. */
const RANK_WORDS_RE = /前列|首位|居首|领跑|领先|第一梯队|第一方阵|前茅/;
/** Wording that wants a number for an answer ("几大办" wants a name that holds one). */
const NUMBER_WANTED_RE = /多少|第几|排名|老几|多久|多长|多大|几(?:个|项|家|位|所|座|条|名|人|户|年|次|倍)|how (?:many|much)|what (?:percentage|share|proportion|rate|ratio)|\brank/i;
/** Wording that asks for an amount of money and nothing else ("投了多少个亿", "how much … worth"). */
const MONEY_WANTED_RE =
  /多少个?亿|多少万元|多少钱|多少元|(?:收入|营收|销售额|投资额|支出)(?:是|有|为)?多少(?!个百分点)|how much money|how many (?:billion|million|yuan)|\b(?:worth|in (?:dollars?|yuan|rmb))\b|\b(?:total|how much)\b.*\b(?:income|revenue|spending|expenditure|sales|premiums?)\b/i;
/** Exact wording (1), a heading's wording (0.5) or most of its characters in order (partial). */
const MAIN_CONCEPT_MIN_CREDIT = 0.5;

/** Why the report does not answer the question, or null when it does. */
export function abstentionReason(kb: KnowledgeBase, analysis: QueryAnalysis, evidence: Evidence[], ranked: RankedPassage[]): string | null {
  if (evidence.length === 0 || analysis.keyTerms.length === 0) return 'nothing-relevant';
  if (analysis.unknownNames.length) return 'unknown-name';
  const top = ranked.slice(0, 8).map((r) => kb.index.passages[r.index]!);
  const retrievedText = normalizeForMatch(top.map((p) => p.text).join('\n'));
  const docs = [...new Set(top.map((p) => p.docId))].map((id) => kb.docById.get(id)).filter((d) => d !== undefined);
  if (analysis.years.some((y) => !docs.some((d) => statesYear(retrievedText, d.years, Number(y))))) return 'year-not-covered';
  const total = analysis.keyTerms.reduce((s, t) => s + t.weight, 0);
  const missing = analysis.keyTerms
    .filter((t) => t.specificity >= SPECIFIC_CONCEPT_IDF && termCredit(t, kb.corpusText) === 0)
    .reduce((s, t) => s + t.weight, 0);
  if (missing / total >= MISSING_CONCEPT_WEIGHT) return 'concept-not-in-report';
  if (combinedCoverage(analysis, evidence) < MIN_COVERAGE) return 'low-coverage';
  if (analysis.intent === 'figure' && !mainConceptStated(analysis, wantsNumber(analysis) ? evidence.filter((e) => e.statesFigure) : evidence)) {
    return 'main-concept-not-stated';
  }
  if (!placesStated(analysis, evidence)) return 'place-not-in-evidence';
  if (siblingInstead(analysis, evidence)) return 'sibling-measure-only';
  if (lacksAskedKind(kb, analysis, evidence)) return 'no-figure-of-asked-kind';
  if (lacksChange(kb, analysis, evidence)) return 'no-change-figure';
  // "常住人口有多少？" met only by a definition that mentions 常住人口: no figure is given for it.
  if (analysis.intent === 'figure' && wantsNumber(analysis) && !evidence.some((e) => e.statesFigure)) return 'no-figure-for-measure';
  return null;
}

/**
 * Whether `text` speaks of `year`: written out, or as the relative word the document uses for it
 * ("2026年" in a 2026 work report is its 今年; 2025 its 去年 or 过去一年).
 */
export function statesYear(text: string, years: DocumentYears, year: number): boolean {
  if (text.includes(String(year))) return true;
  if (years.current === null) return false;
  if (year === years.current) return /今年|本年|明年起/.test(text);
  return year === years.current - 1 && /去年|过去一年|一年来|上年/.test(text);
}

function wantsNumber(analysis: QueryAnalysis): boolean {
  return NUMBER_WANTED_RE.test(analysis.question);
}

/**
 * The question's most telling concept (specific and heavy: "foreign-invested enterprises" in
 * "how many foreign-invested enterprises are registered") must be stated by the evidence, not
 * just echoed by a near word: otherwise the sentences answer a neighbouring question.
 */
function mainConceptStated(analysis: QueryAnalysis, evidence: Evidence[]): boolean {
  const main = mainConcept(analysis);
  return main < 0 || Math.max(0, ...evidence.map((e) => e.credits[main]!)) >= MAIN_CONCEPT_MIN_CREDIT;
}

/** The index of the question's most specific, heaviest concept; -1 when there is none to rely on. */
function mainConcept(analysis: QueryAnalysis): number {
  // A dictionary's guess for an English word ("meet" -> 相遇) is too unsure to decide on.
  let main = -1;
  analysis.keyTerms.forEach((t, i) => {
    const best = analysis.keyTerms[main];
    if (!t.guessed && !t.exact && (!best || t.specificity * t.weight > best.specificity * best.weight)) main = i;
  });
  return main;
}

/**
 * "How many …", "what rank …" or "how many 亿" answered only by other kinds of value: the report
 * gives no such figure for what is asked (counts, ranks and 多少亿 are unambiguous; shares less so).
 */
function lacksAskedKind(kb: KnowledgeBase, analysis: QueryAnalysis, evidence: Evidence[]): boolean {
  const moneyWanted = MONEY_WANTED_RE.test(analysis.question);
  const asked = moneyWanted ? [...new Set([...analysis.expects, 'money' as const])] : analysis.expects;
  const precise = asked.filter((kind) => kind === 'count' || kind === 'rank' || (kind === 'money' && moneyWanted));
  if (analysis.intent !== 'figure' || analysis.multi || precise.length === 0 || precise.length < asked.length) return false;
  return !evidence.some((e) => {
    // "跻身全省前列", "居首": a standing without a numeral still answers "where does it rank".
    if (precise.includes('rank') && RANK_WORDS_RE.test(e.text)) return true;
    return sentenceFigures(kb, e).some(
      (f) =>
        precise.some((kind) => isOfKind(f.figure, kind)) &&
        analysis.keyTerms.some((t) => termCredit(t, f.label) >= MAIN_CONCEPT_MIN_CREDIT),
    );
  });
}

/**
 * Qualifiers that split one measure into different ones (urban / rural income, first / second
 * grade, exports / imports): a sentence about a sibling does not answer a question about one.
 */
const SIBLING_QUALIFIERS: string[][][] = [
  [['城镇'], ['农村']],
  [['出口'], ['进口']],
  [['上半年'], ['下半年']],
  [['一级'], ['二级'], ['三级']],
  [['一类'], ['二类'], ['三类']],
  [['一星'], ['二星'], ['三星'], ['四星'], ['五星']],
  [['第一产业'], ['第二产业'], ['第三产业', '服务业']],
  [['小学'], ['初中'], ['高中']],
  [['男性'], ['女性']],
  // Different statistics of one industry: revenue, value added, gross output.
  [['营业收入', '营收'], ['增加值'], ['产值']],
];

/** The question names one qualifier of a set; the answering sentences name only its siblings. */
function siblingInstead(analysis: QueryAnalysis, evidence: Evidence[]): boolean {
  // Parts of a two-part question each have their own measure.
  if (analysis.multi) return false;
  const asked = normalizeForMatch([analysis.question, ...analysis.keyTerms.flatMap((t) => t.alternatives)].join('|'));
  const candidates = analysis.intent === 'figure' ? evidence.filter((e) => e.statesFigure) : evidence;
  // Where the main concept is stated is where the qualifier must be ("数字经济核心产业增加值" for 营收).
  const main = mainConcept(analysis);
  const aboutMain = main < 0 ? [] : candidates.filter((e) => e.credits[main]! >= MAIN_CONCEPT_MIN_CREDIT);
  const answering = (aboutMain.length ? aboutMain : candidates).map((e) => normalizeForMatch(e.text));
  if (answering.length === 0) return false;
  return SIBLING_QUALIFIERS.some((set) => {
    const named = set.filter((group) => group.some((q) => asked.includes(q)));
    if (named.length !== 1) return false;
    const own = named[0]!;
    const says = (text: string, group: string[]) => group.some((q) => text.includes(q));
    return answering.every((text) => !says(text, own)) && answering.some((text) => set.some((group) => group !== own && says(text, group)));
  });
}

/** "实际利用外资年均增长多少？" met only by the amount: the report gives no rate of change for it. */
function lacksChange(kb: KnowledgeBase, analysis: QueryAnalysis, evidence: Evidence[]): boolean {
  // "领跑了多长时间": a count or a rank is asked for, the change word only describes it.
  if (analysis.intent !== 'figure' || analysis.multi || !analysis.asksForChange || !wantsNumber(analysis)) return false;
  if (analysis.expects.some((kind) => kind === 'count' || kind === 'rank')) return false;
  const main = analysis.keyTerms[mainConcept(analysis)];
  if (!main) return false;
  return !evidence.some((e) =>
    sentenceFigures(kb, e).some(
      (f) => isChangeFigure(f.figure) && (termCredit(main, f.label) >= MAIN_CONCEPT_MIN_CREDIT || termCredit(main, f.clause) >= MAIN_CONCEPT_MIN_CREDIT),
    ),
  );
}

/** Each place the question names is named by a sentence that answers (for a figure, one that states it). */
function placesStated(analysis: QueryAnalysis, evidence: Evidence[]): boolean {
  const answering = analysis.intent === 'figure' ? evidence.filter((e) => e.statesFigure) : evidence;
  return analysis.places.every((forms) => answering.some((e) => forms.some((f) => normalizeForMatch(e.text).includes(normalizeForMatch(f)))));
}

