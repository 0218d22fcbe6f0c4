/**
 * Turns a question (Chinese, English or mixed, maybe a follow-up) into what retrieval and answering
 * need: the key concepts with their Chinese forms and weights, the intent, named years and names.
 */
import type { HistoryTurn } from '../contract.js';
import { generalIdf } from '../../ingest/text/general-idf.js';
import { cjkBigrams, isStopword, tagWords } from '../../ingest/text/tokenize.js';
import { normalizeForMatch } from '../../ingest/text/normalize.js';
import { corpusMentions, type KnowledgeBase } from './knowledge-base.js';
import { splitQuestion } from './split-question.js';
import type { ExpectedValue, Intent, KeyTerm, QueryAnalysis } from './types.js';

/** Question words and fillers that say what kind of answer is wanted, not what it is about. */
const QUESTION_FILLER = new Set(
  ('多少 几 几项 几个 几位 几家 哪 哪些 哪项 哪个 哪年 什么 怎么 怎样 如何 是否 有没有 是不是 吗 呢 一共 共 总共 各 各有 分别 ' +
    '目前 现在 当前 还有 还 存在 面临 下 一步 下一步 报告 提到 提出 介绍 说 讲 方面 情况 问题 具体 主要 哪几 怎么样 能 能否 可以 要 叫 称为 排 排第几 第几 ' +
    '达到 完成 实现 我区 全区 本区 区 后面 后续 接下来 准备 打算 现在 如今 已经 了 去年 今年 前年 当年 全年 大概 大约 左右').split(' '),
);

/** Asking for problems or shortcomings: reports state them with a stable set of markers. */
const PROBLEM_QUESTION_RE = /问题|不足|短板|差距|困难|挑战|薄弱|瓶颈|shortcoming|weakness|problem|challenge|issue|gap/i;
const PROBLEM_MARKERS = ['仍面临', '面临', '不够', '有待', '尚未', '短缺', '不足', '差距', '短板', '薄弱', '不强', '不高', '偏少', '偏低', '较低', '仍存在', '问题'];

/** Words that say what kind of figure is wanted ("总量", "规模"), not which measure: weighed like this. */
const MEASURE_KIND_WORDS = new Set('总量 总额 总数 数量 规模 水平 情况 数据 数值 数字 指标值'.split(' '));
const MEASURE_KIND_FACTOR = 0.3;

/** Weight kept by a term that names the report's subject (it is in a document title). */
const TITLE_TERM_FACTOR = 0.3;

const ANSWER_TYPE_MARKERS = new Set(['什么', '什么样', '怎样的', '哪', '哪个', '哪些', '哪项', '哪种', '何', '哪类', '哪一']);

const FIGURE_RE = /多少|老几|多久|多长|多大|几[项个位家户人次年名]?|比重|占比|比例|增速|增长|率(?![先领])|排第|第几|排名|规模|总量|金额|数量|how (many|much)|what share|what percentage|rate|ratio|proportion|rank|total|amount|growth|density|value|number of|level/i;
/** "Which local companies are …" asks for several; "which product category does …" for one. */
const LIST_RE =
  /哪些|哪几|有什么|包括|举措|措施|不足|问题|短板|因素|哪几个方面|从哪些方面|\bwhich\s+(?:[a-z-]+\s+){0,3}[a-z-]+(?:ies|[^s']s)\s+(?:are|were|do|did|have|has|will|would|should|can|could|does|is)\b|what (are|were)|\blist\b|factors|problems|measures|steps|actions|initiatives|priorities|proposals?\b|propose|recommend|shortcomings|weaknesses/i;
const YESNO_RE = /是否|有没有|是不是|^(is|are|does|did|has|have|was|were) /i;
/** English "and" joins words as often as questions ("transformation and upgrading"): parts decide there. */
const MULTI_RE = /[和与及、]|分别|各[有是]|以及|\bboth\b/i;
const FOLLOW_UP_RE = /^(那|那么|还有|另外|and\b|what about|how about)|呢[？?]?$|它|其|this|that|them|it\b/i;

/** Analyzes a question in the context of the conversation so far. */
export function analyzeQuestion(kb: KnowledgeBase, question: string, history: HistoryTurn[] = []): QueryAnalysis {
  const lang = kb.crossLingual.isEnglish(question) ? 'en' : 'zh';
  let keyTerms = extractKeyTerms(kb, question);
  const previous = [...history].reverse().find((t) => t.role === 'user')?.content;
  if (previous && isFollowUp(question, keyTerms)) {
    const earlier = extractKeyTerms(kb, previous).map((t) => ({ ...t, weight: t.weight * 0.5 }));
    const seen = new Set(keyTerms.flatMap((t) => t.alternatives));
    keyTerms = [...keyTerms, ...earlier.filter((t) => !t.alternatives.some((a) => seen.has(a)))];
  }
  const lexicalTerms = lexicalTermsOf(kb, keyTerms);
  const parts = splitQuestion(question);
  const embedText = keyTerms.map((t) => t.alternatives.slice(0, 3).join(' ')).join(' ');
  return {
    question,
    lang,
    intent: namesMeasure(kb, keyTerms) && detectIntent(question) === 'fact' ? 'figure' : detectIntent(question),
    expects: expectedValues(question),
    asksForChange: CHANGE_RE.test(question),
    asksForPlans: PLANS_RE.test(question),
    parts,
    multi: parts.length > 1 || MULTI_RE.test(question),
    keyTerms,
    lexicalTerms,
    embedText: embedText || question,
    years: [...new Set(question.match(/(?:19|20)\d{2}(?=\s*年|\b)/g) ?? [])],
    unknownNames: lang === 'en' ? kb.crossLingual.unknownNames(question) : [],
  };
}

function detectIntent(question: string): Intent {
  if (YESNO_RE.test(question.trim())) return 'yesno';
  if (LIST_RE.test(question)) return 'list';
  if (FIGURE_RE.test(question)) return 'figure';
  return 'fact';
}

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

const PLANS_RE = /下一步|下阶段|今后|未来|后续|接下来|计划|打算|准备|将要|拟|\bwill\b|\bplans?\s+to\b|\bplanned\b|\bwants?\s+to\b|\baims?\s+to\b|\bintends?\s+to\b|\bgoing\s+to\b|\bnext\b|\bfuture\b|\bpropos/i;
const CHANGE_RE = /增速|增幅|变化|(?:增长|增加|提高|提升|下降|降低|减少)(?![至到为值量])|growth|grow|increase|rise|rose|decline|fall|fell|drop|change|faster|slower/i;

/** Wording that asks for a kind of value, in Chinese and English. */
const EXPECTED_VALUE_PATTERNS: Array<[ExpectedValue, RegExp]> = [
  ['percent', /比重|占比|比例|百分之|率(?![先领])|增速|增幅|份额|percent|share|ratio|rate\b|proportion|intensity|relative to|growth|grow|increase/i],
  ['rank', /排名|排第|第几|老几|位次|位居|前列|rank|place|position/i],
  // Only words that ask for money itself: "收入倍差" or "投资增速" ask for a ratio or a rate.
  ['money', /多少钱|金额|资金|投入|总额|营收|销售额|多少[亿万]元|how much (?:money|has been spent|was spent|is spent|did .* spend)|spend|spent|funding|revenue/i],
  ['count', /几[个项家位所座条名人户]|多少[个项家位所座条名人户]|多长时间|多久|数量|how many|how long|number of/i],
];

function expectedValues(question: string): ExpectedValue[] {
  return EXPECTED_VALUE_PATTERNS.filter(([, re]) => re.test(question)).map(([kind]) => kind);
}

const QUESTION_WORD_RE = /^(?:哪|几|多少|什么|怎|如何|是否|老几|多久|多长|多大|多高|多远|多快)/;
/** "多大面积", "多长时间": the question part goes before segmenting, or jieba cuts "多/大面积". */
const QUESTION_PHRASE_RE = /多(?:长时间|长|久|大|高|远|快)|老几/g;

/** Fillers, and question words in any of jieba's cuts ("哪几个", "多少项", "怎么样"). */
function isQuestionWord(word: string): boolean {
  return QUESTION_FILLER.has(word) || QUESTION_WORD_RE.test(word);
}

function isFollowUp(question: string, keyTerms: KeyTerm[]): boolean {
  return FOLLOW_UP_RE.test(question.trim()) || keyTerms.length <= 1;
}

/** Key concepts: Chinese words of the question, and Chinese expansions of its English words. */
function extractKeyTerms(kb: KnowledgeBase, question: string): KeyTerm[] {
  const terms: KeyTerm[] = [];
  // Latin words become a break, so that "单位GDP能耗" does not make "单位能耗" a compound.
  const chinese = question.replace(/[A-Za-z][A-Za-z'’\-&]*/g, '，').replace(QUESTION_PHRASE_RE, ' ');
  // "固投", "第三产业": the glossary's forms stand for the words they span.
  const synonyms = kb.crossLingual.synonyms(chinese);
  const withinSynonym = (word: string) => synonyms.some((s) => s.source.includes(word) && !corpusMentions(kb, s.source));
  let previous = '';
  let compound: KeyTerm[] = [];
  // Compounds never run across punctuation or a removed Latin word: a break token flushes them.
  const tokens = chinese.split(/([，。？！；、,.?!;:：\s]+)/).flatMap((piece) => (/^[，。？！；、,.?!;:：\s]+$/.test(piece) ? [{ word: '，', tag: 'x' }] : tagWords(piece)));
  for (const { word: raw, tag } of tokens) {
    const word = trimGluedParticle(kb, raw);
    // "什么行列", "哪项荣誉": the noun after a question word names the kind of answer, not the topic.
    const answerType = ANSWER_TYPE_MARKERS.has(previous) ? 0.4 : 1;
    previous = raw;
    const skipped = isStopword(word) || isQuestionWord(word) || !/[\u4e00-\u9fff]/.test(word) || withinSynonym(word);
    const kindOnly = MEASURE_KIND_WORDS.has(word) ? MEASURE_KIND_FACTOR : 1;
    // A kind-of-figure word the report never uses ("GDP总量") is only how the question is put.
    const phrasingOnly = kindOnly < 1 && !corpusMentions(kb, word);
    const term = skipped || phrasingOnly ? null : keyTerm(kb, word, [word], partOfSpeechWeight(word, tag) * answerType * kindOnly);
    if (term) terms.push(term);
    if (term && COMPOUND_TAG_RE.test(tag)) compound.push(term);
    else {
      terms.push(...compoundTerm(kb, compound));
      compound = [];
    }
  }
  terms.push(...compoundTerm(kb, compound));
  // Only for forms the report does not use itself: its own wording is matched as it stands.
  for (const synonym of synonyms.filter((s) => !corpusMentions(kb, s.source))) terms.push(keyTerm(kb, synonym.source, synonym.zh, 1));
  for (const expanded of kb.crossLingual.expand(question)) {
    const alternatives = expanded.zh.filter((z) => !isQuestionWord(z));
    if (alternatives.length === 0) continue;
    terms.push({ ...keyTerm(kb, expanded.source, alternatives, Math.max(expanded.weight, 0.8)), guessed: expanded.guessed });
  }
  if (PROBLEM_QUESTION_RE.test(question)) terms.push({ source: '问题', alternatives: PROBLEM_MARKERS, weight: 2, specificity: 0 });
  return mergeDuplicates(terms);
}

/** Tags of words that build a compound measure name: "森林/覆盖率", "执业/医师". */
const COMPOUND_TAG_RE = /^(?:n|vn|nz)$/;
/** A compound the report never writes weighs this share of its words together. */
const COMPOUND_SHARE = 0.5;
/** Characters allowed between a compound's last two words ("人才资源总量" for "人才总量"). */
const HEAD_PAIR_GAP = 4;

/**
 * Nouns in a row name one concept ("森林覆盖率"): when the report never writes them together, it
 * does not give that measure, even if it uses each word elsewhere. Only the exact compound counts.
 */
function compoundTerm(kb: KnowledgeBase, words: KeyTerm[]): KeyTerm[] {
  if (words.length < 2) return [];
  const source = words.map((w) => w.source).join('');
  if (source.length > 8 || corpusMentions(kb, source) || headPairStated(kb, words)) return [];
  const weight = COMPOUND_SHARE * words.reduce((s, w) => s + w.weight, 0);
  return [{ source, alternatives: [source], weight, specificity: generalIdf(source), exact: true }];
}

/** "人才总量" is stated by "人才资源总量", "外贸进出口总额" by "进出口总额": the head and its modifier, close. */
function headPairStated(kb: KnowledgeBase, words: KeyTerm[]): boolean {
  const [modifier, head] = words.slice(-2).map((w) => normalizeForMatch(w.source));
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${escape(modifier!)}[^，。；\\n]{0,${HEAD_PAIR_GAP}}${escape(head!)}`).test(kb.corpusText);
}

function keyTerm(kb: KnowledgeBase, source: string, alternatives: string[], factor: number): KeyTerm {
  // The report's own subject (the district, the plan in its title) is implied by every passage.
  const subject = alternatives.some((a) => kb.titleText.includes(normalizeForMatch(a))) ? TITLE_TERM_FACTOR : 1;
  return {
    source,
    alternatives,
    weight: termWeight(kb, alternatives) * factor * subject,
    specificity: Math.max(...alternatives.map((a) => generalIdf(a))),
  };
}

/** Jieba's HMM glues a particle onto an unknown word ("营收要", "办上"); the corpus tells. */
function trimGluedParticle(kb: KnowledgeBase, word: string): string {
  if (word.length < 2 || corpusMentions(kb, word)) return word;
  const head = word.slice(0, -1);
  return /[要上的了在是和与中里下能会可将]$/.test(word) && corpusMentions(kb, head) ? head : word;
}

/** Nouns name what is asked about; verbs and adverbs are phrased freely and weigh less. */
function partOfSpeechWeight(word: string, tag: string): number {
  if (/^(n|vn|nz|ns|nt|nr|eng|j|l|i)/.test(tag)) return 1;
  if (/^(v|a|ad|d)/.test(tag)) return 0.35;
  // A one-character localizer or classifier ("里", "项") only frames the question.
  if (/^(f|q)$/.test(tag) && [...word].length === 1) return 0.2;
  return 0.6;
}

/**
 * Rarer concepts matter more. A concept the corpus never uses is weighed by how specific it is in
 * general language, so that "绿地面积" outweighs "方向" when deciding that the report is silent.
 */
function termWeight(kb: KnowledgeBase, alternatives: string[]): number {
  const idfs = alternatives.map((a) => {
    if (corpusMentions(kb, a)) {
      const grams = a.length >= 2 ? cjkBigrams(a) : [a];
      const values = grams.map((g) => kb.index.lexical.idf(g)).filter((v) => v > 0);
      if (values.length) return Math.max(...values);
    }
    return generalIdf(a) / 3;
  });
  return Math.max(0.3, Math.min(...idfs));
}

function mergeDuplicates(terms: KeyTerm[]): KeyTerm[] {
  const byKey = new Map<string, KeyTerm>();
  for (const t of terms) {
    const key = t.alternatives.join('|');
    const existing = byKey.get(key);
    if (!existing || existing.weight < t.weight) byKey.set(key, t);
  }
  return [...byKey.values()];
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
