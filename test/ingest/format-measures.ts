/**
 * Measures of how faithfully a reader kept a report: the outline the parser finds, and the share of
 * the source's characters that the extracted text keeps in the same order.
 */
import { parseDocument } from '../../ingest/parse/parse-document.js';

/** Section titles with their depths, in order (the preamble left out): "2 （一）主要指标完成情况". */
export function outlineOf(text: string, sourcePath = 'report.txt'): string[] {
  return parseDocument(text, sourcePath)
    .sections.filter((s) => s.section.kind !== 'preamble')
    .map((s) => `${s.section.depth} ${s.section.title}`);
}

/**
 * The length of the longest common subsequence of two sequences by Myers' O((N+M)·D) diff, or null
 * when they differ by more than `maxEdits` insertions and deletions.
 */
export function lcsLength<T>(a: ArrayLike<T>, b: ArrayLike<T>, maxEdits = a.length + b.length): number | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(maxEdits, n + m);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return (n + m - d) / 2;
    }
  }
  return null;
}

/**
 * The share of `source`'s characters (whitespace removed) that `extracted` holds in the same order.
 * Extra text in `extracted` (a `#` mark, a table) does not lower it.
 * @example orderedCharRatio('一、总体 正文。', '# 一、总体\n\n正文。') // -> 1
 */
export function orderedCharRatio(source: string, extracted: string): number {
  const a = [...source.replace(/\s+/g, '')];
  const b = [...extracted.replace(/\s+/g, '')];
  if (a.length === 0) return 1;
  const maxEdits = Math.ceil((a.length + b.length) * 0.2);
  const common = lcsLength(a, b, maxEdits);
  // Past the edit budget the ratio is below this bound, which is far below any passing mark.
  return (common ?? (a.length + b.length - maxEdits) / 2) / a.length;
}

/** The share of `expected` entries that `actual` has in the same order. */
export function outlineAgreement(expected: string[], actual: string[]): number {
  return expected.length === 0 ? 1 : (lcsLength(expected, actual) ?? 0) / expected.length;
}
