/**
 * The chat: a conversation streamed from POST /api/chat, answers with citation chips, figures,
 * sources, abstentions with the closest passages, and errors in plain words.
 */
import { streamChat } from './api.js';
import { assistantView } from './chat-view.js';
import { clear, h } from './dom.js';
import { t } from './i18n.js';
import { load, save } from './store.js';

export const SUGGESTIONS = [
  '固定资产投资累计完成多少？',
  'What is the R&D spending ratio?',
  '科技创新方面面临哪些问题？',
  'How many national-level maker spaces have been built?',
];

const KEY = 'conversation';
const MAX_TURNS = 40;
/** Turns sent back as history: enough for follow-ups, small enough for the body limit. */
const HISTORY_TURNS = 4;

/**
 * @param {{ messages: HTMLElement, form: HTMLFormElement, input: HTMLTextAreaElement, sendButton: HTMLButtonElement,
 *           openSection: (id: string, quote?: string) => void, onPinAnswer: (r: object) => void,
 *           onPinFigure: (f: object) => void, onAuthNeeded: () => void, scope?: () => string[] | undefined }} options
 */
export function createChat(options) {
  const { messages, form, input, sendButton, openSection, onPinAnswer, onPinFigure, onAuthNeeded } = options;
  /** The reports to ask (undefined: all of them). */
  const scope = options.scope ?? (() => undefined);
  let turns = load(KEY, []);
  if (!Array.isArray(turns)) turns = [];
  let controller = null;
  const views = new Map();

  function persist() {
    save(KEY, turns.filter((turn) => !turn.streaming).slice(-MAX_TURNS).map(({ streaming: _s, ...turn }) => turn));
  }

  const ctx = { openSection, onPinAnswer, onPinFigure, onAuthNeeded, retry, persist };

  function turnView(turn) {
    const view = h('div', { class: 'turn' },
      h('div', { class: 'msg msg-user' }, h('div', { class: 'bubble' }, turn.question)),
      assistantView(turn, ctx));
    views.set(turn.id, view);
    return view;
  }

  function emptyState() {
    return h('div', { class: 'empty' },
      h('div', { class: 'empty-mark', 'aria-hidden': 'true' }, '策'),
      h('h2', {}, t('emptyTitle')),
      h('p', { class: 'muted' }, t('emptyHint')),
      h('div', { class: 'suggestions' }, SUGGESTIONS.map((q) =>
        h('button', { type: 'button', class: 'suggestion', onclick: () => ask(q) }, q))));
  }

  const nearBottom = () => messages.scrollHeight - messages.scrollTop - messages.clientHeight < 120;
  const toBottom = () => {
    messages.scrollTop = messages.scrollHeight;
  };

  function render() {
    views.clear();
    clear(messages);
    if (turns.length === 0) messages.append(emptyState());
    for (const turn of turns) messages.append(turnView(turn));
    toBottom();
  }

  let frame = 0;
  function update(turn) {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const stick = nearBottom();
      const old = views.get(turn.id);
      if (!old) return render();
      old.lastElementChild.replaceWith(assistantView(turn, ctx));
      if (stick) toBottom();
    });
  }

  function setBusy(busy) {
    sendButton.textContent = busy ? t('stop') : t('send');
    sendButton.classList.toggle('is-stop', busy);
    sendButton.setAttribute('aria-label', busy ? t('stop') : t('send'));
    form.dataset.busy = busy ? 'true' : 'false';
  }

  function historyBefore(turn) {
    return turns
      .filter((x) => x !== turn && x.response)
      .slice(-HISTORY_TURNS)
      .flatMap((x) => [
        { role: 'user', content: x.question },
        { role: 'assistant', content: x.response.answer.slice(0, 4000) },
      ]);
  }

  async function run(turn) {
    controller = new AbortController();
    setBusy(true);
    try {
      const documents = scope();
      await streamChat({ question: turn.question, history: historyBefore(turn), ...(documents ? { documents } : {}) }, {
        meta: (meta) => { turn.streaming.meta = meta; update(turn); },
        delta: (piece) => { turn.streaming.text += piece; update(turn); },
        done: (response) => { turn.response = response; },
      }, controller.signal);
      delete turn.streaming;
    } catch (error) {
      turn.error = error.name === 'AbortError'
        ? { code: 'ABORTED', message: '' }
        : { code: error.code ?? 'INTERNAL', message: error.message, retryAfter: error.retryAfter ?? null };
      if (error.code === 'UNAUTHORIZED') onAuthNeeded();
    } finally {
      controller = null;
      setBusy(false);
      update(turn);
      delete turn.streaming;
      persist();
    }
  }

  function ask(question) {
    const q = question.trim();
    if (!q || controller) return;
    if (turns.length === 0) clear(messages);
    const turn = { id: `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`, question: q, streaming: { meta: null, text: '' } };
    turns.push(turn);
    messages.append(turnView(turn));
    toBottom();
    run(turn);
  }

  function retry(turn) {
    if (controller) return;
    delete turn.error;
    delete turn.response;
    turn.streaming = { meta: null, text: '' };
    update(turn);
    run(turn);
  }

  function resize() {
    input.style.height = 'auto';
    input.style.height = `${Math.min(input.scrollHeight, 200)}px`;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (controller) {
      controller.abort();
      return;
    }
    const q = input.value;
    if (!q.trim()) return;
    input.value = '';
    resize();
    ask(q);
  });
  input.addEventListener('keydown', (event) => {
    // isComposing: Enter also confirms a Chinese IME candidate; that must not send.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  input.addEventListener('input', resize);

  return {
    render,
    ask,
    newChat() {
      controller?.abort();
      turns = [];
      persist();
      render();
      input.focus();
    },
    /** Re-labels the send button after a language change, keeping the busy state. */
    relabel: () => setBusy(controller !== null),
  };
}
