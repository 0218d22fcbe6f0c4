import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { tokensMatch } from '../../server/middleware/bearer-token.js';
import { handleError } from '../../server/middleware/errors.js';
import { rateLimit } from '../../server/middleware/rate-limit.js';
import { DOC_ID } from './fake-services.js';
import { errorOf, fromAddress, makeApp, postJson } from './helpers.js';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "frame-ancestors 'none'; object-src 'none'; base-uri 'none'";

describe('security headers', () => {
  it.each(['/', '/api/documents', '/api/nope', '/health'])('are set on %s', async (url) => {
    const { app } = makeApp();
    const res = await app.request(url);
    expect(res.headers.get('Content-Security-Policy')).toBe(CSP);
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('X-Frame-Options')).toBe('DENY');
    expect(res.headers.get('X-Powered-By')).toBeNull();
  });

  it('are set on error responses too', async () => {
    const { app } = makeApp();
    const res = await app.request('/api/ask', postJson('nope'));
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Security-Policy')).toBe(CSP);
  });
});

describe('CORS', () => {
  const ORIGIN = 'http://localhost:5173';

  it('is off by default', async () => {
    const { app } = makeApp();
    const res = await app.request('/api/documents', { headers: { Origin: ORIGIN } });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const preflight = await app.request('/api/ask', {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(preflight.headers.get('Access-Control-Allow-Methods')).toBeNull();
  });

  it('allows exactly the configured origins, preflight included, even with a token set', async () => {
    const { app } = makeApp({ corsOrigins: [ORIGIN], apiToken: 'cors-token-1234' });
    const preflight = await app.request('/api/ask', {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe(ORIGIN);
    expect(preflight.headers.get('Access-Control-Allow-Methods')).toContain('POST');
    expect(preflight.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain('authorization');

    const allowed = await app.request('/api/documents', { headers: { Origin: ORIGIN, Authorization: 'Bearer cors-token-1234' } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('Access-Control-Allow-Origin')).toBe(ORIGIN);

    const other = await app.request('/api/documents', { headers: { Origin: 'https://evil.example', Authorization: 'Bearer cors-token-1234' } });
    expect(other.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});

describe('bearer token', () => {
  const TOKEN = 'tok-0123456789';

  it.each([
    ['no header', {}],
    ['a wrong token', { Authorization: 'Bearer tok-0123456788' }],
    ['a prefix of the token', { Authorization: 'Bearer tok-0123' }],
    ['another scheme', { Authorization: `Basic ${TOKEN}` }],
  ])('answers 401 on /api/* with %s', async (_name, headers) => {
    const { app } = makeApp({ apiToken: TOKEN });
    const res = await app.request('/api/documents', { headers });
    expect(res.status).toBe(401);
    expect(res.headers.get('WWW-Authenticate')).toBe('Bearer');
    expect(await errorOf(res)).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('lets the right token through, and never guards /health or the page', async () => {
    const { app } = makeApp({ apiToken: TOKEN });
    expect((await app.request('/api/documents', { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    expect((await app.request('/health')).status).toBe(200);
    expect((await app.request('/')).status).toBe(200);
  });

  it('is not required when no token is configured', async () => {
    const { app } = makeApp();
    expect((await app.request('/api/documents')).status).toBe(200);
  });

  it('compares tokens of any length', () => {
    expect(tokensMatch('abc', 'abc')).toBe(true);
    expect(tokensMatch('abc', 'abcd')).toBe(false);
    expect(tokensMatch('', 'abc')).toBe(false);
  });
});

describe('body limit', () => {
  it('answers 413 for a declared body over the limit', async () => {
    const { app } = makeApp({ bodyLimitBytes: 1024 });
    const res = await app.request('/api/ask', postJson({ question: 'x', pad: 'y'.repeat(2000) }));
    expect(res.status).toBe(413);
    expect(await errorOf(res)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers 413 for a streamed body over the limit', async () => {
    const { app } = makeApp({ bodyLimitBytes: 1024 });
    const chunk = new TextEncoder().encode('x'.repeat(600));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(chunk);
        controller.enqueue(chunk);
        controller.close();
      },
    });
    const res = await app.request('/api/chat', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await errorOf(res)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('accepts bodies within the limit', async () => {
    const { app } = makeApp({ bodyLimitBytes: 1024 });
    expect((await app.request('/api/ask', postJson({ question: 'x' }))).status).toBe(200);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After once a client exceeds its budget', async () => {
    const { app } = makeApp({ rateLimitPerMinute: 3 });
    const env = fromAddress('10.0.0.1');
    for (let i = 0; i < 3; i += 1) expect((await app.request('/api/documents', {}, env)).status).toBe(200);
    const res = await app.request('/api/documents', {}, env);
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get('Retry-After'));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    expect(await errorOf(res)).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('counts each client IP separately and leaves /health and the page alone', async () => {
    const { app } = makeApp({ rateLimitPerMinute: 1 });
    expect((await app.request('/api/documents', {}, fromAddress('10.0.0.1'))).status).toBe(200);
    expect((await app.request('/api/documents', {}, fromAddress('10.0.0.2'))).status).toBe(200);
    expect((await app.request('/api/documents', {}, fromAddress('10.0.0.1'))).status).toBe(429);
    expect((await app.request('/health', {}, fromAddress('10.0.0.1'))).status).toBe(200);
    expect((await app.request('/', {}, fromAddress('10.0.0.1'))).status).toBe(200);
  });

  it('is disabled by 0', async () => {
    const { app } = makeApp({ rateLimitPerMinute: 0 });
    for (let i = 0; i < 20; i += 1) expect((await app.request('/api/documents')).status).toBe(200);
  });

  it('starts a new window after a minute and stays bounded under many clients', async () => {
    let now = 0;
    let client = 'a';
    const app = new Hono()
      .use(rateLimit({ limit: 1, maxClients: 2, now: () => now, keyOf: () => client }))
      .get('/', (c) => c.text('ok'));
    app.onError(handleError);
    expect((await app.request('/')).status).toBe(200);
    expect((await app.request('/')).status).toBe(429);
    now = 59_000;
    const res = await app.request('/');
    expect(res.headers.get('Retry-After')).toBe('1');
    now = 60_000;
    expect((await app.request('/')).status).toBe(200);
    // Many new clients: the table drops old windows instead of growing, and keeps serving.
    for (const id of ['b', 'c', 'd', 'e']) {
      client = id;
      expect((await app.request('/')).status).toBe(200);
    }
  });
});

describe('request log', () => {
  it('writes one JSON line per request with the route pattern, and no question text by default', async () => {
    const { app, logs } = makeApp();
    await app.request(`/api/sections/${DOC_ID}:s1.1`);
    await app.request('/api/ask', postJson({ question: '机密问题：研发投入？' }));
    await app.request('/api/search?q=机密');
    expect(logs).toHaveLength(3);
    const entries = logs.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(Object.keys(entries[0] ?? {}).sort()).toEqual(['method', 'ms', 'route', 'status', 'time']);
    expect(entries[0]).toMatchObject({ method: 'GET', route: '/api/sections/:sectionId', status: 200 });
    expect(entries[1]).toMatchObject({ method: 'POST', route: '/api/ask', status: 200 });
    expect(logs.join('\n')).not.toContain('机密');
  });

  it('includes the question when logQuestions is on, and logs errors with their status', async () => {
    const { app, logs } = makeApp({ logQuestions: true });
    await app.request('/api/ask', postJson({ question: '研发投入？' }));
    await app.request('/api/ask', postJson('{'));
    expect(JSON.parse(logs[0] ?? '{}')).toMatchObject({ question: '研发投入？', status: 200 });
    expect(JSON.parse(logs[1] ?? '{}')).toMatchObject({ status: 400 });
  });
});
