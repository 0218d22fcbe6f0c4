/**
 * Follows an introducing sentence ("积极因素也在持续积累。") to the items its section enumerates
 * after it ("一是宏观政策有利好。……二是……"), each as evidence of its own so that it is cited.
 */
import type { KnowledgeBase } from '../retrieve/knowledge-base.js';
import { ordinalItems } from './list-items.js';
import type { Evidence } from './select-evidence.js';

export interface EnumeratedItem {
  title: string;
  evidence: Evidence;
}

/** The items enumerated right after `intro` in its section, or [] when none follow. */
export function enumerationAfter(kb: KnowledgeBase, intro: Evidence): EnumeratedItem[] {
  const passage = kb.index.passages[intro.passageIndex]!;
  const sectionText = kb.sectionById.get(passage.sectionId)?.text ?? passage.text;
  const passageAt = sectionText.indexOf(passage.text);
  if (passageAt < 0) return [];
  // From the intro itself: its own colon may open the first item.
  const from = passageAt + intro.start;
  const items = ordinalItems(sectionText.slice(from));
  const siblings = sectionPassages(kb, passage.sectionId, sectionText);
  const found: EnumeratedItem[] = [];
  for (const item of items) {
    const start = from + item.start;
    const end = from + item.end;
    const host = siblings.find((s) => s.at <= start && end <= s.at + s.length);
    if (!host) continue;
    found.push({
      title: item.title,
      evidence: { ...intro, passageIndex: host.index, start: start - host.at, end: end - host.at, text: sectionText.slice(start, end), credits: [], answerCredits: [] },
    });
  }
  return found.length >= 2 ? found : [];
}

/** The passages of a section with where each starts in the section text. */
function sectionPassages(kb: KnowledgeBase, sectionId: string, sectionText: string): Array<{ index: number; at: number; length: number }> {
  const list: Array<{ index: number; at: number; length: number }> = [];
  kb.index.passages.forEach((p, index) => {
    if (p.sectionId === sectionId) list.push({ index, at: sectionText.indexOf(p.text), length: p.text.length });
  });
  return list.filter((p) => p.at >= 0);
}
