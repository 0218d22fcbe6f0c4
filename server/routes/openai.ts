/** /v1: the OpenAI-compatible chat API (stub until built). */
import { Hono } from 'hono';
import type { Services } from '../contract.js';

export function openAiRoutes(_services: Services): Hono {
  return new Hono();
}
