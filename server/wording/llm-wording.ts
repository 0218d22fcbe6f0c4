/**
 * Optional LLM wording: the LLM words the answer from the cited quotes, and every sentence is
 * checked before it is shown. A sentence with a number that no quote holds is removed; when
 * nothing checked remains, or the LLM fails or times out, the extractive answer is given.
 */
import { isMostlyEnglish } from '../../ingest/text/crosslingual.js';
import { unsupportedNumbers } from '../answer/verify-numbers.js';
import type { AnswerEvent, AnswerResponse, AskRequest, Citation } from '../contract.js';
import { quoteBlock } from './cited-markdown.js';
import { asExtractive, extractiveEvents } from './extractive.js';
import { createLlmClient, type LlmClient, type LlmConfig } from './llm-client.js';
import { wordingMessages } from './prompt.js';
import { sentencesOf } from './sentences.js';

export interface Wording {
  /** The answer's events, worded from `extractive` (the reader's answer to `request`). */
  events(extractive: AnswerResponse, request: AskRequest): AsyncGenerator<AnswerEvent>;
}

/** The reader's own answer, as it is. */
export const extractiveWording: Wording = { events: (extractive) => extractiveEvents(extractive) };

const FALLBACK_NOTE = {
  zh: '（模型生成中断，以下为报告原文摘录的答案。）',
  en: '(The model stopped before it finished; here is the answer quoted from the reports.)',
};

/** The wording the settings ask for: an LLM's when LLM_BASE_URL and LLM_MODEL name one, else the reader's own. */
export function wordingFor(llm: LlmConfig | undefined, log: (line: string) => void): Wording {
  return llm ? createLlmWording(createLlmClient(llm), log) : extractiveWording;
}

/** LLM wording through `client`; `log` hears why the LLM's text was not used. */
export function createLlmWording(client: LlmClient, log: (line: string) => void = () => {}): Wording {
  return {
    async *events(extractive, request) {
      // A declined question stays declined in the reader's words: the LLM has nothing to check against.
      if (!extractive.answerable || extractive.citations.length === 0) {
        yield* extractiveEvents(extractive);
        return;
      }
      const lang = isMostlyEnglish(request.question) ? 'en' : 'zh';
      yield { type: 'meta', answer: asExtractive(extractive) };
      const sources = sourceTexts(extractive.citations);
      const markers = new Set(extractive.citations.map((c) => c.n));
      const kept: string[] = [];
      let removed = 0;
      let failure: string | undefined;
      try {
        for await (const sentence of sentencesOf(client.streamText(wordingMessages(extractive, lang, request.history)))) {
          const text = withKnownMarkers(sentence, markers);
          // The verifier skips the reader's own "> — chapter" source lines: the LLM's text gets no such pass.
          if (unsupportedNumbers(text.replace(/^\s*>/gm, ''), sources).length > 0) {
            removed += 1;
            continue;
          }
          if (text.trim() === '') continue;
          kept.push(text);
          yield { type: 'text', text };
        }
      } catch (error) {
        failure = (error as Error).message;
        log(`[llm] wording failed, the extractive answer is given: ${failure}`);
      }
      const body = kept.join('').trim();
      if (body === '' || failure !== undefined) {
        const note = body === '' ? '' : `\n\n${FALLBACK_NOTE[lang]}\n\n`;
        if (note) yield { type: 'text', text: note };
        for await (const event of extractiveEvents(extractive)) {
          if (event.type === 'text') yield event;
          if (event.type === 'done') yield { type: 'done', answer: { ...event.answer, answer: `${kept.join('')}${note}${event.answer.answer}`, removed } };
        }
        return;
      }
      const quotes = `\n\n${quoteBlock(extractive.citations)}`;
      yield { type: 'text', text: quotes };
      yield { type: 'done', answer: { ...extractive, answer: `${kept.join('')}${quotes}`, generation: 'llm', removed } };
    },
  };
}

/** What a number may be checked against: the quotes, and the titles and headings they are cited with. */
function sourceTexts(citations: Citation[]): string[] {
  return citations.flatMap((c) => [c.quote, c.docTitle, ...c.sectionPath]);
}

/** Citation markers that name no citation ([7] of three) are dropped, so no marker points nowhere. */
function withKnownMarkers(sentence: string, markers: Set<number>): string {
  return sentence.replace(/\s?\[(\d+)\]/g, (marker, n: string) => (markers.has(Number(n)) ? marker : ''));
}
