/** The Briefing pad's items as a briefing: their citations checked against the library and numbered across the pad. */
import type { Brief, BriefPadItem, BriefRequest, Citation } from '../contract.js';
import { sourcePath } from '../wording/cited-markdown.js';

/** One line per citation: [n] 《report》 › chapter › section：quote. */
export const sourceLines = (citations: Citation[]): string[] =>
  citations.map((c) => `[${c.n}] ${sourcePath(c.docTitle, c.sectionPath)}：${c.quote}`);

/**
 * The pad's items when the request is for them: sectionIds, then topic, come first as they always
 * have, so items only make the briefing when neither is given.
 */
export function padItemsOf(request: BriefRequest): BriefPadItem[] | undefined {
  if (request.sectionIds !== undefined || request.topic !== undefined) return undefined;
  return request.items ?? [];
}

/** The report a section belongs to, or undefined when the library has no such section. */
export type SectionSourceLookup = (sectionId: string) => { docId: string; docTitle: string } | undefined;

/** The Briefing pad's items, their citations numbered across the pad and their text renumbered to match. */
export interface PadBrief {
  items: Array<{ title: string; text: string }>;
  citations: Citation[];
}

/**
 * Checks the items' citations against the library (a citation of a section it does not hold is
 * dropped, with its [n] markers) and numbers them across the pad, the same quote of the same
 * section once; each item's [n] markers and "> — path" quote sources follow.
 *
 * @example
 * resolvePad([{ title: 'R&D', text: '**3.39%** [1]', citations: [{ n: 1, sectionId: 's1.1', ... }] }, second], lookup)
 * // { items: [{ title: 'R&D', text: '**3.39%** [1]' }, { title: …, text: '… [2]' }], citations: [{ n: 1, docTitle: '江北区…', … }, { n: 2, … }] }
 */
export function resolvePad(items: BriefPadItem[], lookup: SectionSourceLookup): PadBrief {
  // One lookup per section: a pad cites the same few sections again and again.
  const sources = new Map<string, ReturnType<SectionSourceLookup>>();
  const sourceOf = (id: string) => {
    if (!sources.has(id)) sources.set(id, lookup(id));
    return sources.get(id);
  };
  const citations: Citation[] = [];
  const numberOf = new Map<string, Citation>();
  const resolved = items.map((item) => {
    const renumbered = new Map<number, Citation | null>();
    for (const c of item.citations) {
      const source = sourceOf(c.sectionId);
      const key = `${c.sectionId}\u0000${c.quote}`;
      if (source && !numberOf.has(key)) {
        numberOf.set(key, { n: citations.length + 1, ...source, sectionId: c.sectionId, sectionPath: c.sectionPath, quote: c.quote, score: 1 });
        citations.push(numberOf.get(key)!);
      }
      renumbered.set(c.n, source ? numberOf.get(key)! : null);
    }
    return { title: item.title, text: renumberText(item.text, renumbered) };
  });
  return { items: resolved, citations };
}

/**
 * Rewrites an item's [n] markers to the pad's numbers (a dropped citation's marker goes; a number
 * that is none of the item's citations stays as written), and names the report in the source line
 * under a quote, "> — 报告 › 章 › 节".
 */
function renumberText(text: string, renumbered: Map<number, Citation | null>): string {
  let quoted: Citation | undefined;
  return text
    .split('\n')
    .map((line) => {
      if (/^\s*>\s?—/.test(line)) return quoted ? `> — ${sourcePath(quoted.docTitle, quoted.sectionPath)}` : line;
      const cited: Citation[] = [];
      const out = line.replace(/(\s?)\[(\d{1,3})\]/g, (marker, space: string, n: string) => {
        const citation = renumbered.get(Number(n));
        if (citation === undefined) return marker;
        if (citation) cited.push(citation);
        return citation ? `${space}[${citation.n}]` : '';
      });
      quoted = /^\s*>/.test(line) ? cited[0] : undefined;
      return out;
    })
    .join('\n');
}

/** The pad as a Brief: no figure groups, its citations, and its Markdown (a heading per item, then the sources). */
export function padBrief(pad: PadBrief): Brief {
  const lines = ['# 简报', ''];
  pad.items.forEach((item, i) => lines.push(`## ${i + 1}. ${item.title}`, '', item.text.trim(), ''));
  if (pad.citations.length > 0) lines.push('## 出处', '', ...sourceLines(pad.citations));
  return { topic: null, groups: [], citations: pad.citations, markdown: lines.join('\n').trimEnd() };
}
