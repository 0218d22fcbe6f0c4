/** How one assistant turn looks: the answer, its figures and sources, abstentions and errors. */
import { append, breadcrumb, h, pathText } from './dom.js';
import { t } from './i18n.js';
import { citationChip, renderMarkdown } from './markdown.js';
import { pinButton } from './pin-button.js';

const citeWith = (ctx) => (c) => ctx.openSection(c.sectionId, c.quote);

function figureCards(response, ctx) {
  const cite = citeWith(ctx);
  if (!response.figures?.length) return null;
  const byN = new Map(response.citations.map((c) => [c.n, c]));
  return h('div', { class: 'figure-strip', 'aria-label': t('keyFigures') }, response.figures.map((f) => {
    const c = byN.get(f.citation);
    return h('div', { class: 'figure-card' },
      h('div', { class: 'figure-card-value' }, `${f.value}${f.unit}`),
      h('div', { class: 'figure-card-label' }, f.label),
      h('div', { class: 'figure-card-foot' },
        c ? citationChip(c, cite) : null,
        c ? pinButton({ label: f.label, text: true, onPin: () => ctx.onPinFigure({ ...f, sectionId: c.sectionId, sectionPath: c.sectionPath, sentence: c.quote }) }) : null));
  }));
}

function sourceList(citations, ctx) {
  const cite = citeWith(ctx);
  if (!citations?.length) return null;
  return h('div', { class: 'sources' },
    h('h4', { class: 'sources-title' }, t('sources')),
    h('ol', { class: 'source-list' }, citations.map((c) =>
      h('li', {},
        citationChip(c, cite),
        h('button', { type: 'button', class: 'source-body', onclick: () => cite(c), title: t('openSource') },
          breadcrumb(c.sectionPath), h('q', { class: 'source-quote' }, c.quote))))));
}

function passageList(passages, ctx) {
  return h('ol', { class: 'passage-list' }, passages.map((p) =>
    h('li', {}, h('button', { type: 'button', class: 'source-body', onclick: () => ctx.openSection(p.sectionId, p.text) },
      breadcrumb(p.sectionPath), h('span', { class: 'passage-text' }, p.text.length > 160 ? `${p.text.slice(0, 160)}…` : p.text)))));
}

function errorView(turn, ctx) {
  const { code, message, retryAfter } = turn.error;
  if (code === 'ABORTED') {
    return h('div', { class: 'msg-stopped' }, h('span', {}, t('stopped')),
      h('button', { type: 'button', class: 'text-btn', onclick: () => ctx.retry(turn) }, t('retry')));
  }
  let text = message;
  if (code === 'RATE_LIMITED') text = t('errRate', { s: retryAfter ?? 60 });
  else if (code === 'UNAUTHORIZED') text = t('errAuth');
  else if (code === 'NETWORK') text = t('errNetwork');
  return h('div', { class: 'msg-error', role: 'alert' },
    h('strong', {}, t('errorTitle')), h('span', {}, text), code && code !== 'NETWORK' ? h('code', {}, code) : null,
    h('div', { class: 'msg-actions' },
      code === 'UNAUTHORIZED' ? h('button', { type: 'button', class: 'text-btn', onclick: ctx.onAuthNeeded }, t('enterToken')) : null,
      h('button', { type: 'button', class: 'text-btn', onclick: () => ctx.retry(turn) }, t('retry'))));
}

function actions(turn, response, ctx) {
  const pin = h('button', { type: 'button', class: 'text-btn pin-btn', disabled: turn.pinned === true, onclick: () => {
    ctx.onPinAnswer(response);
    turn.pinned = true;
    ctx.persist();
    pin.disabled = true;
    pin.textContent = `✓ ${t('pinned')}`;
  } }, turn.pinned ? `✓ ${t('pinned')}` : t('pin'));
  const copy = h('button', { type: 'button', class: 'text-btn', onclick: async () => {
    const sources = response.citations.map((c) => `[${c.n}] ${pathText(c.sectionPath)} — “${c.quote}”`).join('\n');
    try {
      await navigator.clipboard.writeText(sources ? `${response.answer}\n\n${sources}` : response.answer);
      copy.textContent = t('copied');
    } catch {
      copy.disabled = true;
    }
  } }, t('copy'));
  // An abstention has no sourced content worth a place in a briefing.
  return h('div', { class: 'msg-actions' }, response.answerable ? pin : null, copy, h('span', { class: 'timing' }, `${Math.round(response.timings.totalMs)} ms`));
}

/**
 * The assistant's side of a turn: thinking dots, the streamed or final answer (an abstention
 * boxed as such), figures, sources, closest passages, actions, or the error.
 * @param {object} turn {question, streaming?: {meta, text}, response?, error?, pinned?}
 * @param {{ openSection: Function, onPinAnswer: Function, onPinFigure: Function, onAuthNeeded: Function,
 *           retry: (turn: object) => void, persist: () => void }} ctx
 */
export function assistantView(turn, ctx) {
  const cite = citeWith(ctx);
  const body = h('div', { class: 'msg-body' });
  const article = h('article', { class: 'msg msg-assistant', 'aria-busy': turn.streaming ? 'true' : 'false' },
    h('div', { class: 'avatar', 'aria-hidden': 'true' }, '策'), body);
  if (turn.error) {
    if (turn.streaming?.text) body.append(renderMarkdown(turn.streaming.text, {}));
    body.append(errorView(turn, ctx));
    return article;
  }
  const response = turn.response;
  const meta = response ?? turn.streaming?.meta;
  const text = response ? response.answer : turn.streaming?.text ?? '';
  if (!text) {
    body.append(h('div', { class: 'thinking' }, h('span', { class: 'dots', 'aria-hidden': 'true' }, h('i'), h('i'), h('i')), t('thinking')));
    return article;
  }
  const rendered = h('div', { class: 'answer' }, renderMarkdown(text, { citations: meta?.citations, figures: meta?.figures, onCite: cite }));
  // An abstention is shown as such, so that a weak answer is never mistaken for a sourced one.
  body.append(meta?.answerable === false ? h('div', { class: 'abstain', role: 'note' }, h('strong', {}, t('abstainTitle')), rendered) : rendered);
  if (response) {
    // Which report answered: the reader of a library's answer must know whose figure it is.
    const titles = response.scope?.documents?.map((d) => `《${d.title}》`).join('、');
    if (titles && response.answerable) body.append(h('p', { class: 'answer-scope muted' }, t('answerFrom', { titles })));
    // An LLM worded this answer: say that its numbers were checked against the quotes, and how many sentences went.
    if (response.generation === 'llm') {
      const hint = response.removed ? t('numbersCheckedRemoved', { removed: response.removed }) : t('numbersCheckedHint');
      body.append(h('p', { class: 'numbers-checked', title: hint }, `✓ ${t('numbersChecked')}`, h('span', { class: 'visually-hidden' }, ` — ${hint}`)));
    }
    append(body, [figureCards(response, ctx), sourceList(response.citations, ctx)]);
    if (!response.answerable && response.passages.length > 0) {
      body.append(h('div', { class: 'sources' }, h('h4', { class: 'sources-title' }, t('closestPassages')), passageList(response.passages, ctx)));
    }
    body.append(actions(turn, response, ctx));
  }
  return article;
}
