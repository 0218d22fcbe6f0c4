/** Builds the real app over the fake services, with quiet defaults, and small request helpers. */
import { createApp, type AppOptions } from '../../server/app.js';
import type { Services } from '../../server/contract.js';
import { createFakeServices } from './fake-services.js';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  logs: string[];
}

/** App options for tests: no token, no rate limit, no CORS, no question text, a silent log. */
export const TEST_APP_OPTIONS: AppOptions = {
  bodyLimitBytes: 65_536,
  rateLimitPerMinute: 0,
  corsOrigins: [],
  logQuestions: false,
  log: () => {},
};

export function makeApp(options: Partial<AppOptions> = {}, overrides: Partial<Services> = {}): TestApp {
  const logs: string[] = [];
  const app = createApp(createFakeServices(overrides), { ...TEST_APP_OPTIONS, log: (line) => logs.push(line), ...options });
  return { app, logs };
}

export const postJson = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

/** Node bindings as @hono/node-server passes them, so that the client IP is `address`. */
export const fromAddress = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

/** The error body's code and message, asserting the JSON error shape on the way. */
export async function errorOf(res: Response): Promise<{ code: string; message: string }> {
  const body = (await res.json()) as { error: { code: string; message: string } };
  return body.error;
}

/** Parses a text/event-stream body into events in order. */
export function parseEvents(text: string): Array<{ event: string; data: unknown }> {
  return text
    .split(/\n\n/)
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((l) => l.startsWith('event: '))?.slice(7) ?? 'message';
      const data = lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
      return { event, data: JSON.parse(data) as unknown };
    });
}

/** The error a function throws, or undefined when it does not throw (so assertions then fail). */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}
