/**
 * Saved web pages (a government site's article page): decoded by its declared charset, chrome
 * removed, the article container rendered as report text with its title as a `#` line.
 */
import path from 'node:path';
import { createError } from '../errors.js';
import { dropChromeLines } from './chrome-lines.js';
import { parseHtml } from './dom-text.js';
import { decodeHtml } from './html-charset.js';
import { findMainContent } from './html-main-content.js';
import { renderReportText } from './html-render.js';
import type { ReportReader } from './types.js';

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);
const DOCTYPE_RE = /^(?:<!--[\s\S]*?-->\s*)*<!doctype\s+html|^(?:<!--[\s\S]*?-->\s*)*<html[\s>]/i;
const BLOCK_TAG_RE = /<(?:body|p|div|table|br|h[1-6])[\s>/]/gi;
/** A fragment with this many block tags in its first 4 KB is HTML even without <html>. */
const MIN_FRAGMENT_TAGS = 3;

/** Whether the bytes are an HTML page: a doctype or <html> first, or a tag-dense text opening with a tag. */
export function looksLikeHtml(bytes: Buffer, fileName: string): boolean {
  const head = bytes.subarray(0, 4096).toString('latin1').replace(/^(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '').trimStart();
  if (DOCTYPE_RE.test(head)) return true;
  if (!head.startsWith('<') || (/^<\?xml/i.test(head) && !/<html/i.test(head))) return false;
  if (HTML_EXTENSIONS.has(path.extname(fileName).toLowerCase())) return true;
  return (head.match(BLOCK_TAG_RE)?.length ?? 0) >= MIN_FRAGMENT_TAGS;
}

/**
 * Converts an HTML page to report text.
 * @example htmlToReportText('<nav>首页</nav><h1>报告</h1><div id="zoom"><p>一、总体</p><p>正文。</p></div>')
 * // -> '# 报告\n\n一、总体\n\n正文。'
 */
export function htmlToReportText(html: string): string {
  const doc = parseHtml(html);
  const { container, title } = findMainContent(doc);
  const body = dropChromeLines(renderReportText(container));
  return title ? `# ${title}\n\n${body}` : body;
}

/** Saved web pages by a doctype, <html> or a tag-dense opening; the article without the site around it. */
export const htmlReader: ReportReader = {
  format: 'html',
  sniff: looksLikeHtml,
  read: async (bytes) => {
    const text = htmlToReportText(decodeHtml(bytes));
    if (!text.trim()) throw createError('FILE_NO_CONTENT', 'the page has no article text');
    return text;
  },
};
