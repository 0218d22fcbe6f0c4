/** POST /api/admin/reindex: rebuilds the index in the background (needs API_TOKEN). */
import { Hono } from 'hono';
import type { Services } from '../contract.js';
import { createHttpError, logUnexpectedError } from '../middleware/errors.js';

export interface AdminRouteOptions {
  /** Admin routes exist only with a token; the token itself is checked by the /api/* middleware. */
  apiToken?: string;
  /** How long to wait for reindex() to report its status before answering "started". */
  settleMs?: number;
}

/**
 * POST /reindex: 202 {status}. ADMIN_DISABLED (403) without a configured token; with one, the
 * /api/* bearer middleware has already checked it. Waits at most `settleMs` for reindex() to report.
 */
export function adminRoutes(services: Services, options: AdminRouteOptions): Hono {
  const settleMs = options.settleMs ?? 50;
  return new Hono().post('/reindex', async (c) => {
    if (options.apiToken === undefined) throw createHttpError('ADMIN_DISABLED');
    // reindex() may resolve only once the new index serves: do not hold the request for a rebuild.
    let answered = false;
    const running = services.reindex();
    // A failure after the 202 has no response to go to: log it (earlier ones reach onError).
    running.catch((error: unknown) => {
      if (answered) logUnexpectedError(error, c);
    });
    const timeout = new Promise<{ status: 'started' }>((resolve) => {
      setTimeout(() => resolve({ status: 'started' }), settleMs).unref();
    });
    const { status } = await Promise.race([running, timeout]).finally(() => {
      answered = true;
    });
    return c.json({ status }, 202);
  });
}
