/**
 * Figures of a table row: each cell's value, labelled by its row and column
 * ("地区生产总值年均增长（%）" × "2025年" -> label "地区生产总值年均增长（2025年）", value 6, unit %).
 * A cell without a unit takes the one its row or column heading gives in brackets.
 */
import type { FigureKind, TableRow } from '../schema.js';
import { matchValues, type ValueMatch } from './value-patterns.js';

/** "地区生产总值（亿元）" -> unit "亿元", name "地区生产总值". */
const BRACKETED_UNIT_RE = /[（(]\s*(%|％|‰|[\u4e00-\u9fff/]{1,8}|[A-Za-z/²³]{1,8})\s*[）)]\s*$/;
const PERCENT_UNITS = new Set(['%', '％', '‰', '个百分点']);

export interface RowFigureDraft {
  match: ValueMatch;
  label: string;
  /** Offset of the cell in the row's text. */
  cellStart: number;
}

/** The labelled values of one row whose text is `text` (the row read as a sentence). */
export function extractRowFigures(text: string, row: TableRow): RowFigureDraft[] {
  const rowHeading = splitUnit(row.label);
  const drafts: RowFigureDraft[] = [];
  let cursor = text.indexOf('：') + 1;
  row.cells.forEach((cell, i) => {
    if (!cell) return;
    const at = text.indexOf(cell, cursor);
    if (at < 0) return;
    cursor = at + cell.length;
    const values = matchValues(cell);
    const bare = values.length === 0 ? bareNumber(cell) : null;
    if (bare) values.push(bare);
    if (values.length !== 1) return;
    const column = splitUnit(row.columns[i] ?? '');
    const value = values[0]!;
    const unit = value.unit || rowHeading.unit || column.unit;
    if (!value.unit && !unit && !/\d/.test(value.value)) return;
    const label = column.name ? `${rowHeading.name}（${column.name}）` : rowHeading.name;
    drafts.push({ match: { ...value, unit, kind: value.unit ? value.kind : kindOfUnit(unit) }, label, cellStart: at });
  });
  return drafts;
}

/** A table cell that is only a number ("50", "6左右", "≥95"): prose needs a unit, a cell does not. */
const BARE_NUMBER_RE = /^(约|近|超过|超|不低于|不少于|≥|>|＞|≤|<|＜)?\s*(-?\d+(?:[.．]\d+)?)\s*(左右|以上|以内|以下|及以上)?$/;

function bareNumber(cell: string): ValueMatch | null {
  const m = BARE_NUMBER_RE.exec(cell.trim());
  if (!m || /^(19|20)\d\d$/.test(m[2]!)) return null;
  const start = cell.indexOf(m[2]!);
  const approx = [m[1], m[3]].filter(Boolean).join('') || null;
  return { start, end: cell.trimEnd().length, value: m[2]!.replace('．', '.'), unit: '', kind: 'quantity', number: Number(m[2]!.replace('．', '.')), approx };
}

function splitUnit(heading: string): { name: string; unit: string } {
  const m = BRACKETED_UNIT_RE.exec(heading);
  return m ? { name: heading.slice(0, m.index).trim(), unit: m[1]! } : { name: heading.trim(), unit: '' };
}

function kindOfUnit(unit: string): FigureKind {
  if (PERCENT_UNITS.has(unit)) return 'percent';
  return /^(个|项|家|户|人|名|所|条|座|次)$/.test(unit) ? 'count' : 'quantity';
}
