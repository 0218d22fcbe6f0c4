/**
 * Briefings: the key figures on a topic or in chosen sections, grouped by section, with quotes; or
 * the Briefing pad's items (server/services/brief-pad.ts).
 */
import type { Figure } from '../../ingest/schema.js';
import type { Brief, BriefRequest, Citation } from '../contract.js';
import { analyzeQuestion } from '../retrieve/analyze-question.js';
import { searchPassages } from '../retrieve/hybrid-search.js';
import type { KnowledgeBase } from '../retrieve/knowledge-base.js';
import { sectionSubtree } from './catalog.js';
import { termCredit } from '../answer/term-credit.js';
import { normalizeForMatch } from '../../ingest/text/normalize.js';
import { padBrief, padItemsOf, resolvePad, sourceLines, type SectionSourceLookup } from './brief-pad.js';

const MAX_ITEMS = 40;
/** Passages retrieved for a topic; their figures are the candidates. */
const TOPIC_PASSAGES = 6;
/** How well a key term of the topic must match a figure's sentence for the figure to count as on topic. */
const MIN_TOPIC_CREDIT = 0.6;

/**
 * The figures of the requested sections (sub-sections included) or, for a topic, of the passages
 * retrieved for it; at most MAX_ITEMS, each cited, grouped by section, with the Markdown version.
 */
export async function buildBrief(kb: KnowledgeBase, request: BriefRequest): Promise<Brief> {
  const padItems = padItemsOf(request);
  if (padItems) return padBrief(resolvePad(padItems, sourceInKb(kb)));
  const figures = request.sectionIds ? figuresInSections(kb, request.sectionIds) : await figuresOnTopic(kb, request.topic!);
  const citations: Citation[] = [];
  const groups = new Map<string, Brief['groups'][number]>();
  for (const f of figures.slice(0, MAX_ITEMS)) {
    const n = citations.length + 1;
    const doc = kb.docById.get(f.docId);
    citations.push({ n, docId: f.docId, docTitle: doc?.title ?? f.docId, sectionId: f.sectionId, sectionPath: f.sectionPath, quote: f.sentence, score: 1 });
    const group = groups.get(f.sectionId) ?? { sectionId: f.sectionId, sectionPath: f.sectionPath, items: [] };
    group.items.push({ n, label: f.label, value: f.value, unit: f.unit, quote: f.sentence });
    groups.set(f.sectionId, group);
  }
  const brief = { topic: request.topic ?? null, groups: [...groups.values()], citations };
  return { ...brief, markdown: briefMarkdown(brief) };
}

function figuresInSections(kb: KnowledgeBase, sectionIds: string[]): Figure[] {
  const wanted = new Set(sectionIds.flatMap((id) => [...sectionSubtree(kb, id)]));
  return kb.index.figures.filter((f) => wanted.has(f.sectionId));
}

/** Figures of the passages retrieved for the topic whose sentence speaks of the topic. */
async function figuresOnTopic(kb: KnowledgeBase, topic: string): Promise<Figure[]> {
  const analysis = analyzeQuestion(kb, topic);
  const ranked = await searchPassages(kb, analysis, TOPIC_PASSAGES);
  const figures = ranked.flatMap((r) => kb.figuresByPassage.get(kb.index.passages[r.index]!.id) ?? []);
  const relevant = figures.filter((f) => {
    const sentence = normalizeForMatch(f.sentence);
    return analysis.keyTerms.some((t) => termCredit(t, sentence) >= MIN_TOPIC_CREDIT);
  });
  return relevant.length ? relevant : figures;
}

function briefMarkdown(brief: Omit<Brief, 'markdown'>): string {
  const lines = [`# ${brief.topic ? `简报：${brief.topic}` : '简报'}`, ''];
  for (const group of brief.groups) {
    lines.push(`## ${group.sectionPath.join(' › ')}`, '');
    for (const item of group.items) lines.push(`- ${item.label}：**${item.value}${item.unit}** [${item.n}]`);
    lines.push('');
  }
  lines.push('## 出处', '', ...sourceLines(brief.citations));
  return lines.join('\n');
}

/** The report of a section of `kb`. */
function sourceInKb(kb: KnowledgeBase): SectionSourceLookup {
  return (sectionId) => {
    const section = kb.sectionById.get(sectionId);
    return section && { docId: section.docId, docTitle: kb.docById.get(section.docId)?.title ?? section.docId };
  };
}
