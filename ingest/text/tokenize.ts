/**
 * Tokenization for Chinese report text: jieba words (search mode, which also yields the parts of
 * long compounds) plus character bigrams of every CJK run, so that a term the dictionary splits
 * badly is still found. Latin words and numbers are kept whole, lower-cased.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { isCjk, toHalfWidth } from './normalize.js';

let jieba: Jieba | null = null;

function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** Function words and punctuation that carry no meaning for retrieval. */
const STOPWORDS = new Set(
  '的 了 和 与 及 等 在 是 为 对 以 将 把 被 中 上 下 也 并 而 或 其 之 着 从 到 于 由 向 个 这 那 有 又 让 给 使 各 该 我 我们 你 他 她 它 们 吗 呢 吧 啊 呀 么 什么 多少 哪些 哪个 哪项 哪 几 怎么 怎样 如何 是否 目前 一共 总共 现在 方面 情况 有关 相关 请问 请'
    .split(' '),
);

export function isStopword(token: string): boolean {
  return STOPWORDS.has(token);
}

/** Jieba words of a text, lower-cased, without punctuation, spaces or stopwords. */
export function segmentWords(text: string): string[] {
  const words = segmenter().cutForSearch(toHalfWidth(text).toLowerCase(), true);
  return words.filter((w) => /[\p{L}\p{N}]/u.test(w) && !STOPWORDS.has(w.trim())).map((w) => w.trim());
}

/** Overlapping character bigrams of each CJK run ("数字经济" -> 数字, 字经, 经济). */
export function charBigrams(text: string): string[] {
  const grams: string[] = [];
  let run = '';
  const flush = () => {
    for (let i = 0; i + 1 < run.length; i++) grams.push(`${run[i]}${run[i + 1]}`);
    run = '';
  };
  for (const ch of text) {
    if (isCjk(ch)) run += ch;
    else flush();
  }
  flush();
  return grams;
}

/** The bigrams as index terms, prefixed so that they never collide with words. */
export function cjkBigrams(text: string): string[] {
  return charBigrams(text).map((g) => `§${g}`);
}

/** The terms a text is indexed under: words and CJK bigrams. */
export function tokenize(text: string): string[] {
  return [...segmentWords(text), ...cjkBigrams(text)];
}

export interface TaggedWord {
  word: string;
  /** Jieba part-of-speech tag: n, nr, ns, nz, vn, v, a, m … */
  tag: string;
}

/** Words with their part of speech (precise mode), for telling a question's concepts from its verbs. */
export function tagWords(text: string): TaggedWord[] {
  return segmenter()
    .tag(toHalfWidth(text).toLowerCase(), true)
    .map((t) => ({ word: t.word.trim(), tag: t.tag }))
    .filter((t) => /[\p{L}\p{N}]/u.test(t.word));
}
