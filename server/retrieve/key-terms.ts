/**
 * The key concepts of a question: its Chinese words (jieba, with the glossary's terms kept whole),
 * the Chinese expansions of its English words, compounds the report never writes, each weighted by
 * how much it says about what is asked.
 */
import { generalIdf } from '../../ingest/text/general-idf.js';
import { escapeRegExp, isBareYear, normalizeForMatch } from '../../ingest/text/normalize.js';
import { cjkBigrams, isStopword, tagWords } from '../../ingest/text/tokenize.js';
import type { ExpandedConcept } from './cross-lingual.js';
import { KnowledgeBaseCache } from './kb-cache.js';
import { corpusMentions, type KnowledgeBase } from './knowledge-base.js';
import type { KeyTerm } from './types.js';

/** Question words and fillers that say what kind of answer is wanted, not what it is about. */
const QUESTION_FILLER = new Set(
  ('多少 几 几项 几个 几位 几家 哪 哪些 哪项 哪个 哪年 什么 怎么 怎样 如何 是否 有没有 是不是 吗 呢 一共 共 总共 各 各有 分别 ' +
    '目前 现在 当前 还有 还 存在 面临 下 一步 下一步 报告 提到 提出 介绍 说 讲 方面 情况 问题 具体 主要 哪几 怎么样 能 能否 可以 要 叫 称为 排 排第几 第几 ' +
    '达到 完成 实现 我区 全区 本区 区 后面 后续 接下来 准备 打算 如今 已经 了 去年 今年 前年 当年 全年 大概 大约 左右 ' +
    '来着 那套 这套 那个 这个 那些 这些 那项 这项 到底 究竟 花 花了 比 较 相比 相较 比起 多 多了 少了 家').split(' '),
);

/** Asking for problems or shortcomings: reports state them with a stable set of markers. */
const PROBLEM_QUESTION_RE = /问题|不足|短板|差距|困难|挑战|薄弱|瓶颈|shortcoming|weakness|problem|challenge|issue|gap/i;
const PROBLEM_MARKERS = ['仍面临', '面临', '不够', '有待', '尚未', '短缺', '不足', '差距', '短板', '薄弱', '不强', '不高', '偏少', '偏低', '较低', '仍存在', '问题'];

/**
 * Words that say what kind of figure is wanted ("总量", "规模"; 目标 for a planned one, which
 * reports word as 左右, 以上, 力争), not which measure: weighed like this.
 */
const TARGET_WORDS = new Set(['目标', '目标值', '计划']);
const MEASURE_KIND_WORDS = new Set([...'总量 总额 总数 数量 数 规模 水平 情况 数据 数值 数字 指标值'.split(' '), ...TARGET_WORDS]);
const MEASURE_KIND_FACTOR = 0.3;
/** The weight crosslingual.ts gives a glossary entry marked generic. */
const GENERIC_GLOSSARY_WEIGHT = 0.4;

/**
 * Words for a change that reports write otherwise: spoken ones ("涨了多少") formally (增长, 下降),
 * and a rate of growth (增速, 增幅) as the growth it is ("增长4.2%").
 */
const RISE = ['增长', '增速', '提高', '增加'];
const FALL = ['下降', '降低', '减少'];
const GROWTH_RATE = ['增速', '增幅', '增长率', '增长'];
/** Reports set a target in so many words, or say they strive for it ("力争完成投资2440亿元以上"). */
const TARGET = ['目标', '力争', '预期'];
/** One share, three words: "三产比例" is what a report writes as 三产比重 or 占比. */
const SHARE = ['比重', '占比', '比例'];
/** Question words reports put otherwise: a change (涨 as 增长), a target (目标 as 力争). */
const REPORT_FORMS: Record<string, string[]> = {
  目标: TARGET,
  // "今年计划新增就业多少": the plan's figure, set as a target is.
  计划: [...TARGET, '计划'],
  比重: SHARE, 占比: SHARE, 比例: SHARE,
  // "平均每年增长多少" is what reports write as 年均增长.
  平均: ['平均', '年均'], 每年: ['每年', '年均'],
  涨: RISE, 上涨: RISE, 涨幅: GROWTH_RATE, 增速: GROWTH_RATE, 增幅: GROWTH_RATE, 增长率: GROWTH_RATE, 跌: FALL, 下跌: FALL, 跌幅: ['降幅', '下降'],
};

/** Weight kept by a term that names the report's subject (it is in a document title). */
const TITLE_TERM_FACTOR = 0.3;
/**
 * Words for the whole of the report's area (全省, 全市, 本区): a level, not a concept. 全国 is not
 * one: in a province's or a district's report it is the level above, which the question asks of.
 */
const SCOPE_WORD_RE = /^(?:全|本|我)(?:省|市|区|县|州|盟|旗|镇)$/;

/** "迈进什么行列": the kind of answer (行列) is in many sentences that do not answer. */
const ANSWER_TYPE_FACTOR = 0.2;
const ANSWER_TYPE_MARKERS = new Set(['什么', '什么样', '怎样的', '啥', '叫啥', '哪', '哪个', '哪些', '哪项', '哪种', '何', '哪类', '哪一']);

const QUESTION_WORD_RE = /^(?:哪|几|多少|什么|怎|如何|是否|老几|多久|多长|多大|多高|多远|多快|啥|咋)/;
/** "多大面积", "多长时间": the question part goes before segmenting, or jieba cuts "多/大面积". */
const QUESTION_PHRASE_RE = /多少钱|百分之(?:几|多少)|多(?:长时间|长|久|大|高|远|快)|老几/g;

/** Fillers, and question words in any of jieba's cuts ("哪几个", "多少项", "怎么样"). */
export function isQuestionWord(word: string): boolean {
  return QUESTION_FILLER.has(word) || QUESTION_WORD_RE.test(word);
}

/** A library question is analysed twice (to choose the report, then to answer from it), a multi-part one more. */
const keyTermsOf = new KnowledgeBaseCache<string, readonly KeyTerm[]>(256);

/** Key concepts: Chinese words of the question, and Chinese expansions of its English words. */
export function extractKeyTerms(kb: KnowledgeBase, question: string, options: { compounds?: boolean } = {}): KeyTerm[] {
  const compounds = options.compounds ?? true;
  return [...keyTermsOf.get(kb, `${compounds ? 1 : 0}${question}`, () => conceptsOf(kb, question, compounds))];
}

function conceptsOf(kb: KnowledgeBase, question: string, compounds: boolean): KeyTerm[] {
  const terms: KeyTerm[] = [];
  // Latin words become a break, so that "单位GDP能耗" does not make "单位能耗" a compound.
  const chinese = question.replace(/[A-Za-z][A-Za-z'’\-&]*/g, '，').replace(QUESTION_PHRASE_RE, ' ');
  let previous = '';
  let compound: KeyTerm[] = [];
  for (const { word: raw, tag, synonym } of questionTokens(kb, chinese)) {
    // A filler stays whole: "现在" trimmed of its 在 would be the concept 现.
    const word = synonym || isQuestionWord(raw) ? raw : trimGluedParticle(kb, raw);
    // "什么行列", "哪项荣誉": the noun after a question word names the kind of answer, not the topic.
    const answerType = ANSWER_TYPE_MARKERS.has(previous) ? ANSWER_TYPE_FACTOR : 1;
    previous = raw;
    const found = synonym ? glossaryTerm(kb, synonym, answerType) : wordTerm(kb, word, tag, answerType);
    // "全省粮食总产量" asks for 粮食总产量 at the level of the whole province, as 全省 says of the subject.
    const scope = found ? SCOPE_WORD_RE.test(found.source) : false;
    const term = found && scope ? { ...found, weight: found.weight * TITLE_TERM_FACTOR } : found;
    if (term) terms.push(term);
    // "外贸目标" is no measure's name: reports set the target under its own name (外贸进出口总额增长…).
    if (term && !scope && COMPOUND_TAG_RE.test(tag) && !TARGET_WORDS.has(term.source)) compound.push(term);
    else {
      if (compounds) terms.push(...compoundTerm(kb, compound));
      compound = [];
    }
  }
  if (compounds) terms.push(...compoundTerm(kb, compound));
  terms.push(...codeNameTerms(kb, question));
  for (const expanded of kb.crossLingual.expand(question)) {
    const alternatives = expanded.zh.filter((z) => !isQuestionWord(z));
    if (alternatives.length === 0) continue;
    // A dictionary's guess for an English word weighs what the guess is worth, a curated term at least 0.8.
    // "total", "number", "size" say what kind of figure is wanted, as 总量 and 数量 do in Chinese.
    const kindOnly = alternatives.every((z) => MEASURE_KIND_WORDS.has(z)) ? MEASURE_KIND_FACTOR : 1;
    // A generic word of the glossary ("period", "first", "by the end of") keeps its lower weight.
    const curated = expanded.weight <= GENERIC_GLOSSARY_WEIGHT ? expanded.weight : Math.max(expanded.weight, 0.8);
    const factor = (expanded.guessed ? expanded.weight : curated) * kindOnly;
    terms.push({ ...keyTerm(kb, expanded.source, alternatives, factor), guessed: expanded.guessed });
  }
  if (PROBLEM_QUESTION_RE.test(question)) terms.push({ source: '问题', alternatives: PROBLEM_MARKERS, weight: 2, specificity: 0 });
  return mergeDuplicates(terms);
}

/** A glossary term none of whose forms the report uses is a measure it does not give, not scattered words. */
function glossaryTerm(kb: KnowledgeBase, synonym: ExpandedConcept, answerType: number): KeyTerm {
  const term = keyTerm(kb, synonym.source, synonym.zh, answerType);
  return synonym.zh.some((zh) => corpusMentions(kb, zh)) ? term : { ...term, exact: true };
}

/** Programmes named by numbers ("1586"专项行动, "4+4+X" 产业体系): a name, not a quantity. */
const CODE_NAME_RE = /(?<![\d.])\d{3,}(?:[+＋][\dA-Za-z]+)*(?![\d.%％])|\d+(?:[+＋][\dA-Za-z]+)+/g;

/** Grades and models written in letters and digits ("4F级机场", "5A级景区", "5G基站"): a name the report writes as is. */
const MIXED_CODE_RE = /(?<![A-Za-z\d.])(?:[A-Za-z]+\d+[A-Za-z\d]*|\d+[A-Za-z]+[A-Za-z\d]*)(?![A-Za-z\d]|\.\d)/g;

function codeNameTerms(kb: KnowledgeBase, question: string): KeyTerm[] {
  const quoted = [...new Set(question.match(CODE_NAME_RE) ?? [])]
    .filter((code) => !isBareYear(code) && kb.corpusText.includes(`“${normalizeForMatch(code)}”`))
    .map((code) => ({ ...keyTerm(kb, code, [`“${code}”`, code], 1), specificity: CODE_NAME_SPECIFICITY }));
  const mixed = [...new Set(question.match(MIXED_CODE_RE) ?? [])]
    .filter((code) => kb.corpusText.includes(normalizeForMatch(code)))
    .map((code) => ({ ...keyTerm(kb, code, [code], 1), specificity: CODE_NAME_SPECIFICITY }));
  return [...quoted, ...mixed];
}

function wordTerm(kb: KnowledgeBase, word: string, tag: string, answerType: number): KeyTerm | null {
  if (isStopword(word) || isQuestionWord(word) || !/[\u4e00-\u9fff]/.test(word)) return null;
  const kindOnly = MEASURE_KIND_WORDS.has(word) ? MEASURE_KIND_FACTOR : 1;
  // A kind-of-figure word the report never uses ("GDP总量") is only how the question is put.
  if (kindOnly < 1 && !corpusMentions(kb, word)) return null;
  return keyTerm(kb, word, REPORT_FORMS[word] ?? [word], partOfSpeechWeight(word, tag) * answerType * kindOnly);
}

/** "粮食总产量" is what a report writes "粮食产量": 总 before a measure's head adds nothing it does not say. */
function withoutTotal(kb: KnowledgeBase, forms: string[]): string[] {
  const bare = forms.flatMap((f) => (/.总./.test(f) ? [f.replace(/(.)总(.)/, '$1$2')] : [])).filter((f) => [...f].length >= 3 && corpusMentions(kb, f) && !forms.includes(f));
  return [...forms, ...bare];
}

interface QuestionToken {
  word: string;
  tag: string;
  /** A glossary term the token stands for whole (it may span several of jieba's words). */
  synonym?: ExpandedConcept;
}

/** Punctuation and spaces: the pieces of a question between them are segmented one by one. */
const BREAK_RE = /([，。？！；、,.?!;:：\s]+)/;
const ONLY_BREAK_RE = /^[，。？！；、,.?!;:：\s]+$/;

/**
 * Jieba's words of the question, with the glossary's terms kept whole ("人均可支配收入", "固投")
 * and a break token at punctuation, so that compounds never run across it.
 */
function questionTokens(kb: KnowledgeBase, chinese: string): QuestionToken[] {
  const tokens: QuestionToken[] = [];
  for (const piece of chinese.split(BREAK_RE)) {
    if (!piece) continue;
    if (ONLY_BREAK_RE.test(piece)) {
      tokens.push({ word: '，', tag: 'x' });
      continue;
    }
    let cursor = 0;
    const words = tagWords(piece).map((w) => {
      const start = Math.max(cursor, piece.indexOf(w.word, cursor));
      cursor = start + w.word.length;
      return { ...w, start, end: cursor };
    });
    const forms = kb.crossLingual
      .synonyms(piece)
      .map((synonym) => {
        const start = piece.indexOf(synonym.source);
        return { synonym, start, end: start + synonym.source.length };
      })
      // A glossary form must cover whole words: "文创" in "文创港" or "居民…" in "城镇居民…" is not one.
      .filter((f) => words.some((w) => w.start === f.start) && words.some((w) => w.end === f.end || w.start + trimParticle(w.word).length === f.end || splitsInTwo(piece, w, f.end)));
    const emitted = new Set<ExpandedConcept>();
    for (const w of words) {
      const form = forms.find((f) => f.start < w.end && w.start < f.end);
      if (!form) tokens.push(w);
      else if (!emitted.has(form.synonym)) {
        emitted.add(form.synonym);
        tokens.push({ word: form.synonym.source, tag: 'n', synonym: form.synonym });
      }
      // The rest of a word the form ends inside ("增长" of jieba's "零增长" after "社零") is a word of its own.
      if (form && splitsInTwo(piece, w, form.end)) tokens.push(...tagWords(piece.slice(form.end, w.end)));
    }
  }
  return tokens;
}

/**
 * Jieba joined an abbreviation's last character to the next word ("社零增长" -> 社/零增长): the form
 * ends inside `word` and what is left of it is a dictionary word of two or more characters.
 */
function splitsInTwo(piece: string, word: { start: number; end: number }, end: number): boolean {
  if (end <= word.start || end >= word.end - 1) return false;
  const rest = tagWords(piece.slice(end, word.end));
  return rest.length === 1 && !isStopword(rest[0]!.word);
}

/** Tags of words that build a compound measure name: "森林/覆盖率", "执业/医师". */
const COMPOUND_TAG_RE = /^(?:n|vn|nz)$/;
/** A compound the report never writes weighs this share of its words together. */
const COMPOUND_SHARE = 0.5;
const MAX_COMPOUND_CHARS = 10;
/** A compound the report does write weighs this share of its words, on top of them. */
const PHRASE_SHARE = 0.3;
/** A quoted code name is as specific as a proper name. */
const CODE_NAME_SPECIFICITY = 11;
/** Characters allowed between a compound's last two words ("人才资源总量" for "人才总量"). */
const HEAD_PAIR_GAP = 4;

/**
 * Nouns in a row name one concept ("森林覆盖率"): when the report never writes them together, it
 * does not give that measure, even if it uses each word elsewhere. Only the exact compound counts.
 */
function compoundTerm(kb: KnowledgeBase, words: KeyTerm[]): KeyTerm[] {
  if (words.length < 2) return [];
  const source = words.map((w) => w.source).join('');
  if (source.length > MAX_COMPOUND_CHARS) return [];
  // Written together in the report ("数字经济营收"), the phrase marks the sentences that say it so.
  if (corpusMentions(kb, source)) return [{ source, alternatives: [source], weight: PHRASE_SHARE * sumOf(words), specificity: 0, exact: true }];
  if (headPairStated(kb, words)) return [];
  return [{ source, alternatives: [source], weight: COMPOUND_SHARE * sumOf(words), specificity: generalIdf(source), exact: true }];
}

function sumOf(words: KeyTerm[]): number {
  return words.reduce((s, w) => s + w.weight, 0);
}

/** "人才总量" is stated by "人才资源总量", "外贸进出口总额" by "进出口总额": the head and its modifier, close. */
function headPairStated(kb: KnowledgeBase, words: KeyTerm[]): boolean {
  // Each word in any of its forms: "服务业营收" is stated by "服务业营业收入".
  const [modifier, head] = words.slice(-2).map((w) => `(?:${w.alternatives.map((a) => escapeRegExp(normalizeForMatch(a))).join('|')})`);
  return new RegExp(`${modifier}[^，。；\\n]{0,${HEAD_PAIR_GAP}}${head}`).test(kb.corpusText);
}

function keyTerm(kb: KnowledgeBase, source: string, forms: string[], factor: number): KeyTerm {
  const alternatives = withoutTotal(kb, forms);
  // The report's own subject (the district, the plan in its title) is implied by every passage.
  const subject = alternatives.some((a) => kb.titleText.includes(normalizeForMatch(a))) ? TITLE_TERM_FACTOR : 1;
  return {
    source,
    alternatives,
    weight: termWeight(kb, alternatives) * factor * subject,
    specificity: Math.max(...alternatives.map((a) => generalIdf(a))),
  };
}

const GLUED_PARTICLE_RE = /[要上的了在是和与中里下能会可将]$/;

/** Jieba's HMM glues a particle onto an unknown word ("营收要", "固投里"); the corpus tells. */
function trimGluedParticle(kb: KnowledgeBase, word: string): string {
  if (word.length < 2 || corpusMentions(kb, word)) return word;
  const head = trimParticle(word);
  return head !== word && corpusMentions(kb, head) ? head : word;
}

function trimParticle(word: string): string {
  return word.length >= 2 && GLUED_PARTICLE_RE.test(word) ? word.slice(0, -1) : word;
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

