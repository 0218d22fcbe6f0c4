/**
 * Years in questions against a document's own years: "2026年" in a 2026 work report is its 今年,
 * so the target the report sets for 今年 answers "2026年…目标"; a year it never speaks of is declined.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../server/answer/answer-question.js';
import { coversYear, statesYear, statesYearAsWhole } from '../../server/answer/candidate-checks.js';
import { rankSentences } from '../../server/answer/select-evidence.js';
import { analyzeQuestion } from '../../server/retrieve/analyze-question.js';
import { searchPassages } from '../../server/retrieve/hybrid-search.js';
import type { KnowledgeBase } from '../../server/retrieve/knowledge-base.js';
import { comparisonBaseYears, englishYearWords, writeShortYearsOut } from '../../server/retrieve/year-terms.js';
import type { Doc } from '../../ingest/schema.js';
import { openSingleReport } from '../eval/report-sets.js';

describe('comparisonBaseYears', () => {
  const docs = [{ years: { current: 2026, reviewed: [2021, 2025], planned: [2026, 2030] } }] as unknown as Doc[];
  it('finds the years named only as the base of a change', () => {
    expect(comparisonBaseYears('去年比前年增了多少？', docs)).toEqual(['2024']);
    expect(comparisonBaseYears('与2020年相比，2025年地区生产总值增长多少？', docs)).toEqual(['2020']);
    expect(comparisonBaseYears('How much did exports grow in 2025 compared with 2024?', docs)).toEqual(['2024']);
    expect(comparisonBaseYears('2024年地区生产总值是多少？比2023年增长多少？', docs)).toEqual(['2023']);
    expect(comparisonBaseYears('above-scale industrial output: increase over 2020 and avg annual growth?', docs)).toEqual(['2020']);
    expect(comparisonBaseYears('average growth over 2021-2025?', docs)).toEqual([]);
  });
  it('drops the words of a year phrase, "the year before" included, from the concepts', () => {
    expect([...englishYearWords('How much faster was that than the year before?')]).toEqual(['year', 'before']);
    expect([...englishYearWords('What was GDP last year?')]).toEqual(['last', 'year']);
    expect([...englishYearWords('What happened before the reform?')]).toEqual([]);
  });
  it('keeps a year that is asked of, even when it is also a base', () => {
    expect(comparisonBaseYears('2024年地区生产总值是多少？', docs)).toEqual([]);
    expect(comparisonBaseYears('2024年比2023年增长多少？2023年是多少？', docs)).toEqual([]);
  });
});

describe('writeShortYearsOut', () => {
  const docs = [{ years: { current: 2026, reviewed: [2021, 2025], planned: [2026, 2030] } }] as unknown as Doc[];
  it('writes out a two-digit year near the documents\' own', () => {
    expect(writeShortYearsOut('安徽25年粮食总产量多少斤？', docs)).toBe('安徽2025年粮食总产量多少斤？');
    expect(writeShortYearsOut('24年底贷款余额多少', docs)).toBe('2024年底贷款余额多少');
  });
  it('leaves spans, decades, counts and far years alone', () => {
    for (const q of ['这25年来变化多大', '连续25年保持增长', '90年代的产业', '用15年时间建成', '15年时间', '约15年', '建区40年来', '25年以来', '第15年']) {
      expect(writeShortYearsOut(q, docs), q).toBe(q);
    }
    expect(writeShortYearsOut('改革开放40年', docs)).toBe('改革开放40年');
    expect(writeShortYearsOut('2025年粮食产量', docs)).toBe('2025年粮食产量');
  });
});

describe('statesYear', () => {
  const years = { current: 2026, reviewed: [2021, 2025] as [number, number], planned: [2026, 2030] as [number, number] };
  it('takes the year written out, or the relative word the document uses for it', () => {
    expect(statesYear('2026年地区生产总值增长5%左右', years, 2026)).toBe(true);
    expect(statesYear('今年经济社会发展主要预期目标是：地区生产总值增长5%左右', years, 2026)).toBe(true);
    expect(statesYear('过去一年，全市地区生产总值增长5.4%', years, 2025)).toBe(true);
    expect(statesYear('今年经济社会发展主要预期目标', years, 2025)).toBe(false);
    expect(statesYear('今年经济社会发展主要预期目标', years, 2027)).toBe(false);
    expect(statesYear('今年', { current: null, reviewed: null, planned: null }, 2026)).toBe(false);
  });

  it('counts a year the document plans for as covered, though it never writes it', () => {
    const review = { current: 2023, reviewed: [2021, 2023] as [number, number], planned: [2023, 2025] as [number, number] };
    expect(coversYear('到“十四五”末，26项指标有望如期完成', review, 2025)).toBe(true);
    expect(coversYear('到“十四五”末，26项指标有望如期完成', review, 2019)).toBe(false);
    expect(coversYear('2019年地区生产总值增长6.8%', review, 2019)).toBe(true);
  });
});

describe('statesYearAsWhole', () => {
  it('reads 全年 as the one year the headings name, and not a year of a plan period or of two named years', () => {
    const review = ['一、2025年和“十四五”时期工作回顾'];
    expect(statesYearAsWhole(review, '全年地区生产总值增长4.9%', 2025)).toBe(true);
    expect(statesYearAsWhole(review, '全年地区生产总值增长4.9%', 2023)).toBe(false);
    expect(statesYearAsWhole(review, '地区生产总值增长4.9%', 2025)).toBe(false);
    expect(statesYearAsWhole(['一、“十四五”时期工作回顾'], '全年地区生产总值增长4.9%', 2025)).toBe(false);
    expect(statesYearAsWhole(['2025年工作回顾和2026年工作安排'], '全年地区生产总值增长5%左右', 2026)).toBe(false);
  });
});

describe('a 2026 work report answers for 2026 what it says for 今年', () => {
  let kb: KnowledgeBase;
  let remove: () => void;
  beforeAll(async () => {
    ({ kb, remove } = await openSingleReport('test/fixtures/reports/provincial/beijing-2026-gov-work-report.txt', () => {}));
  });
  afterAll(() => remove());

  it('answers the 2026 growth target from the 今年 sentence, and declines 2019', async () => {
    const target = await answerQuestion(kb, { question: '2026年地区生产总值增长目标是多少？' });
    expect(target.answerable).toBe(true);
    expect(target.answer).toContain('5%左右');
    expect(target.citations[0]!.quote).toContain('今年');
    const old = await answerQuestion(kb, { question: '2019年地区生产总值增长多少？' });
    expect(old.answerable).toBe(false);
  });

  it('answers a change from a base year the report never writes, since the change is what is asked', async () => {
    // The report writes neither 2023 nor 前年: as the asked year 2023 is declined, as a base it is not.
    const growth = await answerQuestion(kb, { question: '去年地区生产总值比前年增长多少？' });
    expect(growth.answerable).toBe(true);
    expect(growth.answer).toContain('5.4%');
    expect((await answerQuestion(kb, { question: '前年地区生产总值增长多少？' })).answerable).toBe(false);
  });

  it('answers a target asked without a word of change with the growth the report sets', async () => {
    const question = '今年一般公共预算收入目标是多少？';
    const analysis = analyzeQuestion(kb, question);
    const candidates = rankSentences(kb, analysis, await searchPassages(kb, analysis, 8));
    // The growth target "增长4%左右" is a figure that answers, though no word of the question asks for a change.
    expect(candidates.find((c) => c.text.includes('一般公共预算收入增长4%左右'))?.answersWithFigure).toBe(true);
    const r = await answerQuestion(kb, { question });
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('4%左右');
  });

  it('records the report\'s region, kind and years', () => {
    const doc = kb.index.docs[0]!;
    expect(doc).toMatchObject({ region: '北京市', kind: 'gov-work-report', format: 'text', years: { current: 2026 } });
  });
});

describe('a question that names a five-year plan', () => {
  let kb: KnowledgeBase;
  let remove: () => void;
  beforeAll(async () => {
    ({ kb, remove } = await openSingleReport('test/fixtures/reports/provincial/anhui-2026-gov-work-report.txt', () => {}));
  });
  afterAll(() => remove());

  it('marks candidates that speak only of another five-year plan than the one asked of', async () => {
    const analysis = analyzeQuestion(kb, '“十四五”时期地区生产总值年均增长多少？');
    expect(analysis.plans).toEqual([14]);
    const candidates = rankSentences(kb, analysis, await searchPassages(kb, analysis, 8));
    const headings = (c: (typeof candidates)[number]) => kb.index.passages[c.passageIndex]!.sectionPath.join(' ');
    const laterPlanOnly = candidates.filter((c) => headings(c).includes('十五五') && !`${headings(c)}${c.text}`.includes('十四五'));
    expect(laterPlanOnly.length).toBeGreaterThan(0);
    for (const c of laterPlanOnly) expect(c.signals.namesOtherPlanOnly).toBe(true);
    for (const c of candidates.filter((c) => headings(c).includes('十四五'))) expect(c.signals.namesAskedPlan).toBe(true);
  });
});
