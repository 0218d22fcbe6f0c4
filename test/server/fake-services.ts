/**
 * A hand-written `Services` over a few sections of the Jiangbei mid-term review, for route and
 * browser tests. It answers "What is the R&D spending ratio?" like the real assistant should:
 * **3.39%** with one citation whose quote holds the figure; other questions abstain.
 */
import type {
  AnswerResponse,
  AskRequest,
  Brief,
  BriefRequest,
  Citation,
  DocumentSummary,
  FigureHit,
  Health,
  OutlineNode,
  PassageHit,
  SectionDetail,
  Services,
} from '../../server/contract.js';
import { extractiveEvents } from '../../server/wording/extractive.js';

export const DOC_ID = 'jiangbei-midterm';
export const DOC_TITLE = '江北区“十四五”规划《纲要》 中期评估报告';
const CH1 = '一、《纲要》目标指标完成情况';
const CH2 = '二、重点任务实施进展情况';

interface FakeSection {
  id: string;
  title: string;
  path: string[];
  parentId: string | null;
  childIds: string[];
  text: string;
}

export const SECTIONS: FakeSection[] = [
  {
    id: `${DOC_ID}:s1`,
    title: CH1,
    path: [CH1],
    parentId: null,
    childIds: [`${DOC_ID}:s1.1`, `${DOC_ID}:s1.2`],
    text: '“十四五”以来，在区委、区政府的领导下，全区上下积极应对国内外复杂形势，《纲要》确定的发展目标、主要指标、重点任务、重大项目整体进展顺利。',
  },
  {
    id: `${DOC_ID}:s1.1`,
    title: '（一）总体目标要求落实情况',
    path: [CH1, '（一）总体目标要求落实情况'],
    parentId: `${DOC_ID}:s1`,
    childIds: [],
    text: [
      '综合经济稳中见韧。地区生产总值增速连续八年进入全市前三，总量达到 860.3 亿元，人均生产总值突破 2 万美元、达到中等发达国家水平，财政总收入达到 493.4 亿元。',
      '创新赋能充分彰显。全面推进高能级创新型城区建设，加速整合创新资源，区域创新指数位居全省第 19 位，研究与试验发展经费支出占地区生产总值比重调整至 3.39%，高新技术产业增加值占规上工业增加值比重超过 70%。成功入选省级可持续发展创新示范区。',
      '共同富裕真实可感。累计投入民生支出 126.1 亿元，完成民生实事工程 60 项，收入倍差缩小至 1.65。',
    ].join('\n\n'),
  },
  {
    id: `${DOC_ID}:s1.2`,
    title: '（二）主要指标完成情况评价',
    path: [CH1, '（二）主要指标完成情况评价'],
    parentId: `${DOC_ID}:s1`,
    childIds: [],
    text: '《纲要》确定的五大类 30 个指标中，多数达到“时间过半、进度过半”要求，其中 23 项指标达到目标要求，6 项指标未达目标进度。',
  },
  {
    id: `${DOC_ID}:s2`,
    title: CH2,
    path: [CH2],
    parentId: null,
    childIds: [`${DOC_ID}:s2.1`],
    text: '',
  },
  {
    id: `${DOC_ID}:s2.1`,
    title: '（一）科技支撑更为有力，创新引擎动能强劲',
    path: [CH2, '（一）科技支撑更为有力，创新引擎动能强劲'],
    parentId: `${DOC_ID}:s2`,
    childIds: [],
    text: '招才引智成效显著。全区人才资源总量达 14.35 万人。创新策源不断增强，累计建设 5 个国家级众创空间（孵化器）。',
  },
];

type FigureSeed = [sectionIndex: number, label: string, value: string, unit: string, qualifier: string | null];

const FIGURE_SEEDS: FigureSeed[] = [
  [1, '地区生产总值', '860.3', '亿元', '达到'],
  [1, '财政总收入', '493.4', '亿元', '达到'],
  [1, '区域创新指数', '第19位', '', null],
  [1, '研究与试验发展经费支出占地区生产总值比重', '3.39', '%', '调整至'],
  [1, '高新技术产业增加值占规上工业增加值比重', '70', '%', '超过'],
  [1, '民生支出', '126.1', '亿元', '累计'],
  [1, '民生实事工程', '60', '项', null],
  [2, '达到目标要求的指标', '23', '项', null],
  [4, '人才资源总量', '14.35', '万人', '达'],
  [4, '国家级众创空间（孵化器）', '5', '个', '累计'],
];

function sentenceAround(text: string, at: number): string {
  const before = Math.max(text.lastIndexOf('。', at), text.lastIndexOf('\n', at)) + 1;
  const after = text.indexOf('。', at);
  return text.slice(before, after === -1 ? text.length : after + 1).trim();
}

/** The figure's value as written in the text: "第 19 位", "3.39%", "860.3 亿元". */
function spanOf(value: string, unit: string): string {
  if (value.startsWith('第')) return value.replace(/^第(\d+)位$/, '第 $1 位');
  return unit === '%' ? `${value}%` : `${value} ${unit}`;
}

export const FIGURES: FigureHit[] = FIGURE_SEEDS.map(([index, label, value, unit, qualifier], i) => {
  const section = SECTIONS[index] as FakeSection;
  const text = spanOf(value, unit);
  const start = section.text.indexOf(text);
  if (start === -1) throw new Error(`fixture: ${text} not in ${section.id}`);
  return {
    id: `${DOC_ID}:f${i + 1}`,
    label,
    value,
    unit,
    text,
    qualifier,
    sentence: sentenceAround(section.text, start),
    docId: DOC_ID,
    sectionId: section.id,
    sectionPath: section.path,
    start,
    end: start + text.length,
  };
});

const PASSAGES: PassageHit[] = SECTIONS.flatMap((section) =>
  section.text
    .split('\n\n')
    .filter((text) => text.length > 0)
    .map((text, i) => ({ id: `${section.id}:p${i + 1}`, docId: DOC_ID, sectionId: section.id, sectionPath: section.path, text, score: 0 })),
);

export const RND_QUOTE = '研究与试验发展经费支出占地区生产总值比重调整至 3.39%';
const RND_SECTION = SECTIONS[1] as FakeSection;

/** Scores passages by the characters and words of the query they contain (enough for a fake). */
function rank(query: string, k: number): PassageHit[] {
  const terms = Array.from(new Set(query.toLowerCase().match(/[a-z0-9.]+|[\u4e00-\u9fff]/g) ?? []));
  return PASSAGES.map((p) => ({ ...p, score: terms.filter((t) => p.text.toLowerCase().includes(t)).length / Math.max(1, terms.length) }))
    .filter((p) => p.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, k);
}

function rndAnswer(question: string): AnswerResponse {
  const start = RND_SECTION.text.indexOf(RND_QUOTE);
  const citation: Citation = {
    n: 1,
    docId: DOC_ID,
    docTitle: DOC_TITLE,
    sectionId: RND_SECTION.id,
    sectionPath: RND_SECTION.path,
    quote: RND_QUOTE,
    score: 0.92,
    start,
    end: start + RND_QUOTE.length,
  };
  const figure = FIGURES.find((f) => f.value === '3.39') as FigureHit;
  return {
    question,
    answer:
      'R&D expenditure as a share of regional GDP (研究与试验发展经费支出占地区生产总值比重) was adjusted to **3.39%** [1].\n\n' +
      '- The regional innovation index ranks 19th in the province [1].\n' +
      '- High-tech industry exceeds 70% of industrial value added [1].',
    answerable: true,
    citations: [citation],
    figures: [{ label: figure.label, value: figure.value, unit: figure.unit, text: figure.text, citation: 1 }],
    passages: rank('研究与试验发展经费', 3),
    timings: { retrieveMs: 3, totalMs: 5 },
  };
}

function abstain(question: string): AnswerResponse {
  return {
    question,
    answer: '报告中没有找到可以直接回答这个问题的内容。以下是最接近的段落。',
    answerable: false,
    citations: [],
    figures: [],
    passages: rank(question, 3),
    timings: { retrieveMs: 2, totalMs: 3 },
  };
}

function outlineOf(id: string): OutlineNode {
  const section = SECTIONS.find((s) => s.id === id) as FakeSection;
  return { id, title: section.title, children: section.childIds.map(outlineOf) };
}

function briefOf(request: BriefRequest): Brief {
  const ids = request.sectionIds ?? SECTIONS.map((s) => s.id);
  const topic = request.topic?.toLowerCase();
  const chosen = FIGURES.filter((f) => ids.includes(f.sectionId) && (!topic || `${f.label}${f.sentence}`.toLowerCase().includes(topic)));
  const citations: Citation[] = chosen.map((f, i) => ({
    n: i + 1,
    docId: DOC_ID,
    docTitle: DOC_TITLE,
    sectionId: f.sectionId,
    sectionPath: f.sectionPath,
    quote: f.sentence,
    score: 1,
  }));
  const groups = Array.from(new Set(chosen.map((f) => f.sectionId))).map((sectionId) => ({
    sectionId,
    sectionPath: (SECTIONS.find((s) => s.id === sectionId) as FakeSection).path,
    items: chosen
      .map((f, i) => ({ f, n: i + 1 }))
      .filter(({ f }) => f.sectionId === sectionId)
      .map(({ f, n }) => ({ n, label: f.label, value: f.value, unit: f.unit, quote: f.sentence })),
  }));
  const markdown = [
    `# ${request.topic ?? 'Briefing'}`,
    ...groups.flatMap((g) => [`## ${g.sectionPath.join(' › ')}`, ...g.items.map((it) => `- ${it.label}: **${it.value}${it.unit}** [${it.n}]`)]),
  ].join('\n\n');
  return { topic: request.topic ?? null, groups, citations, markdown };
}

/** A fake knowledge base; pass overrides to make one method fail or slow down. */
export function createFakeServices(overrides: Partial<Services> = {}): Services {
  const base: Omit<Services, 'askStream'> = {
    health: (): Health => ({
      status: 'ok',
      documents: 1,
      sections: SECTIONS.length,
      passages: PASSAGES.length,
      figures: FIGURES.length,
      embedder: { id: 'fake', dim: 8 },
    }),
    ask: async (request: AskRequest) =>
      /r\s*&\s*d|研发|研究与试验/i.test(request.question) ? rndAnswer(request.question) : abstain(request.question),
    search: async (query, k) => rank(query, k),
    figures: ({ q, sectionId, limit }) =>
      FIGURES.filter((f) => (!sectionId || f.sectionId === sectionId) && (!q || `${f.label} ${f.value}${f.unit} ${f.sentence}`.includes(q))).slice(
        0,
        limit,
      ),
    documents: (): DocumentSummary[] => [
      {
        id: DOC_ID,
        title: DOC_TITLE,
        sourcePath: 'corpus/jiangbei-14th-fyp-midterm-review.md',
        sections: SECTIONS.length,
        passages: PASSAGES.length,
        figures: FIGURES.length,
        region: '宁波市江北区',
        years: { current: 2023, reviewed: [2021, 2023], planned: [2023, 2025] },
        kind: 'midterm-review',
        date: '2023-11',
        format: 'markdown',
      },
    ],
    outline: (docId) => (docId === DOC_ID ? SECTIONS.filter((s) => s.parentId === null).map((s) => outlineOf(s.id)) : undefined),
    section: (sectionId): SectionDetail | undefined => {
      const s = SECTIONS.find((x) => x.id === sectionId);
      if (!s) return undefined;
      const { id, title, path, parentId, childIds, text } = s;
      return { id, docId: DOC_ID, docTitle: DOC_TITLE, title, path, text, parentId, childIds, figures: FIGURES.filter((f) => f.sectionId === id) };
    },
    brief: async (request) => briefOf(request),
    reindex: async () => ({ status: 'started' }),
    addDocument: async ({ name }) => ({ status: 'accepted', file: name, title: name, format: 'text' }),
    removeDocument: async (docId) => (docId === DOC_ID ? { status: 'accepted', file: 'jiangbei-14th-fyp-midterm-review.md', title: DOC_TITLE, format: 'markdown' } : undefined),
    libraryStatus: () => ({ state: 'idle', file: null, message: null, at: null }),
  };
  const { askStream, ...rest } = overrides;
  const services = { ...base, ...rest };
  // Streaming follows `ask`, so that a test that overrides `ask` changes every route that answers.
  return { ...services, askStream: askStream ?? ((request) => extractiveEvents(services.ask(request))) };
}
