import { describe, expect, it } from 'vitest';
import { MAX_QUESTION_CHARS } from '../../server/contract.js';
import { makeApp } from './helpers.js';

describe('GET /api/openapi.json', () => {
  it('describes every route in OpenAPI 3.1 with the contract schemas', async () => {
    const { app } = makeApp();
    const res = await app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, object>; components: { schemas: Record<string, object> } };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/health',
        '/api/ask',
        '/api/chat',
        '/api/search',
        '/api/figures',
        '/api/documents',
        '/api/documents/{docId}/outline',
        '/api/documents/status',
        '/api/documents/{docId}',
        '/api/sections/{sectionId}',
        '/api/brief',
        '/api/admin/reindex',
        '/api/openapi.json',
        '/v1/models',
        '/v1/chat/completions',
        '/mcp',
      ].sort(),
    );
    expect(doc.components.schemas).toHaveProperty('AskRequest.properties.question.maxLength', MAX_QUESTION_CHARS);
    expect(doc.components.schemas).toHaveProperty('OutlineNode.properties.children.items.$ref', '#/components/schemas/OutlineNode');
    expect(doc.components.schemas).toHaveProperty('ChatCompletionRequest.properties.messages.minItems', 1);
    expect(doc.components.schemas).toHaveProperty('AnswerResponse.properties.generation.enum', ['llm', 'extractive']);
    expect(JSON.stringify(doc)).not.toContain('"$schema"');
  });
});
