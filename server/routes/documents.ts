/**
 * GET /api/documents, GET /api/documents/:docId/outline, and the library's changes:
 * POST /api/documents (multipart, field `file`), DELETE /api/documents/:docId and
 * GET /api/documents/status. Changes need API_TOKEN unless the server listens on loopback only.
 */
import { Hono } from 'hono';
import type { Services } from '../contract.js';
import { createHttpError } from '../middleware/errors.js';
import { parseId } from './validate.js';

export interface DocumentRouteOptions {
  /** Whether uploads and deletes are accepted: with API_TOKEN (checked by /api/*), or on loopback. */
  libraryChanges: boolean;
}

/** GET / lists documents; GET /:docId/outline returns the heading tree or DOCUMENT_NOT_FOUND. */
export function documentRoutes(services: Services, options: DocumentRouteOptions): Hono {
  const allowChanges = () => {
    if (!options.libraryChanges) throw createHttpError('UPLOADS_DISABLED');
  };
  return new Hono()
    .get('/', (c) => c.json({ documents: services.documents() }))
    .get('/status', (c) => c.json(services.libraryStatus()))
    .post('/', async (c) => {
      allowChanges();
      if (!/^multipart\/form-data/i.test(c.req.header('Content-Type') ?? '')) throw createHttpError('UNSUPPORTED_UPLOAD');
      let body: Record<string, unknown>;
      try {
        body = await c.req.parseBody();
      } catch {
        throw createHttpError('UNSUPPORTED_UPLOAD', 'the multipart body could not be read');
      }
      const file = body['file'];
      if (!(file instanceof File)) throw createHttpError('UNSUPPORTED_UPLOAD');
      if (file.size === 0) throw createHttpError('UPLOAD_REFUSED', `${file.name}: the file is empty`);
      const change = await services.addDocument({ name: file.name || 'report', bytes: new Uint8Array(await file.arrayBuffer()) });
      return c.json(change, 202);
    })
    .delete('/:docId', async (c) => {
      allowChanges();
      const docId = parseId(c.req.param('docId'), 'docId');
      const change = await services.removeDocument(docId);
      if (!change) throw createHttpError('DOCUMENT_NOT_FOUND', docId);
      return c.json(change, 202);
    })
    .get('/:docId/outline', (c) => {
      const docId = parseId(c.req.param('docId'), 'docId');
      const outline = services.outline(docId);
      if (!outline) throw createHttpError('DOCUMENT_NOT_FOUND', docId);
      return c.json({ docId, outline });
    });
}
