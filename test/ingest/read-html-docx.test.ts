/** The HTML and DOCX readers, content sniffing and the text checks, on small hand-made files. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToReportText } from '../../ingest/read/html.js';
import { decodeHtml } from '../../ingest/read/html-charset.js';
import { pickReader, readReport } from '../../ingest/read/read-report.js';
import type { ReadOptions } from '../../ingest/read/types.js';
import { listZipEntries } from '../../ingest/read/zip-directory.js';
import { readCorpusFile } from '../../ingest/read-corpus.js';
import { normalizeCompatibilityForms } from '../../ingest/text/normalize.js';
import { makeDocx } from '../fixtures/make-docx.js';
import { makeZip } from '../fixtures/make-zip.js';

const OPTIONS: ReadOptions = { timeoutMs: 10_000, maxUnzippedBytes: 200 * 1024 * 1024 };

/** GBK bytes of `text`, from the decoder's own table (Node has no GBK encoder). */
function encodeGbk(text: string): Buffer {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) table.set(decoder.decode(Uint8Array.of(lead, trail)), [lead, trail]);
  }
  return Buffer.from([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!)));
}

describe('HTML to report text', () => {
  it('renders headings as # lines, blocks and <br> as lines, and decodes entities', () => {
    const text = htmlToReportText(
      '<body><h2>一、总体</h2><p>&nbsp;&nbsp;&ldquo;十四五&rdquo;规划<br>第二行&amp;更多</p><div>分块\n文字</div><h4>（一）分项</h4><p>注<sup>1</sup>：说明。</p></body>',
    );
    expect(text).toBe('## 一、总体\n\n“十四五”规划\n\n第二行&更多\n\n分块文字\n\n#### （一）分项\n\n注<sup>1</sup>：说明。');
  });

  it('writes a table as a Markdown table with merged cells repeated and | escaped', () => {
    const text = htmlToReportText(`<table>
      <tr><th rowspan="2">指标</th><th colspan="2">数值</th></tr>
      <tr><td>2020年</td><td>2025年</td></tr>
      <tr><td>GDP|总量<br>（亿元）</td><td>43443</td><td>62661</td></tr></table>`);
    expect(text).toBe('| 指标 | 数值 | 数值 |\n| --- | --- | --- |\n| 指标 | 2020年 | 2025年 |\n| GDP\\|总量 （亿元） | 43443 | 62661 |');
  });

  it('reads a layout table as blocks, not as a Markdown table', () => {
    const text = htmlToReportText('<table><tr><td><p>一、总体</p><p>正文一。</p></td></tr><tr><td><p>正文二。</p></td></tr></table>');
    expect(text).toBe('一、总体\n\n正文一。\n\n正文二。');
  });

  it('keeps the article and its title, not the menus, link lists and tools around it', () => {
    const links = Array.from({ length: 12 }, (_, i) => `<li><a href="/n${i}">省政府召开第${i}次常务会议研究部署近期重点工作</a></li>`).join('');
    const html = `<html><body>
      <div id="menu"><a href="/">首页</a><a href="/zw">政务</a></div>
      <div class="wrap"><div class="left"><h1>关于印发行动方案的通知</h1>
        <div class="meta">发布时间：2026-02-01 浏览次数：1024 【字号：大 中 小】</div>
        <div class="content"><p>一、总体要求</p><p>以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神。</p><p>二、主要任务</p><p>加快建设现代化产业体系，推动高质量发展取得新成效。</p></div>
        <div class="tools">【打印本页】【关闭窗口】</div></div>
      <div class="right"><h3>最新动态</h3><ul>${links}</ul></div></div>
      <div class="bottom">版权所有：某省人民政府 网站标识码：1100000088</div></body></html>`;
    expect(htmlToReportText(html)).toBe(
      '# 关于印发行动方案的通知\n\n一、总体要求\n\n以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神。\n\n二、主要任务\n\n加快建设现代化产业体系，推动高质量发展取得新成效。',
    );
  });

  it('decodes a page by its declared charset (GBK, gb2312 via http-equiv) and undeclared GB18030', () => {
    const body = '<body><p>一、地区生产总值增长５．２％。</p></body></html>';
    const gbk = encodeGbk(`<html><head><meta charset="gbk"></head>${body}`);
    const gb2312 = encodeGbk(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>${body}`);
    expect(decodeHtml(gbk)).toContain('一、地区生产总值增长５．２％。');
    expect(decodeHtml(gb2312)).toContain('一、地区生产总值增长５．２％。');
    expect(decodeHtml(encodeGbk(`<html>${body}`))).toContain('地区生产总值');
  });
});

describe('DOCX', () => {
  it('turns Chinese and English heading styles into # lines and merged table cells into repeated ones', async () => {
    const bytes = makeDocx(
      [
        { style: 't', text: '海曙区报告' },
        { style: 'h1', text: '一、总体情况' },
        { text: '正文第一段。' },
        { rows: [[{ text: '指标', merge: 'restart' }, { text: '数值', span: 2 }], [{ text: '', merge: 'continue' }, '2020年', '2025年'], ['GDP', '1', '2']] },
        { style: 'h2', text: '（一）分项' },
      ],
      { t: '标题', h1: '标题 1', h2: 'heading 2' },
    );
    const { text, format } = await readReport(bytes, 'report.docx', OPTIONS);
    expect(format).toBe('docx');
    expect(text).toBe('# 海曙区报告\n\n# 一、总体情况\n\n正文第一段。\n\n| 指标 | 数值 | 数值 |\n| --- | --- | --- |\n| 指标 | 2020年 | 2025年 |\n| GDP | 1 | 2 |\n\n## （一）分项');
  });

  it('refuses damaged XML, a ZIP without a document and an oversized archive with codes', async () => {
    const broken = makeZip([{ name: 'word/document.xml', data: Buffer.from('<w:document><w:body><w:p>') }]);
    await expect(readReport(broken, 'a.docx', OPTIONS)).rejects.toMatchObject({ code: 'FILE_MALFORMED' });
    await expect(readReport(makeZip([{ name: 'x.txt', data: Buffer.from('x') }]), 'b.docx', OPTIONS)).rejects.toMatchObject({ code: 'FILE_MALFORMED' });
    const docx = makeDocx([{ text: '正文。' }]);
    await expect(readReport(docx, 'c.docx', { ...OPTIONS, maxUnzippedBytes: 100 })).rejects.toMatchObject({ code: 'FILE_UNZIPPED_TOO_LARGE' });
    expect(() => listZipEntries(Buffer.from('PK\x03\x04 not really'))).toThrow(expect.objectContaining({ code: 'FILE_MALFORMED' }));
  });
});

describe('sniffing and plain text', () => {
  const pick = (text: string | Buffer, name: string) => pickReader(Buffer.isBuffer(text) ? text : Buffer.from(text), name).format;

  it('tells the format by content first', () => {
    expect(pick('%PDF-1.7\n…', 'report.txt')).toBe('pdf');
    expect(pick(makeDocx([{ text: 'x' }]), 'report.bin')).toBe('docx');
    expect(pick('\uFEFF  <!DOCTYPE html><html><body><p>x</p></body></html>', 'page.txt')).toBe('html');
    expect(pick('<div><p>一、总体</p><p>正文。</p><br></div>', 'fragment.txt')).toBe('html');
    expect(pick('# 报告\n\n一、总体', 'notes.txt')).toBe('markdown');
    expect(pick('一、总体\n正文 <b>加粗</b>。', 'plain.md')).toBe('markdown');
    expect(pick('一、总体\n正文。', 'plain.txt')).toBe('text');
    expect(pick(makeZip([{ name: 'x.txt', data: Buffer.from('x') }]), 'archive.txt')).toBe('text');
  });

  it('drops a BOM and refuses binary, invalid UTF-8 and blank text', async () => {
    await expect(readReport(Buffer.from('\uFEFF一、总体'), 'a.txt', OPTIONS)).resolves.toEqual({ text: '一、总体', format: 'text' });
    await expect(readReport(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1]), 'a.md', OPTIONS)).rejects.toMatchObject({ code: 'FILE_BINARY' });
    await expect(readReport(Buffer.from([0x48, 0xe9, 0x6c, 0xff]), 'a.txt', OPTIONS)).rejects.toMatchObject({ code: 'FILE_INVALID_UTF8' });
    await expect(readReport(Buffer.from(' \n\t'), 'a.txt', OPTIONS)).rejects.toMatchObject({ code: 'FILE_EMPTY' });
  });

  it('maps compatibility forms one character at a time and keeps full-width punctuation', () => {
    expect(normalizeCompatibilityForms('⼀、⽣产总值增⻓6.2％，⼾籍（⼀）：⾼\uF900')).toBe('一、生产总值增长6.2％，户籍（一）：高豈');
  });

  it('joins a subscript written with an underscore to its symbol when a file is read', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pra-subscript-'));
    const file = path.join(dir, 'a.txt');
    fs.writeFileSync(file, '一、环境\nPM_2.5浓度为25.9微克/立方米，CO_2排放下降，重点_项目不变。');
    const limits = { maxFileBytes: 1024 * 1024, readTimeoutMs: 10_000, maxUnzippedBytes: 1024 * 1024 };
    const read = await readCorpusFile(dir, file, limits);
    fs.rmSync(dir, { recursive: true, force: true });
    expect('content' in read && read.content).toBe('一、环境\nPM2.5浓度为25.9微克/立方米，CO2排放下降，重点_项目不变。');
  });
});
