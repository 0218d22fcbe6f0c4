/** Which documents of a library a question names: regions (Chinese, English, 咱们区), kind and report year. */
import { describe, expect, it } from 'vitest';
import type { Doc } from '../../ingest/schema.js';
import { englishReportName } from '../../server/answer/attribute-answer.js';
import { scopeOfQuestion } from '../../server/retrieve/question-scope.js';

const doc = (id: string, region: string, regionLevel: Doc['regionLevel'], kind: Doc['kind'], current: number): Doc =>
  ({ id, title: id, sourcePath: `${id}.txt`, contentHash: id, sectionIds: [], format: 'text', region, regionLevel, issuer: null, date: null, kind, years: { current, reviewed: null, planned: null } }) as Doc;

const PROVINCES = [
  doc('zj-2026', '浙江省', 'province', 'gov-work-report', 2026),
  doc('zj-2025', '浙江省', 'province', 'gov-work-report', 2025),
  doc('zj-plan', '浙江省', 'province', 'plan-outline', 2021),
  doc('nmg-2026', '内蒙古自治区', 'province', 'gov-work-report', 2026),
  doc('gx-2026', '广西壮族自治区', 'province', 'gov-work-report', 2026),
];
const WITH_DISTRICT = [...PROVINCES, doc('jb-review', '宁波市江北区', 'district', 'midterm-review', 2023)];
const ids = (question: string, docs = WITH_DISTRICT) => scopeOfQuestion(docs, question).regions.map((g) => g.docIds);

describe('question scope', () => {
  it('finds regions by full, short, English and pinyin names, and by 咱们区', () => {
    expect(ids('浙江今年GDP目标定的多少？')).toEqual([['zj-2026', 'zj-2025', 'zj-plan']]);
    expect(ids('广西壮族自治区粮食产量')).toEqual([['gx-2026']]);
    expect(ids("What is Inner Mongolia's grain target?")).toEqual([['nmg-2026']]);
    expect(ids("What is Jiangbei's R&D ratio?")).toEqual([['jb-review']]);
    expect(ids('江北区研发投入强度是多少？')).toEqual([['jb-review']]);
    expect(ids('咱们区的城镇化率是多少？')).toEqual([['jb-review']]);
    expect(ids('研发投入强度是多少？')).toEqual([]);
  });

  it('takes the names that chose documents out of the text analysis reads', () => {
    expect(scopeOfQuestion(WITH_DISTRICT, '江北区的研发投入强度是多少？').text).toBe('的研发投入强度是多少？');
    expect(scopeOfQuestion(WITH_DISTRICT, "What is Inner Mongolia's grain target?").text).toBe("What is 's grain target?");
  });

  it('keeps each compared region apart, in the order named', () => {
    expect(ids('广西和内蒙古去年GDP分别增长多少？')).toEqual([['gx-2026'], ['nmg-2026']]);
  });

  it('narrows by the kind of report and its year when the library holds such reports', () => {
    expect(scopeOfQuestion(WITH_DISTRICT, '去年的工作报告里GDP增长多少？').kindAndYear).toEqual(['zj-2025']);
    expect(scopeOfQuestion(WITH_DISTRICT, '规划纲要提出的目标').kindAndYear).toEqual(['zj-plan']);
    expect(scopeOfQuestion(WITH_DISTRICT, 'GDP增长多少？').kindAndYear).toBeNull();
    // No statistical bulletin in the library: the word narrows nothing.
    expect(scopeOfQuestion(WITH_DISTRICT, '统计公报里的GDP').kindAndYear).toBeNull();
  });

  it('rules out a province only in a library of provinces, asked of no region it covers', () => {
    expect(scopeOfQuestion(PROVINCES, '江苏今年GDP目标是多少？').uncovered).toEqual(['江苏']);
    expect(scopeOfQuestion(PROVINCES, 'What is Jiangsu’s GDP target?').uncovered).toEqual(['Jiangsu']);
    // A district's report may speak of its province.
    expect(scopeOfQuestion(WITH_DISTRICT, '江苏今年GDP目标是多少？').uncovered).toEqual([]);
    // Named beside a covered region, another province is only mentioned.
    expect(scopeOfQuestion(PROVINCES, '浙江与江苏合作的项目').uncovered).toEqual([]);
  });
});

describe('englishReportName', () => {
  it('names a region as English writes it, without its title', () => {
    const name = (d: Doc) => englishReportName(d).replace(/ \(《.*$/, '');
    expect(name(PROVINCES[0]!)).toBe('the 2026 Zhejiang government work report');
    expect(name(PROVINCES[3]!)).toBe('the 2026 Inner Mongolia government work report');
    expect(name(PROVINCES[4]!)).toBe('the 2026 Guangxi government work report');
    expect(name(doc('xj', '新疆维吾尔自治区', 'province', 'gov-work-report', 2026))).toBe('the 2026 Xinjiang government work report');
    expect(name(doc('xz', '西藏自治区', 'province', 'gov-work-report', 2026))).toBe('the 2026 Tibet government work report');
    expect(englishReportName(PROVINCES[2]!)).toContain('《zj-plan》');
  });
});

describe('the text analysis reads', () => {
  const text = (question: string) => scopeOfQuestion(WITH_DISTRICT, question).text;
  it('takes out the names and the conjunctions between them, and keeps the others', () => {
    expect(text('浙江和广西去年GDP分别增长多少？')).toBe('去年GDP分别增长多少？');
    expect(text('Compare the GDP growth of Zhejiang and Guangxi')).toBe('Compare the GDP growth of');
    expect(text('How many new urban jobs did Zhejiang add in 2025, and what is the 2026 goal?')).toBe('How many new urban jobs did add in 2025, and what is the 2026 goal?');
  });
});
