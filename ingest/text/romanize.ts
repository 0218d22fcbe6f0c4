/**
 * Pinyin romanization of the corpus's own words, so that an English question can name a place or
 * institution the way English writes it ("Cicheng", "Jiangbei") and still find 慈城 and 江北.
 */
import { characterReadings } from './cedict.js';

/** Romanized forms of the corpus's words: which words a spelling ("cicheng") can stand for. */
export interface RomanIndex {
  has(roman: string): boolean;
  get(roman: string): string[] | undefined;
}

/** Joins the words of one spelling in a single string: a library has millions of spellings. */
const WORD_SEPARATOR = '\u0001';

/**
 * Maps romanized forms of the corpus's 2–4 character CJK runs to those runs.
 * @example buildRomanIndex('慈城古县城').get('cicheng') // -> ['慈城']
 */
export function buildRomanIndex(corpusText: string): RomanIndex {
  const table = characterReadings();
  const index = new Map<string, string>();
  const seen = new Set<string>();
  for (const run of corpusText.match(/[\u4e00-\u9fff]+/g) ?? []) {
    for (let size = 2; size <= 4; size++) {
      for (let i = 0; i + size <= run.length; i++) {
        const word = run.slice(i, i + size);
        if (seen.has(word)) continue;
        seen.add(word);
        const syllables = [...word].map((ch) => table.get(ch)?.slice(0, 2) ?? []);
        if (syllables.some((s) => s.length === 0)) continue;
        for (const roman of combine(syllables)) {
          const words = index.get(roman);
          index.set(roman, words === undefined ? word : `${words}${WORD_SEPARATOR}${word}`);
        }
      }
    }
  }
  return {
    has: (roman) => index.has(roman),
    get: (roman) => {
      const words = index.get(roman);
      return words === undefined ? undefined : [...new Set(words.split(WORD_SEPARATOR))];
    },
  };
}

/**
 * A word's spelling from each character's first reading, or null when a character has none.
 * @example spellingOf('江北') // -> 'jiangbei'
 */
export function spellingOf(word: string): string | null {
  const table = characterReadings();
  const syllables = [...word].map((ch) => table.get(ch)?.[0]);
  return syllables.every(Boolean) ? syllables.join('') : null;
}

/** Every spelling from the first two readings of each character (at most 16 for four characters). */
function combine(syllables: string[][]): string[] {
  return syllables.reduce<string[]>((acc, options) => acc.flatMap((prefix) => options.map((o) => prefix + o)), ['']);
}
