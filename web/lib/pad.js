/**
 * The briefing pad: pinned answers and figures with their citations, reordered with buttons,
 * exported as Markdown (clipboard or .md download) or as a Word file made by the server, kept in localStorage.
 */
import { ApiError, postForBlob } from './api.js';
import { breadcrumb, clear, h, pathText } from './dom.js';
import { currentLang, t } from './i18n.js';
import { renderMarkdown } from './markdown.js';
import { load, save } from './store.js';

const KEY = 'pad';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** The bounds of the server's BriefPadItemSchema: an item past them would refuse the whole file. */
const MAX_ITEMS = 100;
const MAX_TEXT_CHARS = 20_000;
const MAX_CITATIONS = 50;

/** crypto.randomUUID needs a secure context; the page may be served over plain http on a LAN. */
const newId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

const toCitation = (c) => ({ n: c.n, sectionId: c.sectionId, sectionPath: c.sectionPath, quote: c.quote });

/** A pad item from a finished answer: the question, the answer text, the citations it uses. */
export function itemFromAnswer(response) {
  return {
    id: newId(),
    kind: 'answer',
    title: response.question,
    text: response.answer,
    citations: response.citations.map(toCitation),
  };
}

/** A pad item from a figure: its label, value and the sentence it comes from. */
export function itemFromFigure(figure) {
  return {
    id: newId(),
    kind: 'figure',
    title: figure.label,
    text: `${figure.label}: **${figure.value}${figure.unit}** [1]`,
    citations: [{ n: 1, sectionId: figure.sectionId, sectionPath: figure.sectionPath, quote: figure.sentence }],
  };
}

/** The whole pad as Markdown: one numbered heading per item, its text, then its sources. */
export function padMarkdown(items, date = new Date()) {
  const lines = [`# ${t('briefingHeading')} — ${date.toISOString().slice(0, 10)}`, ''];
  items.forEach((item, i) => {
    lines.push(`## ${i + 1}. ${item.title}`, '', item.text.trim(), '');
    if (item.citations.length > 0) {
      lines.push(`${t('sourcesHeading')}:`, '');
      for (const c of item.citations) lines.push(`- [${c.n}] ${pathText(c.sectionPath)} — “${c.quote}”`);
      lines.push('');
    }
  });
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The pad's items as POST /api/brief takes them (BriefPadItemSchema). */
export function briefRequestItems(items) {
  return items.slice(0, MAX_ITEMS).map((item) => ({
    title: item.title,
    text: item.text.slice(0, MAX_TEXT_CHARS),
    citations: item.citations.slice(0, MAX_CITATIONS).map(toCitation),
  }));
}

/** `简报-2026-12-01.docx` or `briefing-2026-12-01.docx`, by the interface language. */
function fileName(extension, date = new Date()) {
  return `${currentLang() === 'zh' ? '简报' : 'briefing'}-${date.toISOString().slice(0, 10)}.${extension}`;
}

/** Saves a blob through a temporary link, as a download named `name`. */
function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, class: 'visually-hidden' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * @param {{ list: HTMLElement, empty: HTMLElement, badge: HTMLElement, status: HTMLElement,
 *           openSection: (id: string, quote?: string) => void, docxButton?: HTMLElement | null }} options
 */
export function createPad({ list, empty, badge, status, openSection, docxButton = document.getElementById('pad-docx') }) {
  let items = load(KEY, []);
  if (!Array.isArray(items)) items = [];

  function persist() {
    save(KEY, items);
  }

  /** Status for screen readers; an error is shown on the page as well. */
  function announce(message, { error = false } = {}) {
    status.textContent = message;
    status.classList.toggle('visually-hidden', !error);
    status.classList.toggle('pad-error', error);
  }

  function move(index, delta, focusClass) {
    const to = index + delta;
    if (to < 0 || to >= items.length) return;
    [items[index], items[to]] = [items[to], items[index]];
    persist();
    render();
    // Keep the keyboard where it was: on the same button of the moved item.
    const button = list.children[to]?.querySelector(`.${focusClass}`);
    (button && !button.disabled ? button : list.children[to]?.querySelector('button'))?.focus();
  }

  function remove(index) {
    items.splice(index, 1);
    persist();
    render();
    (list.children[Math.min(index, items.length - 1)]?.querySelector('.remove-btn'))?.focus();
  }

  function itemView(item, index) {
    const cite = (c) => openSection(c.sectionId, c.quote);
    return h('li', { class: 'pad-item' },
      h('div', { class: 'pad-item-head' },
        h('span', { class: 'pad-index' }, String(index + 1)),
        h('span', { class: `kind kind-${item.kind}` }, item.kind === 'answer' ? t('kindAnswer') : t('kindFigure')),
        h('h3', { class: 'pad-item-title' }, item.title),
        h('div', { class: 'pad-controls' },
          h('button', { type: 'button', class: 'icon-btn up-btn', 'aria-label': `${t('moveUp')}: ${item.title}`, title: t('moveUp'), disabled: index === 0, onclick: () => move(index, -1, 'up-btn') }, '↑'),
          h('button', { type: 'button', class: 'icon-btn down-btn', 'aria-label': `${t('moveDown')}: ${item.title}`, title: t('moveDown'), disabled: index === items.length - 1, onclick: () => move(index, 1, 'down-btn') }, '↓'),
          h('button', { type: 'button', class: 'icon-btn remove-btn', 'aria-label': `${t('remove')}: ${item.title}`, title: t('remove'), onclick: () => remove(index) }, '✕'))),
      renderMarkdown(item.text, { citations: item.citations, onCite: cite }),
      item.citations.length > 0
        ? h('ol', { class: 'source-list' }, item.citations.map((c) =>
            h('li', {},
              h('button', { type: 'button', class: 'cite-chip', 'aria-label': `[${c.n}] ${pathText(c.sectionPath)}`, onclick: () => cite(c) }, String(c.n)),
              h('div', { class: 'source-body' }, breadcrumb(c.sectionPath), h('q', { class: 'source-quote' }, c.quote)))))
        : null);
  }

  function render() {
    clear(list);
    items.forEach((item, i) => list.append(itemView(item, i)));
    empty.hidden = items.length > 0;
    badge.textContent = items.length > 0 ? String(items.length) : '';
    badge.hidden = items.length === 0;
    for (const b of document.querySelectorAll('[data-pad-export]')) b.disabled = items.length === 0;
  }

  function add(item) {
    items.push(item);
    persist();
    render();
    announce(`${t('pinned')}: ${item.title}`);
    // A visible cue next to the tab, since pinning happens away from the pad.
    badge.classList.remove('bump');
    void badge.offsetWidth;
    badge.classList.add('bump');
  }

  async function copyMarkdown() {
    const text = padMarkdown(items);
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Clipboard API refused (permissions, insecure origin): fall back to a selected textarea.
      const area = h('textarea', { class: 'visually-hidden' });
      area.value = text;
      document.body.append(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    announce(t('copied'));
    return text;
  }

  function download() {
    saveBlob(new Blob([padMarkdown(items)], { type: 'text/markdown;charset=utf-8' }), fileName('md'));
  }

  /** POSTs the pad to /api/brief?format=docx and saves the Word file it returns. */
  async function downloadDocx() {
    if (items.length === 0) return;
    if (docxButton) docxButton.disabled = true;
    announce(t('docxMaking'));
    try {
      saveBlob(await postForBlob('/api/brief?format=docx', { items: briefRequestItems(items) }, DOCX_TYPE), fileName('docx'));
      announce(t('docxSaved'));
    } catch (error) {
      const reason = error instanceof ApiError ? `${error.code}: ${error.message}` : (error?.message ?? String(error));
      announce(t('docxFailed', { reason }), { error: true });
    } finally {
      if (docxButton) docxButton.disabled = items.length === 0;
    }
  }

  function clearAll() {
    items = [];
    persist();
    render();
  }

  docxButton?.addEventListener('click', () => downloadDocx());
  render();
  return {
    pinAnswer: (response) => add(itemFromAnswer(response)),
    pinFigure: (figure) => add(itemFromFigure(figure)),
    copyMarkdown,
    download,
    downloadDocx,
    clearAll,
    render,
  };
}
