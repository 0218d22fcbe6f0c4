/**
 * Finds the reports under the corpus folder and reads each one safely through the reader its
 * content calls for (PDF, DOCX, HTML, Markdown, text): empty, binary, non-UTF-8, over-large,
 * damaged, scanned and too-slow files are skipped with a reason, never fatal for the others.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createError, ERROR_MESSAGES, isAppError, type ErrorCode } from './errors.js';
import { readReport } from './read/read-report.js';
import type { DocFormat } from './schema.js';
import { joinUnderscoreSubscripts, normalizeCompatibilityForms } from './text/normalize.js';

export const CORPUS_EXTENSIONS = ['.md', '.markdown', '.txt', '.pdf', '.docx', '.html', '.htm'];

export interface CorpusFile {
  /** Path relative to the corpus folder, with forward slashes. */
  relativePath: string;
  /** Report text: one paragraph a line, `#` headings and Markdown tables where the file marks them. */
  content: string;
  /** The type the file was read as, told by its content. */
  format: DocFormat;
}

export interface SkippedFile {
  file: string;
  code: ErrorCode;
  reason: string;
}

/** What reading a corpus file may take: the ingest settings of the same names. */
export interface CorpusReadLimits {
  maxFileBytes: number;
  readTimeoutMs: number;
  maxUnzippedBytes: number;
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

/**
 * Reads one file as report text, or says why it cannot be used.
 * @example await readCorpusFile('corpus', 'corpus/a.pdf', config)
 * // -> { relativePath: 'a.pdf', content: '2026年…报告\n\n一、…', format: 'pdf' }
 */
export async function readCorpusFile(corpusDir: string, file: string, limits: CorpusReadLimits): Promise<CorpusFile | SkippedFile> {
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
  if (size > limits.maxFileBytes) return skip('FILE_TOO_LARGE', `${formatBytes(size)} > ${formatBytes(limits.maxFileBytes)}; raise MAX_FILE_BYTES`);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    return skip('FILE_UNREADABLE', (error as NodeJS.ErrnoException).code);
  }
  try {
    const options = { timeoutMs: limits.readTimeoutMs, maxUnzippedBytes: limits.maxUnzippedBytes };
    const { text, format } = await readReport(bytes, path.basename(file), options);
    const content = joinUnderscoreSubscripts(normalizeCompatibilityForms(text));
    if (!content.trim()) return skip('FILE_EMPTY', 'no text');
    return { relativePath, content, format };
  } catch (error) {
    // A reader's own refusal carries its code; anything else a parser threw means a damaged file.
    if (isAppError(error)) return { file: relativePath, code: error.code, reason: error.message };
    return skip('FILE_MALFORMED', (error as Error).message);
  }
}

export function isSkipped(result: CorpusFile | SkippedFile): result is SkippedFile {
  return 'code' in result;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`;
}
