/**
 * Malformed input against the real app: over a thousand requests from a seeded PRNG. Every answer
 * is a 2xx (the input happened to be valid) or a 4xx with `{ error: { code, message } }`; never a
 * 5xx, a stack trace or a server path.
 */
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIngestConfig } from '../../ingest/config.js';
import { createApp } from '../../server/app.js';
import { openKnowledgeBase } from '../../server/open-knowledge-base.js';
import { createServices, type LiveServices } from '../../server/services.js';
import { seededRandom } from '../../ingest/seeded-random.js';
import { copyCorpus, type ScratchCorpus } from '../fixtures/scratch-corpus.js';
import { TEST_APP_OPTIONS } from '../server/helpers.js';

const SEED = 0xc0ffee;
const REQUESTS = 1_200;
const STACK_TRACE = /\bat .*(\/|\\)[\w.-]+\.(ts|js|mjs|cjs):\d+/;

interface FuzzRequest {
  label: string;
  path: string;
  init?: RequestInit;
}

let scratch: ScratchCorpus | undefined;
let app: Hono;
let services: LiveServices;

beforeAll(async () => {
  scratch = copyCorpus('fuzz-');
  const config = loadIngestConfig({ CORPUS_DIR: scratch.corpusDir, DATA_DIR: scratch.dataDir, EMBEDDER: 'builtin' });
  services = createServices(await openKnowledgeBase(config), config, { log: () => {} });
  app = createApp(services, TEST_APP_OPTIONS);
});

afterAll(() => {
  scratch?.remove();
});

/** The generators, each a small family of malformed (or odd but valid) requests. */
function makeGenerator(random: () => number): () => FuzzRequest {
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const text = (n: number) => Array.from({ length: n }, () => String.fromCharCode(pick([0x20 + int(95), 0x4e00 + int(0x5000), int(32), 0xd800 + int(0x800)]))).join('');
  const weird: unknown[] = [0, -1, 1.5, 1e309, NaN, true, null, [], ['问题'], {}, { q: '问题' }, '', ' ', '\u0000', 'a'.repeat(10_000), [[[[]]]], { __proto__: { x: 1 } }];
  const post = (p: string, body: BodyInit, label: string, type = 'application/json'): FuzzRequest => ({
    label,
    path: p,
    init: { method: 'POST', headers: { 'content-type': type }, body },
  });
  const askPath = () => pick(['/api/ask', '/api/chat', '/api/brief']);
  const families: Array<() => FuzzRequest> = [
    () => post(askPath(), pick(['{', '{"question":', '[1,2', 'nul', '{"question":"a",}', "{'question':'a'}", '\u0000', '{"question":"\\x"}']), 'bad json'),
    () => post(askPath(), JSON.stringify({ question: pick(weird), history: pick(weird), topK: pick(weird) }), 'wrong types'),
    () => post(askPath(), JSON.stringify(pick(weird)), 'wrong top-level'),
    () => post(askPath(), JSON.stringify({ question: pick(['', '   ', 'a'.repeat(10_000), '问'.repeat(2_001)]) }), 'empty or long'),
    () => post(askPath(), JSON.stringify({ question: text(1 + int(60)), topK: pick([1, 5, 50]) }), 'control chars and surrogates'),
    () => post(askPath(), `{"question":"${pick(['\\ud800', '\\udfff', '\\ud83d', '\\u0000\\u0001', '\\udc00\\ud800'])}${text(int(10)).replace(/["\\]/g, '')}"}`, 'escaped lone surrogates'),
    () => {
      const bytes = new TextEncoder().encode('{"question":"固定资产投资XX"}');
      const bad = Uint8Array.from([...bytes.slice(0, 14), ...Array.from({ length: 1 + int(6) }, () => pick([0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0xf8])), ...bytes.slice(14)]);
      return post('/api/ask', bad, 'invalid utf-8');
    },
    () => post(askPath(), JSON.stringify({ question: '问题', history: [{ role: 'user', content: 'x'.repeat(70_000 + int(30_000)) }] }), 'huge body'),
    () => post(askPath(), 'x'.repeat(65_537 + int(100_000)), 'huge non-json body', 'text/plain'),
    () => post('/api/ask', JSON.stringify({ question: '固定资产投资累计完成多少？', history: Array.from({ length: int(60) }, () => ({ role: pick(['user', 'assistant', 'system', 1]), content: pick([text(20), 5, null]) })) }), 'history shapes'),
    () => ({ label: 'unknown route', path: pick(['/api/nope', '/api', '/api/', '/nope', '/api/ask/extra', '/api/admin/reindex', '/.env', '/.git/config', '/api/sections', '/api/documents/x']), init: { method: pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']) } }),
    () => {
      const trick = pick(['../', '..%2F', '%2e%2e', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', '%2F', '%00', 'a%00b', '..', '.', '%252e%252e', 'a'.repeat(300), '%E0%A4%A', '%ff', '中文', 'x y', '..%5c..%5c']);
      const where = pick([(t: string) => `/api/sections/${t}`, (t: string) => `/api/documents/${t}/outline`, (t: string) => `/api/sections/${t}${t}etc/passwd`]);
      return { label: 'path trick', path: where(trick) };
    },
    () => {
      const q = pick(['', 'q=', 'q=%20', 'q=固定资产', `q=${'a'.repeat(2_500)}`, 'q=%ff', 'q=%00', 'q=a&q=b']);
      const k = pick(['', 'k=-1', 'k=abc', 'k=0', 'k=1e9', 'k=51', 'k=2.5', 'k=', 'k[]=1', 'limit=1e9', 'limit=-1', 'limit=abc', 'sectionId=../x', 'sectionId=%00']);
      return { label: 'bad query', path: `${pick(['/api/search', '/api/figures'])}?${[q, k].filter(Boolean).join('&')}` };
    },
    () => post('/v1/chat/completions', pick(['{', '{"messages":', '[1,2', '{"messages":[{"role":"user","content":"a"}],}', '\u0000']), 'v1 bad json'),
    () => post('/v1/chat/completions', JSON.stringify({ model: pick(weird), messages: pick(weird), stream: pick(weird), documents: pick(weird) }), 'v1 wrong types'),
    () =>
      post(
        '/v1/chat/completions',
        JSON.stringify({
          messages: Array.from({ length: int(8) }, () => ({ role: pick(['user', 'assistant', 'system', 'tool', 'root', 1, null]), content: pick([text(20), null, 5, [{ type: 'text', text: text(10) }], [{ type: 'image_url' }], [{}], weird]) })),
          stream: pick([true, false]),
        }),
        'v1 message shapes',
      ),
    () => post('/v1/chat/completions', JSON.stringify({ messages: [{ role: 'user', content: pick(['', '   ', '问'.repeat(2_001), text(1 + int(40))]) }], stream: pick([true, false]) }), 'v1 empty, long or odd question'),
    () => post('/v1/chat/completions', JSON.stringify({ messages: [{ role: 'user', content: 'x'.repeat(70_000 + int(30_000)) }] }), 'v1 huge body'),
    () => ({ label: 'v1 routes', path: pick(['/v1', '/v1/', '/v1/models', '/v1/models/nope', '/v1/models/policy-assistant', '/v1/completions', '/v1/embeddings', '/v1/chat/completions']), init: { method: pick(['GET', 'POST', 'PUT', 'DELETE']) } }),
    () => {
      const rpc = pick<unknown>([
        '{',
        '[]',
        weird,
        { jsonrpc: '2.0' },
        { jsonrpc: '1.0', id: 1, method: 'tools/list' },
        { jsonrpc: '2.0', id: pick(weird), method: pick(['tools/list', 'tools/call', 'nope', '', 5]) },
        { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: pick(['ask', 'search', 'get_section', 'find_figures', 'list_documents', 'nope', 5]), arguments: pick([weird, { question: pick(weird) }, { sectionId: pick(['../x', '%00', 'a'.repeat(300)]) }, { query: text(20), k: pick(weird) }]) } },
        { jsonrpc: '2.0', id: 1, method: 'initialize', params: pick(weird) },
      ]);
      const method = pick(['POST', 'POST', 'GET', 'DELETE']);
      const headers = { 'content-type': 'application/json', accept: pick(['application/json, text/event-stream', 'text/html', '*/*']) };
      const body = method === 'GET' ? undefined : typeof rpc === 'string' ? rpc : JSON.stringify(rpc);
      return { label: 'mcp json-rpc', path: '/mcp', init: { method, headers, ...(body === undefined ? {} : { body }) } };
    },
    () => {
      const form = new FormData();
      const variant = int(5);
      if (variant === 0) form.append('file', new Blob([]), 'empty.pdf');
      else if (variant === 1) form.append('other', 'x');
      else if (variant === 2) form.append('file', text(30));
      // Binary, so that no variant is a valid report: the library must stay as it is.
      else if (variant === 3) form.append('file', new Blob([Uint8Array.from({ length: 1024 }, (_, i) => (i % 7 === 0 ? 0 : 0xff))]), pick(['../../etc/passwd', '\u0000.pdf', 'a'.repeat(300), '']));
      else return post('/api/documents', pick(['--x\r\nbroken', text(50)]), 'upload broken multipart', pick(['multipart/form-data; boundary=x', 'multipart/form-data', 'application/pdf', 'text/plain']));
      return { label: 'upload shapes', path: '/api/documents', init: { method: 'POST', body: form } };
    },
  ];
  return () => pick(families)();
}

function checkResponse(req: FuzzRequest, status: number, body: string, contentType: string | null): string[] {
  const where = `${req.label} ${req.init?.method ?? 'GET'} ${req.path.slice(0, 120)} -> ${status}`;
  const problems: string[] = [];
  if (status >= 500) problems.push(`${where}: server error ${body.slice(0, 200)}`);
  if (STACK_TRACE.test(body)) problems.push(`${where}: stack trace in body`);
  if (body.includes('/work/')) problems.push(`${where}: server path in body`);
  if (body.includes('root:x:0')) problems.push(`${where}: /etc/passwd served`);
  if (status >= 400) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = null;
    }
    const error = (parsed as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    // MCP answers in JSON-RPC, whose error codes are numbers; the app's own limits answer as everywhere.
    const codeOk = typeof error?.code === 'string' || (req.path.startsWith('/mcp') && typeof error?.code === 'number');
    if (!codeOk || typeof error?.message !== 'string' || !contentType?.includes('application/json')) {
      problems.push(`${where}: not a JSON error body: ${body.slice(0, 200)}`);
    }
  } else if (status < 200) problems.push(`${where}: unexpected status`);
  return problems;
}

describe('fuzzing the HTTP API', () => {
  it(`answers ${REQUESTS} malformed requests with 2xx or JSON 4xx, never 5xx`, async () => {
    const next = makeGenerator(seededRandom(SEED));
    const library = services.documents().map((d) => d.id);
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    const deadline = Date.now() + 90_000;
    let sent = 0;
    for (; sent < REQUESTS && Date.now() < deadline; sent++) {
      const req = next();
      const res = await app.request(req.path, req.init);
      const body = await res.text();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      problems.push(...checkResponse(req, res.status, body, res.headers.get('content-type')));
    }
    console.log(`fuzz: ${sent} requests sent; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`);

    expect(problems.slice(0, 20)).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(1_000);
    const health = await app.request('/health');
    expect(health.status).toBe(200);
    // No upload was a report, so nothing joined or left the library.
    await services.idle();
    expect(services.documents().map((d) => d.id)).toEqual(library);
  }, 120_000);
});
