/** Layout rules of the parser on small made-up reports: each rule, and the case it must leave alone. */
import { describe, expect, it } from 'vitest';
import { chunkSections } from '../../ingest/chunk/chunk-sections.js';
import { parseDocument } from '../../ingest/parse/parse-document.js';

const BODY = '全年完成固定资产投资一千二百亿元，比上年增长百分之五，其中工业投资增长较快，重大项目建设进展顺利，民间投资保持稳定。';

function paths(text: string): string[][] {
  return parseDocument(text, 'made-up.txt').sections.filter((s) => s.section.kind !== 'preamble').map((s) => s.section.path);
}

describe('report layouts', () => {
  it('takes a run-in heading title up to its 。 and keeps the sentence in the body', () => {
    const text = ['某省政府工作报告', '一、工作回顾', `（一）聚焦扩大内需，确保经济平稳运行。${BODY}`, `（二）推动产业升级。${BODY}`].join('\n');
    const result = parseDocument(text, 'a.txt');
    const first = result.sections.find((s) => s.section.title === '（一）聚焦扩大内需，确保经济平稳运行')!.section;
    expect(first.path).toEqual(['一、工作回顾', '（一）聚焦扩大内需，确保经济平稳运行']);
    expect(first.text.startsWith('（一）聚焦扩大内需，确保经济平稳运行。紧') || first.text.includes('全年完成固定资产投资')).toBe(true);
  });

  it('does not take numbering inside a paragraph for a heading', () => {
    const text = ['一、工作回顾', `主要做了以下工作：（一）稳增长。${BODY}`].join('\n');
    expect(paths(text)).toEqual([['一、工作回顾']]);
  });

  it('makes 一是 paragraphs sections only when a sibling follows', () => {
    const siblings = ['一、工作回顾', `一是经济增长好于预期。${BODY}`, `二是产业发展向新图强。${BODY}`].join('\n');
    expect(paths(siblings).map((p) => p.at(-1))).toEqual(['一、工作回顾', '一是经济增长好于预期', '二是产业发展向新图强']);
    const alone = ['一、工作回顾', `一是经济增长好于预期。${BODY}`, BODY].join('\n');
    expect(paths(alone)).toEqual([['一、工作回顾']]);
  });

  it('reads short unnumbered lines as headings when they recur, but not a single intro sentence', () => {
    const text = ['一、工作回顾', '生态底色更加亮丽。', BODY, '经济运行持续向好。', BODY, '三、今年工作', '重点做好十方面工作。', BODY].join('\n');
    expect(paths(text).map((p) => p.join(' > '))).toEqual([
      '一、工作回顾', '一、工作回顾 > 生态底色更加亮丽', '一、工作回顾 > 经济运行持续向好', '三、今年工作',
    ]);
  });

  it('makes unnumbered title lines chapters when no numbered chapter is open, with 一、 parts below them', () => {
    const text = ['某自治区政府工作报告', '“十四五”时期工作回顾', BODY, '“十五五”时期主要目标和2026年重点工作', BODY, '一、全力抓好重点工作', BODY, '二、加强政府自身建设', BODY].join('\n');
    expect(paths(text).map((p) => p.join(' > '))).toEqual([
      '“十四五”时期工作回顾',
      '“十五五”时期主要目标和2026年重点工作',
      '“十五五”时期主要目标和2026年重点工作 > 一、全力抓好重点工作',
      '“十五五”时期主要目标和2026年重点工作 > 二、加强政府自身建设',
    ]);
  });

  it('leaves dash-led items in the text of their section', () => {
    const text = ['一、工作回顾', `——经济保持平稳增长。${BODY}`, `——质量效益稳步提高。${BODY}`].join('\n');
    const result = parseDocument(text, 'a.txt');
    expect(paths(text)).toEqual([['一、工作回顾']]);
    expect(result.sections.at(-1)!.section.text).toContain('——质量效益稳步提高');
  });

  it('nests 第一篇 > 第一章 > 第一节 and keeps 专栏 boxes as parts', () => {
    const text = ['某区国民经济和社会发展第十五个五年规划纲要', '第一篇 发展基础', '第一章 发展环境', '第一节 发展基础', BODY, '专栏1 主要指标', BODY, '第二节 面临形势', BODY, '第二篇 创新驱动', BODY].join('\n');
    expect(paths(text).map((p) => p.join(' > '))).toEqual([
      '第一篇发展基础', '第一篇发展基础 > 第一章发展环境', '第一篇发展基础 > 第一章发展环境 > 第一节发展基础',
      '第一篇发展基础 > 第一章发展环境 > 第一节发展基础 > 专栏1 主要指标', '第一篇发展基础 > 第一章发展环境 > 第二节面临形势', '第二篇创新驱动',
    ]);
  });

  it('drops web chrome lines and keeps the glossary of an attachment inside it', () => {
    const text = ['某省政府工作报告', '来源：省政府网站 时间：2026-01-27', '【字号：大 中 小】', '打印 关闭', '本报记者 张明 通讯员 李华', '一、工作回顾', '图为新建成的产业园区全景。', BODY, '相关报道：', '附件', '《政府工作报告》名词注释', '1.“两新”：大规模设备更新和消费品以旧换新。'].join('\n');
    const result = parseDocument(text, 'a.txt');
    const all = result.sections.map((s) => s.section.text).join('\n');
    expect(all).not.toMatch(/字号|打印|来源：|相关报道|记者|图为/);
    expect(paths(text).map((p) => p.join(' > '))).toEqual(['一、工作回顾', '附件', '附件 > 《政府工作报告》名词注释']);
    expect(result.sections.at(-1)!.section.text).toContain('“两新”：大规模设备更新');
  });

  it('mends a heading broken after its bracket, drops newspaper page jumps and punctuation-only lines', () => {
    const text = ['一、工作回顾', '（', '三）改革开放持续深化、互促共进。', `抗震救灾取得胜利。（下转第四版）（紧接第一版） 我们坚持人民至上。${BODY}`, '|', '》》点击图片进入专题《《'].join('\n');
    const result = parseDocument(text, 'a.txt');
    expect(paths(text)).toEqual([['一、工作回顾'], ['一、工作回顾', '（三）改革开放持续深化、互促共进']]);
    const body = result.sections.at(-1)!.section.text;
    expect(body).toContain('抗震救灾取得胜利。我们坚持人民至上。');
    expect(body).not.toMatch(/版）|点击|\|/);
  });

  it('makes a closing run of ［N］ notes a 注释 section, one passage per note', () => {
    const text = ['一、工作回顾', BODY, '［1］两重：国家重大战略实施和重点领域安全能力建设。', '［2］两新：大规模设备更新和消费品以旧换新。'].join('\n');
    const result = parseDocument(text, 'a.txt');
    expect(paths(text)).toEqual([['一、工作回顾'], ['注释']]);
    const notes = chunkSections(result.sections).filter((p) => p.sectionPath[0] === '注释').map((p) => p.text);
    expect(notes).toEqual(['［1］两重：国家重大战略实施和重点领域安全能力建设。', '［2］两新：大规模设备更新和消费品以旧换新。']);
  });

  it('cites a passage to the 一要 item run in mid-paragraph that encloses it, and to its short lead', () => {
    const energy = `（三）发展现代能源经济。一要做好煤炭保供文章。煤炭产量稳定在12.5亿吨以上。${BODY}二要做好新能源外送文章。新增新能源装机3000万千瓦。`;
    const trade = `繁荣内外市场需求。一是促进消费扩容提质。${BODY}二是推动外贸稳中提质。出口增长5%。`;
    const listed = `存在的问题：一是结构不优；二是动能不足。${BODY}`;
    const text = ['某省政府工作报告', '一、重点工作', energy, '（四）扩大内需。', trade, listed].join('\n');
    const passages = chunkSections(parseDocument(text, 'a.txt').sections);
    const pathOf = (needle: string) => passages.find((p) => p.text.includes(needle))!.sectionPath;
    expect(pathOf('12.5亿吨')).toEqual(['一、重点工作', '（三）发展现代能源经济', '一要做好煤炭保供文章']);
    expect(pathOf('3000万千瓦')).toEqual(['一、重点工作', '（三）发展现代能源经济', '二要做好新能源外送文章']);
    expect(pathOf('出口增长5%')).toEqual(['一、重点工作', '（四）扩大内需', '繁荣内外市场需求', '二是推动外贸稳中提质']);
    // The lead opens the first item's passage rather than standing alone as one.
    expect(pathOf('繁荣内外市场需求')).toEqual(['一、重点工作', '（四）扩大内需', '繁荣内外市场需求', '一是促进消费扩容提质']);
    expect(passages.find((p) => p.text.startsWith('（三）'))!.text).toContain('一要做好煤炭保供文章');
    // Items closed by ； are a list inside a sentence, not headings.
    expect(pathOf('二是动能不足')).toEqual(['一、重点工作', '（四）扩大内需']);
  });

  it('reads each table row as a sentence and makes it a passage of its own', () => {
    const text = [
      '一、主要指标',
      '| 指标 | 2020年 | 2025年 | 属性 |',
      '| --- | --- | --- | --- |',
      '| 地区生产总值年均增长（%） | 6.3 | 6左右 | 预期性 |',
      '| 研发经费投入强度（%） | 2.8 | 3.4 | 预期性 |',
      BODY,
    ].join('\n');
    const result = parseDocument(text, 'a.txt');
    const passages = chunkSections(result.sections);
    expect(passages.map((p) => p.text)).toEqual([
      '地区生产总值年均增长（%）：2020年 6.3；2025年 6左右；属性 预期性。',
      '研发经费投入强度（%）：2020年 2.8；2025年 3.4；属性 预期性。',
      BODY,
    ]);
    expect(text.slice(passages[1]!.start, passages[1]!.end)).toContain('研发经费投入强度');
  });
});

describe('table figures', () => {
  it('labels each cell by its row and column, with the unit of the row heading', async () => {
    const { extractFigures } = await import('../../ingest/figures/extract-figures.js');
    const text = ['一、主要指标', '| 指标 | 2020年 | 2025年 | 属性 |', '| --- | --- | --- | --- |', '| 地区生产总值年均增长（%） | 6.3 | 6左右 | 预期性 |', '| 常住人口（万人） | 48.2 | 50 | 预期性 |'].join('\n');
    const passages = chunkSections(parseDocument(text, 'a.txt').sections);
    const figures = passages.flatMap(extractFigures).map((f) => [f.label, f.value, f.unit, f.qualifier, passages.find((p) => p.id === f.passageId)!.text.slice(f.start, f.end)]);
    expect(figures).toEqual([
      ['地区生产总值年均增长（2020年）', '6.3', '%', null, '6.3'],
      ['地区生产总值年均增长（2025年）', '6', '%', '左右', '6左右'],
      ['常住人口（2020年）', '48.2', '万人', null, '48.2'],
      ['常住人口（2025年）', '50', '万人', null, '50'],
    ]);
  });
});
