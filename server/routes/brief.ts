/** POST /api/brief {topic?, sectionIds?}: a briefing as JSON, or its Markdown on request. */
import { Hono, type Context } from 'hono';
import { BriefRequestSchema, type Services } from '../contract.js';
import { noteQuestion } from '../middleware/request-log.js';
import { parseId, parseInput, readJson } from './validate.js';

function wantsMarkdown(c: Context): boolean {
  const format = c.req.query('format');
  if (format !== undefined) return format === 'markdown' || format === 'md';
  return (c.req.header('Accept') ?? '').includes('text/markdown');
}

/** POST / of the brief router: JSON Brief, or its Markdown with ?format=markdown / Accept: text/markdown. */
export function briefRoutes(services: Services): Hono {
  return new Hono().post('/', async (c) => {
    const request = parseInput(BriefRequestSchema, await readJson(c));
    // Section ids are held to the id pattern before any lookup, like path parameters.
    request.sectionIds?.forEach((id, i) => parseId(id, `sectionIds.${i}`));
    if (request.topic !== undefined) noteQuestion(c, request.topic);
    const brief = await services.brief(request);
    if (!wantsMarkdown(c)) return c.json(brief);
    c.header('Content-Type', 'text/markdown; charset=utf-8');
    return c.body(brief.markdown);
  });
}
