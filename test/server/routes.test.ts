import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AnswerResponseSchema,
  BriefSchema,
  DocumentSummarySchema,
  FigureHitSchema,
  HealthSchema,
  MAX_QUESTION_CHARS,
  OutlineNodeSchema,
  PassageHitSchema,
  SectionDetailSchema,
} from '../../server/contract.js';
import { DOC_ID, RND_QUOTE } from './fake-services.js';
import { errorOf, makeApp, postJson } from './helpers.js';

const SECTION = `${DOC_ID}:s1.1`;

/** Sends the request to a fresh app and expects 400 INVALID_INPUT. */
async function expectInvalidInput(url: string, init?: RequestInit): Promise<void> {
  const { app } = makeApp();
  const res = await app.request(url, init);
  expect(res.status).toBe(400);
  expect((await errorOf(res)).code).toBe('INVALID_INPUT');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('GET /health', () => {
  it('returns the health summary without a token', async () => {
    const { app } = makeApp({ apiToken: 'secret-token-123' });
    const res = await app.request('/health');
    expect(res.status).toBe(200);
    expect(HealthSchema.parse(await res.json())).toMatchObject({ status: 'ok', documents: 1 });
  });

  it('answers 503 when the index is in error', async () => {
    const { app } = makeApp({}, {
      health: () => ({ status: 'error', documents: 0, sections: 0, passages: 0, figures: 0, embedder: { id: 'x', dim: 1 } }),
    });
    expect((await app.request('/health')).status).toBe(503);
  });
});

describe('POST /api/ask', () => {
  it('answers with citations', async () => {
    const { app } = makeApp();
    const res = await app.request('/api/ask', postJson({ question: 'What is the R&D spending ratio?', topK: 5 }));
    expect(res.status).toBe(200);
    const answer = AnswerResponseSchema.parse(await res.json());
    expect(answer.answer).toContain('**3.39%**');
    expect(answer.citations[0]?.quote).toBe(RND_QUOTE);
  });

  it('passes the validated request to the services (trimmed question, history)', async () => {
    const ask = vi.fn(async () => AnswerResponseSchema.parse({
      question: 'q', answer: 'a', answerable: false, citations: [], figures: [], passages: [], timings: { retrieveMs: 0, totalMs: 0 },
    }));
    const { app } = makeApp({}, { ask });
    const history = [{ role: 'user', content: '上一个问题' }];
    await app.request('/api/ask', postJson({ question: '  研发投入？ ', history, extra: 1 }));
    expect(ask).toHaveBeenCalledWith({ question: '研发投入？', history });
  });

  it.each([
    ['bad JSON', '{"question": ', 'INVALID_JSON'],
    ['an empty body', '', 'INVALID_INPUT'],
    ['a JSON array', '[]', 'INVALID_INPUT'],
    ['a number question', { question: 42 }, 'INVALID_INPUT'],
    ['a blank question', { question: '   ' }, 'INVALID_INPUT'],
    ['an over-long question', { question: '问'.repeat(MAX_QUESTION_CHARS + 1) }, 'INVALID_INPUT'],
    ['topK 0', { question: 'x', topK: 0 }, 'INVALID_INPUT'],
    ['topK as a string', { question: 'x', topK: '5' }, 'INVALID_INPUT'],
    ['a history turn with a bad role', { question: 'x', history: [{ role: 'system', content: 'x' }] }, 'INVALID_INPUT'],
  ])('rejects %s with 400', async (_name, body, code) => {
    const { app } = makeApp();
    const res = await app.request('/api/ask', postJson(body));
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({ code });
  });

  it('names the field and the problem in the message', async () => {
    const { app } = makeApp();
    expect((await errorOf(await app.request('/api/ask', postJson({ question: '' }))))).toEqual({
      code: 'INVALID_INPUT',
      message: 'the request is invalid: question: question is empty',
    });
    const long = await errorOf(await app.request('/api/ask', postJson({ question: 'x'.repeat(MAX_QUESTION_CHARS + 1) })));
    expect(long.message).toContain('question is too long');
  });
});

describe('GET /api/search', () => {
  it('returns passages, at most k', async () => {
    const { app } = makeApp();
    const res = await app.request(`/api/search?q=${encodeURIComponent('创新')}&k=2`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { query: string; passages: unknown[] };
    expect(body.query).toBe('创新');
    expect(body.passages.length).toBeGreaterThan(0);
    expect(body.passages.length).toBeLessThanOrEqual(2);
    body.passages.forEach((p) => PassageHitSchema.parse(p));
  });

  it.each(['/api/search', '/api/search?q=', '/api/search?q=x&k=abc', '/api/search?q=x&k=0', '/api/search?q=x&k=51', '/api/search?q=x&k=1.5'])(
    'rejects %s with 400',
    (url) => expectInvalidInput(url),
  );
});

describe('GET /api/figures', () => {
  it('filters by text, section and limit', async () => {
    const { app } = makeApp();
    const byText = (await (await app.request(`/api/figures?q=${encodeURIComponent('亿元')}`)).json()) as { figures: unknown[] };
    const figures = byText.figures.map((f) => FigureHitSchema.parse(f));
    expect(figures.length).toBeGreaterThan(0);
    expect(figures.every((f) => f.unit === '亿元' || f.sentence.includes('亿元'))).toBe(true);
    expect(figures.some((f) => f.unit === '亿元')).toBe(true);

    const bySection = (await (await app.request(`/api/figures?sectionId=${encodeURIComponent(`${DOC_ID}:s2.1`)}`)).json()) as {
      figures: Array<{ sectionId: string }>;
    };
    expect(bySection.figures.map((f) => f.sectionId)).toEqual([`${DOC_ID}:s2.1`, `${DOC_ID}:s2.1`]);

    const limited = (await (await app.request('/api/figures?limit=2&q=')).json()) as { figures: unknown[] };
    expect(limited.figures).toHaveLength(2);
  });

  it.each(['/api/figures?limit=0', '/api/figures?limit=501', '/api/figures?sectionId=..%2Fetc', '/api/figures?sectionId=a%20b'])(
    'rejects %s with 400',
    (url) => expectInvalidInput(url),
  );
});

describe('documents and outlines', () => {
  it('lists the documents', async () => {
    const { app } = makeApp();
    const body = (await (await app.request('/api/documents')).json()) as { documents: unknown[] };
    expect(body.documents.map((d) => DocumentSummarySchema.parse(d).id)).toEqual([DOC_ID]);
  });

  it('returns the outline of a document', async () => {
    const { app } = makeApp();
    const res = await app.request(`/api/documents/${DOC_ID}/outline`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { docId: string; outline: unknown[] };
    expect(body.docId).toBe(DOC_ID);
    const outline = body.outline.map((n) => OutlineNodeSchema.parse(n));
    expect(outline[0]?.children.map((c) => c.title)).toEqual(['（一）总体目标要求落实情况', '（二）主要指标完成情况评价']);
  });

  it('answers 404 for an unknown document and 400 for a malformed id', async () => {
    const { app } = makeApp();
    const missing = await app.request('/api/documents/no-such-doc/outline');
    expect(missing.status).toBe(404);
    expect(await errorOf(missing)).toMatchObject({ code: 'DOCUMENT_NOT_FOUND' });
    const bad = await app.request('/api/documents/%E6%96%87%20x/outline');
    expect(bad.status).toBe(400);
  });
});

describe('GET /api/sections/:sectionId', () => {
  it('returns the section', async () => {
    const { app } = makeApp();
    const res = await app.request(`/api/sections/${encodeURIComponent(SECTION)}`);
    expect(res.status).toBe(200);
    const section = SectionDetailSchema.parse(await res.json());
    expect(section.text).toContain(RND_QUOTE);
    expect(section.path).toEqual(['一、《纲要》目标指标完成情况', '（一）总体目标要求落实情况']);
  });

  it('answers 404 SECTION_NOT_FOUND for an unknown id', async () => {
    const { app } = makeApp();
    const res = await app.request('/api/sections/nope:1');
    expect(res.status).toBe(404);
    expect(await errorOf(res)).toMatchObject({ code: 'SECTION_NOT_FOUND' });
  });

  it.each(['/api/sections/..%2f..%2fetc%2fpasswd', '/api/sections/..%2F..%2Fpackage.json', `/api/sections/${'a'.repeat(201)}`, '/api/sections/%00'])(
    'rejects %s with a 4xx JSON error and no file content',
    async (url) => {
      const { app } = makeApp();
      const res = await app.request(url);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.headers.get('Content-Type')).toContain('application/json');
      const text = await res.text();
      expect(text).not.toContain('root:');
      expect(text).not.toContain('"dependencies"');
      expect(JSON.parse(text)).toHaveProperty('error.code');
    },
  );
});

describe('POST /api/brief', () => {
  it('returns a brief as JSON', async () => {
    const { app } = makeApp();
    const res = await app.request('/api/brief', postJson({ sectionIds: [SECTION] }));
    expect(res.status).toBe(200);
    const brief = BriefSchema.parse(await res.json());
    expect(brief.groups[0]?.sectionId).toBe(SECTION);
  });

  it('returns Markdown for ?format=markdown and for Accept: text/markdown', async () => {
    const { app } = makeApp();
    for (const [url, headers] of [
      ['/api/brief?format=markdown', {}],
      ['/api/brief', { Accept: 'text/markdown' }],
    ] as const) {
      const res = await app.request(url, postJson({ topic: '亿元' }, headers));
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Type')).toBe('text/markdown; charset=utf-8');
      expect(await res.text()).toMatch(/^# 亿元/);
    }
  });

  it.each([
    ['neither topic nor sectionIds', {}],
    ['an empty sectionIds list', { sectionIds: [] }],
    ['a malformed section id', { sectionIds: ['../secrets'] }],
    ['a number topic', { topic: 7 }],
  ])('rejects %s with 400', (_name, body) => expectInvalidInput('/api/brief', postJson(body)));
});

describe('POST /api/admin/reindex', () => {
  const TOKEN = 'admin-token-0123';
  const auth = { Authorization: `Bearer ${TOKEN}` };

  it('answers 403 ADMIN_DISABLED when no token is configured', async () => {
    const { app } = makeApp();
    const res = await app.request('/api/admin/reindex', { method: 'POST' });
    expect(res.status).toBe(403);
    expect(await errorOf(res)).toMatchObject({ code: 'ADMIN_DISABLED' });
  });

  it('needs the bearer token when one is configured', async () => {
    const { app } = makeApp({ apiToken: TOKEN });
    expect((await app.request('/api/admin/reindex', { method: 'POST' })).status).toBe(401);
    const res = await app.request('/api/admin/reindex', { method: 'POST', headers: auth });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: 'started' });
  });

  it('reports already-running, and does not wait for a long rebuild', async () => {
    const running = makeApp({ apiToken: TOKEN }, { reindex: async () => ({ status: 'already-running' }) });
    expect(await (await running.app.request('/api/admin/reindex', { method: 'POST', headers: auth })).json()).toEqual({
      status: 'already-running',
    });
    const slow = makeApp({ apiToken: TOKEN }, { reindex: () => new Promise(() => {}) });
    const res = await slow.app.request('/api/admin/reindex', { method: 'POST', headers: auth });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: 'started' });
  });
});
