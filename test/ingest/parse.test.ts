import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../ingest/parse/parse-document.js';
import { chunkSections } from '../../ingest/chunk/chunk-sections.js';

const strip = (s: string) => s.replace(/\s+/g, '');

interface OutlineNode {
  title: string;
  children?: OutlineNode[];
}

function outlineOf(result: ReturnType<typeof parseDocument>): OutlineNode[] {
  const byId = new Map(result.sections.map((s) => [s.section.id, s.section]));
  const node = (id: string): OutlineNode => {
    const s = byId.get(id)!;
    return { title: strip(s.title), children: s.childIds.map(node) };
  };
  return result.sections.filter((s) => s.section.parentId === null && s.section.kind !== 'preamble').map((s) => node(s.section.id));
}

function normalizeExpected(nodes: OutlineNode[]): OutlineNode[] {
  return nodes.map((n) => ({ title: strip(n.title), children: normalizeExpected(n.children ?? []) }));
}

describe('parseDocument on the bundled report', () => {
  const file = 'corpus/jiangbei-14th-fyp-midterm-review.md';
  const source = readFileSync(file, 'utf8');
  const result = parseDocument(source, file);
  const chapters = result.sections.filter((s) => s.section.parentId === null && s.section.kind === 'numbered');
  const numberedChildren = (id: string) =>
    result.sections.filter((s) => s.section.parentId === id && s.section.kind === 'numbered').map((s) => s.section);

  it('builds the outline from the numbering, not the # levels', () => {
    expect(chapters.map((c) => c.section.numbering)).toEqual(['一、', '二、', '三、', '四、']);
    expect(chapters.map((c) => numberedChildren(c.section.id).length)).toEqual([2, 8, 2, 6]);
    const second = numberedChildren(chapters[0]!.section.id)[1]!;
    expect(numberedChildren(second.id).map((s) => s.numbering)).toEqual(['1.', '2.']);
  });

  it('keeps 【】 parts under the section they sit in and (八) with ASCII parentheses', () => {
    const eighth = numberedChildren(chapters[1]!.section.id)[7]!;
    expect(eighth.title.startsWith('(八)')).toBe(true);
    expect(eighth.childIds.map((id) => result.sections.find((s) => s.section.id === id)!.section.title)).toEqual([
      '【规划要求】', '【主要成效】', '【实施评价】',
    ]);
  });

  it('gives the title and the text before the first heading to the document', () => {
    expect(result.doc.title).toContain('中期评估报告');
    const preamble = result.sections[0]!.section;
    expect(preamble.kind).toBe('preamble');
    expect(preamble.text).toContain('评估时间跨度为两年半');
  });

  it('joins a sentence split by a page break and keeps the footnote in its section', () => {
    const overall = numberedChildren(chapters[0]!.section.id)[0]!;
    expect(overall.text).toContain('总量达到860.3 亿元');
    const first = numberedChildren(numberedChildren(chapters[0]!.section.id)[1]!.id)[0]!;
    expect(first.text).toContain('注1：年度出数指标以 2022 年实绩作为依据');
    expect(first.text).not.toContain('---');
  });

  it('gives every section a URL-safe id and a path from the chapter down', () => {
    for (const { section } of result.sections) {
      expect(section.id).toMatch(/^[A-Za-z0-9_.:-]+$/);
      if (section.kind !== 'preamble') expect(section.path[section.path.length - 1]).toBe(section.title);
    }
    expect(new Set(result.sections.map((s) => s.section.id)).size).toBe(result.sections.length);
  });

  it('chunks sections into passages that map back to the source and never cross a section', () => {
    const passages = chunkSections(result.sections);
    const long = passages.filter((p) => p.text.length > 450);
    expect(long).toEqual([]);
    for (const p of passages) {
      const section = result.sections.find((s) => s.section.id === p.sectionId)!.section;
      expect(p.start).toBeGreaterThanOrEqual(section.start);
      expect(p.end).toBeLessThanOrEqual(section.end);
      expect(strip(source.slice(p.start, p.end)).replace(/\*|<\/?sup>|---/g, '')).toContain(strip(p.text).slice(0, 10).replace(/^注1：/, ''));
    }
  });
});

describe('parseDocument on a different report (plain text, four levels, 名词解释)', () => {
  const file = 'test/fixtures/reports/haishu-annual-review.txt';
  const expected = JSON.parse(readFileSync('test/fixtures/reports/haishu-annual-review.outline.json', 'utf8'));
  const result = parseDocument(readFileSync(file, 'utf8'), file);

  it('produces the hand-written outline', () => {
    expect(strip(result.doc.title)).toBe(strip(expected.title));
    expect(outlineOf(result)).toEqual(normalizeExpected(expected.chapters));
  });

  it('joins the sentence that a page break and page number split', () => {
    const all = strip(result.sections.map((s) => s.section.text).join(''));
    expect(all).toContain(strip(expected.joinedSentence));
  });

  it('keeps numbered glossary items as text of the 名词解释 section', () => {
    const glossary = result.sections.find((s) => s.section.title === '名词解释')!.section;
    expect(glossary.kind).toBe('appendix');
    expect(glossary.childIds).toEqual([]);
    expect(glossary.text).toMatch(/专精特新：/);
  });
});
