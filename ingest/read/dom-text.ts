/** The HTML parser (htmlparser2, imported only here) and helpers over its DOM, for the HTML and DOCX readers. */
import { isTag, isText, type AnyNode, type Document, type Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';

/**
 * A forgiving parse of an HTML page or fragment, entities decoded.
 * @example parseHtml('<p>&ldquo;十四五&rdquo;</p>').children[0] // <p> with the text '“十四五”'
 */
export function parseHtml(html: string): Document {
  return parseDocument(html, { decodeEntities: true });
}

/** Elements whose content is never report text. */
export const NON_TEXT_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'iframe', 'object', 'embed', 'svg', 'canvas',
  'button', 'select', 'option', 'textarea', 'input', 'map', 'audio', 'video',
]);

/** Elements that start a new line of text. */
export const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'blockquote', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'center', 'address',
  'figure', 'figcaption', 'pre', 'header', 'footer', 'nav', 'aside', 'form', 'table', 'tbody', 'thead', 'tfoot',
  'tr', 'td', 'th', 'caption', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'body', 'html',
]);

const CJK_CHAR = '[\\u2e80-\\u9fff\\uf900-\\ufaff\\u3000-\\u303f\\uff00-\\uffef]';
/** A line break in the HTML source between two CJK characters is no space in the text. */
const CJK_SOFT_BREAK_RE = new RegExp(`(${CJK_CHAR})[ \\t]*[\\r\\n][ \\t\\r\\n]*(?=${CJK_CHAR})`, 'g');

/** A text node's data with HTML white-space collapsing (no-break spaces kept until the line is trimmed). */
export function collapseWhitespace(data: string): string {
  return data.replace(CJK_SOFT_BREAK_RE, '$1').replace(/[ \t\n\r\f]+/g, ' ');
}

/** Trims a finished line: no-break and ideographic spaces at its ends (indentation) go, inner runs become one space. */
export function tidyLine(line: string): string {
  return line.replace(/\u00a0/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/** The collapsed text of a subtree with block boundaries as spaces (table cells, titles). */
export function flatText(node: AnyNode): string {
  const parts: string[] = [];
  const walk = (n: AnyNode) => {
    if (isText(n)) parts.push(collapseWhitespace(n.data));
    else if (isTag(n)) {
      if (NON_TEXT_TAGS.has(n.name)) return;
      const block = BLOCK_TAGS.has(n.name) || n.name === 'br';
      if (block) parts.push(' ');
      n.children.forEach(walk);
      if (block) parts.push(' ');
    } else if ('children' in n) n.children.forEach(walk);
  };
  walk(node);
  return tidyLine(parts.join(''));
}

/** Element children of a node. */
export function childElements(node: AnyNode): Element[] {
  return 'children' in node ? node.children.filter(isTag) : [];
}

/** Every element below `node` (document order) for which `keep` is true, not looking inside matches. */
export function findElements(node: AnyNode, keep: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  const walk = (n: AnyNode) => {
    for (const child of childElements(n)) {
      if (keep(child)) found.push(child);
      else walk(child);
    }
  };
  walk(node);
  return found;
}
