/** The extractive answer as AnswerEvents: the reader's own Markdown, cut into readable pieces. */
import type { AnswerEvent, AnswerResponse } from '../contract.js';

// ASCII '.' and ',' are left out: they sit inside numbers (3.39, 1,100); English text breaks on spaces.
const BREAK = /[\s，。；：、！？;:!?）)」』”]/u;

/**
 * Cuts text into pieces of about `min`–`max` characters, preferring to end a piece right after
 * punctuation or a space so that the streamed text grows in readable steps.
 *
 * @example
 * splitForStreaming('The R&D spending ratio was adjusted to **3.39%** [1], while high-tech industry exceeded 70% of value added.')
 * // ['The R&D spending ratio was adjusted to ', '**3.39%** [1], while high-tech industry ', 'exceeded 70% of value added.']
 */
export function splitForStreaming(text: string, min = 20, max = 40): string[] {
  const chars = Array.from(text);
  const pieces: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let end = Math.min(start + max, chars.length);
    if (end < chars.length) {
      for (let i = end; i > start + min; i -= 1) {
        if (BREAK.test(chars[i - 1] ?? '')) {
          end = i;
          break;
        }
      }
    }
    pieces.push(chars.slice(start, end).join(''));
    start = end;
  }
  return pieces;
}

/** Marks an answer as the reader's own, with nothing removed. */
export function asExtractive(answer: AnswerResponse): AnswerResponse {
  return { ...answer, generation: 'extractive', removed: 0 };
}

/** `meta`, the answer's text in pieces, then `done`. */
export async function* extractiveEvents(pending: Promise<AnswerResponse> | AnswerResponse): AsyncGenerator<AnswerEvent> {
  const answer = asExtractive(await pending);
  yield { type: 'meta', answer };
  for (const text of splitForStreaming(answer.answer)) yield { type: 'text', text };
  yield { type: 'done', answer };
}

/** The `done` answer of a stream of events (the whole stream is read). */
export async function finalAnswer(events: AsyncIterable<AnswerEvent>): Promise<AnswerResponse> {
  let done: AnswerResponse | undefined;
  for await (const event of events) if (event.type === 'done') done = event.answer;
  if (!done) throw new Error('the answer stream ended without an answer');
  return done;
}
