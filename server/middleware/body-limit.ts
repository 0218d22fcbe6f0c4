/**
 * Request body size limit that fails with our error shape, and that a client can read: a body
 * over the limit is read to its end (and thrown away) before the 413 is sent, since a server that
 * answers mid-upload and closes leaves the client with a reset connection instead of the JSON.
 * Draining is bounded too: past DRAIN_MAX_BYTES or DRAIN_MAX_MS the connection is closed.
 */
import type { MiddlewareHandler } from 'hono';
import { createHttpError } from './errors.js';

const DRAIN_MAX_BYTES = 256 * 1024 * 1024;
const DRAIN_MAX_MS = 15_000;

/** Reads and discards what is left of a body, within the drain bounds. */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  const deadline = Date.now() + DRAIN_MAX_MS;
  let read = 0;
  try {
    while (read < DRAIN_MAX_BYTES && Date.now() < deadline) {
      const { done, value } = await reader.read();
      if (done) return;
      read += value.byteLength;
    }
    await reader.cancel();
  } catch {
    // The client went away: nothing left to answer.
  }
}

function tooLarge(maxBytes: number): Error {
  return createHttpError('PAYLOAD_TOO_LARGE', `at most ${maxBytes} bytes`, { Connection: 'close' });
}

/** Answers 413 PAYLOAD_TOO_LARGE for bodies over `maxBytes`, declared or streamed; buffers the rest for the route. */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return async function bodyLimitMiddleware(c, next) {
    const body = c.req.raw.body;
    if (!body) return next();
    const reader = body.getReader();
    if (Number(c.req.header('Content-Length') ?? 0) > maxBytes) {
      await drain(reader);
      throw tooLarge(maxBytes);
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await drain(reader);
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
    const whole = new Uint8Array(total);
    let at = 0;
    for (const chunk of chunks) {
      whole.set(chunk, at);
      at += chunk.byteLength;
    }
    c.req.raw = new Request(c.req.raw, { body: whole });
    return next();
  };
}
