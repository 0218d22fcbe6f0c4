/** GET /api/search?q=&k=: the passages retrieval ranks highest, without composing an answer. */
import { Hono } from 'hono';
import { z } from 'zod';
import { MAX_QUESTION_CHARS, SEARCH_K, type Services } from '../contract.js';
import { noteQuestion } from '../middleware/request-log.js';
import { checkDocuments, DocumentsParamSchema, parseInput } from './validate.js';

export const SearchQuerySchema = z.object({
  q: z.string().trim().min(1, 'query is empty').max(MAX_QUESTION_CHARS, 'query is too long'),
  k: z.coerce.number().int().min(1).max(SEARCH_K.max).default(SEARCH_K.default),
  documents: DocumentsParamSchema,
});

/** GET / of the search router: `{ query, passages }`. */
export function searchRoutes(services: Services): Hono {
  return new Hono().get('/', async (c) => {
    const { q, k, documents } = parseInput(SearchQuerySchema, c.req.query());
    checkDocuments(services, documents);
    noteQuestion(c, q);
    return c.json({ query: q, passages: await services.search(q, k, documents) });
  });
}
