/**
 * POST /api/brief {topic? | sectionIds? | items?}: a briefing as JSON, or as Markdown or a Word
 * file on request. Items (the page's Briefing pad) are looked up here, without a search.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { BriefRequestSchema, type Services } from '../contract.js';
import { noteQuestion } from '../middleware/request-log.js';
import { briefDocument, DOCX_MEDIA_TYPE, padDocument, writeBriefDocx } from '../services/brief-docx.js';
import { padBrief, padItemsOf, resolvePad, type SectionSourceLookup } from '../services/brief-pad.js';
import { parseId, parseInput, readJson } from './validate.js';

export const BriefQuerySchema = z.object({
  format: z.enum(['json', 'markdown', 'md', 'docx']).optional(),
});

type BriefFormat = 'json' | 'markdown' | 'docx';

/** ?format= when given (an unknown one is INVALID_INPUT), else what Accept asks for, else JSON. */
function formatOf(c: Context): BriefFormat {
  const { format } = parseInput(BriefQuerySchema, { format: c.req.query('format') });
  if (format === 'md') return 'markdown';
  if (format !== undefined) return format;
  const accept = c.req.header('Accept') ?? '';
  if (accept.includes(DOCX_MEDIA_TYPE)) return 'docx';
  return accept.includes('text/markdown') ? 'markdown' : 'json';
}

/** Section sources through the services' section lookup (held in this thread, also with answer workers). */
function sectionSources(services: Services): SectionSourceLookup {
  return (sectionId) => {
    const section = services.section(sectionId);
    return section && { docId: section.docId, docTitle: section.docTitle };
  };
}

/**
 * The Word file as an attachment: an ASCII name for old clients, the dated Chinese one in
 * `filename*` (RFC 6266), e.g. 简报-2026-12-01.docx.
 */
function sendDocx(c: Context, bytes: Uint8Array<ArrayBuffer>): Response {
  const name = `简报-${new Date().toISOString().slice(0, 10)}.docx`;
  c.header('Content-Type', DOCX_MEDIA_TYPE);
  c.header('Content-Disposition', `attachment; filename="briefing.docx"; filename*=UTF-8''${encodeURIComponent(name)}`);
  return c.body(bytes);
}

/** POST / of the brief router: JSON Brief; Markdown with ?format=markdown / Accept: text/markdown; .docx with ?format=docx / its Accept. */
export function briefRoutes(services: Services): Hono {
  return new Hono().post('/', async (c) => {
    const format = formatOf(c);
    const request = parseInput(BriefRequestSchema, await readJson(c));
    // Section ids are held to the id pattern before any lookup, like path parameters.
    request.sectionIds?.forEach((id, i) => parseId(id, `sectionIds.${i}`));
    if (request.topic !== undefined) noteQuestion(c, request.topic);
    const padItems = padItemsOf(request);
    const pad = padItems && resolvePad(padItems, sectionSources(services));
    const brief = pad ? padBrief(pad) : await services.brief(request);
    if (format === 'docx') return sendDocx(c, await writeBriefDocx(pad ? padDocument(pad) : briefDocument(brief)));
    if (format === 'json') return c.json(brief);
    c.header('Content-Type', 'text/markdown; charset=utf-8');
    return c.body(brief.markdown);
  });
}
