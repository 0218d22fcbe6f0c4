import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../server/answer/answer-question.js';
import { defaultScorer } from '../../server/answer/answer-model.js';
import { rankSentences } from '../../server/answer/select-evidence.js';
import { analyzeQuestion } from '../../server/retrieve/analyze-question.js';
import { searchPassages } from '../../server/retrieve/hybrid-search.js';
import { unsupportedNumbers } from '../../server/answer/verify-numbers.js';
import { AnswerResponseSchema } from '../../server/contract.js';
import type { KnowledgeBase } from '../../server/retrieve/knowledge-base.js';
import { loadQuestions } from '../eval/questions.js';
import { normalize } from '../eval/score.js';
import { openTestKnowledgeBase } from './helpers.js';

let kb: KnowledgeBase;

beforeAll(async () => {
  ({ kb } = await openTestKnowledgeBase());
});

describe('answerQuestion', () => {
  it('answers a Chinese figure question with the figure in bold and a citation of its section', async () => {
    const r = AnswerResponseSchema.parse(await answerQuestion(kb, { question: '固定资产投资累计完成多少？' }));
    expect(r.answerable).toBe(true);
    expect(r.answer).toMatch(/\*\*808\.4 ?亿元\*\*/);
    expect(r.citations[0]!.sectionPath.join('')).toContain('改革开放双轮驱动');
    expect(r.figures[0]!.citation).toBe(1);
  });

  it('answers an English question by quoting the figure as the report writes it', async () => {
    const r = await answerQuestion(kb, { question: 'What is the R&D spending ratio?' });
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('According to the report');
    expect(normalize(r.answer)).toContain('3.39%');
    expect(r.citations.some((c) => c.quote.includes('3.39%'))).toBe(true);
  });

  it('answers both parts of a two-part question, each cited', async () => {
    const r = await answerQuestion(kb, { question: '国内招商引资额和浙商回归资金各有多少？' });
    expect(normalize(r.answer)).toContain('533.4亿元');
    expect(normalize(r.answer)).toContain('307.1亿元');
  });

  it('enumerates the items of a list question', async () => {
    const r = await answerQuestion(kb, { question: '党建和法治建设方面还存在哪些问题？' });
    const items = r.answer.split('\n').filter((l) => l.startsWith('- '));
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(normalize(r.answer)).toContain('基层党建特色亮点不多');
  });

  it('reads a short follow-up in the light of the question before it, and keeps its kind of answer', async () => {
    const first = '社会消费品零售总额是多少？';
    const history = [{ role: 'user' as const, content: first }, { role: 'assistant' as const, content: '449.7 亿元' }];
    const growth = await answerQuestion(kb, { question: '年均增长多少？', history });
    expect(growth.figures[0]?.text).toBe('9.5%');
    expect(growth.citations[0]!.quote).toContain('社会消费品零售总额');
    // Alone, the question has no measure to lean on: the earlier one's concepts come only with the history.
    const concepts = (h: typeof history) => analyzeQuestion(kb, '年均增长多少？', h).keyTerms.flatMap((t) => t.alternatives);
    expect(concepts(history)).toContain('社会消费品零售总额');
    expect(concepts([])).not.toContain('社会消费品零售总额');
  });

  it('follows an intro sentence to the items its section enumerates after it, each item cited', async () => {
    // How the list is composed, whatever the shipped model's confidence in the intro.
    const r = await answerQuestion(kb, { question: '推动政务服务升级有哪些举措？' }, { scorer: { ...defaultScorer(), threshold: 0 } });
    expect(r.answerable).toBe(true);
    const items = r.answer.split('\n').filter((l) => l.startsWith('- '));
    expect(items[0]).toMatch(/^- 深化增值化改革 \[2\]$/);
    expect(r.citations[1]!.quote.startsWith('一是深化增值化改革')).toBe(true);
    expect(r.citations[2]!.quote.startsWith('二是')).toBe(true);
  });

  it('cites a figure in each place the report states it', async () => {
    const r = await answerQuestion(kb, { question: '城乡居民收入倍差是多少？' });
    const lead = r.answer.split('\n').find((l) => l.includes('**1.65**'));
    expect(lead).toMatch(/\[1\]\[2\]$/);
    expect(r.citations[0]!.sectionId).not.toBe(r.citations[1]!.sectionId);
    expect(r.citations.slice(0, 2).every((c) => c.quote.includes('1.65'))).toBe(true);
  });

  it('treats a question naming a measure as a figure question and glosses the label in English', async () => {
    const r = await answerQuestion(kb, { question: 'What is the per capita disposable income of rural residents?' });
    expect(r.figures.map((f) => f.text)).toContain('4.8 万元');
    expect(r.answer).toContain('per capita disposable income of rural residents (农村居民人均可支配收入');
  });

  it('abstains when the thing counted is not what the evidence counts', async () => {
    const r = await answerQuestion(kb, { question: 'How many foreign-funded hospitals does the district have?' });
    expect(r.answerable).toBe(false);
    expect(r.figures).toEqual([]);
  });

  it('answers each part of a question that asks for two figures from its own sentence', async () => {
    const r = await answerQuestion(kb, { question: '社零总额和商品销售额各是多少？' });
    const byText = new Map(r.figures.map((f) => [f.text, f.citation]));
    expect(byText.has('449.7 亿元')).toBe(true);
    expect(byText.has('5003 亿元')).toBe(true);
    expect(byText.get('449.7 亿元')).not.toBe(byText.get('5003 亿元'));
  });

  it('reads a spoken 涨 as a change, and answers a level and a change asked one after the other', async () => {
    const spoken = analyzeQuestion(kb, '社零年均涨了多少？');
    expect(spoken.asksForChange).toBe(true);
    // "涨到多少" asks the level reached, as "增长到" does.
    expect(analyzeQuestion(kb, '社零总额涨到多少了？').asksForChange).toBe(false);
    // "计划…多少" asks the plan's figure, a target.
    expect(analyzeQuestion(kb, '今年计划新增就业多少人？').asksForTarget).toBe(true);
    expect(analyzeQuestion(kb, '人才计划叫什么？').asksForTarget).toBe(false);
    // "现在" asks what stands now; with a plan or a target word it asks that plan.
    expect(analyzeQuestion(kb, '算力规模现在多大？').asksForNow).toBe(true);
    expect(analyzeQuestion(kb, 'How many firms are listed so far?').asksForNow).toBe(true);
    expect(analyzeQuestion(kb, '目前的目标是多少？').asksForNow).toBe(false);
    expect(analyzeQuestion(kb, '算力规模多大？').asksForNow).toBe(false);
    expect(spoken.keyTerms.find((t) => t.source === '涨')?.alternatives).toContain('增长');
    const analysis = analyzeQuestion(kb, '社零总额现在到多少了？年均涨多少？');
    expect(analysis.partsAskForChange).toEqual([false, true]);
    // One wording shared by two subjects is not two clauses.
    expect(analyzeQuestion(kb, '工业和服务业增加值分别增长多少？').partsAskForChange).toBeUndefined();
    const r = await answerQuestion(kb, { question: '社零总额现在到多少了？年均涨多少？' });
    expect(r.figures.map((f) => f.text)).toEqual(expect.arrayContaining(['449.7 亿元', '9.5%']));
  });

  it('keeps an abbreviation whole when jieba glues its last character to the next word (社零/增长, not 社/零增长)', () => {
    const terms = analyzeQuestion(kb, '社零增长了多少？').keyTerms;
    expect(terms.find((t) => t.source === '社零')?.alternatives).toContain('社会消费品零售总额');
    expect(terms.map((t) => t.source)).toContain('增长');
    expect(terms.map((t) => t.source)).not.toContain('零增长');
  });

  it('reads 总 inside a measure as the report may leave it out (规上工业总产值 is also 规上工业产值)', () => {
    const terms = analyzeQuestion(kb, '规上工业总产值是多少？').keyTerms;
    expect(terms.flatMap((t) => t.alternatives)).toEqual(expect.arrayContaining(['规上工业总产值', '规上工业产值']));
  });

  it('reads 比例, 比重 and 占比 as one share, so 三次产业结构比例 finds 三产比重', () => {
    const terms = analyzeQuestion(kb, '三次产业结构比例是多少？').keyTerms;
    expect(terms.find((t) => t.source === '比例')?.alternatives).toEqual(expect.arrayContaining(['比重', '占比']));
  });

  it('drops a filler whole, rather than trim it to a concept (现在 is not 现)', () => {
    const sources = analyzeQuestion(kb, '现在的三次产业结构比例是多少？').keyTerms.map((t) => t.source);
    expect(sources).toContain('三次产业结构');
    expect(sources.filter((s) => s.startsWith('现'))).toEqual([]);
  });

  it('keeps 全国 as a concept: in a district or a province it is the level above, not the whole area', () => {
    const terms = analyzeQuestion(kb, '全国排名第几？').keyTerms;
    const country = terms.find((t) => t.source === '全国')!;
    const city = analyzeQuestion(kb, '全市排名第几？').keyTerms.find((t) => t.source === '全市')!;
    expect(country.weight).toBeGreaterThan(city.weight * 2);
  });

  it('keeps a grade written in letters and digits as an exact term, when the report writes it', () => {
    const sources = (q: string) => analyzeQuestion(kb, q).keyTerms.map((t) => t.source);
    expect(sources('How many 5G projects are national-level?')).toContain('5G');
    expect(sources('How many 6G labs are there?')).not.toContain('6G');
    expect(sources('What is the PM2.5 level?')).not.toContain('PM2');
  });

  it('weighs 全市 as the whole of an area, a level rather than a concept, and joins it to no compound', () => {
    const terms = analyzeQuestion(kb, '全市人才资源总量是多少？').keyTerms;
    const whole = terms.find((t) => t.source === '全市')!;
    expect(whole.weight).toBeLessThan(terms.find((t) => t.source === '人才资源总量')!.weight / 3);
    expect(terms.map((t) => t.source).filter((s) => s.startsWith('全市') && s !== '全市')).toEqual([]);
  });

  it('abstains rather than pass off its own figure for another place', async () => {
    for (const question of ['上城区的GDP是多少？', "What's the GDP of Hangzhou's Shangcheng District?"]) {
      const r = await answerQuestion(kb, { question });
      expect(r.answerable, question).toBe(false);
    }
  });

  it('abstains when nothing the question speaks of occurs in the reports, whatever the model thinks', async () => {
    for (const question of ['火星上有多少人？', 'How many unicorns live on Mars?']) {
      const r = await answerQuestion(kb, { question });
      expect(r.answerable, question).toBe(false);
      expect(r.figures).toEqual([]);
    }
    // One concept the reports do speak of is enough to leave the decision to the model.
    expect((await answerQuestion(kb, { question: '全区人才资源总量有多少人？' })).answerable).toBe(true);
  });

  it('tells the answer model when a sentence gives only a sibling measure (出口 for 进口)', async () => {
    const analysis = analyzeQuestion(kb, '进口总额是多少？');
    const candidates = rankSentences(kb, analysis, await searchPassages(kb, analysis, 8));
    const exportsOnly = candidates.filter((c) => c.text.includes('出口') && !c.text.includes('进口'));
    expect(exportsOnly.length).toBeGreaterThan(0);
    expect(exportsOnly.every((c) => c.signals.siblingOnly)).toBe(true);
    expect(candidates.filter((c) => !c.text.includes('出口')).some((c) => c.signals.siblingOnly)).toBe(false);
  });

  it('tells the surveyed unemployment rate from the registered one, which is all the report gives', async () => {
    const analysis = analyzeQuestion(kb, '城镇调查失业率是多少？');
    const candidates = rankSentences(kb, analysis, await searchPassages(kb, analysis, 8));
    const registered = candidates.filter((c) => c.text.includes('登记失业率'));
    expect(registered.length).toBeGreaterThan(0);
    expect(registered.every((c) => c.signals.siblingOnly)).toBe(true);
  });

  it('abstains on another district, an uncovered year and an indicator the report never mentions', async () => {
    for (const question of ['What was Yinzhou District\'s fixed-asset investment total?', '江北区2024年财政总收入预计能达到多少？', '江北区人均公园绿地面积是多少？']) {
      const r = await answerQuestion(kb, { question });
      expect(r.answerable, question).toBe(false);
      expect(r.figures).toEqual([]);
      expect(r.passages.length).toBeGreaterThan(0);
    }
  });

  it('declines a place the corpus never names (海曙区 too, which jieba tags as a personal name), and keeps a measure that only looks like one (江北地区生产总值)', async () => {
    for (const [question, place] of [['萧山区的规上工业总产值是多少？', '萧山区'], ['义乌市旅游总收入多少？', '义乌市'], ['海曙区的地区生产总值是多少？', '海曙区']] as const) {
      expect(analyzeQuestion(kb, question).places).toEqual([[place]]);
      expect((await answerQuestion(kb, { question })).answerable, question).toBe(false);
    }
    expect(analyzeQuestion(kb, '江北地区生产总值是多少？').places).toEqual([]);
    expect((await answerQuestion(kb, { question: '江北地区生产总值是多少？' })).answerable).toBe(true);
  });

  it('uses the conversation for a follow-up question', async () => {
    const first = '规上数字经济核心产业增加值是多少？';
    const alone = await answerQuestion(kb, { question: '在全市排第几？' });
    const followUp = await answerQuestion(kb, {
      question: '在全市排第几？',
      history: [{ role: 'user', content: first }, { role: 'assistant', content: '71.4 亿元' }],
    });
    expect(normalize(followUp.answer)).toContain('第2位');
    expect(followUp.citations[0]!.quote).toContain('数字经济');
    expect(alone.citations[0]?.quote ?? '').not.toBe(followUp.citations[0]!.quote);
  });

  it('never states a number that its cited quotes do not contain, over every question set of this report', async () => {
    const sets = ['dev', 'holdout', 'fresh', 'final'].flatMap((name) => loadQuestions(`test/eval/${name}.jsonl`));
    expect(sets.length).toBeGreaterThanOrEqual(160);
    for (const q of sets) {
      const r = await answerQuestion(kb, { question: q.question });
      expect(r.citations.length, q.id).toBeGreaterThan(0);
      expect(unsupportedNumbers(r.answer, r.citations.map((c) => c.quote)), q.id).toEqual([]);
    }
  });
});

describe('unsupportedNumbers', () => {
  it('accepts numbers that occur in a quote and flags others, without partial matches', () => {
    expect(unsupportedNumbers('**3.39%** [1]', ['调整至 3.39%'])).toEqual([]);
    expect(unsupportedNumbers('**3.3%** and **39** [2]', ['调整至 3.39%'])).toEqual(['3.3%', '39']);
    expect(unsupportedNumbers('**860.3 亿元**', ['总量达到860.3 亿元'])).toEqual([]);
  });
});
