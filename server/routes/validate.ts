/** Input checks shared by the routes: JSON bodies, ids and query strings, all through zod safeParse. */
import type { Context } from 'hono';
import { z } from 'zod';
import { createHttpError } from '../middleware/errors.js';

import { IdSchema, type Services } from '../contract.js';

export { ID_PATTERN, IdSchema } from '../contract.js';

/** Validates `value` or throws INVALID_INPUT naming the first problem, e.g. "question: question is empty". */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw createHttpError('INVALID_INPUT', `${where}${issue?.message ?? 'invalid value'}`);
}

/** Reads the body as JSON; a body that is not JSON is INVALID_JSON, an empty one is `undefined`. */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw createHttpError('INVALID_JSON');
  }
}

/** Validates a path or query parameter as an id; `name` only labels the error. */
export function parseId(value: string | undefined, name: string): string {
  const parsed = IdSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw createHttpError('INVALID_INPUT', `${name}: ${parsed.error.issues[0]?.message ?? 'invalid id'}`);
}

/** `documents=id,id` in a query string: a list of document ids, or absent. */
export const DocumentsParamSchema = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.split(',').map((id) => id.trim())))
  .pipe(z.array(IdSchema).min(1).max(500).optional());

/** Throws DOCUMENT_NOT_FOUND naming the first id the library does not hold. */
export function checkDocuments(services: Pick<Services, 'documents'>, ids: readonly string[] | undefined): void {
  if (!ids) return;
  const known = new Set(services.documents().map((d) => d.id));
  const unknown = ids.find((id) => !known.has(id));
  if (unknown !== undefined) throw createHttpError('DOCUMENT_NOT_FOUND', `documents: no such document: ${unknown}`);
}
