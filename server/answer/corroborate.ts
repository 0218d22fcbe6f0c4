/**
 * Reports repeat their key figures: once in the overview, again in the chapter on the topic. When
 * the figure an answer leads with is stated elsewhere with the same label, that place is cited
 * too, so the reader sees both and can check either.
 */
import type { Figure } from '../../ingest/schema.js';
import { cjkBigrams } from '../../ingest/text/tokenize.js';
import type { KnowledgeBase } from '../retrieve/knowledge-base.js';
import type { PickedFigure } from './pick-figures.js';
import type { Evidence } from './select-evidence.js';

/** Share of the shorter label's bigrams the other label must hold to name the same measure. */
const SAME_LABEL_SHARE = 0.6;
const MAX_PER_FIGURE = 1;

/** For each picked figure, other sentences of its own report that state it under the same label (another report's equal figure is no corroboration). */
export function corroborations(kb: KnowledgeBase, picked: PickedFigure[], evidence: Evidence[]): Map<PickedFigure, Evidence[]> {
  const result = new Map<PickedFigure, Evidence[]>();
  const usedSections = new Set(evidence.map((e) => kb.index.passages[e.passageIndex]!.sectionId));
  for (const p of picked) {
    const found: Evidence[] = [];
    for (const other of kb.index.figures) {
      if (found.length >= MAX_PER_FIGURE) break;
      if (other.docId !== p.figure.docId || other.text !== p.figure.text || usedSections.has(other.sectionId) || !sameMeasure(other, p.figure)) continue;
      const e = sentenceEvidence(kb, other, p.evidence);
      if (e) found.push(e);
    }
    if (found.length) result.set(p, found);
  }
  return result;
}

function sameMeasure(a: Figure, b: Figure): boolean {
  const gramsA = new Set(cjkBigrams(a.label));
  const gramsB = cjkBigrams(b.label);
  const shorter = Math.min(gramsA.size, gramsB.length);
  if (shorter === 0) return false;
  return gramsB.filter((g) => gramsA.has(g)).length / shorter >= SAME_LABEL_SHARE;
}

/** The sentence a figure sits in, as evidence in its passage. */
function sentenceEvidence(kb: KnowledgeBase, figure: Figure, like: Evidence): Evidence | null {
  const passageIndex = kb.passageIndexById.get(figure.passageId);
  if (passageIndex === undefined) return null;
  const text = kb.index.passages[passageIndex]!.text;
  const start = text.indexOf(figure.sentence);
  if (start < 0) return null;
  return { ...like, passageIndex, start, end: start + figure.sentence.length, text: figure.sentence, coverage: 0, credits: [], answerCredits: [] };
}
