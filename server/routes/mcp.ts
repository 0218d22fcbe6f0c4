/**
 * /mcp: the MCP server over streamable HTTP, stateless. Each POST gets a fresh server and
 * transport (the SDK refuses to reuse a stateless transport), answered as one JSON response.
 * Without sessions there is no stream to open or session to end: GET and DELETE are 405.
 * The token, rate and body limits are app.ts's, as for /api/*.
 */
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { Hono } from 'hono';
import type { Services } from '../contract.js';
import { createMcpServer } from '../mcp/mcp-server.js';

/** The JSON-RPC error body the SDK's stateless examples send for GET and DELETE. */
const METHOD_NOT_ALLOWED = { jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed: this MCP endpoint is stateless, POST only.' }, id: null };

export function mcpRoutes(services: Services): Hono {
  return new Hono()
    .post('/', async (c) => {
      const server = createMcpServer(services);
      const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
      await server.connect(transport);
      try {
        return await transport.handleRequest(c.req.raw);
      } finally {
        // With JSON responses the answer is complete here: nothing is left to stream.
        await server.close();
      }
    })
    .on(['GET', 'DELETE'], '/', (c) => c.json(METHOD_NOT_ALLOWED, 405, { Allow: 'POST' }));
}
