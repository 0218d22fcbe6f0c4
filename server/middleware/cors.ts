/** CORS, installed only when origins are configured (same-origin use needs none). */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

/** Allows exactly the listed origins; requests from any other origin get no CORS headers. */
export function corsFor(origins: string[]): MiddlewareHandler {
  return cors({
    origin: origins,
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Authorization', 'Accept'],
    exposeHeaders: ['Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining'],
    maxAge: 600,
  });
}
