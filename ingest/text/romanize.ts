/**
 * Pinyin romanization of the corpus's own words, so that an English question can name a place or
 * institution the way English writes it ("Cicheng", "Jiangbei") and still find 慈城 and 江北.
 */
import { characterReadings } from './cedict.js';

/**
 * Maps romanized forms of the corpus's 2–4 character CJK runs to those runs.
 * @example buildRomanIndex('慈城古县城').get('cicheng') // -> Set { '慈城' }
 */
export function buildRomanIndex(corpusText: string): Map<string, Set<string>> {
  const table = characterReadings();
  const index = new Map<string, Set<string>>();
  for (const run of corpusText.match(/[\u4e00-\u9fff]+/g) ?? []) {
    for (let size = 2; size <= 4; size++) {
      for (let i = 0; i + size <= run.length; i++) {
        const word = run.slice(i, i + size);
        const syllables = [...word].map((ch) => table.get(ch)?.slice(0, 2) ?? []);
        if (syllables.some((s) => s.length === 0)) continue;
        for (const roman of combine(syllables)) {
          const set = index.get(roman) ?? new Set<string>();
          set.add(word);
          index.set(roman, set);
        }
      }
    }
  }
  return index;
}

/** Every spelling from the first two readings of each character (at most 16 for four characters). */
function combine(syllables: string[][]): string[] {
  return syllables.reduce<string[]>((acc, options) => acc.flatMap((prefix) => options.map((o) => prefix + o)), ['']);
}
