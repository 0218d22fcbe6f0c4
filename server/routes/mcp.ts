/** /mcp: the MCP server over streamable HTTP (stub until built). */
import { Hono } from 'hono';
import type { Services } from '../contract.js';

export function mcpRoutes(_services: Services): Hono {
  return new Hono().all('/', (c) => c.json({ ok: true }));
}
