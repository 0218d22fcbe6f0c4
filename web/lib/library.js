/**
 * The library: which reports a question is asked of (all by default), and adding or removing
 * reports (drag and drop or a file picker, with upload progress, then the server's indexing
 * status until the change serves or is undone with its reason).
 */
import { deleteJson, getJson, headers } from './api.js';
import { clear, h } from './dom.js';
import { t } from './i18n.js';

const POLL_MS = 500;

/**
 * @param {{ pickerEl: HTMLElement, summaryEl: HTMLElement, input: HTMLInputElement, dropZone: HTMLElement,
 *           progressEl: HTMLProgressElement, statusEl: HTMLElement, onChanged: () => void }} options
 */
export function createLibrary({ pickerEl, summaryEl, input, dropZone, progressEl, statusEl, onChanged }) {
  let documents = [];
  const unchecked = new Set();

  function renderPicker() {
    clear(pickerEl);
    for (const doc of documents) {
      const box = h('input', { type: 'checkbox', value: doc.id, 'data-doc': doc.id });
      box.checked = !unchecked.has(doc.id);
      box.addEventListener('change', () => {
        if (box.checked) unchecked.delete(doc.id);
        else unchecked.add(doc.id);
        renderSummary();
      });
      pickerEl.append(h('label', { class: 'scope-item' }, box, h('span', {}, doc.title)));
    }
    renderSummary();
  }

  function renderSummary() {
    const chosen = documents.length - documents.filter((d) => unchecked.has(d.id)).length;
    summaryEl.textContent = chosen === documents.length ? t('scopeAll', { n: documents.length }) : t('scopeSome', { n: chosen, total: documents.length });
  }

  async function refresh() {
    try {
      ({ documents } = await getJson('/api/documents'));
      for (const id of [...unchecked]) if (!documents.some((d) => d.id === id)) unchecked.delete(id);
      renderPicker();
    } catch {
      // The Browse tab reports a failing document list; the picker just stays as it was.
    }
  }

  function say(text, state) {
    statusEl.textContent = text;
    statusEl.dataset.state = state;
  }

  /** Polls the library's status until the change serves or fails, then reloads what shows documents. */
  async function followChange(file, removing = false) {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      let status;
      try {
        status = await getJson('/api/documents/status');
      } catch {
        continue;
      }
      if (status.state === 'indexing') {
        say(t('libraryIndexing', { file }), 'busy');
        continue;
      }
      if (status.state === 'failed') say(t('libraryFailed', { file, reason: status.message ?? '' }), 'error');
      else say(t(removing ? 'libraryRemoved' : 'libraryDone', { file }), 'ok');
      await refresh();
      onChanged();
      return;
    }
  }

  /** Sends one file with XMLHttpRequest, for its upload progress. */
  function upload(file) {
    progressEl.hidden = false;
    progressEl.value = 0;
    say(t('uploading', { file: file.name }), 'busy');
    const form = new FormData();
    form.append('file', file);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/documents');
    for (const [name, value] of Object.entries(headers())) xhr.setRequestHeader(name, value);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) progressEl.value = event.loaded / event.total;
    });
    xhr.addEventListener('load', () => {
      progressEl.hidden = true;
      let body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: the status line says enough.
      }
      if (xhr.status === 202 && body) {
        say(t('libraryIndexing', { file: body.file }), 'busy');
        followChange(body.file);
      } else say(t('uploadRefused', { file: file.name, reason: body?.error?.message ?? xhr.statusText }), 'error');
    });
    xhr.addEventListener('error', () => {
      progressEl.hidden = true;
      say(t('uploadRefused', { file: file.name, reason: t('networkError') }), 'error');
    });
    xhr.send(form);
  }

  async function remove(doc) {
    let body;
    try {
      body = await deleteJson(`/api/documents/${encodeURIComponent(doc.id)}`);
    } catch (error) {
      say(t('uploadRefused', { file: doc.title, reason: error.message }), 'error');
      return;
    }
    say(t('libraryIndexing', { file: body.file }), 'busy');
    await followChange(body.file, true);
  }

  input.addEventListener('change', () => {
    for (const file of input.files ?? []) upload(file);
    input.value = '';
  });
  dropZone.addEventListener('dragover', (event) => {
    event.preventDefault();
    dropZone.dataset.over = 'true';
  });
  dropZone.addEventListener('dragleave', () => delete dropZone.dataset.over);
  dropZone.addEventListener('drop', (event) => {
    event.preventDefault();
    delete dropZone.dataset.over;
    for (const file of event.dataTransfer?.files ?? []) upload(file);
  });

  return {
    refresh,
    remove,
    relabel: renderSummary,
    /** The chosen reports' ids, or undefined when all are chosen (the server's default). */
    selected: () => (unchecked.size === 0 ? undefined : documents.filter((d) => !unchecked.has(d.id)).map((d) => d.id)),
  };
}
