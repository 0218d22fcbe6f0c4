/**
 * Renders an HTML tree as report text: each block (p, div, li, br-separated line) one paragraph line,
 * h1–h6 as `#` lines, data tables as Markdown tables, blocks separated by blank lines.
 */
import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import { BLOCK_TAGS, collapseWhitespace, flatText, NON_TEXT_TAGS, tidyLine } from './dom-text.js';
import { formatMarkdownTable, isLayoutTable, tableGrid } from './html-table.js';

const HEADING_RE = /^h([1-6])$/;
/** A footnote marker the parser knows: `<sup>1</sup>` stays markup so that it is not glued onto a number. */
const FOOTNOTE_RE = /^\s*(\d{1,3})\s*$/;

/** Collects paragraph lines and table blocks; consecutive inline text forms one line. */
class ReportWriter {
  readonly blocks: string[] = [];
  private inline = '';

  text(s: string): void {
    this.inline += s;
  }

  endLine(): void {
    const line = tidyLine(this.inline);
    this.inline = '';
    if (line) this.blocks.push(line);
  }

  block(text: string): void {
    this.endLine();
    if (text) this.blocks.push(text);
  }
}

/**
 * The report text of an HTML tree.
 * @example renderReportText(parseDocument('<h2>一、总体</h2><p>正文。<br>第二段。</p>'))
 * // -> '## 一、总体\n\n正文。\n\n第二段。'
 */
export function renderReportText(root: AnyNode): string {
  const writer = new ReportWriter();
  renderNode(root, writer);
  writer.endLine();
  return writer.blocks.join('\n\n');
}

function renderNode(node: AnyNode, writer: ReportWriter): void {
  if (isText(node)) {
    writer.text(collapseWhitespace(node.data));
    return;
  }
  if (!isTag(node)) {
    if ('children' in node) node.children.forEach((c) => renderNode(c, writer));
    return;
  }
  renderElement(node, writer);
}

function renderElement(el: Element, writer: ReportWriter): void {
  if (NON_TEXT_TAGS.has(el.name)) return;
  const heading = HEADING_RE.exec(el.name);
  if (heading) {
    const title = flatText(el);
    if (title) writer.block(`${'#'.repeat(Number(heading[1]))} ${title}`);
    return;
  }
  if (el.name === 'br') return writer.endLine();
  if (el.name === 'table' && !isLayoutTable(el)) return writer.block(formatMarkdownTable(tableGrid(el)).join('\n'));
  if (el.name === 'sup') {
    const footnote = FOOTNOTE_RE.exec(flatText(el));
    if (footnote) return writer.text(`<sup>${footnote[1]}</sup>`);
  }
  const block = BLOCK_TAGS.has(el.name);
  if (block) writer.endLine();
  el.children.forEach((c) => renderNode(c, writer));
  if (block) writer.endLine();
}
