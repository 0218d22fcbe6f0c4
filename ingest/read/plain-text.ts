/**
 * Markdown and plain-text reports: UTF-8 text taken as it is, after the checks that keep a binary
 * or mis-encoded file out of the index (empty, binary, invalid UTF-8; a BOM is dropped).
 */
import path from 'node:path';
import { createError } from '../errors.js';
import type { ReportReader } from './types.js';

const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown']);
/** A `#` heading line or a pipe-table separator says the text is Markdown whatever its name. */
const MARKDOWN_SIGNS_RE = /^#{1,6}\s+\S|^\|?\s*:?-{3,}:?\s*\|/m;

/** Markdown by name (.md, .markdown) or by its heading/table lines. */
export const markdownReader: ReportReader = {
  format: 'markdown',
  sniff: (bytes, fileName) =>
    MARKDOWN_EXTENSIONS.has(path.extname(fileName).toLowerCase()) || MARKDOWN_SIGNS_RE.test(bytes.subarray(0, 8192).toString('latin1')),
  read: async (bytes) => decodeUtf8Text(bytes),
};

/** The fallback: any other file is read as UTF-8 text, or refused with the reason. */
export const textReader: ReportReader = {
  format: 'text',
  sniff: () => true,
  read: async (bytes) => decodeUtf8Text(bytes),
};

/**
 * The text of a UTF-8 file without its BOM; throws FILE_BINARY, FILE_INVALID_UTF8 or FILE_EMPTY.
 * @example decodeUtf8Text(Buffer.from('\uFEFF一、总体')) // -> '一、总体'
 */
export function decodeUtf8Text(bytes: Buffer): string {
  if (looksBinary(bytes)) throw createError('FILE_BINARY');
  let content: string;
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw createError('FILE_INVALID_UTF8');
  }
  content = content.replace(/^\uFEFF/, '');
  if (!content.trim()) throw createError('FILE_EMPTY', 'only whitespace');
  return content;
}

/** A NUL byte, or many control characters, in the first 8 KB means the file is not text. */
export function looksBinary(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control / Math.max(1, head.length) > 0.1;
}
