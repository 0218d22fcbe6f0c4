/** Answers as Markdown for other tools' chat windows: each quote's source reads report › chapter › section. */
import { bookTitle } from '../answer/attribute-answer.js';
import type { Citation } from '../contract.js';

/** The cited quotes as Markdown, each with its report › chapter › section. */
export function quoteBlock(citations: Citation[]): string {
  return citations.map((c) => `> ${c.quote} [${c.n}]\n> — ${sourceOf(c)}`).join('\n\n');
}

/**
 * Where a quote comes from, report first.
 *
 * @example
 * sourcePath('江北区中期评估报告', ['一、目标指标完成情况', '（一）总体目标'])
 * // '《江北区中期评估报告》 › 一、目标指标完成情况 › （一）总体目标'
 */
export function sourcePath(docTitle: string, path: readonly string[]): string {
  return [bookTitle(docTitle), ...path].join(' › ');
}

const sourceOf = (c: Citation): string => sourcePath(c.docTitle, c.sectionPath);

/**
 * Rewrites an answer's text, streamed in pieces, line by line: a quote's source line
 * ("> — 一、… › （一）…", after the quote line ending in [n]) gains its report's title.
 * `push` returns the whole lines it can give so far; `end` the rest.
 *
 * @example
 * const t = sourceTitler(citations); t.push('> 调整至 3.39% [1]\n> — 一、… › （一）…\n') + t.end()
 * // '> 调整至 3.39% [1]\n> — 《江北区…中期评估报告》 › 一、… › （一）…\n'
 */
export function sourceTitler(citations: Citation[]): { push(text: string): string; end(): string } {
  const byN = new Map(citations.map((c) => [c.n, c]));
  let pending = '';
  let lastMarker: number | undefined;
  const line = (text: string): string => {
    const cited = lastMarker !== undefined ? byN.get(lastMarker) : undefined;
    const marker = /\[(\d+)\]\s*$/.exec(text);
    lastMarker = marker ? Number(marker[1]) : undefined;
    if (!cited || !text.startsWith('> — ') || text.includes(bookTitle(cited.docTitle))) return text;
    return `> — ${sourceOf(cited)}`;
  };
  return {
    push(text) {
      pending += text;
      const cut = pending.lastIndexOf('\n');
      if (cut < 0) return '';
      const whole = pending.slice(0, cut + 1);
      pending = pending.slice(cut + 1);
      return whole.split('\n').slice(0, -1).map(line).join('\n') + '\n';
    },
    end() {
      const rest = pending === '' ? '' : line(pending);
      pending = '';
      return rest;
    },
  };
}

/** The whole answer text with titled source lines. */
export function citedMarkdown(answer: string, citations: Citation[]): string {
  const titler = sourceTitler(citations);
  return titler.push(answer) + titler.end();
}
