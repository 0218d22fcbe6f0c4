/** Ingest-side configuration from the environment, validated once at the edge. */
import path from 'node:path';
import { z } from 'zod';
import { createError } from './errors.js';

const flag = z
  .string()
  .optional()
  .transform((v) => v === '1' || v?.toLowerCase() === 'true' || v?.toLowerCase() === 'yes');

export const IngestEnvSchema = z.object({
  CORPUS_DIR: z.string().min(1).default('corpus'),
  DATA_DIR: z.string().min(1).default('.data'),
  /** auto: transformers.js when its model loads, else the built-in embedder. */
  EMBEDDER: z.enum(['auto', 'builtin', 'transformers']).default('auto'),
  EMBED_MODEL: z.string().min(1).default('Xenova/multilingual-e5-small'),
  MODELS_DIR: z.string().min(1).default('.models'),
  ALLOW_REMOTE_MODELS: flag,
  /** Files larger than this are skipped with a message. */
  MAX_FILE_BYTES: z.coerce.number().int().positive().default(20 * 1024 * 1024),
  /** A PDF (or other document) that takes longer than this to read is skipped with a message. */
  READ_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  /** A DOCX whose parts unpack to more than this is refused before it is unpacked (zip bombs). */
  MAX_UNZIPPED_BYTES: z.coerce.number().int().positive().default(200 * 1024 * 1024),
});

export interface IngestConfig {
  corpusDir: string;
  dataDir: string;
  embedder: 'auto' | 'builtin' | 'transformers';
  embedModel: string;
  modelsDir: string;
  allowRemoteModels: boolean;
  maxFileBytes: number;
  readTimeoutMs: number;
  maxUnzippedBytes: number;
}

/**
 * Validates `env` against `schema`; throws CONFIG_INVALID naming the first bad variable.
 *
 * @example
 * parseEnv(IngestEnvSchema, { MAX_FILE_BYTES: 'big' })
 * // throws CONFIG_INVALID: "the configuration is invalid: MAX_FILE_BYTES: Invalid input: expected number, received NaN"
 */
export function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.output<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw createError('CONFIG_INVALID', `${issue?.path.join('.')}: ${issue?.message}`);
}

/** Reads the ingest settings; relative folders resolve against the working directory. */
export function loadIngestConfig(env: NodeJS.ProcessEnv = process.env): IngestConfig {
  const e = parseEnv(IngestEnvSchema, env);
  return {
    corpusDir: path.resolve(e.CORPUS_DIR),
    dataDir: path.resolve(e.DATA_DIR),
    embedder: e.EMBEDDER,
    embedModel: e.EMBED_MODEL,
    modelsDir: path.resolve(e.MODELS_DIR),
    allowRemoteModels: e.ALLOW_REMOTE_MODELS,
    maxFileBytes: e.MAX_FILE_BYTES,
    readTimeoutMs: e.READ_TIMEOUT_MS,
    maxUnzippedBytes: e.MAX_UNZIPPED_BYTES,
  };
}
