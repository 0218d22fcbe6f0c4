/** GET /health: index counts and status, outside /api so that it needs no token. */
import { Hono } from 'hono';
import type { Services } from '../contract.js';

/** GET / of the health router: the index status; 503 when the index is in error. */
export function healthRoutes(services: Services): Hono {
  return new Hono().get('/', (c) => {
    const health = services.health();
    // 503 lets load balancers and scripts tell "broken" from "up" without parsing the body.
    return c.json(health, health.status === 'error' ? 503 : 200);
  });
}
