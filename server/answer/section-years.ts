/**
 * The headings a passage's years are read from. A chapter whose heading names no year or
 * five-year plan ("一、一年接着一年干，新福建建设持续取得新进展新成效", "一、工作回顾") is dated by the
 * time its opening sentence starts with ("2025年是“十四五”收官之年。", "过去一年，…"): that
 * sentence says what the whole chapter speaks of, as "一、2025年工作回顾" would.
 */
import { arabicizeDates } from '../../ingest/meta/chinese-numerals.js';
import { findFiveYearPlans } from '../../ingest/meta/five-year-plans.js';
import { yearsIn } from '../../ingest/meta/heading-years.js';
import type { Passage, Section } from '../../ingest/schema.js';
import { KnowledgeBaseCache } from '../retrieve/kb-cache.js';
import type { KnowledgeBase } from '../retrieve/knowledge-base.js';

const LEAD_YEAR_RE = /^(\d{4})\s*年/;
const LEAD_LAST_YEAR_RE = /^(?:过去一年|一年来|去年)/;
const LEAD_THIS_YEAR_RE = /^(?:今年|本年)/;
const SENTENCE_END_RE = /[。！？；]/;

const headingsBySection = new KnowledgeBaseCache<string, readonly string[]>();

/**
 * The passage's section path, with "YYYY年" added for each undated chapter above it whose opening
 * sentence starts with a time.
 * @example timeHeadings(kb, passage) // -> ['一、一年接着一年干…', '（六）着力办好办实民生实事…', '2025年']
 */
export function timeHeadings(kb: KnowledgeBase, passage: Passage): readonly string[] {
  return headingsBySection.get(kb, passage.sectionId, () => {
    const current = kb.docById.get(passage.docId)?.years.current ?? null;
    const leads = chaptersAbove(kb, passage.sectionId).flatMap((chapter) => leadYear(chapter, current) ?? []);
    return leads.length ? [...passage.sectionPath, ...leads.map((y) => `${y}年`)] : passage.sectionPath;
  });
}

function chaptersAbove(kb: KnowledgeBase, sectionId: string): Section[] {
  const chapters: Section[] = [];
  for (let section = kb.sectionById.get(sectionId); section; section = section.parentId ? kb.sectionById.get(section.parentId) : undefined) {
    if (section.depth === 1 && section.kind === 'numbered') chapters.push(section);
  }
  return chapters;
}

/** The year an undated chapter's opening sentence starts with, or null. */
export function leadYear(chapter: Pick<Section, 'title' | 'text'>, current: number | null): number | null {
  if (yearsIn(chapter.title).length > 0 || findFiveYearPlans(chapter.title).length > 0) return null;
  const lead = arabicizeDates(chapter.text.trimStart().split(SENTENCE_END_RE)[0] ?? '');
  const written = LEAD_YEAR_RE.exec(lead);
  if (written) return Number(written[1]);
  if (current === null) return null;
  if (LEAD_LAST_YEAR_RE.test(lead)) return current - 1;
  if (LEAD_THIS_YEAR_RE.test(lead)) return current;
  return null;
}
