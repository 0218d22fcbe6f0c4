/** GET /api/documents and GET /api/documents/:docId/outline. */
import { Hono } from 'hono';
import type { Services } from '../contract.js';
import { createHttpError } from '../middleware/errors.js';
import { parseId } from './validate.js';

/** GET / lists documents; GET /:docId/outline returns the heading tree or DOCUMENT_NOT_FOUND. */
export function documentRoutes(services: Services): Hono {
  return new Hono()
    .get('/', (c) => c.json({ documents: services.documents() }))
    .get('/:docId/outline', (c) => {
      const docId = parseId(c.req.param('docId'), 'docId');
      const outline = services.outline(docId);
      if (!outline) throw createHttpError('DOCUMENT_NOT_FOUND', docId);
      return c.json({ docId, outline });
    });
}
