/**
 * POST /api/chat: the answer as Server-Sent Events, in this order:
 * `meta` {citations, figures, passages, answerable}, `delta` {text} pieces of the answer,
 * then `done` with the full AnswerResponse; or `error` {code, message} when answering fails.
 */
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Services } from '../contract.js';
import { reportError } from '../middleware/errors.js';
import { readAskRequest } from './ask.js';

// ASCII '.' and ',' are left out: they sit inside numbers (3.39, 1,100); English text breaks on spaces.
const BREAK = /[\s，。；：、！？;:!?）)」』”]/u;

/**
 * Cuts text into pieces of about `min`–`max` characters, preferring to end a piece right after
 * punctuation or a space so that the streamed text grows in readable steps.
 *
 * @example
 * splitForStreaming('The R&D spending ratio was adjusted to **3.39%** [1], while high-tech industry exceeded 70% of value added.')
 * // ['The R&D spending ratio was adjusted to ', '**3.39%** [1], while high-tech industry ', 'exceeded 70% of value added.']
 */
export function splitForStreaming(text: string, min = 20, max = 40): string[] {
  const chars = Array.from(text);
  const pieces: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let end = Math.min(start + max, chars.length);
    if (end < chars.length) {
      for (let i = end; i > start + min; i -= 1) {
        if (BREAK.test(chars[i - 1] ?? '')) {
          end = i;
          break;
        }
      }
    }
    pieces.push(chars.slice(start, end).join(''));
    start = end;
  }
  return pieces;
}

/** POST / of the chat router: validates the body, then streams the answer as SSE. */
export function chatRoutes(services: Services): Hono {
  return new Hono().post('/', async (c) => {
    // Validation errors are ordinary 4xx JSON responses; only answering happens inside the stream.
    const request = await readAskRequest(c, services);
    return streamSSE(c, async (stream) => {
      try {
        const answer = await services.ask(request);
        const { citations, figures, passages, answerable } = answer;
        await stream.writeSSE({ event: 'meta', data: JSON.stringify({ citations, figures, passages, answerable }) });
        for (const text of splitForStreaming(answer.answer)) {
          if (stream.aborted) return;
          await stream.writeSSE({ event: 'delta', data: JSON.stringify({ text }) });
        }
        await stream.writeSSE({ event: 'done', data: JSON.stringify(answer) });
      } catch (error) {
        const { body } = reportError(error, c);
        await stream.writeSSE({ event: 'error', data: JSON.stringify(body.error) });
      }
    });
  });
}
