/**
 * The sentences of a passage with what evidence scoring needs of them, worked out once per
 * knowledge base: match-form text, the heading words, and the figures each sentence holds.
 */
import { splitSentences } from '../../ingest/chunk/sentences.js';
import { findFiveYearPlans } from '../../ingest/meta/five-year-plans.js';
import type { Figure } from '../../ingest/schema.js';
import { normalizeForMatch } from '../../ingest/text/normalize.js';
import { headingWords } from '../../ingest/text/passage-text.js';
import { charBigrams } from '../../ingest/text/tokenize.js';
import { KnowledgeBaseCache } from '../retrieve/kb-cache.js';
import type { KnowledgeBase } from '../retrieve/knowledge-base.js';
import { opensEnumeration } from './list-items.js';

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
  /** Whether an enumeration (一是…, （一）…) starts here or right after this sentence's colon. */
  opensEnumeration: boolean;
  /** The numbers of the five-year plans the sentence names (14 for “十四五”). */
  plans: number[];
}

export interface PassageInfo {
  /** Heading path and document title in the match form: what the passage is about throughout. */
  heading: string;
  sectionPath: string;
  /** The passage's text in the match form. */
  normalized: string;
  /** The numbers of the five-year plans its heading path names. */
  headingPlans: number[];
  sentences: PassageSentence[];
}

const infos = new KnowledgeBaseCache<number, PassageInfo>();

export function passageInfo(kb: KnowledgeBase, passageIndex: number): PassageInfo {
  return infos.get(kb, passageIndex, () => build(kb, passageIndex));
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
      opensEnumeration: opensEnumeration(passage.text.slice(span.start)),
      plans: findFiveYearPlans(text),
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
  return {
    heading,
    sectionPath: passage.sectionPath.join(' '),
    normalized: normalizeForMatch(passage.text),
    headingPlans: passage.sectionPath.flatMap(findFiveYearPlans),
    sentences,
  };
}

/** The figures of one sentence of a passage (as evidence gives it: passage and start offset). */
export function sentenceFigures(kb: KnowledgeBase, sentence: { passageIndex: number; start: number }): SentenceFigure[] {
  return passageInfo(kb, sentence.passageIndex).sentences.find((s) => s.start === sentence.start)?.figures ?? [];
}
