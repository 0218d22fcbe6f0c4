/**
 * The side panel showing one section: breadcrumb, text with the quoted sentence in a <mark>
 * scrolled into view, subsections and the section's figures.
 */
import { getJson } from './api.js';
import { append, breadcrumb, clear, h } from './dom.js';
import { t } from './i18n.js';
import { pinButton } from './pin-button.js';

/** Trims ellipses and Markdown bold markers that quotes may carry but section text lacks. */
function cleanQuote(quote) {
  return (quote ?? '').replace(/\*\*/g, '').replace(/^(…|\.\.\.)+|(…|\.\.\.)+$/g, '').trim();
}

/**
 * Finds `quote` in `text`, exactly or ignoring whitespace (page-break repairs and spacing around
 * numbers differ between the two); falls back to the quote's first 24 characters.
 * @returns {[number, number] | null} [start, end) in `text`
 */
export function locateQuote(text, quote) {
  const q = cleanQuote(quote);
  if (!q) return null;
  const exact = text.indexOf(q);
  if (exact !== -1) return [exact, exact + q.length];
  const positions = [];
  let squeezed = '';
  for (let i = 0; i < text.length; i += 1) {
    if (/\s/.test(text[i])) continue;
    squeezed += text[i];
    positions.push(i);
  }
  const needle = q.replace(/\s+/g, '');
  for (const probe of [needle, needle.slice(0, 24)]) {
    if (probe.length < 4) continue;
    const at = squeezed.indexOf(probe);
    if (at !== -1) return [positions[at], positions[at + probe.length - 1] + 1];
  }
  return null;
}

/** Paragraph elements for `text`, with [start, end) wrapped in <mark>. */
function paragraphs(text, range) {
  const out = [];
  for (const m of text.matchAll(/[^\n]+/g)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!range || range[1] <= start || range[0] >= end) {
      out.push(h('p', {}, m[0]));
      continue;
    }
    const a = Math.max(range[0], start) - start;
    const b = Math.min(range[1], end) - start;
    out.push(h('p', {}, m[0].slice(0, a), h('mark', {}, m[0].slice(a, b)), m[0].slice(b)));
  }
  return out;
}

/**
 * @param {{ root: HTMLElement, body: HTMLElement, titleOf: (id: string) => string | undefined,
 *           onPinFigure: (figure: object) => void }} options
 */
export function createPanel({ root, body, titleOf, onPinFigure }) {
  let current = 0;

  function close() {
    root.hidden = true;
    document.body.classList.remove('panel-open');
  }

  function render(section, quote) {
    const text = section.text.replace(/\*\*/g, '');
    const range = quote ? locateQuote(text, quote) : null;
    const heading = h('h2', { class: 'panel-title', tabindex: '-1' }, section.title);
    append(clear(body), [
      h('div', { class: 'panel-doc' }, section.docTitle),
      h('nav', { class: 'panel-crumbs', 'aria-label': 'breadcrumb' }, breadcrumb(section.path)),
      heading,
      quote && !range ? h('p', { class: 'notice' }, t('quoteNotFound')) : null,
      quote && !range ? h('blockquote', { class: 'quote' }, cleanQuote(quote)) : null,
      h('div', { class: 'section-text' }, paragraphs(text, range)),
      section.childIds.length > 0
        ? h('div', { class: 'panel-block' }, h('h3', {}, t('subsections')), h('ul', { class: 'link-list' }, section.childIds.map((id) =>
            h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => open(id) }, titleOf(id) ?? id)))))
        : null,
      section.figures.length > 0
        ? h('div', { class: 'panel-block' }, h('h3', {}, t('sectionFigures')), h('ul', { class: 'figure-list' }, section.figures.map((f) =>
            h('li', {},
              h('span', { class: 'figure-value' }, `${f.value}${f.unit}`),
              h('span', { class: 'figure-label' }, f.label),
              pinButton({ label: f.label, onPin: () => onPinFigure(f) })))))
        : null,
    ]);
    heading.focus({ preventScroll: true });
    const mark = body.querySelector('mark');
    if (mark) mark.scrollIntoView({ block: 'center' });
    else body.scrollTop = 0;
  }

  /** Opens section `sectionId`, highlighting `quote` when given. */
  async function open(sectionId, quote) {
    const ticket = ++current;
    root.hidden = false;
    document.body.classList.add('panel-open');
    clear(body).append(h('p', { class: 'muted' }, t('loading')));
    try {
      const section = await getJson(`/api/sections/${encodeURIComponent(sectionId)}`);
      if (ticket === current) render(section, quote);
    } catch (error) {
      if (ticket === current) clear(body).append(h('p', { class: 'error-text', role: 'alert' }, error.message || t('errorTitle')));
    }
  }

  return { open, close };
}
