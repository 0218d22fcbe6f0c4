/**
 * Drops what a PDF repeats on every page rather than says once: running headers and footers (the
 * same line at the top or bottom of most pages, compared with digits masked so "1/25" and "2/25"
 * match — Chromium prints the date and page title above, the file URL and "1/25" below), and
 * page-number lines ("- 3 -", "第 3 页", "第3页 共25页", a lone number) at a page's top or bottom.
 */
import type { PdfLine } from './pdf-lines.js';

/** How many lines at the top and at the bottom of a page can be header or footer. */
const BAND_LINES = 2;
/** A line in the band of at least this share of the pages (and two pages at least) is running text. */
const RUNNING_SHARE = 0.5;
const PAGE_NUMBER_RES = [
  /^[-—–－~～]?\s*\d{1,4}\s*[-—–－~～]?$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/,
  /^第\s*\d{1,4}\s*页\s*[,，/]?\s*(?:共\s*\d{1,4}\s*页)?$/,
  /^共\s*\d{1,4}\s*页\s*[,，/]?\s*第\s*\d{1,4}\s*页$/,
  /^(?:page\s*)?\d{1,4}\s*(?:of|\/)\s*\d{1,4}$/i,
  /^page\s*\d{1,4}$/i,
];
/** A date, time or URL: what a browser's print header and footer carry. */
const PRINT_STAMP_RE = /\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\d{1,2}:\d{2}|(?:file|https?):\/\//i;
/** Header and footer type is smaller than the body's. */
const SMALL_TYPE_SHARE = 0.85;

/** The line's text with digits masked and spaces removed, the form repeated headers share. */
function maskKey(line: PdfLine): string {
  return line.text.replace(/\d+/g, '#').replace(/\s+/g, '');
}

/**
 * Whether a line is only a page number.
 * @example isPageNumberLine('第3页 共25页') // -> true
 */
export function isPageNumberLine(text: string): boolean {
  const t = text.trim();
  return PAGE_NUMBER_RES.some((re) => re.test(t));
}

/**
 * The pages' lines without running headers, footers and page numbers.
 * @example dropRunningLines([[header, ...body1, footer1], [header, ...body2, footer2]]) // -> [body1, body2]
 */
export function dropRunningLines(pages: PdfLine[][], bodySize: number): PdfLine[][] {
  const bandIndexes = (lines: PdfLine[]) => {
    const top = Array.from({ length: Math.min(BAND_LINES, lines.length) }, (_, i) => i);
    const bottom = top.map((i) => lines.length - 1 - i).filter((i) => i >= BAND_LINES);
    return [...top, ...bottom];
  };
  const pagesWithKey = new Map<string, number>();
  for (const lines of pages) {
    for (const key of new Set(bandIndexes(lines).map((i) => maskKey(lines[i]!)))) pagesWithKey.set(key, (pagesWithKey.get(key) ?? 0) + 1);
  }
  const minPages = Math.max(2, Math.ceil(pages.length * RUNNING_SHARE));
  return pages.map((lines) => {
    const drop = new Set(
      bandIndexes(lines).filter((i) => {
        const line = lines[i]!;
        if (isPageNumberLine(line.text)) return true;
        if ((pagesWithKey.get(maskKey(line)) ?? 0) >= minPages) return true;
        return line.size < bodySize * SMALL_TYPE_SHARE && PRINT_STAMP_RE.test(line.text);
      }),
    );
    return lines.filter((_, i) => !drop.has(i));
  });
}
