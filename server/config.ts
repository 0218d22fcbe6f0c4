/** Server configuration from the environment: the ingest settings plus HTTP settings, validated once. */
import os from 'node:os';
import { z } from 'zod';
import { loadIngestConfig, parseEnv, type IngestConfig } from '../ingest/config.js';
import type { LlmConfig } from './wording/llm-client.js';

const TRUE_WORDS = ['1', 'true', 'yes', 'on'];
const FALSE_WORDS = ['', '0', 'false', 'no', 'off'];

const flag = z
  .string()
  .optional()
  .transform((v) => (v ?? '').trim().toLowerCase())
  .refine((v) => TRUE_WORDS.includes(v) || FALSE_WORDS.includes(v), 'expected a flag: 1/0, true/false, yes/no, on/off')
  .transform((v) => TRUE_WORDS.includes(v));

/** An origin as browsers send it: scheme, host and optional port, nothing else. */
const origin = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}, 'expected an origin like https://example.org (no path, no trailing slash)');

const originList = z
  .string()
  .optional()
  .transform((v) => (v ?? '').split(',').map((s) => s.trim()).filter((s) => s.length > 0))
  .pipe(z.array(origin));

/** Empty strings count as unset, so `API_TOKEN=` in a .env file does not enable a blank token. */
const optionalToken = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()))
  .pipe(z.string().min(8, 'the token must have at least 8 characters').optional());

/**
 * Answer worker threads by default: one core stays with the HTTP thread. Each worker holds its own
 * copy of the index; on 2 cores one worker answers as fast as two (measured with
 * `BENCH_WORKERS=0,1,2 npm run bench:load`) in 580 MB instead of 970 MB.
 */
export const DEFAULT_ANSWER_WORKERS = Math.max(1, Math.min(4, os.availableParallelism() - 1));

/** Empty strings count as unset, so that `ANSWER_WORKERS=` means the default rather than 0. */
const answerWorkers = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.coerce.number().int().min(0).max(64).default(DEFAULT_ANSWER_WORKERS),
);

/** An http(s) URL, or unset when empty. */
const optionalUrl = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()))
  .refine((v) => v === undefined || /^https?:\/\/\S+$/.test(v), 'expected an http(s) URL like http://127.0.0.1:11434/v1');

export const ServerEnvSchema = z.object({
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  API_TOKEN: optionalToken,
  CORS_ORIGINS: originList,
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(120),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(65_536),
  LOG_QUESTIONS: flag,
  WATCH_CORPUS: flag,
  ANSWER_WORKERS: answerWorkers,
  MAX_UPLOAD_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).default(20 * 1024 * 1024),
  UPLOAD_MEMORY_MB: z.coerce.number().int().min(64).max(16_384).default(1024),
  LLM_BASE_URL: optionalUrl,
  LLM_MODEL: z.string().trim().optional().transform((v) => (v === '' ? undefined : v)),
  LLM_API_KEY: z.string().trim().optional().transform((v) => (v === '' ? undefined : v)),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(20_000),
}).refine((e) => e.LLM_BASE_URL === undefined || e.LLM_MODEL !== undefined, { message: 'LLM_MODEL is needed with LLM_BASE_URL', path: ['LLM_MODEL'] });

export interface ServerConfig extends IngestConfig {
  host: string;
  port: number;
  /** When set, every /api/* route needs `Authorization: Bearer <token>` and admin routes are enabled. */
  apiToken?: string;
  /** Allowed CORS origins; empty means CORS is off. */
  corsOrigins: string[];
  /** Requests per minute per client IP on /api/*; 0 disables the limit. */
  rateLimitPerMinute: number;
  bodyLimitBytes: number;
  /** Whether request log lines may include question text. */
  logQuestions: boolean;
  /** Whether to rebuild the index when the corpus folder changes. */
  watchCorpus: boolean;
  /** Worker threads that answer questions; 0 answers in the server's own thread. */
  answerWorkers: number;
  /** Largest report upload accepted (POST /api/documents), in bytes. */
  maxUploadBytes: number;
  /** Heap of the process that reads an upload before it joins the library, in MB. */
  uploadMemoryMb: number;
  /** The OpenAI-compatible LLM that words answers (LLM_BASE_URL, LLM_MODEL, LLM_API_KEY, LLM_TIMEOUT_MS); unset: extractive answers. */
  llm?: LlmConfig;
}

/**
 * Reads the server settings (and the ingest settings they extend); throws CONFIG_INVALID naming
 * the first bad variable.
 *
 * @example
 * loadServerConfig({ PORT: '8080', CORS_ORIGINS: 'http://localhost:5173' })
 * // { host: '127.0.0.1', port: 8080, corsOrigins: ['http://localhost:5173'], rateLimitPerMinute: 120, ... }
 */
export function loadServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const ingest = loadIngestConfig(env);
  const e = parseEnv(ServerEnvSchema, env);
  return {
    ...ingest,
    host: e.HOST,
    port: e.PORT,
    ...(e.API_TOKEN !== undefined ? { apiToken: e.API_TOKEN } : {}),
    corsOrigins: e.CORS_ORIGINS,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    logQuestions: e.LOG_QUESTIONS,
    watchCorpus: e.WATCH_CORPUS,
    answerWorkers: e.ANSWER_WORKERS,
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    uploadMemoryMb: e.UPLOAD_MEMORY_MB,
    ...(e.LLM_BASE_URL !== undefined && e.LLM_MODEL !== undefined
      ? { llm: { baseUrl: e.LLM_BASE_URL, model: e.LLM_MODEL, timeoutMs: e.LLM_TIMEOUT_MS, ...(e.LLM_API_KEY ? { apiKey: e.LLM_API_KEY } : {}) } }
      : {}),
  };
}
