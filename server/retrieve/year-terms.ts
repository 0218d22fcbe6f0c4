/**
 * The years a question asks about, and how the documents write them: "2026年" in a 2026 work
 * report is its 今年, 2025 its 去年 or 过去一年. A question's 去年 means the year before the
 * document's own 今年.
 */
import { RELATIVE_YEAR_OFFSETS, resolveRelativeYear } from '../../ingest/meta/relative-year.js';
import type { Doc } from '../../ingest/schema.js';
import type { KeyTerm } from './types.js';

const YEAR_RE = /(?:19|20)\d{2}(?=\s*年|\b)/g;
const RELATIVE_RE = new RegExp(Object.keys(RELATIVE_YEAR_OFFSETS).sort((a, b) => b.length - a.length).join('|'), 'g');
/** A year narrows a question but names no concept: it weighs less than a measure and is never "missing". */
const YEAR_TERM_WEIGHT = 1;

/** English relative years, as the Chinese word of the same offset. */
const ENGLISH_RELATIVE: Array<[RegExp, string]> = [
  [/\b(?:last|previous|past) year\b|\ba year ago\b/i, '去年'],
  [/\bthis year\b|\bthe current year\b/i, '今年'],
  [/\bnext year\b|\bthe coming year\b/i, '明年'],
];

/** The words of the question's English year phrases ("last", "year"), which name no concept of their own. */
export function englishYearWords(question: string): Set<string> {
  const words = new Set<string>();
  for (const [re] of ENGLISH_RELATIVE) for (const w of re.exec(question)?.[0].toLowerCase().split(/\s+/) ?? []) words.add(w);
  return words;
}

/** Calendar years the question names, written out or as relative words resolved against `docs`. */
export function questionYears(question: string, docs: Doc[]): string[] {
  const years = new Set(question.match(YEAR_RE) ?? []);
  const words = [...(question.match(RELATIVE_RE) ?? []), ...ENGLISH_RELATIVE.filter(([re]) => re.test(question)).map(([, word]) => word)];
  for (const word of words) {
    for (const doc of docs) {
      const year = resolveRelativeYear(word, doc);
      if (year !== null) years.add(String(year));
    }
  }
  return [...years];
}

const YEAR_WORD = `(?:(?:19|20)\\d{2}\\s*年?|${Object.keys(RELATIVE_YEAR_OFFSETS).sort((a, b) => b.length - a.length).join('|')})`;
/** "比前年", "较上年", "与2024年相比", "than in 2024", "compared with last year": the year a change is measured from. */
const COMPARISON_BASE_RE = new RegExp(
  [
    `(?:比|较|同比|相比于?|对比)\\s*${YEAR_WORD}`,
    `与\\s*${YEAR_WORD}\\s*(?:相比|比较)`,
    `\\b(?:than|compared (?:with|to)|versus|vs\\.?)\\s+(?:in\\s+)?(?:(?:19|20)\\d{2}\\b|(?:the\\s+)?(?:last|previous|past) year\\b|a year (?:ago|earlier)\\b)`,
  ].join('|'),
  'gi',
);

/**
 * Years the question names only as the base of a change ("去年比前年增了多少" asks of 去年): a
 * report that states the change need not write the base year, so it does not decide coverage.
 */
export function comparisonBaseYears(question: string, docs: Doc[]): string[] {
  const rest = questionYears(question.replace(COMPARISON_BASE_RE, ' '), docs);
  return questionYears(question, docs).filter((y) => !rest.includes(y));
}

/** One key term per year, whose forms are the year written out and the documents' words for it. */
export function yearKeyTerms(years: string[], docs: Doc[]): KeyTerm[] {
  return years.map((year) => {
    const forms = new Set([`${year}年`]);
    for (const doc of docs) {
      const current = doc.years.current;
      if (current === null) continue;
      for (const [word, offset] of Object.entries(RELATIVE_YEAR_OFFSETS)) if (current + offset === Number(year)) forms.add(word);
    }
    return { source: `${year}年`, alternatives: [...forms], weight: YEAR_TERM_WEIGHT, specificity: 0, exact: true, year: Number(year) };
  });
}
