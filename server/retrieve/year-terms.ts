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

/** "than the year before": a year relative to another the question names, so only ever a comparison's base. */
const ENGLISH_RELATIVE_BASE_RE = /\b(?:year before|prior year|preceding year|year earlier)\b/i;

/** The words of the question's English year phrases ("last", "year"), which name no concept of their own. */
export function englishYearWords(question: string): Set<string> {
  const words = new Set<string>();
  for (const re of [...ENGLISH_RELATIVE.map(([re]) => re), ENGLISH_RELATIVE_BASE_RE]) {
    for (const w of re.exec(question)?.[0].toLowerCase().split(/\s+/) ?? []) words.add(w);
  }
  return words;
}

/**
 * "安徽25年粮食总产量": a two-digit year as people type it. Not a span ("25年来", "连续25年",
 * "这25年间") nor a decade ("90年代"), and only near the documents' own years.
 */
const SHORT_YEAR_RE = /(?<![\d.第近连续过去这那每约超多前后用花历隔])(\d{2})(?=\s*年(?![来以间内里代]|时间|左右))/g;
/** How far from a document's own year a two-digit year is read as a calendar year. */
const SHORT_YEAR_REACH = { before: 15, after: 10 };

/** The question with its two-digit years written out ("25年" -> "2025年") where the documents make them plausible. */
export function writeShortYearsOut(question: string, docs: Doc[]): string {
  const currents = docs.map((d) => d.years.current).filter((y): y is number => y !== null);
  const plausible = (year: number) =>
    currents.length ? currents.some((c) => year >= c - SHORT_YEAR_REACH.before && year <= c + SHORT_YEAR_REACH.after) : year >= 2000 && year < 2040;
  return question.replace(SHORT_YEAR_RE, (digits) => (plausible(2000 + Number(digits)) ? `20${digits}` : digits));
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
/** "比前年", "较上年", "与2024年相比", "than in 2024", "compared with last year", "over 2020": the year a change is measured from. */
const COMPARISON_BASE_RE = new RegExp(
  [
    `(?:比|较|同比|相比于?|对比)\\s*${YEAR_WORD}`,
    `与\\s*${YEAR_WORD}\\s*(?:相比|比较)`,
    `\\b(?:than|compared (?:with|to)|versus|vs\\.?)\\s+(?:in\\s+)?(?:(?:19|20)\\d{2}\\b|(?:the\\s+)?(?:last|previous|past) year\\b|a year (?:ago|earlier)\\b|the (?:year before|prior year|preceding year|year earlier)\\b)`,
    // "an increase over 2020", but not "over 2021-2025", a span.
    `\\bover\\s+(?:19|20)\\d{2}\\b(?!\\s*[-–—~]\\s*\\d)`,
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
