/**
 * Picks the reader for a file by its content — a PDF named .txt is read as a PDF — and returns
 * its report text with the format it was read as.
 */
import { createError } from '../errors.js';
import { docxReader } from './docx.js';
import { htmlReader } from './html.js';
import { pdfReader } from './pdf.js';
import { markdownReader, textReader } from './plain-text.js';
import type { ReadOptions, ReadReportResult, ReportReader } from './types.js';

/** In order of precedence: binary signatures first, then HTML, then Markdown, and text last. */
const REPORT_READERS: readonly ReportReader[] = [pdfReader, docxReader, htmlReader, markdownReader, textReader];

/** The first reader whose sniff accepts the file (the text reader accepts anything). */
export function pickReader(bytes: Buffer, fileName: string): ReportReader {
  return REPORT_READERS.find((reader) => reader.sniff(bytes, fileName)) ?? textReader;
}

/**
 * Reads one report file's bytes; throws an AppError with a FILE_* code when it cannot be used.
 * @example await readReport(fs.readFileSync('a.txt'), 'a.txt', options) // -> { text: '一、总体\n…', format: 'text' }
 */
export async function readReport(bytes: Buffer, fileName: string, options: ReadOptions): Promise<ReadReportResult> {
  const reader = pickReader(bytes, fileName);
  const text = await withTimeout(reader.read(bytes, fileName, options), options.timeoutMs);
  return { text, format: reader.format };
}

/** `work`, or FILE_READ_TIMEOUT once `ms` have passed (the timer fires only between synchronous steps). */
async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(createError('FILE_READ_TIMEOUT', `no result after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
