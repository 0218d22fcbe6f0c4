/**
 * Optional LLM wording against a stand-in LLM that sometimes invents numbers: the worded answer
 * keeps only sentences whose numbers the quotes hold, and no invented number reaches the user,
 * through /api/ask, /api/chat, /v1/chat/completions (streamed or not) or MCP's ask. LLM failures and
 * timeouts give the extractive answer, never an error.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unsupportedNumbers } from '../../server/answer/verify-numbers.js';
import { answerQuestion } from '../../server/answer/answer-question.js';
import type { AnswerEvent, AnswerResponse } from '../../server/contract.js';
import type { KnowledgeBase } from '../../server/retrieve/knowledge-base.js';
import { createServices, type LiveServices } from '../../server/services.js';
import { createLlmClient } from '../../server/wording/llm-client.js';
import { createLlmWording } from '../../server/wording/llm-wording.js';
import { sentencesOf } from '../../server/wording/sentences.js';
import { openTestKnowledgeBase } from '../answer/helpers.js';
import { loadQuestions } from '../eval/questions.js';
import { startStandInLlm, type StandInLlm } from '../fixtures/stand-in-llm.js';
import { startTestServer, type TestServer } from '../web/serve.js';
import { parseEvents, postJson } from './helpers.js';

const TIMEOUT_MS = 1_500;
const RND = '江北区的研发经费投入强度是多少？';

let llm: StandInLlm;
let services: LiveServices;
let server: TestServer;
let client: OpenAI;
let kb: KnowledgeBase;
const logs: string[] = [];

beforeAll(async () => {
  llm = await startStandInLlm({ hangMs: TIMEOUT_MS * 3 });
  const opened = await openTestKnowledgeBase();
  kb = opened.kb;
  const config = opened.config;
  const wording = createLlmWording(createLlmClient({ baseUrl: llm.baseUrl, model: 'stand-in', timeoutMs: TIMEOUT_MS }), (l) => logs.push(l));
  services = createServices(kb, config, { log: () => {}, wording });
  server = await startTestServer(services);
  client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'unused', maxRetries: 0 });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await services?.close();
  await llm?.close();
});

async function ask(question: string): Promise<AnswerResponse> {
  const res = await fetch(`${server.url}/api/ask`, postJson({ question }));
  expect(res.status).toBe(200);
  return (await res.json()) as AnswerResponse;
}

/** The text the page shows while /api/chat streams, and the final answer. */
async function chat(question: string): Promise<{ streamed: string; done: AnswerResponse }> {
  const res = await fetch(`${server.url}/api/chat`, postJson({ question }));
  const events = parseEvents(await res.text());
  expect(events.map((e) => e.event)).not.toContain('error');
  const streamed = events.filter((e) => e.event === 'delta').map((e) => (e.data as { text: string }).text).join('');
  return { streamed, done: events.find((e) => e.event === 'done')!.data as AnswerResponse };
}

async function completion(question: string): Promise<string> {
  const r = await client.chat.completions.create({ model: 'policy-assistant', messages: [{ role: 'user', content: question }] });
  return r.choices[0]!.message.content ?? '';
}

async function streamedCompletion(question: string): Promise<string> {
  const stream = await client.chat.completions.create({ model: 'policy-assistant', messages: [{ role: 'user', content: question }], stream: true });
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
  return text;
}

async function mcpAsk(question: string): Promise<string> {
  const mcp = new Client({ name: 'llm-wording-test', version: '1.0.0' });
  await mcp.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`)));
  try {
    const result = (await mcp.callTool({ name: 'ask', arguments: { question } })) as CallToolResult;
    expect(result.isError).toBeFalsy();
    return result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
  } finally {
    await mcp.close();
  }
}

/** What a number may be checked against: the cited quotes, with their reports' titles and headings. */
const sourcesOf = (a: AnswerResponse) => a.citations.flatMap((c) => [c.quote, c.docTitle, ...c.sectionPath]);

function expectNoInventedNumber(text: string): void {
  for (const n of llm.invented) expect(text).not.toContain(n);
}

describe('LLM wording with checked numbers', () => {
  it('words an answer from the quotes, in the question language, and says so', async () => {
    llm.mode = 'honest';
    const before = llm.requests.length;
    const answer = await ask(RND);
    expect(answer.generation).toBe('llm');
    expect(answer.removed).toBe(0);
    expect(answer.answer).toContain('3.39%');
    expect(answer.answer).toContain('报告给出的数字是');
    // The quotes follow, each with its report › chapter › section.
    expect(answer.answer).toMatch(/> — 《[^》]+》 › /);
    const sent = llm.requests.at(-1)!;
    expect(llm.requests.length).toBe(before + 1);
    expect(sent.messages.at(-1)).toEqual({ role: 'user', content: RND });
    expect(sent.messages[0]!.content).toContain(answer.citations[0]!.quote);
    expect(sent.messages[0]!.content).toContain('用中文回答');
    await ask('What is the R&D spending ratio?');
    expect(llm.requests.at(-1)!.messages[0]!.content).toContain('Answer in English');
  });

  it('never lets an invented number through, by any route, while keeping the checked sentences', async () => {
    llm.mode = 'inventive';
    const questions = loadQuestions('test/eval/dev.jsonl').filter((q) => q.answers.length > 0).slice(0, 10);
    const generations: string[] = [];
    let removed = 0;
    for (const q of questions) {
      const answer = await ask(q.question);
      const { streamed, done } = await chat(q.question);
      for (const a of [answer, done]) {
        generations.push(a.generation!);
        removed += a.removed ?? 0;
        expect(unsupportedNumbers(a.answer, sourcesOf(a)), `${q.id}: ${a.answer}`).toEqual([]);
        expectNoInventedNumber(a.answer);
      }
      expect(streamed).toBe(done.answer);
      expectNoInventedNumber(await completion(q.question));
      expectNoInventedNumber(await streamedCompletion(q.question));
      expectNoInventedNumber(await mcpAsk(q.question));
    }
    // The stand-in did invent, the check removed it, and the honest sentences were used.
    expect(llm.invented.length).toBeGreaterThan(0);
    expect(removed).toBeGreaterThan(0);
    expect(generations).toContain('llm');
  }, 120_000);

  it('gives the extractive answer when every sentence held an invented number', async () => {
    llm.mode = 'invent-all';
    const answer = await ask(RND);
    expect(answer.generation).toBe('extractive');
    expect(answer.removed).toBeGreaterThan(0);
    expect(answer.answer).toContain('**3.39%**');
    expectNoInventedNumber(answer.answer);
    expectNoInventedNumber(await streamedCompletion(RND));
  });

  it.each(['http-error', 'hang', 'cut'] as const)('falls back to the extractive answer when the LLM fails (%s)', async (mode) => {
    llm.mode = mode;
    const started = Date.now();
    const { streamed, done } = await chat(RND);
    expect(done.generation).toBe('extractive');
    expect(done.answer).toContain('**3.39%**');
    expect(streamed).toBe(done.answer);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1_000);
    const answer = await ask(RND);
    expect(answer.generation).toBe('extractive');
    expect(logs.some((l) => l.includes('wording failed'))).toBe(true);
  });

  it('does not ask the LLM about a question the reports do not answer', async () => {
    llm.mode = 'inventive';
    const before = llm.requests.length;
    const answer = await ask('江北区2030年的火星基地建设投资是多少？');
    expect(answer.answerable).toBe(false);
    expect(answer.generation).toBe('extractive');
    expect(llm.requests.length).toBe(before);
  });
});

describe('createLlmWording', () => {
  it('checks every sentence, also one written as a source line or with a marker that names no quote', async () => {
    const replies = ['报告给出的数字是 3.39%[1]。', '> — 2099年目标为 999.99 亿元。', '另有 [7] 项。', '比重为 3.39%[9]。'];
    const client = { async *streamText() { yield* replies; } };
    const extractive = await answerQuestion(kb, { question: RND });
    const events: AnswerEvent[] = [];
    for await (const e of createLlmWording(client).events(extractive, { question: RND })) events.push(e);
    const done = events.at(-1) as { type: 'done'; answer: AnswerResponse };
    expect(done.answer.generation).toBe('llm');
    expect(done.answer.removed).toBe(1);
    expect(done.answer.answer).not.toContain('999.99');
    expect(done.answer.answer).not.toContain('[7]');
    expect(done.answer.answer).not.toContain('[9]');
    expect(done.answer.answer).toContain('比重为 3.39%。');
  });
});

describe('sentencesOf', () => {
  async function* pieces(list: string[]) {
    yield* list;
  }
  const all = async (list: string[]) => {
    const out: string[] = [];
    for await (const s of sentencesOf(pieces(list))) out.push(s);
    return out;
  };

  it('regroups pieces into sentences, keeping markers and numbers whole', async () => {
    expect(await all(['总量达到 86', '0.3 亿元。[', '1] 人均', '突破 2 万美元。'])).toEqual(['总量达到 860.3 亿元。[1] ', '人均突破 2 万美元。']);
    expect(await all(['It was 3.', '39% [1]. It rose'])).toEqual(['It was 3.39% [1]. ', 'It rose']);
  });
});
