/** The server's HTTP API: JSON calls, and POST /api/chat read as Server-Sent Events. */
import { load } from './store.js';

/** An error with the server's code, e.g. RATE_LIMITED, plus Retry-After when given. */
export class ApiError extends Error {
  constructor(code, message, status = 0, retryAfter = null) {
    super(message);
    this.code = code;
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

/** Request headers with the saved access token, if any. */
export function headers(extra = {}) {
  const token = load('token', '');
  return token ? { ...extra, Authorization: `Bearer ${token}` } : extra;
}

async function failure(res) {
  let code = `HTTP_${res.status}`;
  let message = res.statusText;
  try {
    const body = await res.json();
    if (body?.error) ({ code, message } = body.error);
  } catch {
    // Not our JSON error shape: keep the status line.
  }
  const retry = Number(res.headers.get('Retry-After'));
  return new ApiError(code, message, res.status, Number.isFinite(retry) && retry > 0 ? retry : null);
}

async function send(url, init) {
  let res;
  try {
    res = await fetch(url, init);
  } catch (error) {
    if (error?.name === 'AbortError') throw error;
    throw new ApiError('NETWORK', String(error?.message ?? error));
  }
  if (!res.ok) throw await failure(res);
  return res;
}

export async function getJson(url, signal) {
  return (await send(url, { headers: headers({ Accept: 'application/json' }), signal })).json();
}

export async function deleteJson(url) {
  return (await send(url, { method: 'DELETE', headers: headers({ Accept: 'application/json' }) })).json();
}

export async function postJson(url, body, signal) {
  const init = { method: 'POST', headers: headers({ 'Content-Type': 'application/json' }), body: JSON.stringify(body), signal };
  return (await send(url, init)).json();
}

/** POSTs JSON and returns the reply as a Blob (a file the server makes, e.g. a .docx), `accept` its type. */
export async function postForBlob(url, body, accept) {
  const init = { method: 'POST', headers: headers({ 'Content-Type': 'application/json', Accept: accept }), body: JSON.stringify(body) };
  return (await send(url, init)).blob();
}

/**
 * Parses an SSE byte stream into {event, data} messages (data lines joined with "\n").
 * Yields as soon as a blank line ends a message.
 */
export async function* readEvents(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let cut;
    while ((cut = buffer.search(/\r?\n\r?\n/)) !== -1) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut).replace(/^\r?\n\r?\n/, '');
      const message = parseBlock(block);
      if (message) yield message;
    }
  }
  const last = parseBlock(buffer);
  if (last) yield last;
}

function parseBlock(block) {
  let event = 'message';
  const data = [];
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith(':') || line === '') continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return data.length > 0 ? { event, data: data.join('\n') } : null;
}

/**
 * POSTs a question to /api/chat and calls `handlers.meta/delta/done` as events arrive.
 * Throws ApiError for HTTP errors and for an `error` event.
 */
export async function streamChat(request, handlers, signal) {
  const init = {
    method: 'POST',
    headers: headers({ 'Content-Type': 'application/json', Accept: 'text/event-stream' }),
    body: JSON.stringify(request),
    signal,
  };
  const res = await send('/api/chat', init);
  let finished = false;
  for await (const { event, data } of readEvents(res.body)) {
    const payload = JSON.parse(data);
    if (event === 'error') throw new ApiError(payload.code ?? 'INTERNAL', payload.message ?? '');
    if (event === 'meta') handlers.meta?.(payload);
    else if (event === 'delta') handlers.delta?.(payload.text ?? '');
    else if (event === 'done') {
      finished = true;
      handlers.done?.(payload);
    }
  }
  if (!finished) throw new ApiError('STREAM_ENDED', 'the answer stream ended early');
}
