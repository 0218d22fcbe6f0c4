/**
 * Finds the reports under the corpus folder and reads each one safely: empty, binary, non-UTF-8 and
 * over-large files are skipped with a reason, never fatal for the others.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createError, ERROR_MESSAGES, type ErrorCode } from './errors.js';

export const CORPUS_EXTENSIONS = ['.md', '.markdown', '.txt'];

export interface CorpusFile {
  /** Path relative to the corpus folder, with forward slashes. */
  relativePath: string;
  content: string;
}

export interface SkippedFile {
  file: string;
  code: ErrorCode;
  reason: string;
}

/** Every report file under `corpusDir`, sorted, so that the corpus hash is stable. */
export function listCorpusFiles(corpusDir: string): string[] {
  if (!fs.existsSync(corpusDir) || !fs.statSync(corpusDir).isDirectory()) {
    throw createError('CORPUS_MISSING', corpusDir);
  }
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && CORPUS_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) found.push(full);
    }
  };
  walk(corpusDir);
  return found.sort();
}

/** Reads one file, or says why it cannot be used. */
export function readCorpusFile(corpusDir: string, file: string, maxBytes: number): CorpusFile | SkippedFile {
  const relativePath = path.relative(corpusDir, file).split(path.sep).join('/');
  const skip = (code: ErrorCode, extra?: string): SkippedFile => ({
    file: relativePath,
    code,
    reason: extra ? `${ERROR_MESSAGES[code]} (${extra})` : ERROR_MESSAGES[code],
  });
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (error) {
    return skip('FILE_UNREADABLE', (error as NodeJS.ErrnoException).code);
  }
  if (size === 0) return skip('FILE_EMPTY');
  if (size > maxBytes) return skip('FILE_TOO_LARGE', `${formatBytes(size)} > ${formatBytes(maxBytes)}; raise MAX_FILE_BYTES`);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    return skip('FILE_UNREADABLE', (error as NodeJS.ErrnoException).code);
  }
  if (looksBinary(bytes)) return skip('FILE_BINARY');
  let content: string;
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return skip('FILE_INVALID_UTF8');
  }
  content = content.replace(/^\uFEFF/, '');
  if (!content.trim()) return skip('FILE_EMPTY', 'only whitespace');
  return { relativePath, content };
}

export function isSkipped(result: CorpusFile | SkippedFile): result is SkippedFile {
  return 'code' in result;
}

/** A NUL byte, or many control characters, in the first 8 KB means the file is not text. */
function looksBinary(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control / Math.max(1, head.length) > 0.1;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`;
}
