/**
 * The Hono app: middleware, one small router per resource joined with `app.route()`, the chat page
 * at `/`, and one `onError` that turns every failure into `{ error: { code, message } }`.
 */
import { Hono } from 'hono';
import type { Services } from './contract.js';
import { bearerToken } from './middleware/bearer-token.js';
import { limitBody } from './middleware/body-limit.js';
import { corsFor } from './middleware/cors.js';
import { createHttpError, handleError } from './middleware/errors.js';
import { rateLimit } from './middleware/rate-limit.js';
import { requestLog } from './middleware/request-log.js';
import { securityHeaders } from './middleware/security-headers.js';
import { adminRoutes } from './routes/admin.js';
import { askRoutes } from './routes/ask.js';
import { briefRoutes } from './routes/brief.js';
import { chatRoutes } from './routes/chat.js';
import { documentRoutes } from './routes/documents.js';
import { figuresRoutes } from './routes/figures.js';
import { healthRoutes } from './routes/health.js';
import { mcpRoutes } from './routes/mcp.js';
import { openAiRoutes } from './routes/openai.js';
import { openApiRoutes } from './routes/openapi.js';
import { searchRoutes } from './routes/search.js';
import { sectionRoutes } from './routes/sections.js';
import { staticFiles } from './routes/static.js';

export interface AppOptions {
  /** Largest request body accepted, in bytes (413 beyond). */
  bodyLimitBytes: number;
  /** Largest report upload (POST /api/documents), in bytes; defaults to 20 MB. */
  maxUploadBytes?: number;
  /** The address the server listens on: without a token, the library changes only on loopback. */
  host?: string;
  /** Requests per minute per client IP on /api/*; 0 disables the limit. */
  rateLimitPerMinute: number;
  /** When set, /api/* needs `Authorization: Bearer <apiToken>`; admin routes exist only then. */
  apiToken?: string;
  /** Origins allowed by CORS; empty turns CORS off. */
  corsOrigins: string[];
  /** Whether request log lines may carry the question text. */
  logQuestions: boolean;
  /** Receives one JSON line per request; defaults to stdout. */
  log?: (line: string) => void;
  /** Folder served at `/`; defaults to the repository's web/. */
  webDir?: string;
}

const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** Every route that answers or changes something: the own API, the OpenAI-compatible API and MCP. */
const GUARDED_PATHS = ['/api/*', '/v1/*', '/mcp/*'];

/** Whether a listen address is reachable from this machine only. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

const writeStdout = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/**
 * Builds the HTTP app over `services`. Serve it with `serve({ fetch: app.fetch })` from
 * @hono/node-server, or call `app.request()` in tests.
 *
 * @example
 * const app = createApp(services, { bodyLimitBytes: 65536, rateLimitPerMinute: 120, corsOrigins: [], logQuestions: false });
 * const res = await app.request('/api/ask', { method: 'POST', body: JSON.stringify({ question: '研发投入强度是多少？' }) });
 */
export function createApp(services: Services, options: AppOptions): Hono {
  const app = new Hono();

  app.use('*', requestLog({ log: options.log ?? writeStdout, logQuestions: options.logQuestions }));
  app.use('*', securityHeaders());
  if (options.corsOrigins.length > 0) {
    // Before the token check, so that preflight requests (which carry no token) are answered.
    const cors = corsFor(options.corsOrigins);
    for (const path of GUARDED_PATHS) app.use(path, cors);
    app.use('/health', cors);
  }
  // One rate limit per client across every guarded path, so that /v1 and /mcp are no way around it.
  const limit = rateLimit({ limit: options.rateLimitPerMinute });
  const token = options.apiToken !== undefined ? bearerToken(options.apiToken) : undefined;
  // An upload may be larger than a question: its own limit, the others' for everything else.
  const uploadLimit = limitBody(options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES);
  const bodyLimit = limitBody(options.bodyLimitBytes);
  for (const path of GUARDED_PATHS) {
    app.use(path, limit);
    if (token) app.use(path, token);
    app.use(path, (c, next) => (c.req.method === 'POST' && c.req.path === '/api/documents' ? uploadLimit(c, next) : bodyLimit(c, next)));
  }

  app.route('/health', healthRoutes(services));
  app.route('/api/ask', askRoutes(services));
  app.route('/api/chat', chatRoutes(services));
  app.route('/api/search', searchRoutes(services));
  app.route('/api/figures', figuresRoutes(services));
  app.route('/api/documents', documentRoutes(services, { libraryChanges: options.apiToken !== undefined || isLoopback(options.host ?? '127.0.0.1') }));
  app.route('/api/sections', sectionRoutes(services));
  app.route('/api/brief', briefRoutes(services));
  app.route('/api/admin', adminRoutes(services, options.apiToken !== undefined ? { apiToken: options.apiToken } : {}));
  app.route('/v1', openAiRoutes(services));
  app.route('/mcp', mcpRoutes(services));
  app.route('/api/openapi.json', openApiRoutes({ secured: options.apiToken !== undefined }));

  app.use('/*', staticFiles(options.webDir));
  app.notFound((c) => handleError(createHttpError('ROUTE_NOT_FOUND'), c));
  app.onError(handleError);
  return app;
}
