/**
 * The messages between the answer pool (main thread) and its workers. Both sides are this
 * repository's code, so the shapes are plain types; errors cross the thread boundary as data and
 * come back as AppErrors when they carry a known code.
 */
import type { IngestConfig } from '../ingest/config.js';
import { AppError, ERROR_MESSAGES, type ErrorCode } from '../ingest/errors.js';
import type { AnswerResponse, AskRequest, Brief, BriefRequest, PassageHit } from './contract.js';

/** What a worker is started with. */
export interface AnswerWorkerData {
  config: IngestConfig;
}

/** Each call a worker serves: its arguments and its result. */
export interface WorkerCalls {
  ask: { args: { request: AskRequest }; result: AnswerResponse };
  search: { args: { query: string; k: number; documents?: string[] }; result: PassageHit[] };
  brief: { args: { request: BriefRequest }; result: Brief };
  /** Opens the index CURRENT points at and answers from it from then on. */
  reload: { args: Record<string, never>; result: { folder: string } };
}
export type CallKind = keyof WorkerCalls;

export type WorkerRequest = { [K in CallKind]: { id: number; kind: K } & WorkerCalls[K]['args'] }[CallKind];

export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  stack?: string;
}

export type WorkerMessage =
  | { type: 'ready'; folder: string }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: SerializedError };

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(error.stack !== undefined ? { stack: error.stack } : {}),
  };
}

/** An AppError when the code is one of ours (so the HTTP mapping stays the same), else a plain Error. */
export function deserializeError(data: SerializedError): Error {
  if (data.code !== undefined && data.code in ERROR_MESSAGES) return new AppError(data.code as ErrorCode, data.message);
  const error = new Error(data.message);
  error.name = data.name;
  if (data.stack !== undefined) error.stack = data.stack;
  return error;
}
