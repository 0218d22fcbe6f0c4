/**
 * Word documents: the ZIP's central directory is checked first (a DOCX must hold word/document.xml,
 * and must not unpack to far more than its size), then mammoth converts it to HTML, which is
 * rendered as report text like a web page: heading styles as `#` lines, tables as Markdown tables.
 */
import path from 'node:path';
import { createError, isAppError } from '../errors.js';
import { parseHtml } from './dom-text.js';
import { renderReportText } from './html-render.js';
import type { ReadOptions, ReportReader } from './types.js';
import { isZip, listZipEntries, type ZipEntry } from './zip-directory.js';

const DOCUMENT_PART = 'word/document.xml';
/** Besides the absolute limit, a document that unpacks to more than this multiple of its size is refused… */
const MAX_EXPANSION = 100;
/** …once it unpacks to more than this: small files legitimately compress well. */
const EXPANSION_CHECK_FLOOR = 10 * 1024 * 1024;

/** Word's and WPS's Chinese style names, which mammoth's default style map does not know. */
const STYLE_MAP = [
  ...[1, 2, 3, 4, 5, 6].flatMap((n) => [`p[style-name='标题 ${n}'] => h${n}:fresh`, `p[style-name='标题${n}'] => h${n}:fresh`]),
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='标题'] => h1:fresh",
];

/** A ZIP holding word/document.xml, or any ZIP named .docx (so a damaged one is reported as such). */
function sniffDocx(bytes: Buffer, fileName: string): boolean {
  if (!isZip(bytes)) return false;
  if (path.extname(fileName).toLowerCase() === '.docx') return true;
  try {
    return listZipEntries(bytes).some((e) => e.name === DOCUMENT_PART);
  } catch {
    return false;
  }
}

/** Throws FILE_MALFORMED or FILE_UNZIPPED_TOO_LARGE unless the archive is a DOCX of sane size. */
function checkArchive(bytes: Buffer, options: ReadOptions): void {
  const entries: ZipEntry[] = listZipEntries(bytes);
  if (!entries.some((e) => e.name === DOCUMENT_PART)) {
    throw createError('FILE_MALFORMED', `a ZIP archive without ${DOCUMENT_PART}, not a DOCX`);
  }
  const unpacked = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (unpacked > options.maxUnzippedBytes) {
    throw createError('FILE_UNZIPPED_TOO_LARGE', `${mb(unpacked)} unpacked > MAX_UNZIPPED_BYTES ${mb(options.maxUnzippedBytes)}`);
  }
  if (unpacked > EXPANSION_CHECK_FLOOR && unpacked > bytes.length * MAX_EXPANSION) {
    throw createError('FILE_UNZIPPED_TOO_LARGE', `${mb(unpacked)} unpacked from ${mb(bytes.length)}, more than ${MAX_EXPANSION}×`);
  }
}

/** DOCX by a ZIP holding word/document.xml; Word's heading styles and tables kept. */
export const docxReader: ReportReader = {
  format: 'docx',
  sniff: sniffDocx,
  read: async (bytes, _fileName, options) => {
    checkArchive(bytes, options);
    // Loaded on first use, like pdf.js: most processes that import the ingester read no DOCX.
    const { default: mammoth } = await import('mammoth');
    let html: string;
    try {
      const result = await mammoth.convertToHtml(
        { buffer: bytes },
        // Images are dropped (no base64 copies in memory); no external files are read.
        { styleMap: STYLE_MAP, externalFileAccess: false, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
      );
      html = result.value;
    } catch (error) {
      if (isAppError(error)) throw error;
      throw createError('FILE_MALFORMED', `mammoth could not read the DOCX: ${(error as Error).message}`);
    }
    const text = renderReportText(parseHtml(html));
    if (!text.trim()) throw createError('FILE_NO_CONTENT', 'the document has no text');
    return text;
  },
};
