/**
 * Chinese -> English for labels shown in English answers ("常住人口城镇化率" -> "urbanization
 * rate"): the glossary read backwards, longest Chinese term first. It only describes; the Chinese
 * label and figure stay beside it, since they are what the report says.
 */
import type { Glossary } from './crosslingual.js';

export type ChineseDescriber = (zh: string) => string | null;

/** The glossary is lower-case; these read as acronyms. */
const ACRONYMS = new Map(
  ['R&D', 'GDP', 'GRP', 'CPI', 'PPI', 'FDI', 'AI', '5G', 'IT', 'ICT', 'SME', 'SMEs', 'SOE', 'SOEs', 'PM2.5', 'PM10', 'IPO', 'IP', 'VAT', 'B2B', 'B2C'].map((a) => [a.toLowerCase(), a]),
);

/** Below this share of a label's characters covered by glossary terms, no description is given. */
const MIN_COVERED_SHARE = 0.6;

/**
 * @example createChineseDescriber(loadGlossary())('民生支出') // -> 'livelihood spending'
 */
export function createChineseDescriber(glossary: Glossary): ChineseDescriber {
  const englishOf = new Map<string, string>();
  for (const entry of glossary.entries) {
    // One character ("万", "率") reads too many ways to describe anything by itself.
    for (const zh of entry.zh) if (zh.length >= 2 && !englishOf.has(zh)) englishOf.set(zh, entry.en[0]!);
  }
  const terms = [...englishOf.keys()].sort((a, b) => b.length - a.length);

  return (label) => {
    const text = label.replace(/\s+/g, '');
    const pieces: Array<{ at: number; en: string }> = [];
    const taken = new Array<boolean>(text.length).fill(false);
    for (const zh of terms) {
      for (let at = text.indexOf(zh); at >= 0; at = text.indexOf(zh, at + zh.length)) {
        if (taken.slice(at, at + zh.length).some(Boolean)) continue;
        taken.fill(true, at, at + zh.length);
        pieces.push({ at, en: englishOf.get(zh)! });
      }
    }
    const chinese = [...text].filter((c) => /[\u4e00-\u9fff]/.test(c)).length || 1;
    const covered = taken.filter(Boolean).length;
    if (pieces.length === 0 || covered / chinese < MIN_COVERED_SHARE) return null;
    return pieces
      .sort((a, b) => a.at - b.at)
      .map((p) => p.en.replace(/[a-z0-9&.]+/g, (word) => ACRONYMS.get(word) ?? word))
      .filter((en, i, all) => all.indexOf(en) === i)
      .join(', ');
  };
}
