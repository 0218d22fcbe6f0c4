/** The chat page: wires the chat, the source panel, the Browse tab and the briefing pad together. */
import { getJson } from './lib/api.js';
import { createBrowse } from './lib/browse.js';
import { createChat } from './lib/chat.js';
import { createLibrary } from './lib/library.js';
import { currentLang, onLangChange, setLang, t, translateStatic } from './lib/i18n.js';
import { createPad } from './lib/pad.js';
import { createPanel } from './lib/panel.js';
import { load, save } from './lib/store.js';

const $ = (id) => document.getElementById(id);

let browse;
const panel = createPanel({
  root: $('source-panel'),
  body: $('panel-body'),
  titleOf: (id) => browse?.titleOf(id),
  onPinFigure: (figure) => pad.pinFigure(figure),
});
const openSection = (id, quote) => panel.open(id, quote);

const pad = createPad({
  list: $('pad-list'),
  empty: $('pad-empty'),
  badge: $('pad-badge'),
  status: $('pad-status'),
  openSection,
});

browse = createBrowse({
  outlineEl: $('outline'),
  filterEl: $('figure-filter'),
  tableBody: $('figure-rows'),
  countEl: $('figure-count'),
  openSection,
  onPinFigure: (figure) => pad.pinFigure(figure),
  onAuthNeeded: () => askForToken(),
  onRemove: (doc) => library.remove(doc),
});

const library = createLibrary({
  pickerEl: $('scope-picker'),
  summaryEl: $('scope-summary'),
  input: $('upload-input'),
  dropZone: $('upload-drop'),
  progressEl: $('upload-progress'),
  statusEl: $('upload-status'),
  onChanged: () => {
    browse.loadDocuments();
    refreshStatus();
  },
});

function askForToken() {
  const dialog = $('token-dialog');
  if (dialog.open) return;
  $('token-input').value = load('token', '');
  dialog.showModal();
}
$('token-dialog').addEventListener('close', () => {
  if ($('token-dialog').returnValue !== 'save') return;
  save('token', $('token-input').value.trim() || undefined);
  browse.loadDocuments();
  refreshStatus();
});

const chat = createChat({
  messages: $('messages'),
  form: $('composer'),
  input: $('question'),
  sendButton: $('send'),
  openSection,
  onPinAnswer: (response) => pad.pinAnswer(response),
  onPinFigure: (figure) => pad.pinFigure(figure),
  onAuthNeeded: askForToken,
  scope: () => library.selected(),
});

/* Tabs: click or arrow keys; the selected tab is the only one in the tab order. */
const tabs = [...document.querySelectorAll('[role="tab"]')];
function showView(name) {
  for (const tab of tabs) {
    const selected = tab.dataset.view === name;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    $(`view-${tab.dataset.view}`).hidden = !selected;
  }
  if (name === 'browse') browse.show();
  if (name === 'chat') $('question').focus();
}
for (const tab of tabs) {
  tab.addEventListener('click', () => showView(tab.dataset.view));
  tab.addEventListener('keydown', (event) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step) return;
    const next = tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length];
    next.focus();
    showView(next.dataset.view);
  });
}

async function refreshStatus() {
  const status = $('status');
  try {
    const health = await getJson('/health');
    status.dataset.state = health.status;
    $('status-text').textContent = health.status === 'indexing'
      ? t('statusIndexing')
      : t(health.documents === 1 ? 'statusOkOne' : 'statusOk', { d: health.documents, f: health.figures });
  } catch {
    status.dataset.state = 'error';
    $('status-text').textContent = t('statusDown');
  }
}

$('new-chat').addEventListener('click', () => {
  chat.newChat();
  showView('chat');
});
$('lang-toggle').addEventListener('click', () => setLang(currentLang() === 'zh' ? 'en' : 'zh'));
$('panel-close').addEventListener('click', () => panel.close());
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !$('source-panel').hidden && !$('token-dialog').open) panel.close();
});
$('pad-copy').addEventListener('click', () => pad.copyMarkdown());
$('pad-download').addEventListener('click', () => pad.download());
$('pad-clear').addEventListener('click', () => pad.clearAll());

onLangChange(() => {
  chat.render();
  chat.relabel();
  pad.render();
  browse.refresh();
  library.relabel();
  refreshStatus();
});

setLang(currentLang());
browse.loadDocuments();
library.refresh();
$('question').focus();
