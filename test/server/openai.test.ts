/**
 * The OpenAI-compatible API, driven by the official `openai` client exactly as a chat client
 * would use it: base URL …/v1, the token as the API key.
 */
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookTitle } from '../../server/answer/attribute-answer.js';
import type { AskRequest } from '../../server/contract.js';
import { startTestServer, type TestServer } from '../web/serve.js';
import { createFakeServices, DOC_TITLE } from './fake-services.js';

const TOKEN = 'test-token-123456';
const asked: AskRequest[] = [];
let open: TestServer;
let secured: TestServer;
let limited: TestServer;

beforeAll(async () => {
  const base = createFakeServices();
  const services = createFakeServices({ ask: (request) => (asked.push(request), base.ask(request)) });
  open = await startTestServer(services);
  secured = await startTestServer(services, { apiToken: TOKEN });
  limited = await startTestServer(services, { rateLimitPerMinute: 2 });
});

afterAll(async () => {
  await Promise.all([open, secured, limited].map((s) => s?.close()));
});

const clientOf = (server: TestServer, apiKey = 'unused') => new OpenAI({ baseURL: `${server.url}/v1`, apiKey, maxRetries: 0 });
const QUESTION = 'What is the R&D spending ratio?';

describe('OpenAI-compatible API', () => {
  it('lists one model', async () => {
    const models = await clientOf(open).models.list();
    expect(models.data.map((m) => m.id)).toEqual(['policy-assistant']);
    expect((await clientOf(open).models.retrieve('policy-assistant')).id).toBe('policy-assistant');
  });

  it('answers the last user message with its citations: report › chapter › section, then the quote', async () => {
    const r = await clientOf(open).chat.completions.create({ model: 'policy-assistant', messages: [{ role: 'user', content: QUESTION }] });
    expect(r.object).toBe('chat.completion');
    expect(r.choices[0]!.finish_reason).toBe('stop');
    const content = r.choices[0]!.message.content!;
    expect(content).toContain('**3.39%**');
    expect(content).toContain(`[1] ${bookTitle(DOC_TITLE)} › 一、《纲要》目标指标完成情况 › （一）总体目标要求落实情况`);
    expect(content).toMatch(/“[^”]*研究与试验发展经费支出占地区生产总值比重调整至 3\.39%[^”]*”/);
    expect(r.usage!.total_tokens).toBeGreaterThan(0);
  });

  it('streams the same text in chunks', async () => {
    const client = clientOf(open);
    const whole = await client.chat.completions.create({ model: 'policy-assistant', messages: [{ role: 'user', content: QUESTION }] });
    const stream = await client.chat.completions.create({ model: 'policy-assistant', messages: [{ role: 'user', content: QUESTION }], stream: true });
    let text = '';
    let chunks = 0;
    let finish: string | null = null;
    for await (const chunk of stream) {
      chunks += 1;
      text += chunk.choices[0]?.delta?.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(chunks).toBeGreaterThan(3);
    expect(finish).toBe('stop');
    expect(text).toBe(whole.choices[0]!.message.content);
  });

  it('passes earlier turns as history, system messages and text parts included', async () => {
    asked.length = 0;
    await clientOf(open).chat.completions.create({
      model: 'anything',
      messages: [
        { role: 'system', content: 'You are helpful.' },
        { role: 'user', content: '江北区的研发投入强度？' },
        { role: 'assistant', content: '3.39% [1]' },
        { role: 'user', content: [{ type: 'text', text: 'And the R&D ratio target?' }] },
      ],
    });
    expect(asked).toEqual([
      {
        question: 'And the R&D ratio target?',
        history: [
          { role: 'user', content: '江北区的研发投入强度？' },
          { role: 'assistant', content: '3.39% [1]' },
        ],
      },
    ]);
  });

  it('refuses bad requests with a 400 the client reads', async () => {
    const client = clientOf(open);
    await expect(client.chat.completions.create({ model: 'm', messages: [] })).rejects.toMatchObject({ status: 400 });
    await expect(client.chat.completions.create({ model: 'm', messages: [{ role: 'assistant', content: 'hi' }] })).rejects.toMatchObject({ status: 400 });
    await expect(client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: '   ' }] })).rejects.toMatchObject({ status: 400 });
    const unknownDoc = client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: QUESTION }], documents: ['no-such-doc'] } as never);
    await expect(unknownDoc).rejects.toMatchObject({ status: 404 });
  });

  it('takes API_TOKEN as the bearer key', async () => {
    await expect(clientOf(secured, 'wrong-key').models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    await expect(clientOf(secured, 'wrong-key').chat.completions.create({ model: 'm', messages: [{ role: 'user', content: QUESTION }] })).rejects.toMatchObject({ status: 401 });
    const r = await clientOf(secured, TOKEN).chat.completions.create({ model: 'm', messages: [{ role: 'user', content: QUESTION }] });
    expect(r.choices[0]!.message.content).toContain('3.39%');
  });

  it('counts /v1 requests against the rate limit', async () => {
    const client = clientOf(limited);
    await client.models.list();
    await client.models.list();
    await expect(client.models.list()).rejects.toBeInstanceOf(OpenAI.RateLimitError);
  });
});
