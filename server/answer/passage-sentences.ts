/**
 * The sentences of a passage with what evidence scoring needs of them, worked out once per
 * knowledge base: match-form text, the heading words, and the figures each sentence holds.
 */
import { splitSentences } from '../../ingest/chunk/sentences.js';
import type { Figure } from '../../ingest/schema.js';
import { normalizeForMatch } from '../../ingest/text/normalize.js';
import { headingWords } from '../../ingest/text/passage-text.js';
import { charBigrams } from '../../ingest/text/tokenize.js';
import type { KnowledgeBase } from '../retrieve/knowledge-base.js';

export interface SentenceFigure {
  figure: Figure;
  /** Label in the match form, without and with its qualifier. */
  label: string;
  labelWithQualifier: string;
  /** The clause that ends with the value ("全年城镇新增就业2.3万人"), in the match form. */
  clause: string;
  labelGrams: string[];
}

export interface PassageSentence {
  start: number;
  end: number;
  text: string;
  normalized: string;
  figures: SentenceFigure[];
}

export interface PassageInfo {
  /** Heading path and document title in the match form: what the passage is about throughout. */
  heading: string;
  sectionPath: string;
  sentences: PassageSentence[];
}

const byKnowledgeBase = new WeakMap<KnowledgeBase, Map<number, PassageInfo>>();

export function passageInfo(kb: KnowledgeBase, passageIndex: number): PassageInfo {
  let cache = byKnowledgeBase.get(kb);
  if (!cache) byKnowledgeBase.set(kb, (cache = new Map()));
  let info = cache.get(passageIndex);
  if (!info) cache.set(passageIndex, (info = build(kb, passageIndex)));
  return info;
}

function build(kb: KnowledgeBase, passageIndex: number): PassageInfo {
  const passage = kb.index.passages[passageIndex]!;
  const figures = kb.figuresByPassage.get(passage.id) ?? [];
  // The document's title counts like a heading: "海曙区…报告" is about 海曙 throughout.
  const heading = normalizeForMatch(`${headingWords(passage.sectionPath)}${kb.docById.get(passage.docId)?.title ?? ''}`);
  const sentences = splitSentences(passage.text).map((span) => {
    const text = passage.text.slice(span.start, span.end);
    return {
      ...span,
      text,
      normalized: normalizeForMatch(text),
      figures: figures
        .filter((f) => f.start >= span.start && f.end <= span.end)
        .map((figure) => {
          const label = normalizeForMatch(figure.label);
          const clauseStart = Math.max(span.start, ...['，', '；', '：', '。'].map((p) => passage.text.lastIndexOf(p, figure.start - 1) + 1));
          return {
            figure,
            label,
            labelWithQualifier: normalizeForMatch(`${figure.label}${figure.qualifier ?? ''}`),
            clause: normalizeForMatch(passage.text.slice(clauseStart, figure.end)),
            labelGrams: charBigrams(label),
          };
        }),
    };
  });
  return { heading, sectionPath: passage.sectionPath.join(' '), sentences };
}

/** The figures of one sentence of a passage (as evidence gives it: passage and start offset). */
export function sentenceFigures(kb: KnowledgeBase, sentence: { passageIndex: number; start: number }): SentenceFigure[] {
  return passageInfo(kb, sentence.passageIndex).sentences.find((s) => s.start === sentence.start)?.figures ?? [];
}
