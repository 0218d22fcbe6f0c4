/**
 * Cuts each section's text into passages on sentence boundaries; a passage never crosses a section.
 * A table row (read as a sentence) is a passage of its own. An enumeration run in mid-paragraph
 * ("一要……。二要……。") starts a passage at each item, and its passages carry the item's title.
 */
import type { Passage, TableRow } from '../schema.js';
import type { ParsedSection } from '../parse/parse-document.js';
import { inlineEnumerations, type PathSpan } from './inline-enumerations.js';
import { splitLongSpan, splitSentences, type Span } from './sentences.js';

export interface ChunkOptions {
  minChars: number;
  maxChars: number;
}

export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { minChars: 150, maxChars: 400 };

/** Passages of every section, in document order, with source offsets. */
export function chunkSections(sections: ParsedSection[], options: ChunkOptions = DEFAULT_CHUNK_OPTIONS): Passage[] {
  return sections.flatMap((parsed) => chunkSection(parsed, options));
}

function chunkSection({ section, offsets, rows }: ParsedSection, options: ChunkOptions): Passage[] {
  const text = section.text;
  const sentences = splitSentences(text);
  const items = inlineEnumerations(text, sentences, section.title);
  const groups: Array<Span & { row?: TableRow; subPath?: string[] }> = [];
  let next = 0;
  // The prose before `end` (sentences in order, rows skipped), grouped into passages that never
  // cross the start or end of an enumerated item.
  const chunkProse = (end: number) => {
    let prose: Span[] = [];
    let owner: PathSpan | undefined;
    const flush = () => {
      const grouped = groupSentences(text, prose, options, section.kind === 'appendix');
      groups.push(...grouped.map((g) => (owner ? { ...g, subPath: owner.subPath } : g)));
      prose = [];
    };
    for (; next < sentences.length && sentences[next]!.start < end; next++) {
      const sentence = sentences[next]!;
      if (sentence.end > end) continue;
      const within = items.find((item) => item.start <= sentence.start && sentence.start < item.end);
      if (within !== owner) {
        flush();
        owner = within;
      }
      prose.push(...splitLongSpan(text, sentence, options.maxChars));
    }
    flush();
  };
  for (const { start, end, label, columns, cells } of rows) {
    chunkProse(start);
    groups.push({ start, end, row: { label, columns, cells } });
    while (next < sentences.length && sentences[next]!.start < end) next++;
  }
  chunkProse(text.length);
  return groups.map((g, i) => ({
    id: `${section.id}-p${i + 1}`,
    docId: section.docId,
    sectionId: section.id,
    sectionPath: g.subPath ? [...section.path, ...g.subPath] : section.path,
    text: text.slice(g.start, g.end),
    start: offsets[g.start] ?? section.start,
    end: (offsets[g.end - 1] ?? section.end - 1) + 1,
    ...(g.row ? { row: g.row } : {}),
  }));
}

/** `byParagraph`: every paragraph its own passage (a glossary entry is found by the term it explains). */
function groupSentences(text: string, sentences: Span[], { minChars, maxChars }: ChunkOptions, byParagraph = false): Span[] {
  const groups: Span[] = [];
  let current: Span | null = null;
  for (const sentence of sentences) {
    if (!current) {
      current = { ...sentence };
      continue;
    }
    const length = current.end - current.start;
    const paragraphBreak = text.slice(current.end, sentence.start).includes('\n');
    // A heading-like sentence alone ("二是精准定位大好项目。") says nothing: it keeps the next one.
    const slack = length < minChars / 4 ? minChars / 2 : 0;
    const wouldOverflow = sentence.end - current.start > maxChars + slack;
    if (wouldOverflow || (paragraphBreak && (length >= minChars || byParagraph))) {
      groups.push(current);
      current = { ...sentence };
    } else {
      current.end = sentence.end;
    }
  }
  if (current) groups.push(current);
  return byParagraph ? groups : mergeShortTail(groups, minChars, maxChars);
}

/** A short last piece reads better inside the passage before it. */
function mergeShortTail(groups: Span[], minChars: number, maxChars: number): Span[] {
  if (groups.length < 2) return groups;
  const last = groups[groups.length - 1]!;
  const before = groups[groups.length - 2]!;
  if (last.end - last.start < minChars / 2 && last.end - before.start <= maxChars + minChars / 2) {
    return [...groups.slice(0, -2), { start: before.start, end: last.end }];
  }
  return groups;
}
