/**
 * POST /api/brief?format=docx: the Word file of a topic, of sections and of the Briefing pad's
 * items, unzipped and read back (document.xml and mammoth), over the fake services and the real
 * knowledge base.
 */
import { bookTitle } from '../../server/answer/attribute-answer.js';
import { sourcePath } from '../../server/wording/cited-markdown.js';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerResponseSchema, BriefSchema, type Brief, type BriefPadItem } from '../../server/contract.js';
import { createServices, type LiveServices } from '../../server/services.js';
import type { KnowledgeBase } from '../../server/retrieve/knowledge-base.js';
import { createApp } from '../../server/app.js';
import { openTestKnowledgeBase } from '../answer/helpers.js';
import { DOC_ID, DOC_TITLE, FIGURES, RND_QUOTE, SECTIONS } from './fake-services.js';
import { errorOf, makeApp, postJson, TEST_APP_OPTIONS } from './helpers.js';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

interface WordParagraph {
  style: string | null;
  bullet: boolean;
  text: string;
  /** The text of the bold runs. */
  bold: string[];
}

const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The paragraphs of word/document.xml with their style, list membership and bold runs. */
function paragraphsOf(xml: string): WordParagraph[] {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map(([, body]) => {
    const runs = [...body!.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map(([, run]) => ({
      bold: /<w:b\/>/.test(run!),
      text: decode([...run!.matchAll(/<w:t[^>]*>([\s\S]*?)<\/w:t>/g)].map((m) => m[1]).join('')),
    }));
    return {
      style: /<w:pStyle w:val="([^"]+)"\/>/.exec(body!)?.[1] ?? null,
      bullet: body!.includes('<w:numPr>'),
      text: runs.map((r) => r.text).join(''),
      bold: runs.filter((r) => r.bold).map((r) => r.text),
    };
  });
}

interface Docx {
  res: Response;
  bytes: Buffer;
  paragraphs: WordParagraph[];
  /** All the file's text as mammoth reads it. */
  rawText: string;
}

async function readDocx(res: Response): Promise<Docx> {
  const bytes = Buffer.from(await res.arrayBuffer());
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (xml === undefined) throw new Error('no word/document.xml in the file');
  const { value: rawText } = await mammoth.extractRawText({ buffer: bytes });
  return { res, bytes, paragraphs: paragraphsOf(xml), rawText };
}

const textOf = (docx: Docx) => docx.paragraphs.map((p) => p.text).join('\n');

/** The Word file's headers are a Word file's, named in ASCII and, dated, in Chinese. */
function expectDocxHeaders(res: Response): void {
  expect(res.status).toBe(200);
  expect(res.headers.get('Content-Type')).toBe(DOCX_TYPE);
  const disposition = res.headers.get('Content-Disposition') ?? '';
  expect(disposition).toMatch(/^attachment; filename="briefing\.docx"; filename\*=UTF-8''/);
  const encoded = /filename\*=UTF-8''(\S+)$/.exec(disposition)?.[1] ?? '';
  expect(encoded).not.toMatch(/[^\x21-\x7e]/);
  expect(decodeURIComponent(encoded)).toMatch(/^简报-\d{4}-\d{2}-\d{2}\.docx$/);
}

/** Every figure of the brief is a bullet with its value in bold, under its section's heading, with its quote and sources. */
function expectBriefInDocx(brief: Brief, docx: Docx): void {
  expect(brief.groups.length).toBeGreaterThan(0);
  const text = textOf(docx);
  for (const group of brief.groups) {
    expect(docx.paragraphs.some((p) => p.style === 'Heading1' && p.text === group.sectionPath.join(' › '))).toBe(true);
    for (const item of group.items) {
      const value = `${item.value}${item.unit}`;
      const bullet = docx.paragraphs.find((p) => p.bullet && p.text.startsWith(item.label) && p.text.endsWith(`[${item.n}]`));
      expect(bullet?.bold).toContain(value);
      expect(docx.rawText).toContain(value);
      expect(docx.paragraphs.some((p) => p.style === 'Quote' && p.text.startsWith(item.quote))).toBe(true);
    }
  }
  for (const c of brief.citations) expect(text).toContain(`[${c.n}] ${sourcePath(c.docTitle, c.sectionPath)}`);
  expect(docx.paragraphs.some((p) => p.style === 'QuoteSource' && p.text.includes(bookTitle(brief.citations[0]!.docTitle)))).toBe(true);
}

const RND_QUESTION = 'What is the R&D spending ratio?';
const TALENT = FIGURES.find((f) => f.sectionId === `${DOC_ID}:s2.1`)!;
const MISSING_SECTION = `${DOC_ID}:s9.9`;

/** The pad's items as web/lib/pad.js sends them: a pinned answer, a figure with a quote, and a citation of a section that is gone. */
async function padItems(app: ReturnType<typeof makeApp>['app']): Promise<BriefPadItem[]> {
  const answer = AnswerResponseSchema.parse(await (await app.request('/api/ask', postJson({ question: RND_QUESTION }))).json());
  const path = TALENT.sectionPath.join(' › ');
  return [
    {
      title: answer.question,
      text: answer.answer,
      citations: answer.citations.map((c) => ({ n: c.n, sectionId: c.sectionId, sectionPath: c.sectionPath, quote: c.quote })),
    },
    {
      title: TALENT.label,
      text: `- ${TALENT.label}：**${TALENT.value}${TALENT.unit}** [1] [2]\n\n> ${TALENT.sentence} [1]\n> — ${path}`,
      citations: [
        { n: 1, sectionId: TALENT.sectionId, sectionPath: TALENT.sectionPath, quote: TALENT.sentence },
        { n: 2, sectionId: MISSING_SECTION, sectionPath: ['已删除的章节'], quote: '不存在的引文' },
      ],
    },
  ];
}

describe('POST /api/brief?format=docx over the fake services', () => {
  it('writes a topic brief: figures as bold bullets under their section, quotes and sources', async () => {
    const { app } = makeApp();
    const brief = BriefSchema.parse(await (await app.request('/api/brief', postJson({ topic: '亿元' }))).json());
    const res = await app.request('/api/brief?format=docx', postJson({ topic: '亿元' }));
    expectDocxHeaders(res);
    const docx = await readDocx(res);
    expect(docx.paragraphs[0]).toMatchObject({ style: 'Title', text: '简报：亿元' });
    expectBriefInDocx(brief, docx);
  });

  it('writes the brief of sections, also when Accept asks for Word', async () => {
    const { app } = makeApp();
    const sectionIds = [SECTIONS[1]!.id, SECTIONS[4]!.id];
    const brief = BriefSchema.parse(await (await app.request('/api/brief', postJson({ sectionIds }))).json());
    expect(brief.groups.map((g) => g.sectionId)).toEqual(sectionIds);
    const res = await app.request('/api/brief', postJson({ sectionIds }, { Accept: DOCX_TYPE }));
    expectDocxHeaders(res);
    expectBriefInDocx(brief, await readDocx(res));
  });

  it('writes the pad: headings per item, bullets, quotes with the report named, sources looked up, missing ones dropped', async () => {
    const { app } = makeApp();
    const items = await padItems(app);
    const res = await app.request('/api/brief?format=docx', postJson({ items }));
    expectDocxHeaders(res);
    const docx = await readDocx(res);
    const text = textOf(docx);

    expect(docx.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual([`1. ${RND_QUESTION}`, `2. ${TALENT.label}`, '出处']);
    expect(docx.paragraphs.some((p) => p.bold.includes('3.39%'))).toBe(true);
    expect(docx.rawText).toContain('3.39%');
    expect(docx.rawText).toContain(`${TALENT.value}${TALENT.unit}`);
    // The answer's "- " lines are Word bullets, without the Markdown marks.
    const bullets = docx.paragraphs.filter((p) => p.bullet);
    expect(bullets.some((p) => p.text.includes('regional innovation index'))).toBe(true);
    expect(text).not.toMatch(/\*\*|^- |^> /m);

    // The talent figure's quote, its source naming the report, and its citation renumbered after the answer's.
    const quote = docx.paragraphs.findIndex((p) => p.style === 'Quote' && p.text.startsWith(TALENT.sentence));
    expect(docx.paragraphs[quote]?.text).toBe(`${TALENT.sentence} [2]`);
    expect(docx.paragraphs[quote + 1]).toMatchObject({ style: 'QuoteSource', text: `— ${sourcePath(DOC_TITLE, TALENT.sectionPath)}` });
    expect(bullets.find((p) => p.text.startsWith(TALENT.label))?.text).toBe(`${TALENT.label}：${TALENT.value}${TALENT.unit} [2]`);

    expect(text).toContain(`[1] ${sourcePath(DOC_TITLE, SECTIONS[1]!.path)}：“${RND_QUOTE}”`);
    expect(text).toContain(`[2] ${sourcePath(DOC_TITLE, TALENT.sectionPath)}：“${TALENT.sentence}”`);
    expect(text).not.toContain('不存在的引文');
    expect(text).not.toContain('[3]');
  });

  it('answers the pad as JSON and Markdown too, with the same checked citations', async () => {
    const { app } = makeApp();
    const items = await padItems(app);
    const brief = BriefSchema.parse(await (await app.request('/api/brief', postJson({ items }))).json());
    expect(brief.citations.map((c) => [c.n, c.sectionId, c.docTitle])).toEqual([
      [1, SECTIONS[1]!.id, DOC_TITLE],
      [2, TALENT.sectionId, DOC_TITLE],
    ]);
    const markdown = await (await app.request('/api/brief?format=md', postJson({ items }))).text();
    expect(markdown).toContain(`## 2. ${TALENT.label}`);
    expect(markdown).toContain(`**${TALENT.value}${TALENT.unit}** [2]`);
    expect(markdown).not.toContain(MISSING_SECTION);
  });

  it('keeps topic and sectionIds first when items come with them', async () => {
    const { app } = makeApp();
    const items = await padItems(app);
    const res = await app.request('/api/brief?format=docx', postJson({ topic: '亿元', items }));
    const docx = await readDocx(res);
    expect(docx.paragraphs[0]?.text).toBe('简报：亿元');
    expect(textOf(docx)).not.toContain(RND_QUESTION);
  });

  it.each([
    ['an unknown format', '/api/brief?format=pdf', { topic: '亿元' }],
    ['an empty format', '/api/brief?format=', { topic: '亿元' }],
    ['an item citing a malformed section id', '/api/brief?format=docx', { items: [{ title: 't', text: 'x [1]', citations: [{ n: 1, sectionId: '../secrets', sectionPath: [], quote: 'q' }] }] }],
    ['an item without a title', '/api/brief?format=docx', { items: [{ title: ' ', text: 'x', citations: [] }] }],
  ])('rejects %s with 400 INVALID_INPUT', async (_name, url, body) => {
    const { app } = makeApp();
    const res = await app.request(url, postJson(body));
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    const error = await errorOf(res);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(url.includes('format=docx') ? /^the request is invalid: items\.0\./ : /format/);
  });

  it('describes format=docx and the items in the OpenAPI document', async () => {
    const { app } = makeApp();
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: { '/api/brief': { post: { parameters: Array<{ name: string; schema: { enum?: string[] } }>; responses: { '200': { content: object } } } } };
      components: { schemas: { BriefRequest: { properties: object } } };
    };
    const post = doc.paths['/api/brief'].post;
    expect(post.parameters.find((p) => p.name === 'format')?.schema.enum).toContain('docx');
    expect(post.responses['200'].content).toHaveProperty([DOCX_TYPE]);
    expect(doc.components.schemas.BriefRequest.properties).toHaveProperty('items');
  });
});

describe('POST /api/brief?format=docx over the real knowledge base', () => {
  let kb: KnowledgeBase;
  let services: LiveServices;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    const opened = await openTestKnowledgeBase();
    kb = opened.kb;
    services = createServices(opened.kb, opened.config, { log: () => {} });
    app = createApp(services, TEST_APP_OPTIONS);
  }, 120_000);

  afterAll(async () => {
    await services?.close();
  });

  it('writes the figures found for a topic with their report and section', async () => {
    const topic = '研究与试验发展经费支出';
    const brief = BriefSchema.parse(await (await app.request('/api/brief', postJson({ topic }))).json());
    const res = await app.request('/api/brief?format=docx', postJson({ topic }));
    expectDocxHeaders(res);
    expectBriefInDocx(brief, await readDocx(res));
  });

  it('briefs items in services.brief, looking the report up by section and dropping unknown sections', async () => {
    const figure = kb.index.figures[0]!;
    const title = kb.docById.get(figure.docId)!.title;
    const brief = await services.brief({
      items: [
        {
          title: figure.label,
          text: `${figure.label}：**${figure.value}${figure.unit}** [1] [2]`,
          citations: [
            { n: 1, sectionId: figure.sectionId, sectionPath: figure.sectionPath, quote: figure.sentence },
            { n: 2, sectionId: 'no-such-doc:s1', sectionPath: ['x'], quote: 'y' },
          ],
        },
      ],
    });
    expect(brief.citations).toEqual([expect.objectContaining({ n: 1, docId: figure.docId, docTitle: title, sectionId: figure.sectionId })]);
    expect(brief.markdown).toContain(`**${figure.value}${figure.unit}** [1]`);
    expect(brief.markdown).not.toContain('[2]');

    const res = await app.request('/api/brief?format=docx', postJson({ items: [{ title: figure.label, text: `**${figure.value}${figure.unit}** [1]`, citations: [{ n: 1, sectionId: figure.sectionId, sectionPath: figure.sectionPath, quote: figure.sentence }] }] }));
    const docx = await readDocx(res);
    expect(docx.rawText).toContain(`${figure.value}${figure.unit}`);
    expect(textOf(docx)).toContain(`[1] ${sourcePath(title, figure.sectionPath)}`);
  });
});
