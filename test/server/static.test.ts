import { describe, expect, it } from 'vitest';
import { errorOf, makeApp } from './helpers.js';

describe('static page', () => {
  it.each([
    ['/', 'text/html'],
    ['/index.html', 'text/html'],
    ['/app.js', 'text/javascript'],
    ['/lib/chat.js', 'text/javascript'],
    ['/styles.css', 'text/css'],
  ])('serves %s as %s', async (url, type) => {
    const { app } = makeApp();
    const res = await app.request(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain(type);
  });

  it('loads only its own scripts and styles (no CDN, no inline script)', async () => {
    const { app } = makeApp();
    const html = await (await app.request('/')).text();
    expect(html).toContain('<script type="module" src="/app.js"></script>');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/<script>(?!<)/);
    expect(html).not.toMatch(/style="/);
  });

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/..%2fpackage.json',
    '/lib/..%2f..%2fpackage.json',
    '/lib/%2e%2e/%2e%2e/package.json',
    '//etc/passwd',
    '/..\\package.json',
    '/.gitignore',
    '/server/app.ts',
  ])('does not serve %s', async (url) => {
    const { app } = makeApp();
    const res = await app.request(url);
    expect(res.status).toBe(404);
    const text = await res.text();
    expect(text).not.toContain('"dependencies"');
    expect(text).not.toContain('root:');
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' } });
  });

  it('answers 404 JSON for files that do not exist', async () => {
    const { app } = makeApp();
    const res = await app.request('/missing.js');
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe('ROUTE_NOT_FOUND');
  });
});
