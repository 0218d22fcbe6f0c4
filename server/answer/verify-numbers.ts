/** The trust rule: every number in an answer must appear verbatim in one of its cited quotes. */
import { escapeRegExp, normalizeForMatch } from '../../ingest/text/normalize.js';

/** Numbers written in an answer; citation markers [n] and source lines ("> — 一、… › 1.…") excluded. */
export function numbersIn(answer: string): string[] {
  const withoutMarkers = answer.replace(/^> — .*$/gm, ' ').replace(/\[\d+\]/g, ' ');
  return withoutMarkers.match(/\d+(?:[.:：]\d+)*/g) ?? [];
}

/** The numbers of `answer` that no quote contains (empty when the answer can be trusted). */
export function unsupportedNumbers(answer: string, quotes: string[]): string[] {
  const haystack = quotes.map(normalizeForMatch).join('\n');
  return numbersIn(answer).filter((n) => !containsNumber(haystack, n));
}

/** "3.39" is in "3.39%" but "3" is not in "13" or "3.39": the match must not extend a longer number. */
function containsNumber(haystack: string, number: string): boolean {
  return new RegExp(`(?<![\\d.])${escapeRegExp(number)}(?![\\d]|\\.\\d)`).test(haystack);
}
