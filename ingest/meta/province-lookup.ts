/** Lookups over the provincial table: by Chinese name (full or short) and by English or pinyin name. */
import { PROVINCES, type ProvinceEntry } from './regions.js';

const BY_CHINESE = new Map<string, ProvinceEntry>();
for (const entry of PROVINCES) {
  BY_CHINESE.set(entry.name, entry);
  BY_CHINESE.set(entry.short, entry);
}

/** Chinese names longest first, so that "内蒙古自治区" is tried before "内蒙古". */
const CHINESE_NAMES = [...BY_CHINESE.keys()].sort((a, b) => b.length - a.length);

/**
 * Words English adds around a province name; dropped before comparing, so that "Guangxi",
 * "Guangxi Zhuang Autonomous Region" and "Guangxi province" all meet the same key.
 */
const ENGLISH_NOISE_RE =
  /\b(?:the|of|province|provincial|municipality|city|autonomous|region|special|administrative|sar|zhuang|hui|uygur|uyghur|uighur|prc|china|chinese)\b/g;

function englishKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(ENGLISH_NOISE_RE, ' ')
    .replace(/[^a-z]/g, '');
}

const BY_ENGLISH = new Map<string, ProvinceEntry>();
for (const entry of PROVINCES) {
  for (const form of [entry.pinyin, entry.english, ...entry.aliases]) {
    const key = englishKey(form);
    if (key) BY_ENGLISH.set(key, entry);
  }
}

/**
 * The provincial entry for a Chinese name, full or short.
 * @example findProvinceByChinese('广西')?.name // -> '广西壮族自治区'
 */
export function findProvinceByChinese(name: string): ProvinceEntry | null {
  return BY_CHINESE.get(name.trim()) ?? null;
}

/**
 * The provincial name (full or short) that `text` starts with at `index`, longest first.
 * @example matchProvinceAt('2026年广西壮族自治区政府', 5) // -> '广西壮族自治区'
 */
export function matchProvinceAt(text: string, index: number): string | null {
  for (const name of CHINESE_NAMES) {
    if (text.startsWith(name, index)) return name;
  }
  return null;
}

/**
 * The provincial entry an English or pinyin name refers to; case, tone marks, spacing and the
 * words "Province", "Autonomous Region", "Zhuang", "SAR"… do not matter.
 * @example findProvinceByEnglish('Nei Mongol')?.name // -> '内蒙古自治区'
 * @example findProvinceByEnglish('Shaanxi')?.name // -> '陕西省' (Shanxi is 山西省)
 */
export function findProvinceByEnglish(name: string): ProvinceEntry | null {
  const key = englishKey(name);
  return key ? (BY_ENGLISH.get(key) ?? null) : null;
}

/** A province named in English text: the words as written and the entry they name. */
export interface EnglishProvinceMention {
  text: string;
  index: number;
  entry: ProvinceEntry;
}

/** Runs of capitalized words ("Inner Mongolia", "Guangxi Zhuang Autonomous Region"). */
const CAPITALIZED_RUN_RE = /\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\b/g;
const MAX_NAME_WORDS = 5;

/**
 * The provinces an English text names, by their pinyin, English names or aliases (any case),
 * longest first within a run of capitalized words.
 * @example findProvincesInEnglish("What is Inner Mongolia's growth target?")[0]?.entry.short // -> '内蒙古'
 */
export function findProvincesInEnglish(text: string): EnglishProvinceMention[] {
  const mentions: EnglishProvinceMention[] = [];
  // People type "hubei's gdp" too: a title-cased copy (same length, so offsets hold) finds it.
  const titled = text.replace(/\b[a-z]/g, (c) => c.toUpperCase());
  for (const run of titled.matchAll(CAPITALIZED_RUN_RE)) {
    const words = [...run[0].matchAll(/[A-Z][a-z]+/g)];
    for (let i = 0; i < words.length; ) {
      let found: EnglishProvinceMention | null = null;
      for (let n = Math.min(MAX_NAME_WORDS, words.length - i); n >= 1 && !found; n--) {
        const last = words[i + n - 1]!;
        const span = run[0].slice(words[i]!.index, last.index + last[0].length);
        // Only the name's own words count: "Province" or "The" alone names nothing.
        const entry = englishKey(words[i]![0]) ? findProvinceByEnglish(span) : null;
        const index = run.index + words[i]!.index;
        if (entry) found = { text: text.slice(index, index + span.length), index, entry };
      }
      if (found) {
        mentions.push(found);
        i += found.text.split(/\s+/).length;
      } else i++;
    }
  }
  return mentions;
}
