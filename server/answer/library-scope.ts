/**
 * Which documents of the library answer a question: those the request names (`documents`), narrowed
 * by the regions, document kind and report year the question names; one group per region when it
 * compares regions. Within a group of several documents, the one retrieval finds best answers.
 */
import type { AskRequest } from '../contract.js';
import type { KnowledgeBase } from '../retrieve/knowledge-base.js';
import { scopeOfQuestion } from '../retrieve/question-scope.js';

export type ScopeSource = 'request' | 'question' | 'library';

export interface ScopeGroup {
  /** The region as the question names it, when the group is one region's. */
  label: string | null;
  documents: string[];
}

export interface ScopePlan {
  /** What analysis reads: the question without the names that chose the documents. */
  text: string;
  /** One group, or one per region compared ("浙江和江苏…分别"). */
  groups: ScopeGroup[];
  /** Provinces the question names that the library has no report on. */
  uncovered: string[];
  by: ScopeSource;
}

/** Words that ask to set regions side by side: each region's own question goes without them. */
const COMPARING_RE = /分别|各自|各是|相比|对比|比较|\b(?:respectively|compare[ds]?|comparing|comparison(?: of)?|versus|vs\.?)\b/gi;

const intersect = (a: readonly string[], b: readonly string[] | null): string[] => (b ? a.filter((id) => b.includes(id)) : [...a]);

/** Plans the scope of one request. */
export function planScope(kb: KnowledgeBase, request: Pick<AskRequest, 'question' | 'documents'>): ScopePlan {
  const all = kb.index.docs.map((d) => d.id);
  const base = request.documents ? all.filter((id) => request.documents!.includes(id)) : all;
  const scope = scopeOfQuestion(kb.index.docs, request.question);
  const text = scope.text;
  const ofKind = intersect(base, scope.kindAndYear);
  const byKind = ofKind.length > 0 && ofKind.length < base.length;
  const narrowed = byKind ? ofKind : base;
  const regions = scope.regions
    .map((g) => ({ label: g.mention, documents: intersect(narrowed, g.docIds) }))
    .filter((g) => g.documents.length > 0);
  const by: ScopeSource = regions.length || byKind ? 'question' : request.documents ? 'request' : 'library';
  return {
    text: regions.length > 1 ? text.replace(COMPARING_RE, ' ').replace(/\s{2,}/g, ' ').trim() : text,
    groups: regions.length ? regions : [{ label: null, documents: narrowed }],
    uncovered: regions.length ? [] : scope.uncovered,
    by,
  };
}
