/**
 * HTML tables as Markdown pipe tables (header row, `| --- |` separator, one line per row), merged
 * cells repeated in every position they cover; tables used for page layout are told apart.
 */
import type { Element } from 'domhandler';
import { childElements, findElements, flatText } from './dom-text.js';

const MAX_SPAN = 50;
/** A cell this long is a page region, not a data cell. */
const MAX_DATA_CELL_CHARS = 1000;

/** The rows of a table (through thead/tbody/tfoot, not nested tables), each a list of cells. */
function tableRows(table: Element): Element[][] {
  const rows: Element[] = [];
  for (const child of childElements(table)) {
    if (child.name === 'tr') rows.push(child);
    else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') {
      rows.push(...childElements(child).filter((r) => r.name === 'tr'));
    }
  }
  return rows.map((row) => childElements(row).filter((c) => c.name === 'td' || c.name === 'th'));
}

/**
 * Whether a table lays out the page rather than holding data: one column, a table inside it, or a
 * cell with a page of text. Its cells are then read as ordinary blocks.
 */
export function isLayoutTable(table: Element): boolean {
  if (table.attribs.role === 'presentation') return true;
  const rows = tableRows(table);
  const cells = rows.flat();
  if (cells.length === 0) return true;
  if (Math.max(...rows.map((r) => r.length)) <= 1) return true;
  return cells.some((cell) => findElements(cell, (el) => el.name === 'table').length > 0 || flatText(cell).length > MAX_DATA_CELL_CHARS);
}

/**
 * The table's cell texts as a grid; a cell with colspan/rowspan is repeated in every slot it covers.
 * @example tableGrid(<tr><td rowspan=2>A</td><td>1</td></tr><tr><td>2</td></tr>) // -> [['A','1'],['A','2']]
 */
export function tableGrid(table: Element): string[][] {
  const grid: string[][] = [];
  tableRows(table).forEach((cells, r) => {
    const row = (grid[r] ??= []);
    let col = 0;
    for (const cell of cells) {
      while (row[col] !== undefined) col++;
      const text = flatText(cell);
      const colspan = spanOf(cell.attribs.colspan);
      const rowspan = spanOf(cell.attribs.rowspan);
      for (let dr = 0; dr < rowspan; dr++) {
        const target = (grid[r + dr] ??= []);
        for (let dc = 0; dc < colspan; dc++) target[col + dc] = text;
      }
      col += colspan;
    }
  });
  return grid.filter((row) => row.some((cell) => cell !== undefined && cell !== ''));
}

/**
 * A grid as Markdown table lines: the first row is the header; short rows are padded; cell text
 * has newlines as spaces and `|` escaped.
 * @example formatMarkdownTable([['指标', '2025年'], ['GDP', '62661']])
 * // -> ['| 指标 | 2025年 |', '| --- | --- |', '| GDP | 62661 |']
 */
export function formatMarkdownTable(grid: string[][]): string[] {
  if (grid.length === 0) return [];
  const width = Math.max(...grid.map((row) => row.length));
  const line = (row: string[]) => `| ${Array.from({ length: width }, (_, i) => escapeCell(row[i] ?? '')).join(' | ')} |`;
  const [header, ...body] = grid;
  return [line(header!), `| ${Array.from({ length: width }, () => '---').join(' | ')} |`, ...body.map(line)];
}

function escapeCell(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/\|/g, '\\|').trim();
}

function spanOf(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, MAX_SPAN) : 1;
}
