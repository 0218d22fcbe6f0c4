/**
 * Tables read as sentences: each body row becomes "行标签：列1 值1；列2 值2。", so that it can be
 * retrieved, quoted and have its figures labelled by its row and column like any other sentence.
 * @example rowSentence(['指标', '2020年', '2025年', '属性'], ['地区生产总值年均增长（%）', '6.3', '6左右', '预期性'])
 * // -> '地区生产总值年均增长（%）：2020年 6.3；2025年 6左右；属性 预期性。'
 */
import type { TextBuilder } from './text-builder.js';

/** Where a row's sentence sits in its section's text, with the labels its figures take. */
export interface TableRowSpan {
  start: number;
  end: number;
  /** The row's first cell, e.g. "地区生产总值年均增长（%）". */
  label: string;
  /** Column headings of the other cells, in order. */
  columns: string[];
  cells: string[];
}

export interface TableLine {
  start: number;
  raw: string;
  cells: string[];
}

/** Appends the rows of one table (its first line is the header) to `builder`; returns their spans. */
export function appendTableRows(builder: TextBuilder, lines: TableLine[]): TableRowSpan[] {
  const [header, ...body] = lines.filter((line) => line.cells.length > 0);
  if (!header) return [];
  const columns = header.cells.slice(1);
  const rows: TableRowSpan[] = [];
  for (const row of body) {
    const [label = '', ...cells] = row.cells;
    if (!cells.some((c) => c)) continue;
    if (builder.length > 0) builder.appendSynthetic('\n', row.start);
    const start = builder.length;
    let cursor = 0;
    const appendCell = (cell: string) => {
      const at = row.raw.indexOf(cell, cursor);
      if (at >= 0) cursor = at + cell.length;
      if (at >= 0 && cell) builder.appendSource(cell, row.start + at);
      else builder.appendSynthetic(cell, row.start);
    };
    appendCell(label);
    builder.appendSynthetic('：', row.start);
    let first = true;
    cells.forEach((cell, i) => {
      if (!cell) return;
      const column = columns[i] ?? '';
      if (!first) builder.appendSynthetic('；', row.start);
      first = false;
      if (column) builder.appendSynthetic(`${column} `, row.start);
      appendCell(cell);
    });
    // The closing stop stands for the row's end, so that the passage spans the whole source row.
    builder.appendSynthetic('。', row.start + Math.max(0, row.raw.trimEnd().length - 1));
    rows.push({ start, end: builder.length, label, columns, cells });
  }
  return rows;
}
