/** GET /api/figures?q=&sectionId=&limit=: figures whose label, value or sentence match. */
import { Hono } from 'hono';
import { z } from 'zod';
import { FIGURE_LIMIT, MAX_QUESTION_CHARS, type Services } from '../contract.js';
import { checkDocuments, DocumentsParamSchema, IdSchema, parseInput } from './validate.js';

export const FiguresQuerySchema = z.object({
  // An empty filter box sends q= : treat it as "no filter".
  q: z
    .string()
    .trim()
    .max(MAX_QUESTION_CHARS, 'query is too long')
    .optional()
    .transform((v) => (v === '' ? undefined : v)),
  sectionId: IdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(FIGURE_LIMIT.max).default(FIGURE_LIMIT.default),
  documents: DocumentsParamSchema,
});

/** GET / of the figures router: `{ figures }`; an empty `q` means no text filter. */
export function figuresRoutes(services: Services): Hono {
  return new Hono().get('/', (c) => {
    const { q, sectionId, limit, documents } = parseInput(FiguresQuerySchema, c.req.query());
    checkDocuments(services, documents);
    return c.json({
      figures: services.figures({ limit, ...(q !== undefined ? { q } : {}), ...(sectionId !== undefined ? { sectionId } : {}), ...(documents ? { documents } : {}) }),
    });
  });
}
