/**
 * The OpenAPI 3.1 description of the HTTP API. Paths are written by hand; the schemas (and the
 * query parameters of search and figures) come from the zod schemas the routes validate with,
 * through `z.toJSONSchema`, so they cannot drift from what the routes accept.
 */
import { z } from 'zod';
import * as contract from './contract.js';
import { BriefQuerySchema } from './routes/brief.js';
import { FiguresQuerySchema } from './routes/figures.js';
import { ChatCompletionRequestSchema } from './routes/openai.js';
import { SearchQuerySchema } from './routes/search.js';
import { ID_PATTERN } from './routes/validate.js';
import { DOCX_MEDIA_TYPE } from './services/brief-docx.js';

type JsonObject = Record<string, unknown>;

const ref = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name}` });

/** Converts a set of named zod schemas to OpenAPI components (JSON Schema 2020-12, which 3.1 uses). */
function componentsOf(schemas: Record<string, z.ZodType>, io: 'input' | 'output'): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const { schemas: out } = z.toJSONSchema(registry, { io, uri: (id) => `#/components/schemas/${id}` });
  const cleaned: Record<string, JsonObject> = {};
  for (const [id, schema] of Object.entries(out)) {
    const { $schema: _schema, $id: _id, ...rest } = schema as JsonObject;
    cleaned[id] = rest;
  }
  return cleaned;
}

const ErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

const json = (schema: JsonObject): JsonObject => ({ 'application/json': { schema } });
const ok = (description: string, schema: JsonObject): JsonObject => ({ description, content: json(schema) });
const error = (description: string): JsonObject => ({ description, content: json(ref('Error')) });

const common = {
  '400': error('Invalid input (INVALID_INPUT, INVALID_JSON)'),
  '401': error('Missing or wrong bearer token (UNAUTHORIZED), when API_TOKEN is set'),
  '429': { ...error('Rate limited (RATE_LIMITED)'), headers: { 'Retry-After': { schema: { type: 'integer' } } } },
  '500': error('Unexpected error (INTERNAL)'),
};

const query = (name: string, schema: JsonObject, description: string, required = false): JsonObject => ({
  name,
  in: 'query',
  required,
  description,
  schema,
});

/**
 * The query parameters of a route, from the zod schema it validates them with (its input side), so
 * that bounds and defaults cannot drift; `descriptions` has one line per parameter.
 */
function queryParameters<S extends z.ZodObject>(schema: S, descriptions: Record<keyof S['shape'], string>): JsonObject[] {
  const { properties = {}, required = [] } = z.toJSONSchema(schema, { io: 'input' }) as { properties?: Record<string, JsonObject>; required?: string[] };
  return Object.entries(properties).map(([name, property]) =>
    query(name, property, descriptions[name as keyof S['shape']], required.includes(name)),
  );
}

const pathId = (name: string): JsonObject => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: ID_PATTERN.source },
});
const body = (name: string): JsonObject => ({ required: true, content: json(ref(name)) });

function paths(): JsonObject {
  return {
    '/health': {
      get: {
        summary: 'Index status and counts (no token needed)',
        responses: { '200': ok('Health', ref('Health')), '503': ok('The index is in error', ref('Health')) },
      },
    },
    '/api/ask': {
      post: {
        summary: 'Answer a question with citations',
        requestBody: body('AskRequest'),
        responses: { '200': ok('The answer', ref('AnswerResponse')), '413': error('Body too large'), ...common },
      },
    },
    '/api/chat': {
      post: {
        summary: 'Answer a question as Server-Sent Events',
        description:
          'Events in order: `meta` {citations, figures, passages, answerable}; `delta` {text} pieces of the answer; ' +
          '`done` with the full AnswerResponse. On failure an `error` event {code, message} ends the stream.',
        requestBody: body('AskRequest'),
        responses: {
          '200': { description: 'An event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } },
          '413': error('Body too large'),
          ...common,
        },
      },
    },
    '/api/search': {
      get: {
        summary: 'Top passages for a query',
        parameters: queryParameters(SearchQuerySchema, { q: 'The query', k: 'How many passages', documents: 'Comma-separated document ids: only these reports' }),
        responses: {
          '200': ok('Passages', {
            type: 'object',
            properties: { query: { type: 'string' }, passages: { type: 'array', items: ref('PassageHit') } },
            required: ['query', 'passages'],
          }),
          ...common,
        },
      },
    },
    '/api/figures': {
      get: {
        summary: 'Figures (numbers with label and unit), filtered by text or section',
        parameters: queryParameters(FiguresQuerySchema, { q: 'Text to match', sectionId: 'Only this section', limit: 'Most figures returned', documents: 'Comma-separated document ids: only these reports' }),
        responses: {
          '200': ok('Figures', {
            type: 'object',
            properties: { figures: { type: 'array', items: ref('FigureHit') } },
            required: ['figures'],
          }),
          ...common,
        },
      },
    },
    '/api/documents': {
      get: {
        summary: 'The indexed reports',
        responses: {
          '200': ok('Documents', {
            type: 'object',
            properties: { documents: { type: 'array', items: ref('DocumentSummary') } },
            required: ['documents'],
          }),
          ...common,
        },
      },
      post: {
        summary: 'Add a report (multipart, field `file`): checked, stored in CORPUS_DIR and folded into the index in the background',
        requestBody: {
          required: true,
          content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } } },
        },
        responses: {
          '202': ok('Accepted', ref('LibraryChange')),
          '403': error('Library changes need API_TOKEN unless the server listens on loopback (UPLOADS_DISABLED)'),
          '413': error('Larger than MAX_UPLOAD_BYTES'),
          '415': error('Not a multipart upload with a `file`, or not a report type (UNSUPPORTED_UPLOAD)'),
          '422': error('The file was read and refused, with the reason (UPLOAD_REFUSED)'),
          ...common,
        },
      },
    },
    '/api/documents/status': {
      get: { summary: 'The state of the latest library change', responses: { '200': ok('Library status', ref('LibraryStatus')), ...common } },
    },
    '/api/documents/{docId}': {
      delete: {
        summary: 'Remove a report from the corpus and the index (in the background)',
        parameters: [pathId('docId')],
        responses: {
          '202': ok('Accepted', ref('LibraryChange')),
          '403': error('Library changes need API_TOKEN unless the server listens on loopback (UPLOADS_DISABLED)'),
          '404': error('Unknown document (DOCUMENT_NOT_FOUND)'),
          ...common,
        },
      },
    },
    '/api/documents/{docId}/outline': {
      get: {
        summary: 'The heading tree of a report',
        parameters: [pathId('docId')],
        responses: {
          '200': ok('Outline', {
            type: 'object',
            properties: { docId: { type: 'string' }, outline: { type: 'array', items: ref('OutlineNode') } },
            required: ['docId', 'outline'],
          }),
          '404': error('Unknown document (DOCUMENT_NOT_FOUND)'),
          ...common,
        },
      },
    },
    '/api/sections/{sectionId}': {
      get: {
        summary: 'A section with its text, path and figures',
        parameters: [pathId('sectionId')],
        responses: {
          '200': ok('Section', ref('SectionDetail')),
          '404': error('Unknown section (SECTION_NOT_FOUND)'),
          ...common,
        },
      },
    },
    '/api/brief': {
      post: {
        summary: 'A briefing of figures grouped by section, for a topic or a list of sections; or the Briefing pad\'s items as a document',
        description:
          'sectionIds, else topic, else items makes the briefing. For items, each citation\'s report is looked up by its ' +
          'sectionId; citations of sections the library does not hold are dropped.',
        parameters: queryParameters(BriefQuerySchema, {
          format: 'json (the default), markdown (or md) for text/markdown, docx for a Word file; else Accept decides',
        }),
        requestBody: body('BriefRequest'),
        responses: {
          '200': {
            description:
              'The briefing: JSON; Markdown with ?format=markdown or Accept: text/markdown; a Word file with ?format=docx ' +
              `or Accept: ${DOCX_MEDIA_TYPE}, sent as an attachment (Content-Disposition with a UTF-8 filename*)`,
            content: {
              ...json(ref('Brief')),
              'text/markdown': { schema: { type: 'string' } },
              [DOCX_MEDIA_TYPE]: { schema: { type: 'string', contentMediaType: DOCX_MEDIA_TYPE } },
            },
            headers: { 'Content-Disposition': { description: 'With the Word file only', schema: { type: 'string' } } },
          },
          '413': error('Body too large'),
          ...common,
        },
      },
    },
    '/api/admin/reindex': {
      post: {
        summary: 'Rebuild the index in the background (always needs the bearer token)',
        responses: {
          '202': ok('Accepted', {
            type: 'object',
            properties: { status: { type: 'string', enum: ['started', 'already-running'] } },
            required: ['status'],
          }),
          '403': error('Admin routes are disabled because API_TOKEN is unset (ADMIN_DISABLED)'),
          ...common,
        },
      },
    },
    '/api/openapi.json': {
      get: { summary: 'This document', responses: { '200': ok('OpenAPI 3.1', { type: 'object' }) } },
    },
    '/v1/models': {
      get: { summary: 'OpenAI-compatible: the one model, policy-assistant', responses: { '200': ok('A model list', { type: 'object' }), ...common } },
    },
    '/v1/chat/completions': {
      post: {
        summary: 'OpenAI-compatible chat: answers the last user message, earlier turns as history',
        description:
          'A `chat.completion`, or with `stream: true` `chat.completion.chunk` events ending in `data: [DONE]`. ' +
          'The content is the answer in Markdown, each quote with its report › chapter › section, then the sources. ' +
          'Any model name is accepted; `documents` (document ids) scopes the answer as in /api/ask.',
        requestBody: body('ChatCompletionRequest'),
        responses: {
          '200': { description: 'A completion or an event stream', content: { ...json({ type: 'object' }), 'text/event-stream': { schema: { type: 'string' } } } },
          '404': error('A document of `documents` is not in the library (DOCUMENT_NOT_FOUND)'),
          '413': error('Body too large'),
          ...common,
        },
      },
    },
    '/mcp': {
      post: {
        summary: 'MCP over streamable HTTP (stateless, JSON responses): tools ask, search, get_section, list_documents, find_figures',
        requestBody: { required: true, content: json({ type: 'object', description: 'A JSON-RPC 2.0 message' }) },
        responses: { '200': ok('The JSON-RPC response', { type: 'object' }), '413': error('Body too large'), ...common },
      },
    },
  };
}

/** Builds the OpenAPI 3.1 document; `secured` adds the bearer scheme to every /api/*, /v1/* and /mcp operation. */
export function buildOpenApi(options: { secured: boolean }): JsonObject {
  const schemas = {
    ...componentsOf({ AskRequest: contract.AskRequestSchema, BriefRequest: contract.BriefRequestSchema, ChatCompletionRequest: ChatCompletionRequestSchema }, 'input'),
    ...componentsOf(
      {
        AnswerResponse: contract.AnswerResponseSchema,
        Health: contract.HealthSchema,
        PassageHit: contract.PassageHitSchema,
        FigureHit: contract.FigureHitSchema,
        DocumentSummary: contract.DocumentSummarySchema,
        OutlineNode: contract.OutlineNodeSchema,
        SectionDetail: contract.SectionDetailSchema,
        Brief: contract.BriefSchema,
        LibraryChange: contract.LibraryChangeSchema,
        LibraryStatus: contract.LibraryStatusSchema,
        Error: ErrorSchema,
      },
      'output',
    ),
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Policy report assistant',
      version: '0.1.0',
      description: 'Offline question answering over Chinese government policy reports, with cited figures.',
    },
    paths: paths(),
    components: {
      schemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
    ...(options.secured ? { security: [{ bearer: [] }] } : {}),
  };
}
