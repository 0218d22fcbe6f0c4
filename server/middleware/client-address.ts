/** The client's IP address from the Node connection, or "unknown" outside @hono/node-server. */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * Reads the socket's remote address. Proxy headers such as X-Forwarded-For are ignored on purpose:
 * any client can forge them, and the server is meant to listen on a local or trusted interface.
 */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests and non-Node runtimes have no socket.
    return 'unknown';
  }
}
