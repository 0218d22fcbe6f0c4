/** PDF layout rules on hand-made text items and lines: no pdf.js and no Chromium needed. */
import { describe, expect, it } from 'vitest';
import { buildLines, type PdfLine } from '../../ingest/read/pdf-lines.js';
import { buildParagraphs, measureLayout } from '../../ingest/read/pdf-paragraphs.js';
import { dropRunningLines, isPageNumberLine } from '../../ingest/read/pdf-running-lines.js';

const SIZE = 12;
const LEFT = 34;
const RIGHT = 574;

/** A body line at row `row` from the top: indented paragraph starts, full or short lines. */
function line(text: string, row: number, options: { indent?: boolean; full?: boolean; size?: number; x0?: number } = {}): PdfLine {
  const size = options.size ?? SIZE;
  const x0 = options.x0 ?? (options.indent ? LEFT + 2 * SIZE : LEFT);
  const x1 = options.full ? RIGHT : x0 + [...text].length * size;
  return { text, x0, x1, y: 740 - row * 21, size };
}

describe('PDF lines', () => {
  it('joins the items of one baseline left to right and maps Kangxi radicals and the bar', () => {
    const lines = buildLines([
      { str: '、规划实施', x: 46, y: 674.25, width: 60, size: 12 },
      { str: '⼀', x: 34, y: 674.25, width: 12, size: 12 },
      { str: '1', x: 106, y: 677.5, width: 4, size: 7 },
      { str: '增⻓6.2％ ― 户', x: 34, y: 652.5, width: 90, size: 12 },
      { str: 'R&D', x: 34, y: 630.75, width: 20, size: 12 },
      { str: 'spending', x: 64, y: 630.75, width: 40, size: 12 },
    ]);
    expect(lines.map((l) => l.text)).toEqual(['一、规划实施1', '增长6.2％ — 户', 'R&D spending']);
    expect(lines[0]).toMatchObject({ x0: 34, x1: 110, y: 674.25, size: 12 });
  });
});

describe('running headers, footers and page numbers', () => {
  it('drops what repeats at the top or bottom of the pages, digits masked, and page-number lines', () => {
    const page = (n: number, body: string[]): PdfLine[] => [
      { text: '12/1/26, 1:43 PM 2026年湖北省政府工作报告', x0: 24, x1: 400, y: 770, size: 8 },
      ...body.map((t, i) => line(t, i, { full: true })),
      { text: `file:///tmp/hubei.html ${n}/3`, x0: 24, x1: 590, y: 17, size: 8 },
    ];
    const pages = [page(1, ['一、总体情况', '正文第一页。']), page(2, ['正文第二页。', '- 2 -']), page(3, ['正文第三页。', '第3页 共3页'])];
    const kept = dropRunningLines(pages, SIZE).map((p) => p.map((l) => l.text));
    expect(kept).toEqual([['一、总体情况', '正文第一页。'], ['正文第二页。'], ['正文第三页。']]);
  });

  it('drops a single page print stamp in small type but keeps the body', () => {
    const pages = [[{ text: '5/3/26, 10:20 AM 报告', x0: 24, x1: 200, y: 770, size: 8 }, line('海曙区报告', 0), line('正文。', 1)]];
    expect(dropRunningLines(pages, SIZE)[0]!.map((l) => l.text)).toEqual(['海曙区报告', '正文。']);
  });

  it('knows the page-number forms', () => {
    for (const text of ['1/25', '- 3 -', '— 3 —', '第 3 页', '第3页 共25页', '12', 'Page 3 of 9']) expect(isPageNumberLine(text), text).toBe(true);
    for (const text of ['2025年', '3.5%', '一、总体']) expect(isPageNumberLine(text), text).toBe(false);
  });
});

describe('paragraphs', () => {
  const build = (pages: PdfLine[][]) => buildParagraphs(pages, measureLayout(pages));

  it('starts paragraphs at indented lines and headings, joins CJK lines without a space and Latin with one', () => {
    const pages = [[
      line('一、规划实施总体情况', 0),
      line('全年实现地区生产总值1528.6亿元，同比增长', 1, { indent: true, full: true }),
      line('6.2％，增速高于全市平均。', 2),
      line('研发投入占比达到3.1%，R&D', 3, { indent: true, full: true }),
      line('spending grew.', 4),
      line('（一）主要指标', 5),
      line('规划确定的28项年度监测指标中，25项达到或超过序时进度，三项略低于预期，主要集中在外贸。', 6, { indent: true }),
    ]];
    expect(build(pages)).toEqual([
      '一、规划实施总体情况',
      '全年实现地区生产总值1528.6亿元，同比增长6.2％，增速高于全市平均。',
      '研发投入占比达到3.1%，R&D spending grew.',
      '（一）主要指标',
      '规划确定的28项年度监测指标中，25项达到或超过序时进度，三项略低于预期，主要集中在外贸。',
    ]);
  });

  it('repairs a sentence split by a page break and keeps a new page paragraph apart', () => {
    const pages = [
      [line('首段文字。', 0, { indent: true }), line('全年发放各类社会救助资金，困难群众基本生活得到有效保障，全年发放各类', 1, { indent: true, full: true }), line('社会救助资金共计', 2, { full: true })],
      [line('1.35亿元，困难群众基本生活得到保障。', 0), line('新段落从这里开始。', 1, { indent: true })],
    ];
    expect(build(pages)).toEqual(['首段文字。', '全年发放各类社会救助资金，困难群众基本生活得到有效保障，全年发放各类社会救助资金共计1.35亿元，困难群众基本生活得到保障。', '新段落从这里开始。']);
  });

  it('without indentation, a wider gap or an early end after 。 starts a paragraph', () => {
    const at = (text: string, y: number, full = false): PdfLine => ({ text, x0: LEFT, x1: full ? RIGHT : LEFT + [...text].length * SIZE, y, size: SIZE });
    const pages = [[
      at('第一段的第一行文字写满了整行第一段的第一行文字写满了整行第一段的第一行文字写满', 740, true),
      at('第一段结束。', 719),
      at('第二段的第一行文字写满了整行，第二段的第一行文字写满了整行，第二段的第一行文', 690, true),
      at('字继续并且结束', 669),
      at('第三段在较大的行距之后开始。', 640),
    ]];
    expect(build(pages)).toEqual([
      '第一段的第一行文字写满了整行第一段的第一行文字写满了整行第一段的第一行文字写满第一段结束。',
      '第二段的第一行文字写满了整行，第二段的第一行文字写满了整行，第二段的第一行文字继续并且结束',
      '第三段在较大的行距之后开始。',
    ]);
  });
});
