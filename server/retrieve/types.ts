/** Types shared by query analysis, retrieval and answering. */

export type Intent = 'figure' | 'list' | 'fact' | 'yesno';

/** The kind of value a figure question wants: a share, a rank, an amount of money, a count. */
export type ExpectedValue = 'percent' | 'rank' | 'money' | 'count';

/** One concept of the question, with the Chinese strings that express it in the corpus. */
export interface KeyTerm {
  /** The question's own wording (Chinese word or English phrase). */
  source: string;
  alternatives: string[];
  /** Importance: inverse document frequency, scaled down for terms from earlier turns. */
  weight: number;
  /**
   * How specific the concept is in general language (jieba's IDF of its most specific form):
   * a specific concept the report never uses means the report does not answer the question;
   * a common word ("方向", "概括") is just how the question is phrased.
   */
  specificity: number;
  /** The Chinese forms are a dictionary's guess for an English word (CC-CEDICT), not a curated term. */
  guessed?: boolean;
  /** Only the wording itself counts, maybe with a few characters inserted, not scattered pieces of it. */
  exact?: boolean;
  /** The calendar year this term stands for ("2025年", 去年 in a 2026 report). */
  year?: number;
}

export interface QueryAnalysis {
  question: string;
  lang: 'zh' | 'en';
  intent: Intent;
  /** Kinds of value the question asks for (several when it asks for several figures). */
  expects: ExpectedValue[];
  /** The question asks what is planned ("下一步", "will", "plan to"), not what was achieved. */
  asksForPlans: boolean;
  /** The question asks how something changed (growth, increase, rate of …), not only its level. */
  asksForChange: boolean;
  /** The question asks for a target ("目标", "goal"): a planned level or a planned growth answers it. */
  asksForTarget: boolean;
  /** The question asks where things stand now ("现在", "so far"): what was achieved, not a plan's figure. */
  asksForNow: boolean;
  /** For sub-questions asked one after the other, whether each asks how something changed. */
  partsAskForChange?: boolean[];
  /** The sub-questions when it asks several things ("A和B分别是多少" -> two), else [question]. */
  parts: string[];
  /** The question asks about two or more things ("A和B分别是多少", "…, and how much …"). */
  multi: boolean;
  keyTerms: KeyTerm[];
  /** Weighted index terms (words and bigrams) for BM25. */
  lexicalTerms: Array<{ term: string; weight: number }>;
  /** Text given to the embedder. */
  embedText: string;
  /** Years named by the question (2024 …). */
  years: string[];
  /** Five-year plans named by the question (14 for "十四五", "the 14th Five-Year Plan"). */
  plans: number[];
  /** Latin proper names in an English question that the corpus does not know (another district …). */
  unknownNames: string[];
  /** Places below the city the question names, other than the report's subject (their Chinese forms). */
  places: string[][];
  /** Only passages of these documents are retrieved; all when absent. */
  documents?: readonly string[];
}

export interface RankedPassage {
  index: number;
  /** Fused reciprocal-rank score. */
  score: number;
  /** 0-based ranks in the lexical and vector lists (absent when the passage was not in one). */
  lexicalRank?: number;
  vectorRank?: number;
  /** Cosine similarity of the question's vector and the passage's. */
  vectorScore?: number;
}
