/** GET /api/sections/:sectionId: a section's text, path, neighbours and figures. */
import { Hono } from 'hono';
import type { Services } from '../contract.js';
import { createHttpError } from '../middleware/errors.js';
import { parseId } from './validate.js';

/** GET /:sectionId returns the SectionDetail or SECTION_NOT_FOUND; malformed ids are INVALID_INPUT. */
export function sectionRoutes(services: Services): Hono {
  return new Hono().get('/:sectionId', (c) => {
    const sectionId = parseId(c.req.param('sectionId'), 'sectionId');
    const section = services.section(sectionId);
    if (!section) throw createHttpError('SECTION_NOT_FOUND', sectionId);
    return c.json(section);
  });
}
