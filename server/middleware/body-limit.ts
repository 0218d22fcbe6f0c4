/** Request body size limit (hono/body-limit) that fails with our error shape. */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createHttpError } from './errors.js';

/** Answers 413 PAYLOAD_TOO_LARGE for bodies over `maxBytes`, declared or streamed. */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw createHttpError('PAYLOAD_TOO_LARGE', `at most ${maxBytes} bytes`);
    },
  });
}
