/**
 * How well a piece of report text expresses one of the question's concepts: its exact wording,
 * the same characters with a few words inserted ("文化圈" in "文化生活圈", "人才总量" in
 * "人才资源总量"), or most of its character pairs.
 */
import { normalizeForMatch } from '../../ingest/text/normalize.js';
import { charBigrams } from '../../ingest/text/tokenize.js';
import type { KeyTerm } from '../retrieve/types.js';

const SYNONYM_CREDIT = 0.9;
const SPREAD_CREDIT = 0.8;
const PARTIAL_CREDIT = 0.6;
/** Characters a report may insert inside a term, in all. */
const MAX_INSERTED = 4;
/** A term's match form, its bigrams and the pattern of it spread by inserted characters (null when too short). */
interface MatchForm {
  form: string;
  grams: string[];
  spread: RegExp | null;
}
const matchForms = new Map<string, MatchForm>();

/** 1 for the first form, 0.9 for another, 0.8 for a form spread by a few inserted characters, partial for most of its bigrams. */
export function termCredit(term: KeyTerm, normalizedText: string): number {
  let best = 0;
  for (const [i, alt] of term.alternatives.entries()) {
    const { form, grams, spread } = matchForm(alt);
    if (!form) continue;
    // The question's own wording (or the glossary's first form) matches best; a synonym nearly as well.
    if (normalizedText.includes(form)) {
      if (i === 0) return 1;
      best = Math.max(best, SYNONYM_CREDIT);
      continue;
    }
    if (best < SPREAD_CREDIT && spread && isSpread(form, spread, normalizedText)) best = SPREAD_CREDIT;
    if (term.exact) continue;
    if (grams.length >= 2) {
      const found = grams.filter((g) => normalizedText.includes(g)).length / grams.length;
      if (found >= 0.5) best = Math.max(best, PARTIAL_CREDIT * found);
    }
  }
  return best;
}

/** A term's forms, remembered: the same few terms are matched against many sentences. */
function matchForm(alt: string): MatchForm {
  let known = matchForms.get(alt);
  if (!known) {
    const form = normalizeForMatch(alt);
    const chars = [...form];
    const spreadable = chars.length >= 3 && /^[\u4e00-\u9fff]+$/.test(form);
    known = { form, grams: charBigrams(form), spread: spreadable ? new RegExp(chars.join(`[^，。；、\\n]{0,${MAX_INSERTED}}?`)) : null };
    if (matchForms.size > 5000) matchForms.clear();
    matchForms.set(alt, known);
  }
  return known;
}

/** "文化圈" spread as "文化生活圈": the characters in order, a few others between, within one clause. */
function isSpread(form: string, pattern: RegExp, text: string): boolean {
  const match = pattern.exec(text);
  return match !== null && match[0].length - [...form].length <= MAX_INSERTED;
}
