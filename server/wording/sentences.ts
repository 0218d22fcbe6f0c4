/** Streamed text regrouped into whole sentences, so that each can be checked before it is shown. */

/**
 * A sentence ends at 。！？； ! ? ; a line break, or a full stop before a space ("3.39" is no end).
 * Citation markers, closing quotes and brackets, and spaces after the end stay with the sentence.
 */
const SENTENCE = /^[\s\S]*?(?:[。！？!?；;\n]|\.(?=\s))(?:\s*\[\d+\])*[”’」』）)\]*]*[ \t]*\n*/;

/** What may still grow into the sentence's tail: spaces, or a marker begun ("[", "[1"). */
const UNFINISHED_TAIL = /^\s*(?:\[\d*)?$/;

/**
 * The sentences of a stream of text pieces, each with its trailing spaces and markers, in order;
 * whatever is left when the stream ends comes last. A sentence is cut only once a character after
 * it has arrived, so a marker split across pieces ("。[" + "1]") stays whole.
 *
 * @example
 * for await (const s of sentencesOf(pieces(['总量达到 86', '0.3 亿元。[1] 人均', '突破 2 万美元。']))) console.log(s)
 * // '总量达到 860.3 亿元。[1] '   then   '人均突破 2 万美元。'
 */
export async function* sentencesOf(pieces: AsyncIterable<string>): AsyncGenerator<string> {
  let buffer = '';
  for await (const piece of pieces) {
    buffer += piece;
    let match = SENTENCE.exec(buffer);
    while (match && !UNFINISHED_TAIL.test(buffer.slice(match[0].length))) {
      yield match[0];
      buffer = buffer.slice(match[0].length);
      match = SENTENCE.exec(buffer);
    }
  }
  if (buffer.trim() !== '') yield buffer;
}
