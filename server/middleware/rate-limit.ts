/** Per-client fixed-window rate limit, in memory, with a bounded table of clients. */
import type { Context, MiddlewareHandler } from 'hono';
import { clientAddress } from './client-address.js';
import { createHttpError } from './errors.js';

export interface RateLimitOptions {
  /** Requests allowed per client and window; 0 disables the limit. */
  limit: number;
  windowMs?: number;
  /** Most clients tracked at once; the oldest windows are dropped beyond it. */
  maxClients?: number;
  keyOf?: (c: Context) => string;
  now?: () => number;
}

interface Window {
  start: number;
  count: number;
}

/**
 * Counts requests per client in fixed windows and answers 429 RATE_LIMITED with `Retry-After`
 * (whole seconds until the window ends) once the limit is reached.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const { limit, windowMs = 60_000, maxClients = 10_000, keyOf = clientAddress, now = Date.now } = options;
  const windows = new Map<string, Window>();

  const sweep = (time: number): void => {
    for (const [key, w] of windows) if (time - w.start >= windowMs) windows.delete(key);
    // Still full: every client is active. Drop the oldest insertions rather than grow without bound.
    for (const key of windows.keys()) {
      if (windows.size < maxClients) break;
      windows.delete(key);
    }
  };

  return async function rateLimitMiddleware(c, next) {
    if (limit <= 0) return next();
    const time = now();
    const key = keyOf(c);
    let w = windows.get(key);
    if (!w || time - w.start >= windowMs) {
      if (!w && windows.size >= maxClients) sweep(time);
      windows.delete(key);
      w = { start: time, count: 0 };
      windows.set(key, w);
    }
    w.count += 1;
    const remaining = Math.max(0, limit - w.count);
    c.header('RateLimit-Limit', String(limit));
    c.header('RateLimit-Remaining', String(remaining));
    if (w.count > limit) {
      const retryAfter = Math.max(1, Math.ceil((w.start + windowMs - time) / 1000));
      throw createHttpError('RATE_LIMITED', `retry in ${retryAfter} s`, { 'Retry-After': String(retryAfter) });
    }
    return next();
  };
}
