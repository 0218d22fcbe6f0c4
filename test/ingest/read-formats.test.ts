/**
 * The PDF, DOCX and HTML readers against the report text they were made from: the same outline,
 * the same characters in the same order, no site or print chrome, content sniffing, and files that
 * cannot be read (a scan, damaged bytes, a zip bomb) skipped with a reason while the rest ingest.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureIndex } from '../../ingest/build-index.js';
import { loadIngestConfig } from '../../ingest/config.js';
import { isSkipped, readCorpusFile, type CorpusFile, type CorpusReadLimits } from '../../ingest/read-corpus.js';
import type { DocFormat } from '../../ingest/schema.js';
import { FIXTURE_TOOLS, makeFormatFixtures, makeScannedPdf, type FormatFixtures } from '../fixtures/make-format-fixtures.js';
import { makeZip } from '../fixtures/make-zip.js';
import { orderedCharRatio, outlineOf } from './format-measures.js';

const REPORTS = {
  haishu: 'test/fixtures/reports/haishu-annual-review.txt',
  hubei: 'test/fixtures/reports/provincial/hubei-2026-gov-work-report.txt',
} as const;
type ReportName = keyof typeof REPORTS;
const LIMITS: CorpusReadLimits = { maxFileBytes: 20 * 1024 * 1024, readTimeoutMs: 30_000, maxUnzippedBytes: 200 * 1024 * 1024 };
const HAS: Record<'html' | 'pdf' | 'docx', boolean> = { html: true, pdf: FIXTURE_TOOLS.chromium, docx: FIXTURE_TOOLS.pandoc };

if (!FIXTURE_TOOLS.chromium) console.warn('PDF reader tests skipped: chromium not found (apt-get install -y chromium fonts-noto-cjk)');
if (!FIXTURE_TOOLS.pandoc) console.warn('DOCX reader tests skipped: pandoc not found (apt-get install -y pandoc)');

let dir: string;
const fixtures = {} as Record<ReportName, FormatFixtures>;
const read = new Map<string, CorpusFile>();

/** Reads a fixture once through the corpus reader (what ingest does). */
async function readFixture(report: ReportName, format: 'html' | 'pdf' | 'docx'): Promise<CorpusFile> {
  const file = fixtures[report][format]!;
  if (!read.has(file)) {
    const result = await readCorpusFile(dir, file, LIMITS);
    if (isSkipped(result)) throw new Error(`${file} was skipped: ${result.reason}`);
    read.set(file, result);
  }
  return read.get(file)!;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pra-formats-'));
  for (const name of Object.keys(REPORTS) as ReportName[]) fixtures[name] = await makeFormatFixtures(REPORTS[name], dir);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.each(['html', 'pdf', 'docx'] as const)('the %s reader', (format) => {
  it.skipIf(!HAS[format]).each(Object.keys(REPORTS) as ReportName[])('reads %s with the outline and the characters of its source text', async (report) => {
    const source = fs.readFileSync(REPORTS[report], 'utf8');
    const file = await readFixture(report, format);
    expect(file.format).toBe(format satisfies DocFormat);
    expect(outlineOf(file.content)).toEqual(outlineOf(source));
    expect(orderedCharRatio(source, file.content)).toBeGreaterThanOrEqual(0.98);
  });
});

describe('chrome', () => {
  it('leaves no site chrome in a government page', async () => {
    const { content } = await readFixture('hubei', 'html');
    for (const word of ['字号', '打印', '关闭', '版权所有', 'ICP', '相关报道', '当前位置', '分享到', '扫一扫', '统计代码', '首页', '网站标识码']) {
      expect(content, word).not.toContain(word);
    }
    expect(content.startsWith('# 2026年湖北省政府工作报告\n')).toBe(true);
  });

  it.skipIf(!HAS.pdf)('leaves no print header, footer or page number in a printed PDF', async () => {
    const { content } = await readFixture('hubei', 'pdf');
    expect(content).not.toMatch(/file:\/\//);
    expect(content).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{2,4}/);
    expect(content).not.toMatch(/^\s*\d{1,3}\s*\/\s*\d{1,3}\s*$/m);
    // The title prints once as the heading, not again above every page.
    expect(content.split('2026年湖北省政府工作报告').length - 1).toBe(1);
    expect(content).not.toMatch(/[\u2e80-\u2fdf]/);
  });
});

describe('content sniffing and DOCX tables', () => {
  it.skipIf(!HAS.pdf)('reads a PDF named .txt as a PDF, and a web page named .txt as HTML', async () => {
    fs.copyFileSync(fixtures.haishu.pdf!, path.join(dir, 'really-a-pdf.txt'));
    fs.copyFileSync(fixtures.haishu.html, path.join(dir, 'really-a-page.txt'));
    const pdf = await readCorpusFile(dir, path.join(dir, 'really-a-pdf.txt'), LIMITS);
    const html = await readCorpusFile(dir, path.join(dir, 'really-a-page.txt'), LIMITS);
    expect(pdf).toMatchObject({ relativePath: 'really-a-pdf.txt', format: 'pdf' });
    expect(html).toMatchObject({ format: 'html' });
    expect((pdf as CorpusFile).content).toContain('（一）主要指标完成情况');
  });

  it.skipIf(!HAS.docx)('turns a DOCX table into a Markdown table and heading styles into # lines', async () => {
    const { content } = await readFixture('haishu', 'docx');
    expect(content).toContain('| 指标 | 2020年 | 2025年 | 属性 |\n| --- | --- | --- | --- |\n| 地区生产总值（亿元） | 43443 | 62661 | 预期性 |');
    expect(content).toMatch(/^## 一、规划实施总体情况$/m);
    expect(content).toMatch(/^# 海曙区2023年度国民经济和社会发展规划实施情况评估报告$/m);
  });

  it.skipIf(!HAS.pdf)('gives up on a PDF that takes longer than READ_TIMEOUT_MS', async () => {
    const result = await readCorpusFile(dir, fixtures.hubei.pdf!, { ...LIMITS, readTimeoutMs: 1 });
    expect(result).toMatchObject({ code: 'FILE_READ_TIMEOUT' });
  });
});

describe('files that cannot be read', () => {
  it.skipIf(!HAS.pdf)('skips a scan, damaged PDF/DOCX bytes and a zip bomb with reasons, and ingests the rest', async () => {
    const root = fs.mkdtempSync(path.join(dir, 'corpus-'));
    const corpus = path.join(root, 'corpus');
    fs.mkdirSync(corpus);
    fs.copyFileSync(REPORTS.haishu, path.join(corpus, 'haishu.txt'));
    fs.copyFileSync(fixtures.hubei.pdf!, path.join(corpus, 'hubei.pdf'));
    await makeScannedPdf(path.join(corpus, 'scanned-notice.pdf'));
    fs.writeFileSync(path.join(corpus, 'broken.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog'), Buffer.alloc(64, 7)]));
    fs.writeFileSync(path.join(corpus, 'broken.docx'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 9)]));
    fs.writeFileSync(path.join(corpus, 'not-word.docx'), makeZip([{ name: 'hello.txt', data: Buffer.from('hi') }]));
    // 30 MB of spaces deflate to ~30 KB: a thousandfold expansion.
    const bomb = makeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: Buffer.alloc(30 * 1024 * 1024, 0x20) },
    ]);
    fs.writeFileSync(path.join(corpus, 'bomb.docx'), bomb);
    const config = loadIngestConfig({ CORPUS_DIR: corpus, DATA_DIR: path.join(root, 'data'), EMBEDDER: 'builtin' });
    const result = await ensureIndex(config);
    const skipped = Object.fromEntries(result.skipped.map((s) => [s.file, s]));
    expect(Object.keys(skipped).sort()).toEqual(['bomb.docx', 'broken.docx', 'broken.pdf', 'not-word.docx', 'scanned-notice.pdf']);
    expect(skipped['scanned-notice.pdf']).toMatchObject({ code: 'FILE_NEEDS_OCR' });
    expect(skipped['scanned-notice.pdf']!.reason).toMatch(/scanned-notice\.pdf.*OCR|OCR.*scanned-notice\.pdf/);
    expect(skipped['broken.pdf']).toMatchObject({ code: 'FILE_MALFORMED' });
    expect(skipped['broken.docx']).toMatchObject({ code: 'FILE_MALFORMED' });
    expect(skipped['not-word.docx']!.reason).toContain('word/document.xml');
    expect(skipped['bomb.docx']).toMatchObject({ code: 'FILE_UNZIPPED_TOO_LARGE' });
    expect(result.manifest.counts.documents).toBe(2);
    expect(result.manifest.skipped.map((s) => s.file).sort()).toEqual(Object.keys(skipped).sort());
  });
});
