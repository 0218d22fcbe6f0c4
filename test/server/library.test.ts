/**
 * A library of several reports: questions answered from the report they name (region in Chinese or
 * English, 咱们区), else the best-matching one named in the answer; the `documents` filter on every
 * route that takes it; a comparison answered from both reports; uploads and deletes through the
 * API with their refusals, the others' index untouched.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureIndex } from '../../ingest/build-index.js';
import { loadIngestConfig, type IngestConfig } from '../../ingest/config.js';
import { answerQuestion } from '../../server/answer/answer-question.js';
import { createApp } from '../../server/app.js';
import { AnswerResponseSchema } from '../../server/contract.js';
import { openKnowledgeBase } from '../../server/open-knowledge-base.js';
import { createServices, type LiveServices } from '../../server/services.js';
import { ROOT } from '../fixtures/scratch-corpus.js';
import { makeZip } from '../fixtures/make-zip.js';

const PROVINCIAL = path.join(ROOT, 'test/fixtures/reports/provincial');
const REPORTS = ['beijing', 'shanghai', 'hubei', 'hunan'].map((r) => path.join(PROVINCIAL, `${r}-2026-gov-work-report.txt`));
const JIANGBEI = path.join(ROOT, 'corpus/jiangbei-14th-fyp-midterm-review.md');
const HAISHU = path.join(ROOT, 'test/fixtures/reports/haishu-annual-review.txt');

let base: string;
let config: IngestConfig;
let services: LiveServices;
let app: ReturnType<typeof createApp>;

const appOptions = { bodyLimitBytes: 65_536, rateLimitPerMinute: 0, corsOrigins: [], logQuestions: false, log: () => {}, maxUploadBytes: 2 * 1024 * 1024 };

async function ask(body: Record<string, unknown>) {
  const res = await app.request('/api/ask', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

function upload(name: string, bytes: Buffer | string, target = app) {
  const form = new FormData();
  form.append('file', new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name));
  return target.request('/api/documents', { method: 'POST', body: form });
}

beforeAll(async () => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'library-'));
  const corpusDir = path.join(base, 'corpus');
  fs.mkdirSync(corpusDir);
  for (const file of [...REPORTS, JIANGBEI]) fs.copyFileSync(file, path.join(corpusDir, path.basename(file)));
  config = loadIngestConfig({ CORPUS_DIR: corpusDir, DATA_DIR: path.join(base, 'data'), EMBEDDER: 'builtin' });
  services = createServices(await openKnowledgeBase(config), config, { log: () => {} });
  app = createApp(services, appOptions);
}, 120_000);

afterAll(async () => {
  await services?.close();
  fs.rmSync(base, { recursive: true, force: true });
});

describe('answers in a library', () => {
  it('answers from the region the question names, in Chinese or English, and says which report', async () => {
    const jiangbei = AnswerResponseSchema.parse((await ask({ question: '江北区的研发经费投入强度是多少？' })).body);
    expect(jiangbei.answer).toContain('3.39%');
    expect(jiangbei.answer).toMatch(/^据《江北区/);
    expect(new Set(jiangbei.citations.map((c) => c.docId))).toEqual(new Set(['jiangbei-14th-fyp-midterm-review']));
    expect(jiangbei.scope).toMatchObject({ by: 'question', documents: [{ id: 'jiangbei-14th-fyp-midterm-review' }] });

    const hubei = AnswerResponseSchema.parse((await ask({ question: 'How much did Hubei’s GDP grow last year?' })).body);
    expect(hubei.citations.every((c) => c.docId === 'hubei-2026-gov-work-report')).toBe(true);
    expect(hubei.answer).toContain('According to the 2026 Hubei government work report');

    const ours = AnswerResponseSchema.parse((await ask({ question: '咱们区的常住人口城镇化率是多少？' })).body);
    expect(ours.scope?.documents.map((d) => d.id)).toEqual(['jiangbei-14th-fyp-midterm-review']);
  });

  it('declines a year no report of the library covers, with the reports named or not', async () => {
    for (const question of ['2019年地区生产总值增长多少？', '湖北2019年地区生产总值增长多少？']) {
      const r = AnswerResponseSchema.parse((await ask({ question })).body);
      expect(r.answerable, question).toBe(false);
      expect(r.citations.length, question).toBeGreaterThan(0);
    }
  });

  it('answers a question that names no region from the one best-matching report', async () => {
    const r = AnswerResponseSchema.parse((await ask({ question: '城乡居民收入倍差是多少？' })).body);
    expect(r.scope?.by).toBe('library');
    expect(r.scope?.documents).toHaveLength(1);
    expect(new Set(r.citations.map((c) => c.docId)).size).toBeLessThanOrEqual(1);
  });

  it('answers a comparison from both reports, each figure cited in its own', async () => {
    const r = AnswerResponseSchema.parse((await ask({ question: '湖北和湖南去年地区生产总值分别增长多少？' })).body);
    expect(r.answer).toContain('**湖北**');
    expect(r.answer).toContain('**湖南**');
    expect(r.answer).toContain('5.5%');
    expect(new Set(r.citations.map((c) => c.docId))).toEqual(new Set(['hubei-2026-gov-work-report', 'hunan-2026-gov-work-report']));
    // Citation numbers run on across the two blocks.
    expect(r.citations.map((c) => c.n)).toEqual(r.citations.map((_, i) => i + 1));
  });

  it('keeps to the documents the request names, on every route that takes them', async () => {
    const only = ['shanghai-2026-gov-work-report'];
    const asked = AnswerResponseSchema.parse((await ask({ question: '今年GDP增长目标是多少？', documents: only })).body);
    expect(asked.citations.length).toBeGreaterThan(0);
    expect(asked.citations.every((c) => c.docId === only[0])).toBe(true);
    expect(asked.scope).toMatchObject({ by: 'request' });

    const chat = await app.request('/api/chat', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question: '今年GDP增长目标是多少？', documents: only }) });
    const done = (await chat.text()).split('\n\n').find((block) => block.startsWith('event: done'));
    const streamed = AnswerResponseSchema.parse(JSON.parse(done!.split('\ndata: ')[1]!));
    expect(streamed.citations.every((c) => c.docId === only[0])).toBe(true);

    const search = (await (await app.request(`/api/search?q=${encodeURIComponent('地区生产总值')}&k=10&documents=${only[0]}`)).json()) as { passages: Array<{ docId: string }> };
    expect(search.passages.length).toBeGreaterThan(0);
    expect(search.passages.every((p) => p.docId === only[0])).toBe(true);

    const two = 'beijing-2026-gov-work-report,hunan-2026-gov-work-report';
    const figures = (await (await app.request(`/api/figures?q=${encodeURIComponent('地区生产总值')}&limit=100&documents=${two}`)).json()) as { figures: Array<{ docId: string }> };
    expect(new Set(figures.figures.map((f) => f.docId))).toEqual(new Set(two.split(',')));

    for (const res of [
      await ask({ question: '今年GDP增长目标是多少？', documents: ['no-such-report'] }),
      { status: (await app.request('/api/search?q=x&documents=no-such-report')).status },
      { status: (await app.request('/api/figures?documents=beijing-2026-gov-work-report,nope')).status },
    ]) expect(res.status).toBe(404);
    expect((await ask({ question: 'x', documents: ['../etc'] })).status).toBe(400);
  });
});

describe('growing the library through the API', () => {
  const waitIdle = async () => {
    await services.idle();
    for (let i = 0; i < 600 && services.libraryStatus().state === 'indexing'; i++) await new Promise((r) => setTimeout(r, 100));
    return services.libraryStatus();
  };

  it('adds an upload under a safe name, answers from it at once, then removes it, the others untouched', async () => {
    const before = services.current().index;
    const res = await upload('../../海曙 review.txt', fs.readFileSync(HAISHU));
    expect(res.status).toBe(202);
    const change = (await res.json()) as { file: string; format: string };
    expect(change).toMatchObject({ file: '海曙_review.txt', format: 'text' });
    expect(await waitIdle()).toMatchObject({ state: 'idle' });
    const after = services.current().index;
    const added = after.docs.find((d) => d.sourcePath === '海曙_review.txt')!;
    expect(added).toBeDefined();
    // The reports already there keep their passages and their vectors.
    const kept = before.passages.map((p, i) => ({ p, i }));
    for (const { p, i } of kept.filter((_, n) => n % 97 === 0)) {
      const j = after.passages.findIndex((q) => q.id === p.id);
      expect(after.passages[j]!.text).toBe(p.text);
      // HNSW renormalizes what it stores: equal up to float32 rounding.
      const [a, b] = [after.vectors.vectorAt(j), before.vectors.vectorAt(i)];
      expect(Math.max(...a.map((v, k) => Math.abs(v - b[k]!)))).toBeLessThan(1e-6);
    }
    const answer = AnswerResponseSchema.parse((await ask({ question: '海曙区全年地区生产总值是多少？' })).body);
    expect(answer.answer).toContain('1528.6');
    expect(answer.citations.every((c) => c.docId === added.id)).toBe(true);

    const removed = await app.request(`/api/documents/${encodeURIComponent(added.id)}`, { method: 'DELETE' });
    expect(removed.status).toBe(202);
    expect(await waitIdle()).toMatchObject({ state: 'idle' });
    expect(services.current().index.docs.map((d) => d.id)).toEqual(before.docs.map((d) => d.id));
    expect(fs.existsSync(path.join(config.corpusDir, '海曙_review.txt'))).toBe(false);
    expect((await app.request('/api/documents/nope', { method: 'DELETE' })).status).toBe(404);
  }, 120_000);

  it('folds a changed report in, the others untouched', async () => {
    const target = path.join(config.corpusDir, 'hunan-2026-gov-work-report.txt');
    const original = fs.readFileSync(target, 'utf8');
    const before = services.current().index;
    try {
      fs.writeFileSync(target, `${original}\n附件：补充说明。全省新建城市口袋公园321个。\n`);
      await services.reindex();
      await services.idle();
      // The admin re-index rebuilds; a corpus change found at start is folded in instead.
      const folded = await ensureIndex(config);
      expect(folded.rebuilt).toBe(false);
      fs.writeFileSync(target, `${original}\n附件：补充说明。全省新建城市口袋公园654个。\n`);
      const result = await ensureIndex(config);
      expect(result.rebuilt).toBe(true);
      const kb = await openKnowledgeBase(config, { build: false });
      expect(kb.index.passages.some((p) => p.text.includes('口袋公园654个'))).toBe(true);
      expect(kb.index.passages.some((p) => p.text.includes('口袋公园321个'))).toBe(false);
      const untouched = before.passages.filter((p) => p.docId === 'beijing-2026-gov-work-report');
      expect(kb.index.passages.filter((p) => p.docId === 'beijing-2026-gov-work-report')).toEqual(untouched);
      const answer = AnswerResponseSchema.parse(await answerQuestion(kb, { question: '湖南新建城市口袋公园多少个？' }));
      expect(answer.answer).toContain('654个');
    } finally {
      fs.writeFileSync(target, original);
      await ensureIndex(config);
    }
  }, 120_000);

  it('refuses what it cannot use, with a JSON reason, and keeps the library as it was', async () => {
    const docs = services.documents().map((d) => d.id);
    const refused = async (res: Response, status: number, code: string) => {
      expect(res.status).toBe(status);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    };
    await refused(await upload('broken.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog'), Buffer.alloc(64, 7)])), 422, 'UPLOAD_REFUSED');
    const bomb = makeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: Buffer.alloc(300 * 1024 * 1024, 0x20) },
    ]);
    await refused(await upload('bomb.docx', bomb), 422, 'UPLOAD_REFUSED');
    await refused(await upload('noise.txt', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))), 422, 'UPLOAD_REFUSED');
    await refused(await upload('empty.txt', ''), 422, 'UPLOAD_REFUSED');
    await refused(await upload('big.txt', Buffer.alloc(3 * 1024 * 1024, 0x41)), 413, 'PAYLOAD_TOO_LARGE');
    await refused(await app.request('/api/documents', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }), 415, 'UNSUPPORTED_UPLOAD');
    // Beyond loopback and without a token, the library does not change.
    const exposed = createApp(services, { ...appOptions, host: '0.0.0.0' });
    await refused(await upload('haishu.txt', fs.readFileSync(HAISHU), exposed), 403, 'UPLOADS_DISABLED');
    await refused(await exposed.request('/api/documents/beijing-2026-gov-work-report', { method: 'DELETE' }), 403, 'UPLOADS_DISABLED');
    expect(services.documents().map((d) => d.id)).toEqual(docs);
    expect(fs.readdirSync(config.corpusDir).sort()).toEqual([...REPORTS, JIANGBEI].map((f) => path.basename(f)).sort());
  }, 120_000);
});
