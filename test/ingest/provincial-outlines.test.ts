/**
 * The outlines of provincial work reports against hand-checked expectations (written from the
 * reports alone, without the parser): run-in （一） headings, 一是 sections, unnumbered heading lines,
 * unnumbered chapters above 一、 parts, glossaries in 附件.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../ingest/parse/parse-document.js';

interface OutlineNode {
  title: string;
  children?: OutlineNode[];
}

const expected = JSON.parse(readFileSync('test/fixtures/reports/provincial-outlines.json', 'utf8')) as {
  reports: Record<string, OutlineNode[]>;
};
const strip = (s: string) => s.replace(/\s+/g, '');
const normalize = (nodes: OutlineNode[]): OutlineNode[] => nodes.map((n) => ({ title: strip(n.title), children: normalize(n.children ?? []) }));

function outlineOf(file: string): OutlineNode[] {
  const result = parseDocument(readFileSync(file, 'utf8'), file);
  const byId = new Map(result.sections.map((s) => [s.section.id, s.section]));
  const node = (id: string): OutlineNode => {
    const s = byId.get(id)!;
    return { title: strip(s.title), children: s.childIds.map(node) };
  };
  return result.sections.filter((s) => s.section.parentId === null && s.section.kind !== 'preamble').map((s) => node(s.section.id));
}

describe('outlines of provincial work reports', () => {
  it('covers at least six reports', () => {
    expect(Object.keys(expected.reports).length).toBeGreaterThanOrEqual(6);
  });
  for (const [name, outline] of Object.entries(expected.reports)) {
    it(`parses ${name} into its hand-checked outline`, () => {
      expect(outlineOf(`test/fixtures/reports/provincial/${name}.txt`)).toEqual(normalize(outline));
    });
  }
});
