import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { createError } from '../errors.js';
import type { ReverseDictionary } from './cedict.js';
import { ENGLISH_WORD_RE, isBareYear, isCjk } from './normalize.js';

/**
 * English -> Chinese query expansion: glossary phrases first (longest match), CC-CEDICT for the
 * content words left over. Chinese text is left to the caller's own tokenizer.
 */

export const GlossaryEntrySchema = z.object({
  /** Lower-case English phrasings a user would type. */
  en: z.array(z.string().min(1)).min(1),
  /** Chinese terms as reports write them, most specific first. */
  zh: z.array(z.string().min(1)).min(1),
  /** Broad words (growth, total, city, ...): useful, but weak evidence for retrieval. */
  generic: z.boolean().optional(),
});
export const GlossarySchema = z.object({ version: z.literal(1), entries: z.array(GlossaryEntrySchema).min(1) });
export type GlossaryEntry = z.infer<typeof GlossaryEntrySchema>;
export type Glossary = z.infer<typeof GlossarySchema>;

export interface ExpandedTerm {
  /** The English words as matched (normalized, lower-case). */
  source: string;
  zh: string[];
  weight: number;
  /** 'compound': adjacent words whose Chinese forms join into a term the corpus writes (高技术制造业). */
  from: 'glossary' | 'cedict' | 'compound';
}

/** A term with the span of question tokens it came from, so that neighbours can be joined. */
interface PlacedTerm extends ExpandedTerm {
  first: number;
  end: number;
}

export interface EnglishExpanderOptions {
  glossary: Glossary;
  reverseDictionary?: ReverseDictionary;
  /** True when a Chinese term occurs in the indexed corpus. */
  isCorpusTerm?: (zh: string) => boolean;
  /** At most this many Chinese words per CC-CEDICT expansion (default 3). */
  maxCedictTerms?: number;
}

export interface EnglishExpander {
  expand(question: string): ExpandedTerm[];
}

/** One English word: as typed (normalized) and stemmed for matching. */
export interface EnglishToken {
  surface: string;
  stem: string;
}

interface PhraseRule {
  words: string[];
  stems: string[];
  entry: GlossaryEntry;
}

const DEFAULT_GLOSSARY_URL = new URL('./policy-glossary.json', import.meta.url);
const SPECIFIC_WEIGHT = 1;
const GENERIC_WEIGHT = 0.4;
/** Glossary terms none of which occur in the corpus: kept for dense retrieval and display only. */
const OUT_OF_CORPUS_FACTOR = 0.3;
const CEDICT_WEIGHT = 0.6;
/** A two-word CC-CEDICT lookup must be a whole gloss to win over its single words. */
const CEDICT_PHRASE_MIN_SCORE = 0.9;
/** A joined compound must be longer than a two-character word to say more than its parts. */
const MIN_COMPOUND_CHARS = 3;
/** At most this many neighbouring words join (each has at most three forms: 81 joinings). */
const MAX_COMPOUND_PARTS = 4;

const STOPWORDS = new Set(
  `a an the of in on at to for by with from into onto about as and or nor but if than then so
  is are was were be been being am do does did done doing has have had having can could will would
  shall should may might must what which who whom whose when where why how many much
  this that these those it its there their they them we our us you your i me my he she his her
  please tell show give list find know let get got any some all each every such other others
  same own only also just very too again further here both either neither whether not no yes
  s t re ve ll d m vs via per etc eg ie latest current currently now recent recently new
  most least like regarding according happened happen change changed changes good well best better
  long far often soon
  report reports reported document text see sees saw seen say says said mention mentions mentioned
  describe describes described review acknowledge acknowledges acknowledged note notes noted
  out point points pointed highlight highlights highlighted identify identifies identified side sides
  aspect aspects regard regards respect want wants wanted aim aims intend intends hope hopes going
  look looks looked seem seems come comes came coming people persons stand stands
  during fast quickly go goes went gone off make makes made making take takes took taken bring brings
  brought put puts set sets reach reaches reached reaching achieve achieves achieved achieving
  complete completes completed
  actually really exactly roughly approximately alone still yet through throughout resulting respective
  actual exact precise figure figures
  respectively corresponding`.split(/\s+/),
);

const SPELLING: Record<string, string> = {
  labour: 'labor', neighbour: 'neighbor', neighbourhood: 'neighborhood', neighbourhoods: 'neighborhoods',
  centre: 'center', centres: 'centers', programme: 'program', programmes: 'programs', metre: 'meter',
  metres: 'meters', kilometre: 'kilometer', kilometres: 'kilometers', theatre: 'theater', theatres: 'theaters',
  defence: 'defense', licence: 'license', enrolment: 'enrollment', fulfil: 'fulfill', fulfilment: 'fulfillment',
  ageing: 'aging', sulphur: 'sulfur', honour: 'honor', honours: 'honors', tonne: 'ton', tonnes: 'tons',
  // One word in two registers: "R&D spending as a share of GDP" is "R&D expenditure as a share of GDP".
  expenditure: 'spending', expenditures: 'spending', outlay: 'spending', outlays: 'spending',
  // Abbreviations people type in a hurry.
  avg: 'average', approx: 'approximately', govt: 'government', gov: 'government', yr: 'year', yrs: 'years', pct: 'percent',
};
/** "How big", "how high": after "how" the adjective asks for an amount and names no concept. */
const DEGREE_WORDS = new Set(['big', 'bigger', 'large', 'larger', 'high', 'higher', 'small', 'low', 'wide', 'deep', 'old', 'tall', 'heavy']);
/** Words that compare with a number ("over 100 million") and are mere prepositions otherwise ("over the plan period"). */
const NUMBER_PREPOSITIONS = new Set(['over', 'under', 'above', 'below']);
/** A year standing alone after "over" is the base of a change, not an amount: "over 2020", "over 2020 levels". */
const AFTER_BASE_YEAR = new Set(['and', 'or', 'level', 'levels', 'figure', 'figures', 'value', 'values', 'baseline']);

/** Whether the preposition at `at` compares with an amount ("over 100 million"), not a base year. */
function comparesWithAmount(tokens: EnglishToken[], at: number): boolean {
  const next = tokens[at + 1]?.surface ?? '';
  if (!/^\d/.test(next)) return false;
  const after = tokens[at + 2]?.surface;
  return !(isBareYear(next) && (after === undefined || AFTER_BASE_YEAR.has(after)));
}
// "times" (倍) is not the plural of "time" (时间), nor "areas" (领域) of "area" (面积).
const NO_STEM = new Set(['news', 'series', 'species', 'status', 'census', 'analysis', 'basis', 'gas', 'less', 'process', 'times', 'areas']);
/** Irregular verb forms, so that "grown" is "grow" (增长), not a word of its own ("grown-up", 成年). */
const IRREGULAR: Record<string, string> = Object.fromEntries(
  `grew:grow grown:grow rose:rise risen:rise fell:fall fallen:fall built:build made:make spent:spend won:win
  drew:draw drawn:draw brought:bring bought:buy sold:sell held:hold led:lead met:meet kept:keep took:take
  taken:take gave:give given:give went:go gone:go began:begin begun:begin broke:break broken:break
  became:become ran:run paid:pay laid:lay sought:seek told:tell thought:think lost:lose chose:choose
  chosen:choose drove:drive driven:drive struck:strike shown:show sent:send left:leave hit:hit cut:cut
  set:set put:put spread:spread shed:shed undertook:undertake undertaken:undertake overtook:overtake
  overtaken:overtake withdrew:withdraw withdrawn:withdraw rebuilt:rebuild`
    .split(/\s+/)
    .map((pair) => pair.split(':') as [string, string]),
);
const CJK_RUN = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]+/;

/** Lower-cases, drops accents and rewrites punctuation so that "R & D", "R&D's" and "r&d" tokenize alike. */
export function normalizeEnglish(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
    .replace(/\b([a-z])\s*&\s*([a-z])\b/g, '$1&$2')
    .replace(/\s*&\s*(?![a-z0-9])|(?<![a-z0-9])\s*&\s*/g, ' and ')
    .replace(/%/g, ' percent ')
    .replace(/\bwon't\b/g, 'will not')
    .replace(/\bcan't\b/g, 'can not')
    .replace(/n't\b/g, ' not')
    .replace(/([a-z0-9])'s\b/g, '$1')
    .replace(/s'(?![a-z])/g, 's');
}

/** Words a slash divides by ("yuan/ton", "tons/day"): there the slash reads "per", not "and". */
const PER_UNITS = new Set('yuan dollar dollars ton tons tonne tonnes year years month months week day days hour hours minute second person persons people capita head household households unit units kwh'.split(' '));
const SLASHED_WORDS_RE = /\b[a-z][a-z-]{3,}(?:\/[a-z][a-z-]{3,})+\b/g;

/**
 * Words joined by slashes are coordinated as a list is: "primary/secondary/tertiary industry"
 * reads "primary, secondary and tertiary industry", "import/export" reads "import and export".
 */
function slashesAsCoordination(text: string): string {
  return text.replace(SLASHED_WORDS_RE, (run) => {
    const words = run.split('/');
    if (words.some((w) => PER_UNITS.has(w))) return run;
    return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
  });
}

function undouble(word: string): string {
  return /([b-df-hj-km-np-tv-z])\1$/.test(word) && !/(?:ll|ss|zz)$/.test(word) ? word.slice(0, -1) : word;
}

/**
 * A light stemmer, applied alike to glossary phrases and questions: plurals, -ing, -ed, final -e,
 * British -ise/-isation, irregular verb forms. Only consistency matters, so "policies" and "policy" both become "policy".
 */
export function stemEnglish(word: string): string {
  if (IRREGULAR[word]) return IRREGULAR[word];
  let s = SPELLING[word] ?? word.replace(/isation(s?)$/, 'ization$1').replace(/(al|an|ern|it|im|il|on|gn)is(e|ed|es|ing)$/, '$1iz$2');
  if (s.length <= 3 || NO_STEM.has(s) || /[^a-z]/.test(s)) return s;
  if (s.endsWith('ies') && s.length > 4) s = `${s.slice(0, -3)}y`;
  else if (/(?:sses|xes|ches|shes)$/.test(s)) s = s.slice(0, -2);
  else if (s.endsWith('s') && !/(?:ss|us|is)$/.test(s)) s = s.slice(0, -1);
  if (s.endsWith('ing') && s.length >= 6 && /[aeiouy]/.test(s.slice(0, -3))) s = undouble(s.slice(0, -3));
  else if (s.endsWith('ed') && s.length >= 5 && /[aeiouy]/.test(s.slice(0, -2))) s = undouble(s.slice(0, -2));
  if (s.endsWith('e') && s.length >= 5) s = s.slice(0, -1);
  return s;
}

/** The singular a dictionary gloss would use: "cities" -> "city", "taxes" -> "tax". */
function singularize(word: string): string {
  if (word.length <= 3 || NO_STEM.has(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(?:sses|xes|ches|shes)$/.test(word)) return word.slice(0, -2);
  return word.endsWith('s') && !/(?:ss|us|is)$/.test(word) ? word.slice(0, -1) : word;
}

/** Tokens of each run of non-Chinese text; Chinese characters separate runs and are dropped. */
export function tokenizeEnglish(text: string): EnglishToken[][] {
  return text
    .normalize('NFKC')
    .split(CJK_RUN)
    .map((run) => (slashesAsCoordination(normalizeEnglish(run)).match(ENGLISH_WORD_RE) ?? []).map((surface) => ({ surface, stem: stemEnglish(surface) })))
    .filter((tokens) => tokens.length > 0);
}

/** True when the text has more English words than (roughly) Chinese words, two characters each. */
export function isMostlyEnglish(text: string): boolean {
  const words = tokenizeEnglish(text).flat().filter((token) => /[a-z]/.test(token.surface)).length;
  const chinese = [...text].filter(isCjk).length;
  return words > 0 && words > chinese / 2;
}

/** Normalized words of a glossary phrase; `findGlossaryConflicts` keys on these. */
function phraseWords(phrase: string): EnglishToken[] {
  return tokenizeEnglish(phrase).flat();
}

/**
 * English phrasings that normalize to the same words in two entries, as "phrase: i, j". Phrases
 * that only share a stem ("park"/"parking") are not conflicts: the exact form wins when matching.
 */
export function findGlossaryConflicts(glossary: Glossary): string[] {
  const owners = new Map<string, number>();
  const conflicts: string[] = [];
  glossary.entries.forEach((entry, index) => {
    for (const phrase of entry.en) {
      const key = phraseWords(phrase).map((token) => token.surface).join(' ');
      const owner = owners.get(key);
      if (owner === undefined) owners.set(key, index);
      else if (owner !== index) conflicts.push(`${phrase}: ${owner}, ${index}`);
    }
  });
  return conflicts;
}

interface GlossaryRules {
  /** By first stem, for matching in order. */
  byFirst: Map<string, PhraseRule[]>;
  /** Phrases of three words or more, by their sorted stems: "surveyed urban unemployment rate" for "urban surveyed …". */
  byWordSet: Map<string, PhraseRule[]>;
  longest: number;
}

/** Words of three or more are listed in either order: adjectives before a noun change places freely. */
const UNORDERED_MIN_WORDS = 3;

const wordSetKey = (stems: readonly string[]) => [...stems].sort().join(' ');

function indexGlossary(glossary: Glossary): GlossaryRules {
  const byFirst = new Map<string, PhraseRule[]>();
  const byWordSet = new Map<string, PhraseRule[]>();
  let longest = 0;
  const add = (map: Map<string, PhraseRule[]>, key: string, rule: PhraseRule) => map.set(key, [...(map.get(key) ?? []), rule]);
  for (const entry of glossary.entries) {
    for (const phrase of entry.en) {
      const tokens = phraseWords(phrase);
      if (tokens.length === 0) continue;
      const rule = { words: tokens.map((t) => t.surface), stems: tokens.map((t) => t.stem), entry };
      add(byFirst, rule.stems[0]!, rule);
      if (rule.stems.length >= UNORDERED_MIN_WORDS) add(byWordSet, wordSetKey(rule.stems), rule);
      longest = Math.max(longest, rule.stems.length);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  return { byFirst, byWordSet, longest };
}

/**
 * Glossary phrases matching at `at`, longest first; between equal lengths, the exact spelling
 * first. Without a match in order, a phrase of three words or more matches its words in any order.
 */
function matchPhrases(rules: GlossaryRules, tokens: EnglishToken[], at: number): PhraseRule[] {
  const matches: { rule: PhraseRule; exact: boolean }[] = [];
  for (const rule of rules.byFirst.get(tokens[at]!.stem) ?? []) {
    if (at + rule.stems.length > tokens.length) continue;
    if (!rule.stems.every((stem, i) => tokens[at + i]!.stem === stem)) continue;
    // A lone stopword ("list", "show") never counts as a glossary word ("listed").
    if (rule.stems.length === 1 && STOPWORDS.has(tokens[at]!.surface)) continue;
    const exact = rule.words.every((word, i) => tokens[at + i]!.surface === word);
    // A phrase ending in a particle ("trade-in", "set up") is spelled out, inflections listed:
    // stemmed, "traded in Hubei" would be a trade-in.
    if (!exact && rule.words.length > 1 && STOPWORDS.has(rule.words.at(-1)!)) continue;
    matches.push({ rule, exact });
  }
  for (let length = Math.min(rules.longest, tokens.length - at); length >= UNORDERED_MIN_WORDS; length--) {
    if (matches.some((m) => m.rule.stems.length >= length)) break;
    const reordered = rules.byWordSet.get(wordSetKey(tokens.slice(at, at + length).map((t) => t.stem)));
    if (reordered) matches.push(...reordered.map((rule) => ({ rule, exact: false })));
  }
  matches.sort((a, b) => b.rule.stems.length - a.rule.stems.length || Number(b.exact) - Number(a.exact));
  return matches.map((match) => match.rule);
}

function isContentWord(token: EnglishToken): boolean {
  return token.surface.length > 1 && !STOPWORDS.has(token.surface) && !/^[\d.]+$/.test(token.surface);
}

/**
 * Creates the expander. Glossary terms are filtered by `isCorpusTerm` when it is given: the terms
 * that occur in the corpus are kept at full weight; when none does, all the glossary's terms are
 * kept at 0.3 of the weight, since they still help dense retrieval and show what was searched.
 * CC-CEDICT terms are corpus terms only (the reverse dictionary is built with the same predicate).
 *
 * @example
 * const { expand } = createEnglishExpander({ glossary: loadGlossary(), reverseDictionary, isCorpusTerm });
 * expand('江北区的GDP growth?');
 * // [{ source: 'gdp', zh: ['地区生产总值', ...], weight: 1, from: 'glossary' },
 * //  { source: 'growth', zh: ['增长', '增加', '提高'], weight: 0.4, from: 'glossary' }]
 */
export function createEnglishExpander(options: EnglishExpanderOptions): EnglishExpander {
  const rules = indexGlossary(options.glossary);
  const maxCedictTerms = options.maxCedictTerms ?? 3;
  const inCorpus = options.isCorpusTerm ?? (() => true);

  const glossaryTerm = (source: string, entry: GlossaryEntry): ExpandedTerm => {
    const weight = entry.generic ? GENERIC_WEIGHT : SPECIFIC_WEIGHT;
    const found = entry.zh.filter((zh) => inCorpus(zh));
    if (found.length > 0) return { source, zh: found, weight, from: 'glossary' };
    return { source, zh: [...entry.zh], weight: weight * OUT_OF_CORPUS_FACTOR, from: 'glossary' };
  };

  const cedictTerm = (source: string, minScore = 0): ExpandedTerm | undefined => {
    const dictionary = options.reverseDictionary;
    if (!dictionary) return undefined;
    let matches = dictionary.lookupScored(source);
    if (matches.length === 0 && !source.includes(' ')) matches = dictionary.lookupScored(singularize(source));
    matches = matches.filter((match) => match.score >= minScore && inCorpus(match.zh)).slice(0, maxCedictTerms);
    if (matches.length === 0) return undefined;
    return { source, zh: matches.map((match) => match.zh), weight: CEDICT_WEIGHT * matches[0]!.score, from: 'cedict' };
  };

  const expandLeftovers = (words: Array<{ surface: string; at: number }>, out: PlacedTerm[]): void => {
    for (let i = 0; i < words.length; i++) {
      const next = words[i + 1];
      const adjacent = next !== undefined && next.at === words[i]!.at + 1;
      const pair = adjacent ? cedictTerm(`${words[i]!.surface} ${next.surface}`, CEDICT_PHRASE_MIN_SCORE) : undefined;
      const term = pair ?? cedictTerm(words[i]!.surface);
      if (term) out.push({ ...term, first: words[i]!.at, end: words[i]!.at + (pair ? 2 : 1) });
      if (pair) i++;
    }
  };

  const expandRun = (tokens: EnglishToken[], out: PlacedTerm[]): void => {
    const leftovers: Array<{ surface: string; at: number }> = [];
    for (let at = 0; at < tokens.length; ) {
      const surface = tokens[at]!.surface;
      // "over" names a comparison only before an amount: not before a year ("increase over 2020"),
      // though it opens a longer phrase of its own ("above-scale", "above designated size").
      const wordAlone =
        (NUMBER_PREPOSITIONS.has(surface) && !comparesWithAmount(tokens, at)) || (DEGREE_WORDS.has(surface) && tokens[at - 1]?.surface === 'how');
      const phrases = matchPhrases(rules, tokens, at);
      const candidates = wordAlone ? phrases.filter((rule) => rule.stems.length > 1) : phrases;
      const namesNothing = wordAlone && candidates.length === 0;
      if (candidates.length === 0) {
        if (!namesNothing && isContentWord(tokens[at]!)) leftovers.push({ surface: tokens[at]!.surface, at });
        else expandLeftovers(leftovers.splice(0), out);
        at++;
        continue;
      }
      expandLeftovers(leftovers.splice(0), out);
      const sourceOf = (rule: PhraseRule): string => tokens.slice(at, at + rule.stems.length).map((t) => t.surface).join(' ');
      const placed = (rule: PhraseRule): PlacedTerm => ({ ...glossaryTerm(sourceOf(rule), rule.entry), first: at, end: at + rule.stems.length });
      // The longest phrase whose terms occur in the corpus, else the longest. A longer phrase the
      // corpus never writes ("forest coverage rate") is still reported, at its lower weight.
      const rule = candidates.find((candidate) => candidate.entry.zh.some((zh) => inCorpus(zh))) ?? candidates[0]!;
      if (rule !== candidates[0]) out.push(placed(candidates[0]!));
      out.push(placed(rule));
      at += rule.stems.length;
    }
    expandLeftovers(leftovers, out);
  };

  /**
   * Neighbouring words whose Chinese forms, joined, make a term the corpus writes become that one
   * term: "high" + "tech" + "manufacturing" -> 高 + 技术 + 制造业 -> 高技术制造业. The longest
   * such run wins, so a part need not be a corpus term of its own.
   */
  const joinCompounds = (terms: PlacedTerm[]): PlacedTerm[] => {
    const joined: PlacedTerm[] = [];
    for (let i = 0; i < terms.length; ) {
      let merged: PlacedTerm | null = null;
      for (let j = Math.min(i + MAX_COMPOUND_PARTS, terms.length) - 1; j > i && !merged; j--) {
        const run = terms.slice(i, j + 1);
        if (run.some((t, k) => k > 0 && run[k - 1]!.end !== t.first)) continue;
        const forms = run.reduce<string[]>((acc, t) => acc.flatMap((a) => t.zh.map((b) => a + b)), ['']);
        const compounds = [...new Set(forms)].filter((zh) => zh.length >= MIN_COMPOUND_CHARS && inCorpus(zh));
        if (compounds.length === 0) continue;
        merged = {
          source: run.map((t) => t.source).join(' '),
          zh: compounds.sort((a, b) => b.length - a.length).slice(0, maxCedictTerms),
          weight: Math.max(SPECIFIC_WEIGHT, ...run.map((t) => t.weight)),
          from: 'compound',
          first: run[0]!.first,
          end: run.at(-1)!.end,
        };
        i = j + 1;
      }
      if (merged) joined.push(merged);
      else joined.push(terms[i++]!);
    }
    return joined;
  };

  return {
    expand(question) {
      const terms: ExpandedTerm[] = [];
      for (const tokens of tokenizeEnglish(question)) {
        const run: PlacedTerm[] = [];
        expandRun(tokens, run);
        terms.push(...joinCompounds(run).map(({ source, zh, weight, from }) => ({ source, zh, weight, from })));
      }
      return dedupeTerms(terms);
    },
  };
}

/** Keeps the first occurrence of each source or Chinese term list (a question may repeat "GDP"). */
function dedupeTerms(terms: ExpandedTerm[]): ExpandedTerm[] {
  const seen = new Set<string>();
  return terms.filter((term) => {
    const keys = [`source:${term.source}`, `zh:${term.zh.join('|')}`];
    if (keys.some((key) => seen.has(key))) return false;
    keys.forEach((key) => seen.add(key));
    return true;
  });
}

/**
 * Reads and validates the glossary (by default `policy-glossary.json` next to this file).
 * Throws FILE_UNREADABLE when it cannot be read or parsed, CONFIG_INVALID when its shape is wrong.
 */
export function loadGlossary(path: string | URL = DEFAULT_GLOSSARY_URL): Glossary {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw createError('FILE_UNREADABLE', `glossary ${String(path)}`, { cause: String(cause) });
  }
  const parsed = GlossarySchema.safeParse(raw);
  if (!parsed.success) {
    throw createError('CONFIG_INVALID', `glossary ${String(path)}: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
