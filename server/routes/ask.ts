/** POST /api/ask: one question, one JSON answer. */
import { Hono, type Context } from 'hono';
import { AskRequestSchema, type AskRequest, type Services } from '../contract.js';
import { noteQuestion } from '../middleware/request-log.js';
import { checkDocuments, parseInput, readJson } from './validate.js';

/** Reads and validates an ask/chat body (its `documents` must be in the library), and records the question for the (opt-in) log. */
export async function readAskRequest(c: Context, services: Pick<Services, 'documents'>): Promise<AskRequest> {
  const request = parseInput(AskRequestSchema, await readJson(c));
  checkDocuments(services, request.documents);
  noteQuestion(c, request.question);
  return request;
}

/** POST / of the ask router: validates the body and returns the services' AnswerResponse. */
export function askRoutes(services: Services): Hono {
  return new Hono().post('/', async (c) => {
    const request = await readAskRequest(c, services);
    return c.json(await services.ask(request));
  });
}
