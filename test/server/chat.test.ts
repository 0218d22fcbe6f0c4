import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnswerResponseSchema } from '../../server/contract.js';
import { splitForStreaming } from '../../server/wording/extractive.js';
import { errorOf, makeApp, parseEvents, postJson } from './helpers.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('POST /api/chat', () => {
  it('streams meta, then deltas, then done with the full answer', async () => {
    const { app } = makeApp();
    const res = await app.request('/api/chat', postJson({ question: 'What is the R&D spending ratio?' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('text/event-stream');
    const events = parseEvents(await res.text());
    const names = events.map((e) => e.event);
    expect(names[0]).toBe('meta');
    expect(names.at(-1)).toBe('done');
    expect(names.slice(1, -1).every((n) => n === 'delta')).toBe(true);
    expect(names.length).toBeGreaterThan(3);

    const meta = events[0]?.data as Record<string, unknown>;
    expect(Object.keys(meta).sort()).toEqual(['answerable', 'citations', 'figures', 'passages']);
    const done = AnswerResponseSchema.parse(events.at(-1)?.data);
    const streamed = events.slice(1, -1).map((e) => (e.data as { text: string }).text);
    expect(streamed.join('')).toBe(done.answer);
    expect(done.answer).toContain('3.39%');
    expect(meta.citations).toEqual(done.citations);
  });

  it('rejects invalid bodies with a JSON 400 before streaming', async () => {
    const { app } = makeApp();
    const res = await app.request('/api/chat', postJson('{oops'));
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({ code: 'INVALID_JSON' });
    const empty = await app.request('/api/chat', postJson({ question: '' }));
    expect(empty.status).toBe(400);
  });

  it('ends with an error event, without internals, when answering fails', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const { app } = makeApp({}, { ask: async () => { throw new Error('boom at /srv/x.ts:1'); } });
    const res = await app.request('/api/chat', postJson({ question: 'x' }));
    const events = parseEvents(await res.text());
    expect(events).toEqual([{ event: 'error', data: { code: 'INTERNAL', message: 'internal error' } }]);
    expect(stderr).toHaveBeenCalled();
  });
});

describe('splitForStreaming', () => {
  const text = 'R&D expenditure as a share of regional GDP (研究与试验发展经费支出占地区生产总值比重) was adjusted to **3.39%** [1].\n\n- 区域创新指数位居全省第 19 位，高新技术产业增加值占规上工业增加值比重超过 70%。';

  it('keeps every character, in order, in pieces of at most 40', () => {
    const pieces = splitForStreaming(text);
    expect(pieces.join('')).toBe(text);
    expect(pieces.every((p) => Array.from(p).length <= 40)).toBe(true);
    expect(pieces.slice(0, -1).every((p) => Array.from(p).length >= 20)).toBe(true);
  });

  it('prefers to cut after punctuation or spaces, never inside a number', () => {
    const pieces = splitForStreaming(text);
    expect(pieces.filter((p) => /[\s，。）)]$/u.test(p)).length).toBeGreaterThanOrEqual(pieces.length - 2);
    expect(pieces.some((p) => p.endsWith('3.'))).toBe(false);
  });

  it('handles empty and short text', () => {
    expect(splitForStreaming('')).toEqual([]);
    expect(splitForStreaming('短')).toEqual(['短']);
  });
});
