/** POST /api/ask: one question, one JSON answer. */
import { Hono, type Context } from 'hono';
import { AskRequestSchema, type AskRequest, type Services } from '../contract.js';
import { noteQuestion } from '../middleware/request-log.js';
import { parseInput, readJson } from './validate.js';

/** Reads and validates an ask/chat body, and records the question for the (opt-in) log. */
export async function readAskRequest(c: Context): Promise<AskRequest> {
  const request = parseInput(AskRequestSchema, await readJson(c));
  noteQuestion(c, request.question);
  return request;
}

/** POST / of the ask router: validates the body and returns the services' AnswerResponse. */
export function askRoutes(services: Services): Hono {
  return new Hono().post('/', async (c) => {
    const request = await readAskRequest(c);
    return c.json(await services.ask(request));
  });
}
