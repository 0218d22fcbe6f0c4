/** GET /api/openapi.json: the API description, built once. */
import { Hono } from 'hono';
import { buildOpenApi } from '../openapi.js';

/** GET / of the openapi router: the OpenAPI 3.1 document, built once at startup. */
export function openApiRoutes(options: { secured: boolean }): Hono {
  const document = buildOpenApi(options);
  return new Hono().get('/', (c) => c.json(document));
}
