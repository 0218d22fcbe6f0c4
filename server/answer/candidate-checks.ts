/**
 * Facts about one candidate sentence against the question, which the answer model weighs: does it
 * state the question's main concept, a figure of the kind asked for, a rate of change when one is
 * asked, the places the question names — or only a sibling measure (出口 for 进口)?
 * They were gates once; now each is a feature and the model decides.
 */
import { fiveYearPlanSpan, namedFiveYearPlans } from '../../ingest/meta/five-year-plans.js';
import { readHeadingYears } from '../../ingest/meta/heading-years.js';
import type { DocumentYears } from '../../ingest/schema.js';
import { escapeRegExp, normalizeForMatch } from '../../ingest/text/normalize.js';
import { KnowledgeBaseCache } from '../retrieve/kb-cache.js';
import type { KnowledgeBase } from '../retrieve/knowledge-base.js';
import { NAMES_THE_NUMBER } from '../retrieve/analyze-question.js';
import type { ExpectedValue, KeyTerm, QueryAnalysis } from '../retrieve/types.js';
import type { SentenceFigure } from './passage-sentences.js';
import { HOW_MANY, isChangeFigure, isOfKind } from './pick-figures.js';
import { termCredit } from './term-credit.js';

/**
 * General-language IDF (jieba's table) from which a word names a concept rather than a way of
 * asking: 外资企业 9.4, 绿地面积 12 are concepts; 方向 5.4, 概括 7.5, 做法 6.6 are phrasing.
 */
export const SPECIFIC_CONCEPT_IDF = 8;
/** Wording that wants a number for an answer ("几大办" wants a name that holds one). */
const NUMBER_WANTED_RE = new RegExp(String.raw`多少|第几|排名|老几|多久|多长|多大|多快|多高|百分之几|几个百分点|几(?:个|项|家|位|所|座|条|名|人|户|年|次|倍)|how (?:many|much|fast|quickly|high|big|large)|what (?:percentage|share|proportion|rate|ratio)|${NAMES_THE_NUMBER}|\brank`, 'i');
/** Wording that asks for an amount of money and nothing else ("投了多少个亿", "how much … worth"). */
const MONEY_WANTED_RE =
  /多少个?亿|多少万元|多少钱|多少元|(?:收入|营收|销售额|投资额|支出)(?:是|有|为)?多少(?!个百分点)|how much money|how many (?:billion|million|yuan)|\b(?:worth|in (?:dollars?|yuan|rmb))\b|\b(?:total|how much)\b.*\b(?:income|revenue|spending|expenditure|sales|premiums?)\b/i;
/** Standings reports state without a numeral. */
const RANK_WORDS_RE = /前列|首位|居首|领跑|领先|第一梯队|第一方阵|前茅/;
/** A concept counts as stated from half credit up: its exact wording, or a heading's. */
const STATED_CREDIT = 0.5;

/**
 * Qualifiers that split one measure into different ones (urban / rural income, first / second
 * grade, exports / imports): a sentence about a sibling does not answer a question about one.
 * `joint` words name the whole set at once (进出口, 城乡): they hold a qualifier's characters
 * without stating it, so 进出口总额 is no export value.
 */
interface QualifierSet {
  groups: string[][];
  joint?: string[];
}

const SIBLING_QUALIFIERS: QualifierSet[] = [
  { groups: [['城镇'], ['农村']], joint: ['城乡'] },
  { groups: [['出口'], ['进口']], joint: ['进出口'] },
  { groups: [['上半年'], ['下半年']] },
  { groups: [['一级'], ['二级'], ['三级']] },
  { groups: [['一类'], ['二类'], ['三类']] },
  { groups: [['一星'], ['二星'], ['三星'], ['四星'], ['五星']] },
  { groups: [['第一产业'], ['第二产业'], ['第三产业', '服务业']] },
  { groups: [['小学'], ['初中'], ['高中']] },
  { groups: [['男性'], ['女性']] },
  // The two unemployment statistics: surveyed (城镇调查失业率) and registered (城镇登记失业率).
  { groups: [['调查'], ['登记']] },
  // The two population statistics: registered (户籍人口) and resident (常住人口).
  { groups: [['户籍'], ['常住']] },
  // Different statistics of one industry: revenue, value added, gross output.
  { groups: [['营业收入', '营收'], ['增加值'], ['产值']] },
];

export function wantsNumber(analysis: QueryAnalysis): boolean {
  return NUMBER_WANTED_RE.test(analysis.question);
}

/** The index of the question's most specific, heaviest concept; -1 when there is none to rely on. */
export function mainConcept(analysis: QueryAnalysis): number {
  // A dictionary's guess for an English word ("meet" -> 相遇) is too unsure to decide on; a
  // five-year plan ("十四五") is when, like a year, never what is measured.
  let main = -1;
  analysis.keyTerms.forEach((t, i) => {
    const best = analysis.keyTerms[main];
    if (!t.guessed && !t.exact && !namesPlanOnly(t) && (!best || t.specificity * t.weight > best.specificity * best.weight)) main = i;
  });
  return main;
}

function namesPlanOnly(term: KeyTerm): boolean {
  return term.alternatives.every((form) => namedFiveYearPlans(form).length > 0);
}

/** Weighted share of the question's specific concepts that the corpus never mentions. */
export function missingSpecificShare(kb: KnowledgeBase, analysis: QueryAnalysis): number {
  const total = analysis.keyTerms.reduce((s, t) => s + t.weight, 0) || 1;
  const missing = analysis.keyTerms
    .filter((t) => t.specificity >= SPECIFIC_CONCEPT_IDF && termCredit(t, kb.corpusText) === 0)
    .reduce((s, t) => s + t.weight, 0);
  return missing / total;
}

/** A qualifier the question names alone of its set ("进口"), with its siblings ("出口") and the words naming them all ("进出口"). */
export interface SiblingQualifier {
  named: string[];
  siblings: string[][];
  joint: string[];
}

/** The sets of which the question names exactly one qualifier; `askedForms` is the question and its concepts' forms, in the match form. */
export function siblingQualifiers(askedForms: string): SiblingQualifier[] {
  return SIBLING_QUALIFIERS.flatMap(({ groups, joint = [] }) => {
    const forms = withoutJoint(askedForms, joint);
    const named = groups.filter((group) => group.some((q) => forms.includes(q)));
    return named.length === 1 ? [{ named: named[0]!, siblings: groups.filter((group) => group !== named[0]), joint }] : [];
  });
}

/** The question names one qualifier of a set ("出口"); the sentence names only its siblings ("进口") or the whole set ("进出口"). */
export function namesSiblingOnly(qualifiers: SiblingQualifier[], normalizedSentence: string): boolean {
  return qualifiers.some(({ named, siblings, joint }) => {
    const sentence = withoutJoint(normalizedSentence, joint);
    const says = (group: string[]) => group.some((q) => sentence.includes(q));
    return !says(named) && (siblings.some(says) || joint.some((word) => normalizedSentence.includes(word)));
  });
}

/** The text with the words naming a whole set cut out, so their characters state no qualifier. */
function withoutJoint(text: string, joint: string[]): string {
  return joint.reduce((rest, word) => rest.split(word).join('|'), text);
}

/**
 * "How many …", "what rank …" or "how many 亿" without a figure of that kind labelled with one of
 * the question's concepts (counts, ranks and 多少亿 are unambiguous; shares less so). A unit the
 * question asks in is as precise: "多少名院士" is not met by "院士工作站2家", "in yuan" not by 2万美元.
 */
export function lacksAskedKind(kb: KnowledgeBase, analysis: QueryAnalysis, text: string, figures: SentenceFigure[], asked: AskedValue = askedValue(kb, analysis)): boolean {
  // Labelled as select-evidence reads it, by the label or the value's own clause ("城镇新增就业68万人"),
  // and with the main concept when there is one: 旅游总收入50.4亿元 is no "旅游产业增加值 in yuan".
  const { main } = asked;
  const labelled = (f: SentenceFigure) => !asked.perUnitOnly(f) && (main ? labelsWith(main, f) : analysis.keyTerms.some((t) => labelsWith(t, f)));
  const { unit, precise } = asked;
  if (unit) return !figures.some((f) => unit.written.test(f.figure.unit) && labelled(f));
  if (precise.length === 0) return false;
  // "跻身全省前列", "居首": a standing without a numeral still answers "where does it rank".
  if (precise.includes('rank') && RANK_WORDS_RE.test(text)) return false;
  return !figures.some((f) => precise.some((kind) => isOfKind(f.figure, kind)) && labelled(f));
}

/**
 * The sentence gives the question's main concept, but only in another kind than asked: a share
 * where an amount is asked ("规上工业增加值是多少亿" met by "…占规上工业增加值比重70.8%"), so the
 * report states the concept without the asked value.
 */
export function mainInOtherKindOnly(figures: SentenceFigure[], asked: AskedValue): boolean {
  const { main, unit, precise } = asked;
  if (!main || (!unit && precise.length === 0)) return false;
  const ofMain = figures.filter((f) => !asked.perUnitOnly(f) && labelsWith(main, f));
  const fits = (f: SentenceFigure) => (unit ? unit.written.test(f.figure.unit) : precise.some((kind) => isOfKind(f.figure, kind)));
  return ofMain.length > 0 && !ofMain.some(fits);
}

/** A figure's label, or the clause that ends with its value, states the concept. */
function labelsWith(term: KeyTerm, f: SentenceFigure): boolean {
  return termCredit(term, f.label) >= STATED_CREDIT || termCredit(term, f.clause) >= STATED_CREDIT;
}

/** What `lacksAskedKind` holds a sentence to: read once per question, not per candidate. */
export interface AskedValue {
  /** The one unit the question asks its value in. */
  unit?: UnitFamily;
  /** The unambiguous kinds asked for, empty when any other kind is asked too. */
  precise: ExpectedValue[];
  /** Whether a figure's label measures per person where the question does not (`perUnitOnlyInLabel`), once per figure. */
  perUnitOnly: (f: SentenceFigure) => boolean;
  /** The question's main concept (`mainConcept`), which a figure of the asked kind must be labelled with. */
  main?: KeyTerm;
}

/** The question and its concepts' forms, in the match form: what a label's wording is checked against. */
export function askedForms(analysis: QueryAnalysis): string {
  return normalizeForMatch([analysis.question, ...analysis.keyTerms.flatMap((t) => t.alternatives)].join('|'));
}

export function askedValue(kb: KnowledgeBase, analysis: QueryAnalysis, forms = askedForms(analysis)): AskedValue {
  const perUnit = new Map<SentenceFigure, boolean>();
  const perUnitOnly = (f: SentenceFigure) => perUnit.get(f) ?? (perUnit.set(f, perUnitOnlyInLabel(kb, forms, f.label)), perUnit.get(f)!);
  // A question asking several things in several units is judged per part (select-for-parts).
  const main = analysis.keyTerms[mainConcept(analysis)];
  const units = UNIT_FAMILIES.filter((family) => family.asked.test(analysis.question));
  if (units.length === 1 && !analysis.multi) return { unit: units[0], precise: [], perUnitOnly, main };
  const moneyWanted = MONEY_WANTED_RE.test(analysis.question);
  const asked = moneyWanted ? [...new Set([...analysis.expects, 'money' as const])] : analysis.expects;
  const precise = asked.filter((kind) => kind === 'count' || kind === 'rank' || (kind === 'money' && moneyWanted));
  return { precise: precise.length < asked.length ? [] : precise, perUnitOnly, main };
}

/**
 * Units a question asks a value in, and the figure units that answer in them. 个 is left out: it
 * counts anything. 人次 answers "多少人", as people ask it.
 */
interface UnitFamily {
  asked: RegExp;
  written: RegExp;
}

const UNIT_FAMILIES: UnitFamily[] = [
  { asked: /美元|\b(?:US\$|USD|(?:US )?dollars?)(?![a-z])/i, written: /美元/ },
  { asked: new RegExp(`${HOW_MANY}元|\\b(?:in|how many(?: \\w+)?) (?:yuan|RMB|CNY)\\b`, 'i'), written: /(?<!美)元/ },
  { asked: new RegExp(`${HOW_MANY}(?:名|人|位)`), written: /人|名|位/ },
  // 户 counts firms as 家 does ("专精特新“小巨人”企业810户").
  { asked: new RegExp(`${HOW_MANY}(?:家|所)`), written: /家|所|个|座|户/ },
];

/** The levels a standing is given at, as a rank's clause and a question write them. */
const RANK_LEVELS: Array<{ written: RegExp; asked: RegExp }> = [
  { written: /全国|国内/, asked: /全国|国内|\b(?:nationally|nationwide|in (?:the )?(?:country|nation|china)|across (?:the )?(?:country|nation|china)|among (?:all )?provinces)\b/i },
  { written: /全省|省内/, asked: /全省|省内|\b(?:(?:in|within|across) the province|province-?wide)\b/i },
  { written: /全市|市内/, asked: /全市|市内|\b(?:(?:in|within|across) the city|city-?wide|among (?:the )?(?:city'?s )?districts)\b/i },
];

/** The levels (indices of RANK_LEVELS) the question asks a standing at: "在宁波全市排第几" asks at 全市. */
export function askedRankLevels(question: string): number[] {
  return RANK_LEVELS.flatMap((level, i) => (level.asked.test(question) ? [i] : []));
}

/**
 * "在全市排第几" met by "居全省第19位": every rank the sentence gives is at a level the question
 * names no part of (a sentence whose ranks name no level is not judged).
 */
export function ranksAtOtherLevel(asked: readonly number[], figures: SentenceFigure[]): boolean {
  if (asked.length === 0) return false;
  const levels = figures.filter((f) => isOfKind(f.figure, 'rank')).map((f) => RANK_LEVELS.flatMap((level, i) => (level.written.test(f.clause) ? [i] : [])));
  return levels.length > 0 && levels.every((named) => named.length > 0 && !named.some((i) => asked.includes(i)));
}

/** "实际利用外资年均增长多少？" met only by the amount: no rate of change for the main concept. */
export function lacksChange(analysis: QueryAnalysis, figures: SentenceFigure[], main = analysis.keyTerms[mainConcept(analysis)]): boolean {
  if (!analysis.asksForChange || !wantsNumber(analysis)) return false;
  if (analysis.expects.some((kind) => kind === 'count' || kind === 'rank')) return false;
  if (!main) return false;
  return !figures.some((f) => isChangeFigure(f.figure) && labelsWith(main, f));
}

/** A place the question names (below the city) that the sentence does not name. */
export function missesPlace(analysis: QueryAnalysis, normalizedSentence: string): boolean {
  return analysis.places.some((forms) => !forms.some((f) => normalizedSentence.includes(normalizeForMatch(f))));
}

/**
 * A place the question names comes up in the sentence only after every figure labelled with the
 * question's concepts: "接待游客总量突破361.0万人次，…，慈城古县城入选省文旅金名片" counts the
 * whole district's visitors, and names 慈城 for something else.
 */
export function placeAfterFigures(analysis: QueryAnalysis, normalizedSentence: string, labelled: SentenceFigure[]): boolean {
  if (analysis.places.length === 0 || labelled.length === 0) return false;
  const lastFigureEnd = Math.max(...labelled.map((f) => {
    const at = normalizedSentence.indexOf(f.clause);
    return at < 0 ? normalizedSentence.length : at + f.clause.length;
  }));
  return analysis.places.some((forms) => {
    const first = Math.min(...forms.map((f) => normalizedSentence.indexOf(normalizeForMatch(f))).filter((at) => at >= 0));
    return Number.isFinite(first) && first >= lastFigureEnd;
  });
}

/**
 * The term is the unit of a value the question writes ("岁" of "3岁以下"): part of the measure's
 * name, it labels no figure ("人均预期寿命83.13岁" does not answer "3岁以下婴幼儿托位数").
 */
export function unitOfWrittenValue(question: string, term: KeyTerm): boolean {
  if ([...term.source].length !== 1) return false;
  for (let at = question.indexOf(term.source); at >= 0; at = question.indexOf(term.source, at + 1)) {
    if (at > 0 && /\d/.test(question[at - 1]!)) return true;
  }
  return false;
}

/** Modifiers that make a measure a rate per person, household or area: 人均生产总值 is not 生产总值. */
const PER_UNIT_RE = /人均|户均|亩均|每[万千百]人|万人(?!次)|千人/g;

/** Whether the corpus writes a measure without a modifier before it (生产总值 not after 人均). */
const writesBare = new KnowledgeBaseCache<string, boolean>();

/**
 * A figure's label measures per person (or household, or area) where the question asks no such
 * rate, and the report also gives the measure itself: "人均生产总值突破2万美元" does not answer
 * "GDP in US dollars". A measure the report only ever gives per person (人均可支配收入) answers
 * whether or not the question says 人均. `asked` is the question and its concepts' forms, in the
 * match form.
 */
export function perUnitOnlyInLabel(kb: KnowledgeBase, asked: string, label: string): boolean {
  return [...label.matchAll(PER_UNIT_RE)].some(({ 0: modifier, index }) => {
    if (asked.includes(modifier)) return false;
    const measure = label.slice(index + modifier.length);
    if ([...measure].length < 2) return false;
    return writesBare.get(kb, `${modifier}|${measure}`, () => new RegExp(`(?<!${escapeRegExp(modifier)})${escapeRegExp(measure)}`).test(kb.corpusText));
  });
}

/** Heads that only say "how much of it": 游客总量 is what "多少游客" asks. */
const AMOUNT_HEADS_RE = /(?:总量|总额|总数|数量|规模|人数|个数)$/;
/** The last word of a label, where a Chinese noun phrase keeps its head (户籍人口…参保率: 参保率). */
const LABEL_HEAD_CHARS = 2;

/**
 * A figure labelled with the question's concepts measures what the question asks when its label's
 * head word is one the question uses: "户籍人口参保率" labels a rate of 户籍人口, not "户籍人口有多少".
 * `asked` is the question and its concepts' forms, in the match form.
 */
export function labelHeadAsked(asked: string, label: string): boolean {
  const bare = label.replace(/[）)”"’」》\]]+$/, '');
  if (bare.length <= LABEL_HEAD_CHARS || AMOUNT_HEADS_RE.test(bare)) return true;
  return asked.includes(bare.slice(-LABEL_HEAD_CHARS));
}

/** Which relative year words a text uses: 今年 for the document's own year, 去年 for the one before. */
export interface YearWords {
  thisYear: boolean;
  lastYear: boolean;
}

export function yearWordsOf(text: string): YearWords {
  return { thisYear: /今年|本年|明年起/.test(text), lastYear: /去年|过去一年|一年来|上年/.test(text) };
}

/**
 * Whether `text` speaks of `year`: written out, or as the relative word the document uses for it
 * ("2026年" in a 2026 work report is its 今年; 2025 its 去年 or 过去一年). `words` may be given
 * when the same text is asked about for several documents.
 */
export function statesYear(text: string, years: DocumentYears, year: number, words?: YearWords): boolean {
  if (text.includes(String(year))) return true;
  if (years.current === null) return false;
  const { thisYear, lastYear } = words ?? yearWordsOf(text);
  return (year === years.current && thisYear) || (year === years.current - 1 && lastYear);
}

/** Whether a document speaks of `year`: states it, or plans for it ("“十四五”末" is 2025 in a review that never writes 2025). */
export function coversYear(text: string, years: DocumentYears, year: number, words?: YearWords): boolean {
  const planned = years.planned;
  return (planned !== null && year >= planned[0] && year <= planned[1]) || statesYear(text, years, year, words);
}

/** Whether a passage's headings speak of the asked years: `named` when they name one of them, `other` when they name only others. */
export interface HeadingYearFit {
  named: boolean;
  other: boolean;
}

/** Wording for the whole of one year, which the heading above names: "全年地区生产总值增长4.9%". */
const WHOLE_YEAR_RE = /全年|当年|年内/;

/**
 * A sentence saying "全年" under headings that name `year` and no other (a plan period that holds
 * it does not count: "“十四五”时期" has five years) speaks of that year as surely as if it wrote it.
 */
export function statesYearAsWhole(headings: readonly string[], normalizedSentence: string, year: number): boolean {
  return soleHeadingYear(headings) === year && saysWholeYear(normalizedSentence);
}

/** The one calendar year a passage's headings name, or null (none, or two: "2025年回顾与2026年安排" leaves 全年 open). */
export function soleHeadingYear(headings: readonly string[]): number | null {
  const read = readHeadingYears(headings);
  const named = new Set([read.review, read.plan, read.neutral].flatMap((s) => s.years));
  return named.size === 1 ? [...named][0]! : null;
}

/** Whether a sentence speaks of a whole year (全年, 当年, 年内). */
export function saysWholeYear(normalizedSentence: string): boolean {
  return WHOLE_YEAR_RE.test(normalizedSentence);
}

/**
 * The asked years against the years and five-year plans a passage's headings name
 * ("“十四五”时期工作回顾" speaks of 2021–2025, "2026年重点工作" of 2026).
 */
export function headingYearFit(headings: readonly string[], asked: readonly number[]): HeadingYearFit {
  if (asked.length === 0) return { named: false, other: false };
  const read = readHeadingYears(headings);
  const senses = [read.review, read.plan, read.neutral];
  const spans = senses.flatMap((s) => [...s.years.map((y): [number, number] => [y, y]), ...s.plans.map(fiveYearPlanSpan)]);
  const named = asked.some((y) => spans.some(([first, last]) => y >= first && y <= last));
  return { named, other: !named && spans.length > 0 };
}
