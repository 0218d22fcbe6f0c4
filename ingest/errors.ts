/** One map of error codes to messages, so that the compiler checks every code in use. */
export const ERROR_MESSAGES = {
  FILE_EMPTY: 'the file is empty',
  FILE_BINARY: 'the file is binary, not text',
  FILE_INVALID_UTF8: 'the file is not valid UTF-8',
  FILE_TOO_LARGE: 'the file is larger than the configured limit',
  FILE_NO_CONTENT: 'the file has no text content after parsing',
  FILE_UNREADABLE: 'the file could not be read',
  FILE_MALFORMED: 'the file is damaged or not a valid document of its type',
  FILE_NEEDS_OCR: 'the PDF has no text layer (a scan?); it needs OCR before it can be ingested',
  FILE_READ_TIMEOUT: 'reading the file took longer than READ_TIMEOUT_MS allows',
  FILE_UNZIPPED_TOO_LARGE: 'the document unpacks to far more than its size (a zip bomb?); raise MAX_UNZIPPED_BYTES if it is genuine',
  CORPUS_EMPTY: 'no report could be ingested',
  CORPUS_MISSING: 'the corpus folder does not exist',
  INDEX_MISSING: 'no index was found',
  INDEX_CORRUPT: 'the index is corrupt or incomplete',
  INDEX_MISMATCH: 'the index was built by another version or embedder',
  INDEX_WRITE_FAILED: 'the index could not be written',
  MODEL_UNAVAILABLE: 'the embedding model could not be loaded',
  CONFIG_INVALID: 'the configuration is invalid',
  ANSWER_MODEL_INVALID: 'the answer model file is missing, damaged or names an unknown feature; run npm run train',
  ANSWER_WORKER_FAILED: 'the answering thread stopped before it answered; retry',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Builds an error with its code's message, followed by the specifics when there are any. */
export function createError(code: ErrorCode, specifics?: string, details?: Record<string, unknown>): AppError {
  const message = specifics ? `${ERROR_MESSAGES[code]}: ${specifics}` : ERROR_MESSAGES[code];
  return new AppError(code, message, details);
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
