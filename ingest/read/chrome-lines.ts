/** Drops the chrome lines of a web page's report text (see ingest/text/web-chrome.ts). */
import { isChromeLine } from '../text/web-chrome.js';

/** Report text without its chrome lines (table lines are kept as they are). */
export function dropChromeLines(text: string): string {
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('|') || !isChromeLine(block))
    .join('\n\n');
}
