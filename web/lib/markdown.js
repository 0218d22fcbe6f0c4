/**
 * The answers' limited Markdown, built with DOM nodes only: paragraphs, `- ` bullet lists, `1. `
 * numbered lists, `#` headings, `> ` quotes (a `> — ` line names the quote's source), **bold**,
 * and [n] citation markers as clickable chips.
 * Figure values named in the answer's figures are highlighted.
 */
import { h } from './dom.js';

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A citation chip: a button showing n that opens the cited section. */
export function citationChip(citation, onCite) {
  const path = (citation.sectionPath ?? []).join(' › ');
  return h(
    'button',
    {
      type: 'button',
      class: 'cite-chip',
      title: path,
      'aria-label': `[${citation.n}] ${path}`,
      onclick: () => onCite?.(citation),
    },
    String(citation.n),
  );
}

function highlightFigures(text, figurePattern) {
  if (!figurePattern) return [text];
  const out = [];
  let last = 0;
  for (const m of text.matchAll(figurePattern)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push(h('span', { class: 'fig-hl' }, m[0]));
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

function renderInline(text, ctx) {
  const out = [];
  const pattern = /\*\*(.+?)\*\*|\[(\d{1,3})\]/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) out.push(...highlightFigures(text.slice(last, m.index), ctx.figurePattern));
    if (m[1] !== undefined) {
      out.push(h('strong', {}, renderInline(m[1], ctx)));
    } else {
      const citation = ctx.byNumber.get(Number(m[2]));
      out.push(citation ? citationChip(citation, ctx.onCite) : m[0]);
    }
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(...highlightFigures(text.slice(last), ctx.figurePattern));
  return out;
}

function withBreaks(lines, ctx) {
  return lines.flatMap((line, i) => (i === 0 ? renderInline(line, ctx) : [h('br'), ...renderInline(line, ctx)]));
}

/**
 * Renders `text` into a container element.
 * @param {string} text
 * @param {{ citations?: Array<{n:number, sectionPath:string[]}>, figures?: Array<{text:string}>, onCite?: Function }} options
 */
export function renderMarkdown(text, options = {}) {
  const texts = (options.figures ?? []).map((f) => f.text).filter((s) => s && s.trim().length > 1);
  texts.sort((a, b) => b.length - a.length);
  const ctx = {
    byNumber: new Map((options.citations ?? []).map((c) => [c.n, c])),
    figurePattern: texts.length > 0 ? new RegExp(texts.map(escapeRegExp).join('|'), 'g') : null,
    onCite: options.onCite,
  };
  const root = h('div', { class: 'md' });
  let paragraph = [];
  let list = null;
  let quote = null;
  const flush = () => {
    if (paragraph.length > 0) root.append(h('p', {}, withBreaks(paragraph, ctx)));
    paragraph = [];
    list = null;
    quote = null;
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const bullet = /^[-*•·]\s+(.*)$/.exec(line);
    const numbered = /^(\d{1,2})[.)]\s+(.*)$/.exec(line);
    const heading = /^#{1,4}\s+(.*)$/.exec(line);
    const quoted = /^>\s?(.*)$/.exec(line);
    if (line === '') {
      flush();
    } else if (quoted) {
      if (!quote) {
        flush();
        quote = h('blockquote');
        root.append(quote);
      }
      const source = /^—\s*(.*)$/.exec(quoted[1]);
      quote.append(source ? h('div', { class: 'quote-source' }, source[1]) : h('p', {}, renderInline(quoted[1], ctx)));
    } else if (bullet || numbered) {
      const tag = bullet ? 'ul' : 'ol';
      if (paragraph.length > 0) flush();
      if (!list || list.tagName.toLowerCase() !== tag) {
        list = h(tag);
        root.append(list);
      }
      list.append(h('li', {}, renderInline(bullet ? bullet[1] : numbered[2], ctx)));
    } else if (heading) {
      flush();
      root.append(h('h4', {}, renderInline(heading[1], ctx)));
    } else {
      list = null;
      paragraph.push(line);
    }
  }
  flush();
  return root;
}
