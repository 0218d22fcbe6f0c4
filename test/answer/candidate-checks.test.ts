/**
 * Candidate facts read off a sentence and the question: a value the question writes itself is no
 * answer, and a place named after the figures is not what they count.
 */
import { describe, expect, it } from 'vitest';
import type { Figure } from '../../ingest/schema.js';
import { normalizeForMatch } from '../../ingest/text/normalize.js';
import { askedRankLevels, askedValue, labelHeadAsked, lacksAskedKind, mainConcept, mainInOtherKindOnly, namesSiblingOnly, perUnitOnlyInLabel, placeAfterFigures, ranksAtOtherLevel, siblingQualifiers, unitOfWrittenValue } from '../../server/answer/candidate-checks.js';
import type { SentenceFigure } from '../../server/answer/passage-sentences.js';
import { echoesQuestion, isChangeFigure } from '../../server/answer/pick-figures.js';
import type { KnowledgeBase } from '../../server/retrieve/knowledge-base.js';
import type { KeyTerm, QueryAnalysis } from '../../server/retrieve/types.js';

const figure = (text: string, label = ''): Figure => ({
  id: 'f', docId: 'd', sectionId: 's', passageId: 'p', sectionPath: [], label, value: text, unit: '', kind: 'count',
  number: null, qualifier: null, text, sentence: '', start: 0, end: 0,
});
const sentenceFigure = (text: string, clause: string): SentenceFigure => ({
  figure: figure(text), label: '', labelWithQualifier: '', clause: normalizeForMatch(clause), labelGrams: [],
});
const asking = (places: string[][]) => ({ places }) as unknown as QueryAnalysis;

describe('the main concept and a change', () => {
  it('is never a five-year plan: "十四五这五年GDP年均增长多少" measures GDP', () => {
    const plan = { source: '十四五', alternatives: ['十四五'], weight: 4, specificity: 11.7 } as KeyTerm;
    const gdp = { source: 'gdp', alternatives: ['地区生产总值', 'GDP'], weight: 3.4, specificity: 11 } as KeyTerm;
    expect(mainConcept({ keyTerms: [plan, gdp] } as unknown as QueryAnalysis)).toBe(1);
  });

  it('reads 年均 as a change only with a word of change: 年均浓度 is a level', () => {
    expect(isChangeFigure({ ...figure('36.2微克/立方米', 'PM2.5年均浓度'), qualifier: '年均' })).toBe(false);
    expect(isChangeFigure({ ...figure('5.7%', '地区生产总值'), qualifier: '年均增长' })).toBe(true);
  });
});

describe('a value the question writes itself', () => {
  const question = normalizeForMatch('每千人拥有3岁以下婴幼儿托位数是多少个？');

  it('is part of the asked name, not an answer', () => {
    expect(echoesQuestion(question, figure('3岁'))).toBe(true);
    expect(echoesQuestion(question, figure('3 岁'))).toBe(true);
  });

  it('must stand alone in the question: 3岁 is not in 13岁 nor 3.5岁', () => {
    expect(echoesQuestion(normalizeForMatch('13岁以下有多少？'), figure('3岁'))).toBe(false);
    expect(echoesQuestion(normalizeForMatch('3.5岁以下有多少？'), figure('5岁'))).toBe(false);
    expect(echoesQuestion(question, figure('4.5个'))).toBe(false);
  });
});

describe('a place the sentence names after its figures', () => {
  const sentence = normalizeForMatch('接待游客总量突破 361.0 万人次，旅游产业增加值占比达 4.3%，慈城古县城入选省文旅金名片');
  const visitors = sentenceFigure('361.0万人次', '接待游客总量突破 361.0 万人次');

  it('is flagged: the figure counts the whole district', () => {
    expect(placeAfterFigures(asking([['慈城古县城', '慈城']]), sentence, [visitors])).toBe(true);
  });

  it('is not flagged when the place comes first, or when no place is asked', () => {
    const own = normalizeForMatch('慈城古县城接待游客总量突破 361.0 万人次');
    expect(placeAfterFigures(asking([['慈城古县城']]), own, [sentenceFigure('361.0万人次', '慈城古县城接待游客总量突破 361.0 万人次')])).toBe(false);
    expect(placeAfterFigures(asking([]), sentence, [visitors])).toBe(false);
    expect(placeAfterFigures(asking([['慈城古县城']]), sentence, [])).toBe(false);
  });
});

describe("a figure label's head word", () => {
  it('must be one the question uses: a rate of 户籍人口 does not say how many there are', () => {
    expect(labelHeadAsked(normalizeForMatch('江北区户籍人口有多少？'), '户籍人口养老保险、医疗保险参保率')).toBe(false);
    expect(labelHeadAsked(normalizeForMatch('户籍人口参保率是多少？'), '户籍人口养老保险、医疗保险参保率')).toBe(true);
  });

  it('may be a word of amount the question leaves unsaid: 多少游客 asks 接待游客总量', () => {
    expect(labelHeadAsked(normalizeForMatch('接待了多少游客？'), '接待游客总量')).toBe(true);
    expect(labelHeadAsked(normalizeForMatch('规上工业增加值总量是多少个亿？'), '高新技术产业增加值占规上工业增加值比重')).toBe(false);
  });
});

describe('the unit of a value the question writes', () => {
  const term = (source: string) => ({ source, alternatives: [source], weight: 1, specificity: 5 }) as KeyTerm;

  it('is part of the name: 岁 of 3岁以下 labels no figure', () => {
    expect(unitOfWrittenValue('每千人拥有3岁以下婴幼儿托位数是多少个？', term('岁'))).toBe(true);
  });

  it('is only a one-character word right after a digit', () => {
    expect(unitOfWrittenValue('岁数多大的老人有补贴？', term('岁'))).toBe(false);
    expect(unitOfWrittenValue('3岁以下婴幼儿托位数', term('婴幼儿'))).toBe(false);
  });
});

describe('a rank at another level than asked', () => {
  const rank = (text: string, clause: string): SentenceFigure => ({ ...sentenceFigure(text, clause), figure: { ...figure(text), kind: 'rank' } });
  const province = rank('第19位', '区域创新指数位居全省第 19 位');

  it('is flagged when the question asks within the city and the sentence ranks in the province', () => {
    expect(askedRankLevels('江北区域创新指数在宁波全市排第几？')).toEqual([2]);
    expect(ranksAtOtherLevel(askedRankLevels('江北区域创新指数在宁波全市排第几？'), [province])).toBe(true);
    expect(ranksAtOtherLevel(askedRankLevels('How does the innovation index rank within the city?'), [province])).toBe(true);
  });

  it('is not flagged at the asked level, without an asked level, or for a rank that names none', () => {
    expect(ranksAtOtherLevel(askedRankLevels('区域创新指数在全省排第几？'), [province])).toBe(false);
    expect(ranksAtOtherLevel(askedRankLevels('区域创新指数排第几？'), [province])).toBe(false);
    expect(ranksAtOtherLevel(askedRankLevels('在全市排第几？'), [rank('第3位', '商品销售额达到 5003 亿元、居第 3 位')])).toBe(false);
    // The province as the subject is no level asked: only "in the province" is.
    expect(askedRankLevels("How does the province's GDP rank?")).toEqual([]);
  });
});

describe('a value in another unit than asked', () => {
  const valueIn = (text: string, unit: string, label: string): SentenceFigure => ({ ...sentenceFigure(text, label + text), figure: { ...figure(text, label), unit, kind: 'quantity' }, label: normalizeForMatch(label) });
  const perCapita = { source: '人均生产总值', alternatives: ['人均生产总值'], weight: 1, specificity: 9 } as KeyTerm;
  const asked = (question: string, keyTerms = [perCapita]) => ({ question, expects: [], keyTerms, multi: false }) as unknown as QueryAnalysis;
  const dollars = [valueIn('2万美元', '万美元', '人均生产总值')];
  const kb = { corpusText: normalizeForMatch('地区生产总值达到860.3亿元，人均生产总值突破2万美元，农村居民人均可支配收入4.8万元') } as unknown as KnowledgeBase;

  it('does not answer: 2万美元 is no amount in yuan', () => {
    expect(lacksAskedKind(kb, asked('How much is per capita GDP in yuan?'), '', dollars)).toBe(true);
  });

  it('answers in the asked currency, or when the question names none', () => {
    expect(lacksAskedKind(kb, asked('How much is per capita GDP in dollars?'), '', dollars)).toBe(false);
    expect(lacksAskedKind(kb, asked('人均生产总值是多少元？'), '', [valueIn('13.5万元', '万元', '人均生产总值')])).toBe(false);
    expect(lacksAskedKind(kb, asked('人均生产总值是多少钱？'), '', dollars)).toBe(false);
  });

  it('tells a sentence that gives the asked concept only as a share, not the amount asked', () => {
    const industry = { source: '规上工业增加值', alternatives: ['规上工业增加值'], weight: 1, specificity: 9 } as KeyTerm;
    const share = { ...valueIn('70.8%', '%', '高新技术产业增加值占规上工业增加值比重'), figure: { ...figure('70.8%', ''), unit: '%', kind: 'percent' as const } };
    const amount = valueIn('1200亿元', '亿元', '规上工业增加值');
    const of = (q: string) => askedValue(kb, asked(q, [industry]));
    expect(mainInOtherKindOnly([share], of('规上工业增加值是多少亿元？'))).toBe(true);
    expect(mainInOtherKindOnly([share, amount], of('规上工业增加值是多少亿元？'))).toBe(false);
    // A share asked, or no kind asked, is met by the share; a sentence without the concept is another matter.
    expect(mainInOtherKindOnly([share], of('规上工业增加值情况如何？'))).toBe(false);
    expect(mainInOtherKindOnly([], of('规上工业增加值是多少亿元？'))).toBe(false);
  });

  it('does not count people by institutions, nor institutions by people', () => {
    const academician = { source: '院士', alternatives: ['院士'], weight: 1, specificity: 9 } as KeyTerm;
    const stations = [valueIn('2家', '家', '市级以上院士工作站')];
    expect(lacksAskedKind(kb, asked('累计引进了多少名两院院士？', [academician]), '', stations)).toBe(true);
    expect(lacksAskedKind(kb, asked('建成了几家院士工作站？', [academician]), '', stations)).toBe(false);
    expect(lacksAskedKind(kb, asked('院士工作站有多少人？', [academician]), '', stations)).toBe(true);
  });

  it('does not answer a total by a figure per person, unless the report gives that measure only per person', () => {
    const gdp = { source: 'gdp', alternatives: ['地区生产总值', '生产总值'], weight: 1, specificity: 11 } as KeyTerm;
    expect(lacksAskedKind(kb, asked("What is the district's GDP in US dollars?", [gdp]), '', dollars)).toBe(true);
    expect(perUnitOnlyInLabel(kb, normalizeForMatch('人均生产总值是多少美元？|人均生产总值'), '人均生产总值')).toBe(false);
    // The report writes 可支配收入 only per person: "农村居民收入" asks for that figure.
    expect(perUnitOnlyInLabel(kb, normalizeForMatch('农村居民收入多少元？|农村居民|收入'), normalizeForMatch('农村居民人均可支配收入'))).toBe(false);
  });

  it('holds the asked unit to a figure of the main concept: 旅游总收入 in yuan is no tourism value added', () => {
    const tourism = { source: 'tourism', alternatives: ['旅游'], weight: 1, specificity: 7 } as KeyTerm;
    const valueAdded = { source: 'value added', alternatives: ['增加值'], weight: 1, specificity: 9 } as KeyTerm;
    const revenue = [valueIn('50.4亿元', '亿元', '旅游总收入')];
    expect(lacksAskedKind(kb, asked("What's the tourism value added in yuan?", [tourism, valueAdded]), '', revenue)).toBe(true);
    expect(lacksAskedKind(kb, asked("What's the tourism value added in yuan?", [tourism, valueAdded]), '', [valueIn('12亿元', '亿元', '旅游产业增加值')])).toBe(false);
  });

  it('counts firms by 户 as by 家, and reads a label in the value\'s own clause', () => {
    const giants = { source: '小巨人', alternatives: ['小巨人'], weight: 1, specificity: 11 } as KeyTerm;
    expect(lacksAskedKind(kb, asked('小巨人企业有多少家？', [giants]), '', [valueIn('810户', '户', '专精特新“小巨人”企业')])).toBe(false);
    const jobs = { source: '城镇新增就业', alternatives: ['城镇新增就业'], weight: 1, specificity: 11 } as KeyTerm;
    const inClause: SentenceFigure = { ...sentenceFigure('68万人', '城镇新增就业68万人'), figure: { ...figure('68万人', '就业'), unit: '万人', kind: 'count' }, label: '就业' };
    expect(lacksAskedKind(kb, asked('城镇新增就业多少人？', [jobs]), '', [inClause])).toBe(false);
  });

  it('reads 人次 as people, as visitors are asked of', () => {
    const visitors = { source: '游客', alternatives: ['游客'], weight: 1, specificity: 9 } as KeyTerm;
    expect(lacksAskedKind(kb, asked('接待游客多少万人？', [visitors]), '', [valueIn('361.0万人次', '万人次', '接待游客总量')])).toBe(false);
  });
});

describe('a qualifier of a set of siblings', () => {
  const exportsAsked = siblingQualifiers(normalizeForMatch('出口总额是多少？'));

  it('is not stated by the word that names the whole set: 进出口总额 is no export value', () => {
    expect(namesSiblingOnly(exportsAsked, normalizeForMatch('进出口总额增至854.8亿元'))).toBe(true);
    expect(namesSiblingOnly(exportsAsked, normalizeForMatch('进口增长5%'))).toBe(true);
  });

  it('is stated by its own word, beside the whole set or alone', () => {
    expect(namesSiblingOnly(exportsAsked, normalizeForMatch('进出口总额854.8亿元，其中出口600亿元'))).toBe(false);
    expect(namesSiblingOnly(exportsAsked, normalizeForMatch('出口增长10.1%'))).toBe(false);
  });

  it('is not named by a question about the whole set', () => {
    expect(siblingQualifiers(normalizeForMatch('进出口总额是多少？'))).toEqual([]);
    expect(siblingQualifiers(normalizeForMatch('城乡居民收入比是多少？'))).toEqual([]);
  });
});
