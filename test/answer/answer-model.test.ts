/**
 * The answer model: its file is checked against the code's features at load, trees are read as
 * written, training is deterministic, the threshold is the least costly one, and a model fitted on
 * examples chooses the answering sentence of a small report.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerModelSchema, compileTrees, DEFAULT_MODEL_FILE, scorerFromModel, treeMargin } from '../../server/answer/answer-model.js';
import { FEATURE_NAMES, featureVector, type CandidateSignals } from '../../server/answer/candidate-features.js';
import { rankSentences } from '../../server/answer/select-evidence.js';
import { analyzeQuestion } from '../../server/retrieve/analyze-question.js';
import { searchPassages } from '../../server/retrieve/hybrid-search.js';
import type { KnowledgeBase } from '../../server/retrieve/knowledge-base.js';
import { fitBoostedTrees } from '../../test/train/boosted-trees.js';
import { collectExamples, holdsAnswer } from '../../test/train/collect-examples.js';
import { chooseThreshold, costAt, fitOn, toModel, type Outcome } from '../../test/train/fit-answer-model.js';
import type { EvalQuestion } from '../eval/score.js';
import { openSingleReport } from '../eval/report-sets.js';

const leaf = (value: number) => ({ value });

describe('the model file', () => {
  const base = { kind: 'boosted-trees', features: ['coverage', 'passage_rank'], bias: -1, threshold: 0.5 };

  it('is read as written: a split goes left when the value is at most its threshold', () => {
    const model = { ...base, trees: [{ feature: 0, threshold: 0.5, left: leaf(-2), right: leaf(3) }] };
    const scorer = scorerFromModel(model);
    expect(scorer.probability([0.5, 0])).toBeCloseTo(1 / (1 + Math.exp(3)));
    expect(scorer.probability([0.9, 0])).toBeCloseTo(1 / (1 + Math.exp(-2)));
    expect(treeMargin(model, [0.9, 0])).toBeCloseTo(2);
  });

  it('scores with its compiled trees exactly as the trees read node by node, on the shipped model', () => {
    const shipped = AnswerModelSchema.parse(JSON.parse(readFileSync(DEFAULT_MODEL_FILE, 'utf8')));
    const compiled = compileTrees(shipped);
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let row = 0; row < 200; row++) {
      const values = shipped.features.map(() => (random() < 0.3 ? Math.round(random()) : random()));
      expect(compiled(values)).toBeCloseTo(treeMargin(shipped, values), 10);
    }
  });

  it('is refused when it names a feature the code does not compute, or a tree splits on one it does not list', () => {
    expect(() => scorerFromModel({ ...base, features: ['coverage', 'no_such_feature'], trees: [] })).toThrow(
      expect.objectContaining({ code: 'ANSWER_MODEL_INVALID' }),
    );
    expect(() => scorerFromModel({ ...base, trees: [{ feature: 7, threshold: 0, left: leaf(0), right: leaf(0) }] })).toThrow(
      expect.objectContaining({ code: 'ANSWER_MODEL_INVALID' }),
    );
    expect(() => scorerFromModel({ kind: 'logistic' })).toThrow(expect.objectContaining({ code: 'ANSWER_MODEL_INVALID' }));
  });

  it('ships a model that loads', async () => {
    const { defaultScorer } = await import('../../server/answer/answer-model.js');
    const scorer = defaultScorer();
    expect(scorer.features.length).toBeGreaterThan(10);
    expect(scorer.threshold).toBeGreaterThan(0);
    expect(scorer.threshold).toBeLessThan(1);
  });
});

describe('features', () => {
  const signals = (over: Partial<CandidateSignals>): CandidateSignals => ({
    hit: { index: 0, score: 2, lexicalRank: 0, vectorRank: 3, vectorScore: 0.4 },
    passageRank: 1, textCoverage: 0.5, headingCoverage: 0.2, coverage: 0.6, uncoveredSpecific: 0, labelledCoverage: 0.3, mainCredit: 1,
    mainLabelled: true, labelledFigures: 2, hasFigures: true, statesFigure: true, answersWithFigure: true, labelFit: 0.5,
    opensEnumeration: false, underPlanHeading: false, siblingOnly: false, lacksAskedKind: false, lacksChange: false, mainInOtherKindOnly: false,
    missesPlace: false, rankAtOtherLevel: false, placeAfterFigures: false, headAsked: true, missesYear: false, namesAskedPlan: false, namesOtherPlanOnly: false, yearInHeading: false, otherYearInHeading: false, targetWording: false, spanWording: false, asksOneYear: false, asksPast: false, asksCurrentYear: false, length: 40,
    relative: { coverageGap: -0.1, coverageRank: 2, labelledGap: 0, labelFitGap: 0, textCoverageGap: 0 },
    ...over,
  });
  const question = { intent: 'figure', lang: 'en', multi: false, asksForPlans: false } as Parameters<typeof featureVector>[1];
  const qs = { missingSpecific: 0.25, guessedShare: 0, wantsNumber: true, topScore: 4 };

  it('computes each named feature from the signals', () => {
    const [rank, fused, lexical, vector, figureOnly, en, gap, missing] = featureVector(
      ['passage_rank', 'fused_score', 'lexical_rank', 'vector_rank', 'figure_q_answers_with_figure', 'en_coverage', 'coverage_rank', 'missing_specific'],
      question, qs, signals({}),
    );
    expect([rank, fused, lexical, vector, figureOnly, en, gap, missing]).toEqual([0.5, 0.5, 1, 0.25, 1, 0.6, 1 / 3, 0.25]);
  });

  it('gives interactions only for the intent they belong to', () => {
    const list = { ...question, intent: 'list' } as typeof question;
    expect(featureVector(['figure_q_answers_with_figure', 'list_q_enumeration'], list, qs, signals({ opensEnumeration: true }))).toEqual([0, 1]);
  });

  it('names every feature once', () => {
    expect(new Set(FEATURE_NAMES).size).toBe(FEATURE_NAMES.length);
  });
});

describe('training', () => {
  const rows = Array.from({ length: 200 }, (_, i) => [((i * 37) % 100) / 100, ((i * 11) % 7) / 7]);
  const labels = rows.map(([a]) => (a! > 0.6 ? 1 : 0));

  it('is deterministic and separates what the features separate', () => {
    const first = fitBoostedTrees(rows, labels, { trees: 20, depth: 2, learningRate: 0.3, lambda: 1, minChildWeight: 1, bins: 16 });
    const second = fitBoostedTrees(rows, labels, { trees: 20, depth: 2, learningRate: 0.3, lambda: 1, minChildWeight: 1, bins: 16 });
    expect(JSON.stringify(first)).toBe(JSON.stringify(second));
    expect(treeMargin(first, [0.9, 0])).toBeGreaterThan(0);
    expect(treeMargin(first, [0.2, 0])).toBeLessThan(0);
  });

  it('chooses the threshold of least cost, a wrong answer costing twice a missed one', () => {
    const o = (p: number, answerable: boolean, bestAnswers: boolean): Outcome => ({ report: 'r', id: String(p), answerable, p, bestAnswers });
    const outcomes = [o(0.9, true, true), o(0.8, true, true), o(0.7, false, false), o(0.6, true, true), o(0.3, true, false), o(0.2, false, false)];
    // From 0.75 up: the two misses at 0.6 and 0.3 cost 2; from 0.65 up the unanswerable at 0.7 costs 2 more.
    const chosen = chooseThreshold(outcomes);
    expect(chosen).toBeGreaterThan(0.7);
    expect(chosen).toBeLessThanOrEqual(0.8);
    expect(costAt(outcomes, chosen)).toBe(2);
    expect(costAt(outcomes, 0.75)).toBe(2);
    expect(costAt(outcomes, 0.65)).toBe(4);
    expect(costAt(outcomes, 0)).toBe(6);
  });
});

describe('a fitted model on a small report', () => {
  let kb: KnowledgeBase;
  let remove: () => void;
  const questions: EvalQuestion[] = [
    { id: 'a', question: '全年地区生产总值是多少？', lang: 'zh', type: 'figure', answers: ['1528.6亿元'], section: '' },
    { id: 'b', question: '研究与试验发展经费支出占地区生产总值比重是多少？', lang: 'zh', type: 'figure', answers: ['3.1%'], section: '' },
    { id: 'c', question: '新建城市道路多少公里？', lang: 'zh', type: 'figure', answers: ['14.2公里'], section: '' },
    { id: 'd', question: '高新技术企业总数有多少家？', lang: 'zh', type: 'figure', answers: ['900家'], section: '' },
    { id: 'e', question: '地铁运营里程有多少公里？', lang: 'zh', type: 'unanswerable', answers: [], section: '' },
  ];
  beforeAll(async () => {
    ({ kb, remove } = await openSingleReport('test/fixtures/reports/haishu-annual-review.txt', () => {}));
  });
  afterAll(() => remove());

  it('ranks the sentence that holds the answer first', async () => {
    const examples = await collectExamples(kb, 'haishu', questions);
    expect(examples.map((e) => e.x.length > 0)).toEqual([true, true, true, true, true]);
    const scorer = scorerFromModel(toModel(fitOn(examples), 0.5, {}));
    for (const q of questions.slice(0, 4)) {
      const analysis = analyzeQuestion(kb, q.question);
      const ranked = await searchPassages(kb, analysis, 8);
      const [best] = rankSentences(kb, analysis, ranked, { scorer });
      expect(holdsAnswer(q, best!.text), q.question).toBe(true);
    }
  });
});

describe('year signals of a work report', () => {
  let kb: KnowledgeBase;
  let remove: () => void;
  beforeAll(async () => {
    ({ kb, remove } = await openSingleReport('test/fixtures/reports/provincial/gansu-2026-gov-work-report.txt', () => {}));
  });
  afterAll(() => remove());

  const signalsOf = async (question: string, sentence: string) => {
    const analysis = analyzeQuestion(kb, question);
    const candidates = rankSentences(kb, analysis, await searchPassages(kb, analysis, 8));
    return candidates.find((c) => c.text.includes(sentence))?.signals;
  };

  it("reads last year's result in the review chapter and this year's target under the plan's heading", async () => {
    // 去年 in a 2026 report is 2025: its review chapter ("2025年…回顾") speaks of it, the 2026 plan does not.
    const result = await signalsOf('去年社会消费品零售总额增长多少？', '社会消费品零售总额增长2.5%');
    const target = await signalsOf('去年社会消费品零售总额增长多少？', '社会消费品零售总额增长4%左右');
    expect(result).toMatchObject({ asksPast: true, targetWording: false, missesYear: false, yearInHeading: true, otherYearInHeading: false });
    expect(target).toMatchObject({ asksPast: true, targetWording: true, yearInHeading: false, otherYearInHeading: true });
    const thisYear = await signalsOf('今年社会消费品零售总额增长目标是多少？', '社会消费品零售总额增长4%左右');
    expect(thisYear).toMatchObject({ asksCurrentYear: true, asksPast: false, targetWording: true });
  });
});
