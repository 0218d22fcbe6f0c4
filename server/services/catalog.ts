/** Browsing the knowledge base: documents, outlines, sections and the figure table. */
import type { Figure, Section } from '../../ingest/schema.js';
import { normalizeForMatch } from '../../ingest/text/normalize.js';
import type { DocumentSummary, FigureHit, OutlineNode, SectionDetail } from '../contract.js';
import type { KnowledgeBase } from '../retrieve/knowledge-base.js';

export function listDocuments(kb: KnowledgeBase): DocumentSummary[] {
  return kb.index.docs.map((d) => ({
    id: d.id,
    title: d.title,
    sourcePath: d.sourcePath,
    sections: kb.index.sections.filter((s) => s.docId === d.id).length,
    passages: kb.index.passages.filter((p) => p.docId === d.id).length,
    figures: kb.index.figures.filter((f) => f.docId === d.id).length,
    region: d.region,
    years: d.years,
    kind: d.kind,
    date: d.date,
    format: d.format,
  }));
}

export function documentOutline(kb: KnowledgeBase, docId: string): OutlineNode[] | undefined {
  if (!kb.docById.has(docId)) return undefined;
  const node = (s: Section): OutlineNode => ({
    id: s.id,
    title: s.title,
    children: s.childIds.map((id) => kb.sectionById.get(id)).filter((c): c is Section => !!c).map(node),
  });
  return kb.index.sections.filter((s) => s.docId === docId && s.parentId === null).map(node);
}

/** The section and its descendants' ids, in document order. */
export function sectionSubtree(kb: KnowledgeBase, sectionId: string): Set<string> {
  const ids = new Set<string>();
  const visit = (id: string) => {
    ids.add(id);
    kb.sectionById.get(id)?.childIds.forEach(visit);
  };
  visit(sectionId);
  return ids;
}

function toFigureHit(f: Figure): FigureHit {
  return {
    id: f.id, label: f.label, value: f.value, unit: f.unit, text: f.text, qualifier: f.qualifier, sentence: f.sentence,
    docId: f.docId, sectionId: f.sectionId, sectionPath: f.sectionPath, start: f.start, end: f.end,
  };
}

export function sectionDetail(kb: KnowledgeBase, sectionId: string): SectionDetail | undefined {
  const s = kb.sectionById.get(sectionId);
  if (!s) return undefined;
  const subtree = sectionSubtree(kb, sectionId);
  return {
    id: s.id, docId: s.docId, docTitle: kb.docById.get(s.docId)?.title ?? s.docId, title: s.title, path: s.path,
    text: composeSectionText(kb, s), parentId: s.parentId, childIds: s.childIds,
    figures: kb.index.figures.filter((f) => subtree.has(f.sectionId)).map(toFigureHit),
  };
}

/** A section's own text followed by its sub-sections' headings and texts, so the panel shows it whole. */
function composeSectionText(kb: KnowledgeBase, section: Section): string {
  const parts = [section.text];
  for (const id of section.childIds) {
    const child = kb.sectionById.get(id);
    if (child) parts.push(`${child.title}\n${composeSectionText(kb, child)}`);
  }
  return parts.filter((p) => p.trim()).join('\n\n');
}

/** Figures whose label, value or section matches `q`, label matches first. */
export function findFigures(kb: KnowledgeBase, query: { q?: string; sectionId?: string; limit: number; documents?: string[] }): FigureHit[] {
  let figures = kb.index.figures;
  if (query.documents) {
    const wanted = new Set(query.documents);
    figures = figures.filter((f) => wanted.has(f.docId));
  }
  if (query.sectionId) {
    const subtree = sectionSubtree(kb, query.sectionId);
    figures = figures.filter((f) => subtree.has(f.sectionId));
  }
  const q = query.q ? normalizeForMatch(query.q) : '';
  if (q) {
    const rank = (f: Figure) => {
      if (normalizeForMatch(f.label).includes(q)) return 0;
      if (normalizeForMatch(`${f.value}${f.unit}`).includes(q) || normalizeForMatch(f.text).includes(q)) return 1;
      if (normalizeForMatch(f.sentence).includes(q)) return 2;
      if (f.sectionPath.some((p) => normalizeForMatch(p).includes(q))) return 3;
      return -1;
    };
    figures = figures.map((f) => ({ f, r: rank(f) })).filter((x) => x.r >= 0).sort((a, b) => a.r - b.r).map((x) => x.f);
  }
  return figures.slice(0, query.limit).map(toFigureHit);
}
