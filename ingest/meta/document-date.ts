/** The date a report gives itself, from its occasion line or a date line, to the precision written. */
import { arabicizeDates } from './chinese-numerals.js';
import type { ReportHeader } from './header.js';

export interface DocumentDate {
  year: number;
  month: number | null;
  day: number | null;
}

const DATE_RE = /(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?|(\d{4})[-./](\d{1,2})(?:[-./](\d{1,2}))?/;
const MIN_YEAR = 1949;
const MAX_YEAR = 2100;

/**
 * The first well-formed date of the occasion line, else of the date lines.
 * @example readDocumentDate({ occasion: '——二〇二六年一月二十七日在甘肃省…会议上', dateLines: [] , … })
 * // -> { year: 2026, month: 1, day: 27 }
 */
export function readDocumentDate(header: Pick<ReportHeader, 'occasion' | 'dateLines'>): DocumentDate | null {
  for (const line of [header.occasion, ...header.dateLines]) {
    const date = line ? parseDate(line) : null;
    if (date) return date;
  }
  return null;
}

function parseDate(line: string): DocumentDate | null {
  const m = DATE_RE.exec(arabicizeDates(line));
  if (!m) return null;
  const year = Number(m[1] ?? m[4]);
  const month = m[2] ?? m[5] ? Number(m[2] ?? m[5]) : null;
  const day = m[3] ?? m[6] ? Number(m[3] ?? m[6]) : null;
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && (day < 1 || day > 31)) return { year, month, day: null };
  return { year, month, day };
}

/**
 * The ISO form of a date to its precision.
 * @example formatIsoDate({ year: 2023, month: 11, day: null }) // -> '2023-11'
 */
export function formatIsoDate(date: DocumentDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (date.month === null) return String(date.year);
  return date.day === null ? `${date.year}-${pad(date.month)}` : `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}
