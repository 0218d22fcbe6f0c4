/**
 * PDF reports through pdf.js (legacy build, which runs on Node 20 with its in-thread fake worker):
 * text items → lines → running headers/footers dropped → paragraphs. A PDF without a text layer
 * (a scan) is refused as needing OCR; a damaged one as malformed; a slow one after READ_TIMEOUT_MS.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createError, isAppError } from '../errors.js';
import { buildLines, type PdfLine, type TextPiece } from './pdf-lines.js';
import { buildParagraphs, measureLayout } from './pdf-paragraphs.js';
import { dropRunningLines } from './pdf-running-lines.js';
import type { ReportReader } from './types.js';

/** Fewer visible characters than this per page means there is no text layer to speak of. */
const MIN_CHARS_PER_PAGE = 10;
/** pdf.js accepts a header after some leading junk; so does the sniffer. */
const HEADER_SEARCH_BYTES = 1024;

const PDFJS_DIR = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** Whether the bytes hold a PDF header (`%PDF-`) near the start. */
function looksLikePdf(bytes: Buffer): boolean {
  return bytes.subarray(0, HEADER_SEARCH_BYTES).includes('%PDF-');
}

/** The text items of every page, top to bottom, as lines. */
async function readPageLines(doc: PDFDocumentProxy, deadline: number, timeoutMs: number): Promise<PdfLine[][]> {
  const pages: PdfLine[][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    // The timer cannot interrupt pdf.js's synchronous parsing; checking between pages bounds the overrun to one page.
    if (Date.now() > deadline) throw createError('FILE_READ_TIMEOUT', `stopped at page ${n} of ${doc.numPages} after ${timeoutMs} ms`);
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const pieces: TextPiece[] = [];
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const [, , c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
      pieces.push({ str: item.str, x, y, width: item.width, size: item.height || Math.hypot(c, d) });
    }
    pages.push(buildLines(pieces));
    page.cleanup();
  }
  return pages;
}

/**
 * The report text of a PDF: one paragraph a line, blank lines between.
 * @example await pdfToReportText(bytes, 'a.pdf', 30000) // -> '2026年湖北省政府工作报告\n\n各位代表：\n\n…'
 */
export async function pdfToReportText(bytes: Buffer, fileName: string, timeoutMs: number): Promise<string> {
  // Loaded on first use: the server and its answer threads import the ingester but never read a PDF.
  const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: `${path.join(PDFJS_DIR, 'cmaps')}/`,
    standardFontDataUrl: `${path.join(PDFJS_DIR, 'standard_fonts')}/`,
    disableFontFace: true,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  // readReport races the whole read against the same limit; the deadline stops the page loop itself.
  const deadline = Date.now() + timeoutMs;
  try {
    const doc = await task.promise;
    if (doc.numPages === 0) throw createError('FILE_MALFORMED', 'the PDF has no pages');
    const pages = await readPageLines(doc, deadline, timeoutMs);
    return layOut(pages, fileName);
  } catch (error) {
    if (isAppError(error)) throw error;
    const { name, message } = error as Error;
    if (name === 'PasswordException') throw createError('FILE_MALFORMED', 'the PDF is password-protected');
    throw createError('FILE_MALFORMED', `pdf.js could not read it: ${message}`);
  } finally {
    // Frees the document and its fake worker even when the read failed or timed out midway.
    await task.destroy().catch(() => {});
  }
}

function layOut(rawPages: PdfLine[][], fileName: string): string {
  const bodySize = measureLayout(rawPages).size;
  const pages = dropRunningLines(rawPages, bodySize);
  const chars = pages.flat().reduce((n, line) => n + line.text.replace(/\s+/g, '').length, 0);
  if (chars < MIN_CHARS_PER_PAGE * Math.max(1, pages.length)) {
    const found = `${pages.length} page(s) with ${chars} character(s) of text`;
    throw createError('FILE_NEEDS_OCR', `${fileName}: ${found}; run OCR on it (e.g. ocrmypdf) and add the result instead`);
  }
  return buildParagraphs(pages, measureLayout(pages)).join('\n\n');
}

/** PDF by its `%PDF-` header, whatever the file is called. */
export const pdfReader: ReportReader = {
  format: 'pdf',
  sniff: looksLikePdf,
  read: (bytes, fileName, options) => pdfToReportText(bytes, fileName, options.timeoutMs),
};
