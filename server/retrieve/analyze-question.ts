/**
 * Turns a question (Chinese, English or mixed, maybe a follow-up) into what retrieval and answering
 * need: the key concepts with their Chinese forms and weights, the intent, named years and names.
 */
import { namedFiveYearPlans } from '../../ingest/meta/five-year-plans.js';
import type { HistoryTurn } from '../contract.js';
import { cjkBigrams } from '../../ingest/text/tokenize.js';
import { normalizeForMatch } from '../../ingest/text/normalize.js';
import { extractKeyTerms } from './key-terms.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { namedPlaces } from './named-places.js';
import { splitQuestion } from './split-question.js';
import { comparisonBaseYears, englishYearWords, questionYears, writeShortYearsOut, yearKeyTerms } from './year-terms.js';
import type { ExpectedValue, Intent, KeyTerm, QueryAnalysis } from './types.js';

/** "What is the actual number?": English that asks for the figure itself (answer/candidate-checks.ts wants it too). */
export const NAMES_THE_NUMBER = String.raw`\b(?:actual|exact) (?:number|figure|value)\b|\bwhat (?:number|figure)\b`;
const FIGURE_RE = new RegExp(String.raw`多少|老几|多久|多长|多大|多快|多高|多重|几[项个位家户人次年名]?|比重|占比|比例|增速|增长(?:了|率|幅度|速度)|率(?![先领])|排第|第几|排名|规模|总量|金额|数量|\bhow (?:many|much|fast|quickly|big|large|high|far|long|heavy)\b|\bwhat (?:share|percentage)\b|${NAMES_THE_NUMBER}|\b(?:rates?|ratio|proportion|rank(?:ed|ing)?|stand|total|amount|growth|density|number of)\b`, 'i');
/** "Which local companies are …" asks for several; "which product category does …" for one. */
const LIST_RE =
  /哪些|哪几|有什么|包括|举措|措施|不足|问题|短板|因素|哪几个方面|从哪些方面|\bwhich\s+(?:[a-z-]+\s+){0,3}[a-z-]+(?:ies|[^s']s)\s+(?:are|were|do|did|have|has|will|would|should|can|could|does|is)\b|what (are|were)|^list\b|\blist (?:the|all)\b|factors|problems|measures|steps|actions|initiatives|priorities|proposals?\b|propose|recommend|shortcomings|weaknesses/i;
const YESNO_RE = /是否|有没有|是不是|^(is|are|does|did|has|have|was|were) /i;
/** English "and" joins words as often as questions ("transformation and upgrading"): parts decide there. */
const MULTI_RE = /[和与及、]|分别|各[有是]|以及|\bboth\b/i;
const FOLLOW_UP_RE = /^(那|那么|还有|另外|and\b|what about|how about)|呢[？?]?$|它|其|this|that|them|it\b/i;

/**
 * Analyzes a question in the context of the conversation so far; with `documents`, for those
 * documents only (their years read 去年 and 今年, and retrieval keeps to them).
 */
export function analyzeQuestion(kb: KnowledgeBase, typed: string, history: HistoryTurn[] = [], documents?: readonly string[]): QueryAnalysis {
  const docs = documents ? kb.index.docs.filter((d) => documents.includes(d.id)) : kb.index.docs;
  const question = writeShortYearsOut(typed, docs);
  const lang = kb.crossLingual.isEnglish(question) ? 'en' : 'zh';
  const asked = detectIntent(question);
  // A compound the report never writes is a missing measure only when a list is not asked for.
  let keyTerms = extractKeyTerms(kb, question, { compounds: asked !== 'list' });
  let intent = promoteToFigure(kb, question, keyTerms, asked);
  const previous = [...history].reverse().find((t) => t.role === 'user')?.content;
  if (previous && isFollowUp(question, keyTerms)) {
    const earlierTerms = extractKeyTerms(kb, previous);
    const earlier = earlierTerms.map((t) => ({ ...t, weight: t.weight * 0.5 }));
    const seen = new Set(keyTerms.flatMap((t) => t.alternatives));
    keyTerms = [...keyTerms, ...earlier.filter((t) => !t.alternatives.some((a) => seen.has(a)))];
    // "那高新技术产业呢？" after "规上工业增加值是多少？" asks for the same kind of answer.
    if (intent === 'fact') intent = promoteToFigure(kb, previous, earlierTerms, detectIntent(previous));
  }
  // "去年比前年增长多少" asks of 去年: the base of a change is not a year asked of.
  const bases = comparisonBaseYears(question, docs);
  const years = questionYears(question, docs).filter((y) => !bases.includes(y));
  // "2026年" leaves a bare 年 behind in the concepts, "last year" its two words; the year itself is one concept.
  const yearWords = englishYearWords(question);
  keyTerms = [...keyTerms.filter((t) => t.source !== '年' && !yearWords.has(t.source.toLowerCase())), ...yearKeyTerms(years, docs)];
  const lexicalTerms = lexicalTermsOf(kb, keyTerms);
  const parts = splitQuestion(question);
  const embedText = keyTerms.map((t) => t.alternatives.slice(0, 3).join(' ')).join(' ');
  return {
    question,
    lang,
    intent,
    expects: expectedValues(question),
    asksForChange: CHANGE_RE.test(question),
    asksForTarget: TARGET_RE.test(question),
    asksForNow: NOW_RE.test(question) && !PLANS_RE.test(question) && !TARGET_RE.test(question),
    ...(asksInClauses(question, parts) ? { partsAskForChange: parts.map((p) => CHANGE_RE.test(p)) } : {}),
    asksForPlans: PLANS_RE.test(question),
    parts,
    multi: parts.length > 1 || MULTI_RE.test(question),
    keyTerms,
    lexicalTerms,
    embedText: embedText || question,
    years,
    plans: namedFiveYearPlans(question),
    unknownNames: lang === 'en' ? kb.crossLingual.unknownNames(question) : [],
    places: namedPlaces(kb, question, keyTerms),
    ...(documents ? { documents } : {}),
  };
}

/** Sub-questions asked one after the other ("…到多少了？年均涨多少？"), not one wording shared ("A和B分别增长多少"). */
const CLAUSES_RE = /[？?]\s*\S|\band (?:what|how|which|where|when|who)\b/i;

function asksInClauses(question: string, parts: string[]): boolean {
  return parts.length > 1 && CLAUSES_RE.test(question.trim());
}

/** A fact question naming a measure the report gives a value for wants that figure. */
function promoteToFigure(kb: KnowledgeBase, question: string, keyTerms: KeyTerm[], intent: Intent): Intent {
  return intent === 'fact' && !ASKS_FOR_NAME_RE.test(question) && namesMeasure(kb, keyTerms) ? 'figure' : intent;
}

function detectIntent(question: string): Intent {
  if (YESNO_RE.test(question.trim())) return 'yesno';
  if (LIST_RE.test(question)) return 'list';
  if (FIGURE_RE.test(question)) return 'figure';
  return 'fact';
}

/** "迈进什么行列", "which title": a name or a kind is asked for, even where a measure is named. */
const ASKS_FOR_NAME_RE = /什么|哪|\bwhich\b|\bwhat (?:kind|type|sort|category|title|honou?r|name)\b|\bcalled\b/i;

/** Share of a figure label a question's term must make up to name that measure. */
const MEASURE_NAME_SHARE = 0.6;

/**
 * "What is the per capita disposable income of rural residents?" asks for a figure without a
 * figure word: the question names a measure the report gives a value for.
 */
function namesMeasure(kb: KnowledgeBase, keyTerms: KeyTerm[]): boolean {
  const forms = keyTerms.flatMap((t) => t.alternatives.map((a) => normalizeForMatch(a))).filter((a) => a.length >= 3);
  return kb.figureLabels.some((label) => forms.some((form) => label.includes(form) && form.length >= MEASURE_NAME_SHARE * label.length));
}

const PLANS_RE = /下一步|下阶段|今后|未来|后续|接下来|计划|打算|准备|将要|拟|\bwill\b|\bplan(?:s|ning)?\s+to\b|\bplanned\b|\bwants?\s+to\b|\baims?\s+to\b|\bintends?\s+to\b|\bgoing\s+to\b|\bnext\b|\bfuture\b|\bpropos/i;
const TARGET_RE = /目标|预期|力争|计划(?:[^，。？?]{0,12})(?:多少|几)|\b(?:targets?|goals?|objectives?|aim(?:s|ed|ing)?)\b/i;
/** Where things stand now, as achieved so far. */
const NOW_RE = /现在|目前|当前|如今|眼下|至今|迄今|已经|\b(?:now|currently|so far|to date|at present|presently|nowadays)\b/i;
const CHANGE_RE = /增速|增幅|降幅|(?:多|少)了(?=多少|几)|涨(?![到至为])|跌(?![到至为])|变化|(?:增长|增加|提高|提升|下降|降低|减少)(?![至到为值量])|\b(?:growth|grow(?:s|n|ing)?|grew|increased?|increases|rise|rises|rose|risen|decline[sd]?|fall|falls|fell|drop(?:ped|s)?|change[sd]?|faster|slower|expand(?:s|ed)?|climb(?:s|ed)?|jump(?:s|ed)?|surge[sd]?|shr[ai]nk|shrinks|(?:go|goes|went|gone) (?:up|down)|(?:up|down) by|by how much|rais(?:e|es|ed|ing)|lift(?:s|ed)?|boost(?:s|ed)?|decrease[sd]?|reduc(?:e|es|ed|tion))\b/i;

/** Wording that asks for a kind of value, in Chinese and English. */
const EXPECTED_VALUE_PATTERNS: Array<[ExpectedValue, RegExp]> = [
  ['percent', /比重|占比|比例|百分之|率(?![先领])|增速|增幅|份额|\b(?:percent(?:age)?|share|ratio|rates?|proportion|intensity|relative to|growth|grow(?:s|n|ing)?|grew|increase[sd]?|by how much|how fast|how quickly)\b/i],
  // "have … in place" and "take place" ask for no standing.
  ['rank', /排名|排第|第几|老几|位次|位居|前列|\b(?:rank(?:s|ed|ing)?|(?<!\b(?:in|take|takes|took|taken|taking) )place|position|stand)\b/i],
  // Only words that ask for money itself: "收入倍差" or "投资增速" ask for a ratio or a rate.
  ['money', /多少钱|金额|资金|投入(?!强度|占|比|率|水平)|总额|营收|销售额|多少个?亿|多少万元|how much (?:money|has been spent|was spent|is spent|did .* spend)|\b(?:spend|spent|spending|funding|revenue)\b(?!\s+(?:ratio|intensity|share|rate|as a share))/i],
  ['count', /几[个项家位所座条名人户件套辆台批次](?![亿万])|多少[个项家位所座条名人户件套辆台批次](?![亿万])|多长时间|多久|数量|\bhow (?:many|long)\b|\bnumber of\b/i],
];

function expectedValues(question: string): ExpectedValue[] {
  return EXPECTED_VALUE_PATTERNS.filter(([, re]) => re.test(question)).map(([kind]) => kind);
}

/** "年均增长多少？": a question this short leans on the one before it. */
const SHORT_QUESTION_CHARS = 4;

function isFollowUp(question: string, keyTerms: KeyTerm[]): boolean {
  const content = keyTerms.reduce((n, t) => n + [...t.source.replace(/\s+/g, '')].length, 0);
  return FOLLOW_UP_RE.test(question.trim()) || keyTerms.length <= 1 || content <= SHORT_QUESTION_CHARS;
}

/** BM25 terms: every alternative's words and bigrams, weighted by its concept. */
function lexicalTermsOf(kb: KnowledgeBase, keyTerms: KeyTerm[]): Array<{ term: string; weight: number }> {
  const weights = new Map<string, number>();
  for (const key of keyTerms) {
    const share = 1 / Math.sqrt(key.alternatives.length);
    for (const alt of key.alternatives) {
      const grams = [alt.toLowerCase(), ...cjkBigrams(alt)];
      for (const g of grams) if (kb.index.lexical.has(g)) weights.set(g, Math.max(weights.get(g) ?? 0, share));
    }
  }
  return [...weights].map(([term, weight]) => ({ term, weight }));
}
