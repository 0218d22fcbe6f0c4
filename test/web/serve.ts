/**
 * Serves the real app over HTTP on 127.0.0.1 and a free port, for browser tests, over the fake
 * services (test/server/fake-services.ts) or the real ones (server/services.ts).
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp, type AppOptions } from '../../server/app.js';
import type { Services } from '../../server/contract.js';
import { TEST_APP_OPTIONS } from '../server/helpers.js';

export interface TestServer {
  url: string;
  close: () => Promise<void>;
}

/** Starts the app; defaults suit a browser test (no token, no rate limit, quiet log). */
export async function startTestServer(services: Services, options: Partial<AppOptions> = {}): Promise<TestServer> {
  const app = createApp(services, { ...TEST_APP_OPTIONS, ...options });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            // SSE responses may keep sockets open; do not wait for them.
            if ('closeAllConnections' in server) server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
    server.once('error', reject);
  });
}
