/** Bearer-token check with a constant-time comparison. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { createHttpError } from './errors.js';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * True when `given` equals `expected`. Both sides are hashed first so that the comparison takes the
 * same time whatever the length of the guess.
 */
export function tokensMatch(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** Answers 401 UNAUTHORIZED unless the request carries `Authorization: Bearer <token>`. */
export function bearerToken(token: string): MiddlewareHandler {
  return async function bearerTokenMiddleware(c, next) {
    const header = c.req.header('Authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1] || !tokensMatch(match[1], token)) {
      throw createHttpError('UNAUTHORIZED', undefined, { 'WWW-Authenticate': 'Bearer' });
    }
    return next();
  };
}
