/**
 * Decodes a saved web page by the charset it declares (BOM, `<meta charset>`, `http-equiv`, XML
 * declaration): many government sites still serve GBK/GB2312, which Node's ICU decodes.
 */
import { createError } from '../errors.js';

const META_CHARSET_RE = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i;
const XML_ENCODING_RE = /^\s*<\?xml[^>]+encoding\s*=\s*["']([\w:.-]+)/i;
/** The declaration must sit near the top (the HTML standard looks at the first 1024 bytes; be generous). */
const PRESCAN_BYTES = 4096;

/**
 * The page as a string, without its BOM.
 * @example decodeHtml(gbkBytes) // '<html><head><meta charset="gbk">…中文…'
 */
export function decodeHtml(bytes: Buffer): string {
  const bom = bomEncoding(bytes);
  if (bom) return new TextDecoder(bom.label).decode(bytes.subarray(bom.length));
  const head = bytes.subarray(0, PRESCAN_BYTES).toString('latin1');
  const declared = META_CHARSET_RE.exec(head)?.[1] ?? XML_ENCODING_RE.exec(head)?.[1];
  const decoder = declared ? decoderFor(declared) : null;
  if (decoder) return decoder.decode(bytes);
  // Undeclared: UTF-8 when it is valid, else the common Chinese legacy encoding, else refuse.
  for (const label of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(label, { fatal: true }).decode(bytes);
    } catch {
      // try the next one
    }
  }
  throw createError('FILE_INVALID_UTF8', 'an HTML page that declares no charset and is neither UTF-8 nor GB18030');
}

function bomEncoding(bytes: Buffer): { label: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { label: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { label: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { label: 'utf-16be', length: 2 };
  return null;
}

function decoderFor(label: string): TextDecoder | null {
  try {
    // The WHATWG labels already decode gb2312 as GBK, the superset such pages really use.
    return new TextDecoder(label);
  } catch {
    return null;
  }
}
