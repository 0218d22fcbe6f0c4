import { afterEach, describe, expect, it, vi } from 'vitest';
import { createError } from '../../ingest/errors.js';
import { errorOf, makeApp, postJson } from './helpers.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('errors', () => {
  it('answers 404 ROUTE_NOT_FOUND as JSON for unknown routes and methods', async () => {
    const { app } = makeApp();
    for (const [url, init] of [
      ['/api/nope', {}],
      ['/api/ask', {}],
      ['/nope.html', {}],
      ['/api/documents', { method: 'DELETE' }],
    ] as const) {
      const res = await app.request(url, init);
      expect(res.status).toBe(404);
      expect(await errorOf(res)).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    }
  });

  it('turns an unexpected error into a 500 without stack or path, and logs it to stderr', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const boom = new Error('ENOENT: no such file, open /srv/secret/index.bin');
    const { app } = makeApp({}, { ask: async () => { throw boom; } });
    const res = await app.request('/api/ask', postJson({ question: 'x' }));
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'INTERNAL', message: 'internal error' } });
    expect(text).not.toMatch(/secret|ENOENT|\bat\s|\.ts/);
    expect(stderr).toHaveBeenCalledTimes(1);
    expect(String(stderr.mock.calls[0]?.[0])).toContain('/srv/secret/index.bin');
  });

  it('maps ingest errors about the index to 503 with their code and the generic message only', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const { app } = makeApp({}, { search: async () => { throw createError('INDEX_MISSING', '/srv/data/manifest.json'); } });
    const res = await app.request('/api/search?q=x');
    expect(res.status).toBe(503);
    expect(await errorOf(res)).toEqual({ code: 'INDEX_MISSING', message: 'no index was found' });
  });

  it('maps a crashed answer worker to 503, a request worth retrying', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const { app } = makeApp({}, { ask: async () => { throw createError('ANSWER_WORKER_FAILED', 'answer worker 0 exited with code 1'); } });
    const res = await app.request('/api/ask', postJson({ question: '研发投入强度是多少？' }));
    expect(res.status).toBe(503);
    expect(await errorOf(res)).toEqual({ code: 'ANSWER_WORKER_FAILED', message: 'the answering thread stopped before it answered; retry' });
  });
});
