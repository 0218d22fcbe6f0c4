/**
 * POST /api/chat: the answer as Server-Sent Events, in this order:
 * `meta` {citations, figures, passages, answerable}, `delta` {text} pieces of the answer as it is
 * written (with LLM wording, one checked sentence at a time), then `done` with the full
 * AnswerResponse; or `error` {code, message} when answering fails.
 */
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Services } from '../contract.js';
import { reportError } from '../middleware/errors.js';
import { readAskRequest } from './ask.js';

/** POST / of the chat router: validates the body, then streams the answer as SSE. */
export function chatRoutes(services: Services): Hono {
  return new Hono().post('/', async (c) => {
    // Validation errors are ordinary 4xx JSON responses; only answering happens inside the stream.
    const request = await readAskRequest(c, services);
    return streamSSE(c, async (stream) => {
      try {
        for await (const event of services.askStream(request)) {
          if (stream.aborted) return;
          if (event.type === 'meta') {
            const { citations, figures, passages, answerable } = event.answer;
            await stream.writeSSE({ event: 'meta', data: JSON.stringify({ citations, figures, passages, answerable }) });
          } else if (event.type === 'text') {
            await stream.writeSSE({ event: 'delta', data: JSON.stringify({ text: event.text }) });
          } else {
            await stream.writeSSE({ event: 'done', data: JSON.stringify(event.answer) });
          }
        }
      } catch (error) {
        const { body } = reportError(error, c);
        await stream.writeSSE({ event: 'error', data: JSON.stringify(body.error) });
      }
    });
  });
}
