/**
 * HTTP error codes and the one error handler of the app. Every error response has the shape
 * `{ error: { code, message } }`; unexpected errors become a 500 without internals.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ERROR_MESSAGES, isAppError, type ErrorCode } from '../../ingest/errors.js';

/** One map of HTTP error codes to status and message, so that the compiler checks every code. */
export const HTTP_ERRORS = {
  INVALID_JSON: { status: 400, message: 'the request body is not valid JSON' },
  INVALID_INPUT: { status: 400, message: 'the request is invalid' },
  UNAUTHORIZED: { status: 401, message: 'a valid bearer token is required' },
  ADMIN_DISABLED: { status: 403, message: 'admin routes are disabled: set API_TOKEN to enable them' },
  UPLOADS_DISABLED: { status: 403, message: 'changing the library needs API_TOKEN when the server listens beyond loopback' },
  ROUTE_NOT_FOUND: { status: 404, message: 'no such route' },
  DOCUMENT_NOT_FOUND: { status: 404, message: 'no such document' },
  SECTION_NOT_FOUND: { status: 404, message: 'no such section' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'the request body is larger than the limit' },
  UNSUPPORTED_UPLOAD: { status: 415, message: 'send the report as multipart/form-data in the field "file"' },
  UPLOAD_REFUSED: { status: 422, message: 'the file cannot be added to the library' },
  RATE_LIMITED: { status: 429, message: 'too many requests, retry later' },
  INTERNAL: { status: 500, message: 'internal error' },
  UNAVAILABLE: { status: 503, message: 'the service is not ready' },
} as const satisfies Record<string, { status: ContentfulStatusCode; message: string }>;

export type HttpErrorCode = keyof typeof HTTP_ERRORS;

export interface ErrorBody {
  error: { code: string; message: string };
}

/** What a response to an error carries: status, safe body, extra headers (e.g. Retry-After). */
export interface ErrorDescription {
  status: ContentfulStatusCode;
  body: ErrorBody;
  headers: Record<string, string>;
}

export class HttpError extends HTTPException {
  constructor(
    readonly code: HttpErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(HTTP_ERRORS[code].status, { message });
    this.name = 'HttpError';
  }
}

/** Builds an HTTP error with its code's message, followed by the specifics when there are any. */
export function createHttpError(
  code: HttpErrorCode,
  specifics?: string,
  headers?: Record<string, string>,
): HttpError {
  const base = HTTP_ERRORS[code].message;
  return new HttpError(code, specifics ? `${base}: ${specifics}` : base, headers);
}

/** Ingest errors that mean "not ready yet" rather than "broken request". */
const UNAVAILABLE_CODES: ReadonlySet<ErrorCode> = new Set([
  'INDEX_MISSING',
  'INDEX_CORRUPT',
  'INDEX_MISMATCH',
  'MODEL_UNAVAILABLE',
  'CORPUS_EMPTY',
  'CORPUS_MISSING',
  // A crashed answer worker is restarted at once: the request may simply be retried.
  'ANSWER_WORKER_FAILED',
]);

/**
 * Maps any thrown value to a status and a body that is safe to show: ingest errors keep their code
 * but only the generic message (their specifics may name files), anything unknown is INTERNAL.
 */
function describeError(error: unknown): ErrorDescription {
  if (error instanceof HttpError) {
    return { status: HTTP_ERRORS[error.code].status, body: { error: { code: error.code, message: error.message } }, headers: error.headers };
  }
  if (isAppError(error) && UNAVAILABLE_CODES.has(error.code)) {
    return { status: 503, body: { error: { code: error.code, message: ERROR_MESSAGES[error.code] } }, headers: {} };
  }
  if (error instanceof HTTPException && error.status === 413) {
    return describeError(createHttpError('PAYLOAD_TOO_LARGE'));
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: HTTP_ERRORS.INTERNAL.message } }, headers: {} };
}

/** Writes one JSON line about an unexpected error to stderr, stack included (never sent to clients). */
export function logUnexpectedError(error: unknown, c: Context): void {
  const detail = error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : { value: String(error) };
  process.stderr.write(
    `${JSON.stringify({ time: new Date().toISOString(), level: 'error', method: c.req.method, path: c.req.path, error: detail })}\n`,
  );
}

/** describeError, and the stderr log line when the error is a server error (5xx). */
export function reportError(error: unknown, c: Context): ErrorDescription {
  const described = describeError(error);
  if (described.status >= 500) logUnexpectedError(error, c);
  return described;
}

/** The app's `onError`: expected errors keep their status, the rest are logged and become a 500. */
export function handleError(error: unknown, c: Context): Response {
  const { status, body, headers } = reportError(error, c);
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  return c.json(body, status);
}
