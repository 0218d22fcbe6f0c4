/**
 * The MCP server through the SDK's own client: over streamable HTTP against the real app on a
 * real port (with and without API_TOKEN), and over stdio against `server/mcp-stdio.ts` in a child
 * process, both over an index built from a scratch copy of corpus/.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIngestConfig } from '../../ingest/config.js';
import { createError } from '../../ingest/errors.js';
import { bookTitle } from '../../server/answer/attribute-answer.js';
import { createApp, type AppOptions } from '../../server/app.js';
import type { Services } from '../../server/contract.js';
import { createMcpServer } from '../../server/mcp/mcp-server.js';
import { openKnowledgeBase } from '../../server/open-knowledge-base.js';
import { createServices, type LiveServices } from '../../server/services.js';
import { copyCorpus, ROOT, type ScratchCorpus } from '../fixtures/scratch-corpus.js';
import { createFakeServices } from './fake-services.js';
import { TEST_APP_OPTIONS } from './helpers.js';

const TOOL_NAMES = ['ask', 'search', 'get_section', 'list_documents', 'find_figures'];
const QUESTION = '江北区的研发经费投入强度是多少？';
const TOKEN = 'mcp-test-token';
/** Spawning tsx and building the index of one report takes seconds; allow for a loaded machine. */
const STDIO_TIMEOUT_MS = 120_000;

interface Served {
  url: URL;
  close(): Promise<void>;
}

function serveApp(services: LiveServices, options: Partial<AppOptions> = {}): Promise<Served> {
  const app = createApp(services, { ...TEST_APP_OPTIONS, ...options });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
      resolve({
        url: new URL(`http://127.0.0.1:${info.port}/mcp`),
        close: () =>
          new Promise<void>((done) => {
            if ('closeAllConnections' in server) server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
    server.once('error', reject);
  });
}

async function connectHttp(url: URL, headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: 'mcp-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers } }));
  return client;
}

async function call(client: Client, name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

/** The text of a result: its text blocks joined. */
function textOf(result: CallToolResult): string {
  return result.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('\n');
}

/** A passage's path as the tools write it: 《title》 › chapter › section. */
const pathText = (title: string, path: readonly string[]): string => [bookTitle(title), ...path].join(' › ');

describe('MCP over streamable HTTP', () => {
  let scratch: ScratchCorpus;
  let services: LiveServices;
  let open: Served;
  let guarded: Served;
  let client: Client;
  let docTitle: string;

  beforeAll(async () => {
    scratch = copyCorpus('mcp-http-');
    const config = loadIngestConfig({ CORPUS_DIR: scratch.corpusDir, DATA_DIR: scratch.dataDir, EMBEDDER: 'builtin' });
    services = createServices(await openKnowledgeBase(config), config, { log: () => {} });
    docTitle = services.documents()[0]!.title;
    open = await serveApp(services);
    guarded = await serveApp(services, { apiToken: TOKEN });
    client = await connectHttp(open.url);
  });

  afterAll(async () => {
    await client?.close();
    await open?.close();
    await guarded?.close();
    await services?.close();
    scratch?.remove();
  });

  it('lists the five tools with their input schemas', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([...TOOL_NAMES].sort());
    const byName = new Map(tools.map((t) => [t.name, t]));
    expect(byName.get('ask')!.inputSchema).toMatchObject({ type: 'object', required: ['question'], properties: { question: { maxLength: 2000 } } });
    expect(byName.get('search')!.inputSchema.required).toEqual(['query']);
    expect(Object.keys(byName.get('search')!.inputSchema.properties ?? {}).sort()).toEqual(['documents', 'k', 'query']);
    expect(byName.get('get_section')!.inputSchema.required).toEqual(['sectionId']);
    expect(byName.get('list_documents')!.inputSchema.properties ?? {}).toEqual({});
    expect(byName.get('find_figures')!.inputSchema.required ?? []).toEqual([]);
    for (const tool of tools) expect(tool.outputSchema, tool.name).toMatchObject({ type: 'object' });
  });

  it('ask answers with the figure and cites the report and section path', async () => {
    const result = await call(client, 'ask', { question: QUESTION });
    expect(result.isError).toBeFalsy();
    const text = textOf(result);
    const [answer, sources] = text.split('\nSources:');
    expect(answer).toContain('3.39%');
    const citations = (result.structuredContent as { citations: Array<{ n: number; sectionPath: string[]; quote: string }> }).citations;
    expect(citations.length).toBeGreaterThan(0);
    for (const c of citations) expect(sources).toContain(`[${c.n}] ${pathText(docTitle, c.sectionPath)} — “${c.quote}”`);
    expect(citations.some((c) => c.quote.includes('3.39%'))).toBe(true);
  });

  it('ask on a question the reports do not answer says so, and its quotes are not called sources', async () => {
    const result = await call(client, 'ask', { question: '火星上有多少人？' });
    expect((result.structuredContent as { answerable: boolean }).answerable).toBe(false);
    expect(textOf(result)).not.toContain('\nSources:');
    expect(textOf(result)).toContain('\nClosest passages');
  });

  it('ask limited to an unknown report is a tool error naming it', async () => {
    const result = await call(client, 'ask', { question: QUESTION, documents: ['no-such-report'] });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/DOCUMENT_NOT_FOUND.*no-such-report/);
  });

  it('search returns passages under their report › section path', async () => {
    const result = await call(client, 'search', { query: '研发经费投入强度', k: 3 });
    expect(result.isError).toBeFalsy();
    const { passages } = result.structuredContent as { passages: Array<{ sectionPath: string[]; text: string }> };
    expect(passages.length).toBeGreaterThan(0);
    expect(passages.length).toBeLessThanOrEqual(3);
    const text = textOf(result);
    for (const p of passages) {
      expect(text).toContain(pathText(docTitle, p.sectionPath));
      expect(text).toContain(p.text);
    }
    expect(passages.some((p) => p.text.includes('3.39%'))).toBe(true);
  });

  it('get_section returns the path, text and figures of a section search found', async () => {
    const search = await call(client, 'search', { query: '研究与试验发展经费支出占地区生产总值比重', k: 1 });
    const [hit] = (search.structuredContent as { passages: Array<{ sectionId: string }> }).passages;
    const result = await call(client, 'get_section', { sectionId: hit!.sectionId });
    expect(result.isError).toBeFalsy();
    const section = result.structuredContent as { id: string; path: string[]; text: string; figures: Array<{ value: string; unit: string }> };
    expect(section.id).toBe(hit!.sectionId);
    const text = textOf(result);
    expect(text.split('\n')[0]).toBe(pathText(docTitle, section.path));
    expect(text).toContain(section.text.trim());
    expect(section.figures.length).toBeGreaterThan(0);
    for (const f of section.figures) expect(text).toContain(`${f.value}${f.unit}`);
  });

  it('get_section of an unknown section is a tool error', async () => {
    const result = await call(client, 'get_section', { sectionId: 'no-such-report:9.9' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('SECTION_NOT_FOUND');
    expect(textOf(result)).toContain('no-such-report:9.9');
  });

  it('list_documents gives one line per report with id, title, region, kind and years', async () => {
    const result = await call(client, 'list_documents');
    const documents = services.documents();
    const lines = textOf(result).split('\n').filter((l) => l.startsWith('- '));
    expect(lines).toHaveLength(documents.length);
    const [doc] = documents;
    expect(lines[0]).toContain(doc!.id);
    expect(lines[0]).toContain(bookTitle(doc!.title));
    expect(lines[0]).toContain(doc!.region!);
    expect(lines[0]).toContain(doc!.kind);
    expect(lines[0]).toContain(String(doc!.years.current));
  });

  it('find_figures gives one line per figure with value, unit, sentence and source path', async () => {
    const result = await call(client, 'find_figures', { q: '研究与试验发展经费', limit: 5 });
    expect(result.isError).toBeFalsy();
    const { figures } = result.structuredContent as { figures: Array<{ value: string; unit: string; sentence: string; sectionPath: string[] }> };
    expect(figures.length).toBeGreaterThan(0);
    expect(figures.length).toBeLessThanOrEqual(5);
    const lines = textOf(result).split('\n').filter((l) => l.startsWith('- '));
    expect(lines).toHaveLength(figures.length);
    figures.forEach((f, i) => {
      expect(lines[i]).toContain(`${f.value}${f.unit}`);
      expect(lines[i]).toContain(f.sentence);
      expect(lines[i]).toContain(pathText(docTitle, f.sectionPath));
    });
    expect(figures.some((f) => f.value === '3.39' && f.unit === '%')).toBe(true);
  });

  it('find_figures within an unknown section is a tool error', async () => {
    const result = await call(client, 'find_figures', { sectionId: 'no-such-report:1' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('SECTION_NOT_FOUND');
  });

  it('invalid input is a tool error, not a crash', async () => {
    for (const [name, args] of [
      ['ask', { question: '   ' }],
      ['ask', { question: '问'.repeat(2001) }],
      ['search', { query: '研发', k: 0 }],
      ['get_section', { sectionId: '../etc/passwd' }],
      ['find_figures', { limit: 'many' }],
    ] as const) {
      const result = await call(client, name, args);
      expect(result.isError, `${name} ${JSON.stringify(args).slice(0, 60)}`).toBe(true);
      expect(textOf(result)).toMatch(/invalid|validation/i);
    }
    // The server still answers after them.
    expect(textOf(await call(client, 'list_documents'))).toContain(services.documents()[0]!.id);
  });

  it('answers GET and DELETE with 405 (stateless: no stream, no session)', async () => {
    for (const method of ['GET', 'DELETE']) {
      const res = await fetch(open.url, { method, headers: { Accept: 'text/event-stream' } });
      expect(res.status, method).toBe(405);
    }
  });

  it('with API_TOKEN, refuses a client without the token (401) and serves one with it', async () => {
    await expect(connectHttp(guarded.url)).rejects.toMatchObject({ code: 401 });
    await expect(connectHttp(guarded.url, { Authorization: 'Bearer wrong-token' })).rejects.toMatchObject({ code: 401 });
    const authorized = await connectHttp(guarded.url, { Authorization: `Bearer ${TOKEN}` });
    try {
      const result = await call(authorized, 'ask', { question: QUESTION });
      expect(textOf(result)).toContain('3.39%');
    } finally {
      await authorized.close();
    }
  });
});

describe('MCP tool results over fake services', () => {
  async function connectInMemory(overrides: Partial<Services>, log: (line: string) => void): Promise<Client> {
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await createMcpServer(createFakeServices(overrides), { log }).connect(serverSide);
    const client = new Client({ name: 'mcp-test', version: '1.0.0' });
    await client.connect(clientSide);
    return client;
  }

  it('sends only the contract fields as structured content, so that clients accept it', async () => {
    const fake = createFakeServices();
    const client = await connectInMemory({ documents: () => fake.documents().map((d) => ({ ...d, internalPath: '/secret/corpus' })) }, () => {});
    await client.listTools(); // the client checks structured content against the output schemas it lists
    const result = await call(client, 'list_documents');
    expect(result.isError).toBeFalsy();
    const { documents } = result.structuredContent as { documents: Array<Record<string, unknown>> };
    expect(documents.map((d) => d.id)).toEqual(fake.documents().map((d) => d.id));
    expect(documents.every((d) => !('internalPath' in d))).toBe(true);
    await client.close();
  });

  it('turns an unexpected error into INTERNAL without its details, and logs them', async () => {
    const logs: string[] = [];
    const client = await connectInMemory({ search: () => Promise.reject(new Error('EACCES: /secret/index/passages.bin')) }, (line) => logs.push(line));
    const result = await call(client, 'search', { query: '研发' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toBe('INTERNAL: internal error');
    expect(logs.join('\n')).toContain('/secret/index/passages.bin');
    await client.close();
  });

  it('keeps the code of an index error but not its specifics', async () => {
    const client = await connectInMemory({ ask: () => Promise.reject(createError('INDEX_MISSING', '/secret/data/manifest.json')) }, () => {});
    const result = await call(client, 'ask', { question: '研发投入强度是多少？' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^INDEX_MISSING: /);
    expect(textOf(result)).not.toContain('/secret');
    await client.close();
  });
});

describe('MCP over stdio', () => {
  let scratch: ScratchCorpus;
  let transport: StdioClientTransport;
  let client: Client;
  let stderr = '';
  const protocolErrors: Error[] = [];

  beforeAll(async () => {
    scratch = copyCorpus('mcp-stdio-');
    transport = new StdioClientTransport({
      command: process.execPath,
      args: ['--import', 'tsx', 'server/mcp-stdio.ts'],
      cwd: ROOT,
      // A fresh DATA_DIR: the server builds the index before it answers.
      env: { ...getDefaultEnvironment(), CORPUS_DIR: scratch.corpusDir, DATA_DIR: scratch.dataDir, EMBEDDER: 'builtin' },
      stderr: 'pipe',
    });
    transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    client = new Client({ name: 'mcp-test', version: '1.0.0' });
    client.onerror = (error) => protocolErrors.push(error);
    await client.connect(transport, { timeout: STDIO_TIMEOUT_MS });
  }, STDIO_TIMEOUT_MS);

  afterAll(async () => {
    await client?.close();
    scratch?.remove();
  });

  it('lists the tools and answers ask with its citation', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([...TOOL_NAMES].sort());
    const result = await call(client, 'ask', { question: QUESTION });
    const text = textOf(result);
    expect(text).toContain('3.39%');
    expect(text).toMatch(/^\[1\] 《江北区[^\n]*》 › [^\n]+ — “[^\n]*3\.39%[^\n]*”/m);
  });

  it('keeps stdout for the protocol: the build is logged on stderr', () => {
    expect(stderr).toMatch(/parsed 1 document/);
    expect(stderr).toContain('[mcp] serving 1 document(s)');
    expect(protocolErrors).toEqual([]);
  });

  it('exits by itself when stdin closes', async () => {
    const pid = transport.pid!;
    const started = Date.now();
    await client.close();
    // The client sends SIGTERM only after waiting 2 s for the exit: a prompt exit came from stdin.
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(() => process.kill(pid, 0)).toThrow();
  });
});
