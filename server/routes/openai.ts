/**
 * /v1: the OpenAI-compatible chat API, so that chat clients (Open WebUI, LobeChat, Cherry Studio,
 * ChatBox) and the `openai` library talk to the assistant with the base URL http://host:port/v1.
 * `GET /v1/models` lists the one model; `POST /v1/chat/completions` answers the last user message,
 * the earlier turns as history, as one completion or as `chat.completion.chunk` events.
 */
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { isMostlyEnglish } from '../../ingest/text/crosslingual.js';
import { AskRequestSchema, IdSchema, type AnswerResponse, type AskRequest, type HistoryTurn, type Services } from '../contract.js';
import { createHttpError, reportError } from '../middleware/errors.js';
import { noteQuestion } from '../middleware/request-log.js';
import { sourcePath, sourceTitler } from '../wording/cited-markdown.js';
import { checkDocuments, parseInput, readJson } from './validate.js';

/** The model id clients list and send; any id is accepted, since there is one assistant. */
export const MODEL_ID = 'policy-assistant';
/** The history a chat client sends can be long: only the latest turns are kept. */
const MAX_HISTORY_TURNS = 50;
const MAX_TURN_CHARS = 20_000;

const ContentPartSchema = z.looseObject({ type: z.string(), text: z.string().optional() });
const MessageSchema = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function']),
  content: z.union([z.string(), z.array(ContentPartSchema).max(100), z.null()]).optional(),
});
export const ChatCompletionRequestSchema = z.looseObject({
  model: z.string().max(200).optional(),
  messages: z.array(MessageSchema).min(1, 'messages is empty').max(500),
  stream: z.boolean().optional(),
  /** Our extension: document ids, as in POST /api/ask. */
  documents: z.array(IdSchema).min(1).max(500).optional(),
});
type ChatMessage = z.infer<typeof MessageSchema>;

/** A message's text: a string, or the text parts of a multi-part content. */
function textOf(message: ChatMessage): string {
  if (typeof message.content === 'string') return message.content;
  return (message.content ?? []).map((part) => (part.type === 'text' ? (part.text ?? '') : '')).join('');
}

/** The last user message is the question; the user and assistant turns before it are the history. */
function askRequestOf(body: z.infer<typeof ChatCompletionRequestSchema>): AskRequest {
  const turns = body.messages.filter((m) => m.role === 'user' || m.role === 'assistant');
  const last = turns.at(-1);
  if (!last || last.role !== 'user') throw createHttpError('INVALID_INPUT', 'messages: the last user or assistant message must be from the user');
  const history: HistoryTurn[] = turns
    .slice(0, -1)
    .slice(-MAX_HISTORY_TURNS)
    .map((m) => ({ role: m.role as HistoryTurn['role'], content: textOf(m).slice(0, MAX_TURN_CHARS) }));
  return parseInput(AskRequestSchema, {
    question: textOf(last),
    ...(history.length ? { history } : {}),
    ...(body.documents ? { documents: body.documents } : {}),
  });
}

/**
 * The sources after the answer: one line per citation, report › chapter › section, then its quote
 * unless the answer above already shows it.
 */
function sourceList(answer: AnswerResponse, shown: string): string {
  if (answer.citations.length === 0) return '';
  const en = isMostlyEnglish(answer.question);
  const lines = answer.citations.map((c) => {
    const source = `[${c.n}] ${sourcePath(c.docTitle, c.sectionPath)}`;
    return shown.includes(c.quote) ? source : `${source}\n  “${c.quote}”`;
  });
  return `\n\n${en ? '**Sources**' : '**出处**'}\n\n${lines.join('\n')}`;
}

/** A rough token count (a CJK character or an English word each), for clients that show usage. */
function roughTokens(text: string): number {
  return (text.match(/[\u3400-\u9fff]|[A-Za-z0-9]+/g) ?? []).length;
}

/**
 * The completion's content in pieces as the answer is written: its text with each quote's source
 * line titled with its report, then the source list.
 */
async function* contentPieces(services: Services, request: AskRequest): AsyncGenerator<string> {
  let titler: ReturnType<typeof sourceTitler> | undefined;
  let shown = '';
  for await (const event of services.askStream(request)) {
    if (event.type === 'meta') titler = sourceTitler(event.answer.citations);
    else if (event.type === 'text') {
      const text = titler!.push(event.text);
      shown += text;
      yield text;
    } else {
      const rest = titler!.end();
      yield rest + sourceList(event.answer, shown + rest);
    }
  }
}

async function readRequest(c: Context, services: Services): Promise<{ request: AskRequest; stream: boolean }> {
  const body = parseInput(ChatCompletionRequestSchema, await readJson(c));
  const request = askRequestOf(body);
  checkDocuments(services, request.documents);
  noteQuestion(c, request.question);
  return { request, stream: body.stream === true };
}

export function openAiRoutes(services: Services): Hono {
  const app = new Hono();

  app.get('/models', (c) =>
    c.json({ object: 'list', data: [{ id: MODEL_ID, object: 'model', created: 0, owned_by: 'policy-report-assistant' }] }),
  );

  app.get('/models/:id', (c) => {
    if (c.req.param('id') !== MODEL_ID) throw createHttpError('ROUTE_NOT_FOUND', `no model ${c.req.param('id')}`);
    return c.json({ id: MODEL_ID, object: 'model', created: 0, owned_by: 'policy-report-assistant' });
  });

  app.post('/chat/completions', async (c) => {
    const { request, stream } = await readRequest(c, services);
    const id = `chatcmpl-${randomUUID()}`;
    const created = Math.floor(Date.now() / 1000);
    const chunk = (delta: Record<string, string>, finish: 'stop' | null = null) =>
      JSON.stringify({ id, object: 'chat.completion.chunk', created, model: MODEL_ID, choices: [{ index: 0, delta, finish_reason: finish }] });

    if (!stream) {
      let content = '';
      for await (const piece of contentPieces(services, request)) content += piece;
      const promptTokens = roughTokens(request.question);
      const completionTokens = roughTokens(content);
      return c.json({
        id,
        object: 'chat.completion',
        created,
        model: MODEL_ID,
        choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop', logprobs: null }],
        usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
      });
    }

    return streamSSE(c, async (sse) => {
      const send = (data: string) => sse.writeSSE({ data });
      try {
        await send(chunk({ role: 'assistant', content: '' }));
        for await (const piece of contentPieces(services, request)) {
          if (sse.aborted) return;
          if (piece) await send(chunk({ content: piece }));
        }
        await send(chunk({}, 'stop'));
      } catch (error) {
        const { body } = reportError(error, c);
        await send(JSON.stringify({ error: { message: body.error.message, type: 'server_error', code: body.error.code } }));
      }
      await send('[DONE]');
    });
  });

  return app;
}
