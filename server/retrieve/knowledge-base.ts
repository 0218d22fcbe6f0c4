/**
 * The in-memory knowledge base the server answers from: the loaded index plus lookup tables,
 * the query embedder and the English expander. Built once per index, swapped whole on re-index.
 */
import type { KnowledgeIndex } from '../../ingest/store/index-files.js';
import type { Doc, Embedder, Figure, Passage, Section } from '../../ingest/schema.js';
import { normalizeForMatch } from '../../ingest/text/normalize.js';
import { createCrossLingual, type CrossLingual } from './cross-lingual.js';

export interface KnowledgeBase {
  index: KnowledgeIndex;
  embedder: Embedder;
  crossLingual: CrossLingual;
  docById: Map<string, Doc>;
  sectionById: Map<string, Section>;
  passageIndexById: Map<string, number>;
  figuresByPassage: Map<string, Figure[]>;
  /** Titles, headings and passage texts joined in the match form, for "does the corpus say this at all". */
  corpusText: string;
  /** The documents' titles in the match form: what every passage is implicitly about. */
  titleText: string;
  /** Distinct figure labels in the match form: the measures the reports give values for. */
  figureLabels: string[];
}

/** Answers of `corpusMentions` per corpus: a library's text is megabytes, and questions reuse words. */
const mentionCaches = new Map<string, Map<string, boolean>>();
const MAX_CACHED_CORPORA = 4;
const MAX_CACHED_TERMS = 50_000;

function mentionCache(corpusText: string): Map<string, boolean> {
  let cache = mentionCaches.get(corpusText);
  if (!cache) {
    if (mentionCaches.size >= MAX_CACHED_CORPORA) mentionCaches.delete(mentionCaches.keys().next().value!);
    mentionCaches.set(corpusText, (cache = new Map()));
  }
  return cache;
}

/** Whether the corpus uses `term` anywhere (case, spaces and parenthesis widths ignored). */
export function corpusMentions(kb: Pick<KnowledgeBase, 'corpusText'>, term: string): boolean {
  const form = normalizeForMatch(term);
  if (form.length === 0) return false;
  const cache = mentionCache(kb.corpusText);
  let found = cache.get(form);
  if (found === undefined) {
    found = kb.corpusText.includes(form);
    if (cache.size >= MAX_CACHED_TERMS) cache.clear();
    cache.set(form, found);
  }
  return found;
}

/** Wraps a loaded index; `embedder` must be the one that embedded its passages. */
export function createKnowledgeBase(index: KnowledgeIndex, embedder: Embedder): KnowledgeBase {
  const figuresByPassage = new Map<string, Figure[]>();
  for (const f of index.figures) {
    const list = figuresByPassage.get(f.passageId) ?? [];
    list.push(f);
    figuresByPassage.set(f.passageId, list);
  }
  // Titles and headings are the report's words too: a district may be named only in the title.
  const corpusText = [...index.docs.map((d) => d.title), ...index.sections.map((sec) => sec.title), ...index.passages.map((p: Passage) => p.text)]
    .map((text) => normalizeForMatch(text))
    .join('\n');
  // Built on first use: a server whose answer workers do the answering never needs it itself.
  let crossLingual: CrossLingual | undefined;
  return {
    index,
    embedder,
    get crossLingual() {
      return (crossLingual ??= createCrossLingual(corpusText, (term) => corpusMentions({ corpusText }, term)));
    },
    docById: new Map(index.docs.map((d) => [d.id, d])),
    sectionById: new Map(index.sections.map((s: Section) => [s.id, s])),
    passageIndexById: new Map(index.passages.map((p, i) => [p.id, i])),
    figuresByPassage,
    corpusText,
    titleText: index.docs.map((d) => normalizeForMatch(d.title)).join('\n'),
    figureLabels: [...new Set(index.figures.map((f) => normalizeForMatch(f.label)).filter(Boolean))],
  };
}
