/** The Browse tab: each document's outline as navigation, and a figure table filtered as you type. */
import { getJson } from './api.js';
import { clear, h, pathText } from './dom.js';
import { t } from './i18n.js';
import { pinButton } from './pin-button.js';

/**
 * @param {{ outlineEl: HTMLElement, filterEl: HTMLInputElement, tableBody: HTMLElement, countEl: HTMLElement,
 *           openSection: (id: string, quote?: string) => void, onPinFigure: (figure: object) => void,
 *           onAuthNeeded: () => void, onRemove?: (doc: object) => void }} options
 */
export function createBrowse({ outlineEl, filterEl, tableBody, countEl, openSection, onPinFigure, onAuthNeeded, onRemove }) {
  const titles = new Map();
  let documents = null;
  let figureRequest = null;
  let timer = 0;

  function outlineList(nodes) {
    return h('ul', { class: 'outline' }, nodes.map((node) => {
      titles.set(node.id, node.title);
      return h('li', {},
        h('button', { type: 'button', class: 'outline-link', onclick: () => openSection(node.id) }, node.title),
        node.children.length > 0 ? outlineList(node.children) : null);
    }));
  }

  /** "宁波市江北区 · 中期评估 · 2021–2025 · MARKDOWN": what the report says of itself. */
  function docFacts(doc) {
    const span = (y) => (y ? (y[0] === y[1] ? String(y[0]) : `${y[0]}–${y[1]}`) : null);
    const years = [span(doc.years?.reviewed), span(doc.years?.planned)].filter(Boolean).join(' / ') || doc.date || '';
    return t('docFacts', {
      region: doc.region ?? '—',
      kind: t(`kind_${String(doc.kind ?? 'other').replace(/-/g, '_')}`),
      years,
      format: String(doc.format ?? '').toUpperCase(),
    });
  }

  function renderDocuments() {
    if (!documents) return;
    clear(outlineEl);
    if (documents.length === 0) outlineEl.append(h('p', { class: 'muted' }, t('noDocuments')));
    for (const { doc, outline } of documents) {
      outlineEl.append(h('section', { class: 'doc-outline' },
        h('div', { class: 'doc-head' },
          h('h3', { class: 'doc-title' }, doc.title),
          onRemove ? h('button', { type: 'button', class: 'btn btn-quiet doc-remove', 'data-remove': doc.id, onclick: () => onRemove(doc) }, t('removeDoc')) : null),
        h('p', { class: 'doc-meta doc-facts' }, docFacts(doc)),
        h('p', { class: 'doc-meta' }, t('docMeta', { s: doc.sections, p: doc.passages, f: doc.figures })),
        outline ? outlineList(outline) : null));
    }
  }

  async function loadDocuments() {
    try {
      const { documents: docs } = await getJson('/api/documents');
      documents = await Promise.all(docs.map(async (doc) => {
        try {
          return { doc, outline: (await getJson(`/api/documents/${encodeURIComponent(doc.id)}/outline`)).outline };
        } catch {
          return { doc, outline: null };
        }
      }));
      renderDocuments();
    } catch (error) {
      clear(outlineEl).append(h('p', { class: 'error-text' }, error.message));
      if (error.code === 'UNAUTHORIZED') onAuthNeeded();
    }
  }

  function renderFigures(figures) {
    clear(tableBody);
    countEl.textContent = String(figures.length);
    if (figures.length === 0) {
      tableBody.append(h('tr', {}, h('td', { colspan: '4', class: 'muted' }, t('noFigures'))));
      return;
    }
    for (const f of figures) {
      tableBody.append(h('tr', {},
        h('td', { class: 'fig-label' }, h('div', {}, f.label), h('div', { class: 'fig-sentence' }, f.sentence)),
        h('td', { class: 'fig-value' }, f.qualifier ? h('span', { class: 'qualifier' }, f.qualifier) : null, `${f.value}${f.unit}`),
        h('td', { class: 'fig-section' },
          h('button', { type: 'button', class: 'link', title: pathText(f.sectionPath), onclick: () => openSection(f.sectionId, f.sentence) },
            f.sectionPath[f.sectionPath.length - 1] ?? f.sectionId)),
        h('td', { class: 'fig-actions' },
          pinButton({ label: f.label, onPin: () => onPinFigure(f) }))));
    }
  }

  async function loadFigures() {
    figureRequest?.abort();
    figureRequest = new AbortController();
    const q = filterEl.value.trim();
    const params = new URLSearchParams({ limit: '200' });
    if (q) params.set('q', q);
    try {
      const { figures } = await getJson(`/api/figures?${params}`, figureRequest.signal);
      renderFigures(figures);
    } catch (error) {
      if (error.name !== 'AbortError') {
        clear(tableBody).append(h('tr', {}, h('td', { colspan: '4', class: 'error-text' }, error.message)));
      }
    }
  }

  filterEl.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(loadFigures, 180);
  });

  let loaded = false;
  return {
    /** Loads on first show, so the chat page does not pay for it. */
    show() {
      if (loaded) return;
      loaded = true;
      loadFigures();
    },
    loadDocuments,
    refresh: () => {
      renderDocuments();
      if (loaded) loadFigures();
    },
    titleOf: (id) => titles.get(id),
  };
}
