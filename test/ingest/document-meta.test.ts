import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeDocument } from '../../ingest/meta/describe-document.js';
import { arabicizeDates } from '../../ingest/meta/chinese-numerals.js';
import { findFiveYearPlans, fiveYearPlanSpan, namedFiveYearPlans } from '../../ingest/meta/five-year-plans.js';
import { findProvinceByChinese, findProvinceByEnglish, findProvincesInEnglish } from '../../ingest/meta/province-lookup.js';
import { findRegionMatches } from '../../ingest/meta/region-names.js';
import { PROVINCES } from '../../ingest/meta/regions.js';
import { resolveRelativeYear } from '../../ingest/meta/relative-year.js';
import type { DocumentMeta } from '../../ingest/meta/types.js';

interface ExpectedReport extends Omit<DocumentMeta, 'title'> {
  file: string;
  title: string;
}

const expected = JSON.parse(readFileSync('test/fixtures/document-meta.expected.json', 'utf8')) as { reports: ExpectedReport[] };
const PROVINCIAL_DIR = 'test/fixtures/reports/provincial';

const describeText = (text: string, sourcePath = 'reports/sample.txt') => describeDocument({ text, sourcePath });

describe('describeDocument on the development reports', () => {
  it('has a hand-checked row for every provincial report, Jiangbei and haishu', () => {
    const files = new Set(expected.reports.map((r) => r.file));
    for (const name of readdirSync(PROVINCIAL_DIR)) expect(files).toContain(`${PROVINCIAL_DIR}/${name}`);
    expect(files).toContain('corpus/jiangbei-14th-fyp-midterm-review.md');
    expect(files).toContain('test/fixtures/reports/haishu-annual-review.txt');
    expect(expected.reports).toHaveLength(25);
  });

  for (const row of expected.reports) {
    it(`reads ${row.file.split('/').pop()}`, () => {
      const meta = describeDocument({ text: readFileSync(row.file, 'utf8'), sourcePath: row.file });
      expect({ region: meta.region, regionLevel: meta.regionLevel, kind: meta.kind }).toEqual({
        region: row.region,
        regionLevel: row.regionLevel,
        kind: row.kind,
      });
      expect(meta.years).toEqual(row.years);
      expect({ title: meta.title, date: meta.date, issuer: meta.issuer }).toEqual({ title: row.title, date: row.date, issuer: row.issuer });
    });
  }

  it('falls back to the occasion line for the region and to the file name for the title', () => {
    const text = readFileSync(`${PROVINCIAL_DIR}/hunan-2026-gov-work-report.txt`, 'utf8').split('\n').slice(1).join('\n');
    const meta = describeText(text, 'reports/hunan-untitled.txt');
    expect(meta.title).toBe('hunan-untitled');
    expect(meta.region).toBe('湖南省');
    expect(meta.kind).toBe('gov-work-report');
    expect(meta.years.current).toBe(2026);
  });

  it('reads region, kind and years from the body alone when the header is gone', () => {
    const text = readFileSync(`${PROVINCIAL_DIR}/fujian-2026-gov-work-report.txt`, 'utf8').split('\n').slice(3).join('\n');
    const meta = describeText(text, 'reports/fujian-body.txt');
    expect(meta).toMatchObject({ region: '福建省', regionLevel: 'province', kind: 'gov-work-report', date: null });
    expect(meta.years).toEqual({ current: 2026, reviewed: [2021, 2025], planned: [2026, 2030] });
  });
});

describe('describeDocument on the other kinds', () => {
  it('reads a 2021 work report as reviewing the 十三五 period and planning the 十四五 one', () => {
    const meta = describeText(
      '2021年河南省政府工作报告\n——2021年1月20日在河南省第十三届人民代表大会第五次会议上\n各位代表：\n' +
        '一、“十三五”时期工作回顾\n过去五年，全省经济总量连续跨越。\n二、“十四五”时期主要目标任务\n三、2021年重点工作',
    );
    expect(meta).toMatchObject({ region: '河南省', date: '2021-01-20', kind: 'gov-work-report' });
    expect(meta.years).toEqual({ current: 2021, reviewed: [2016, 2020], planned: [2021, 2025] });
  });

  it('reads an undated mid-term review from its evaluated span', () => {
    const meta = describeText(
      '关于开化县国民经济和社会发展第十四个五年规划纲要实施情况的中期评估报告\n' +
        '根据有关规定，对《纲要》实施情况进行中期评估，评估时段为2021年至2023年6月。\n一、《纲要》目标指标完成情况',
    );
    expect(meta).toMatchObject({ region: '开化县', regionLevel: 'county', kind: 'midterm-review', date: null });
    expect(meta.years).toEqual({ current: 2023, reviewed: [2021, 2023], planned: [2023, 2025] });
  });

  it('reads a city statistical bulletin: the year reported on is reviewed, current is the publication year', () => {
    const meta = describeText(
      '宁波市2024年国民经济和社会发展统计公报\n宁波市统计局\n国家统计局宁波调查队\n2025年3月18日\n' +
        '2024年，面对复杂严峻的外部环境，全市经济运行总体平稳。\n一、综合\n全市实现地区生产总值18147.7亿元，比上年增长5.4%。',
    );
    expect(meta).toMatchObject({ region: '宁波市', regionLevel: 'city', kind: 'statistical-bulletin', issuer: '宁波市统计局', date: '2025-03-18' });
    expect(meta.years).toEqual({ current: 2025, reviewed: [2024, 2024], planned: null });
  });

  it('takes the year after the one reported on as current for an undated bulletin', () => {
    const meta = describeText('# 2024年温州市国民经济和社会发展统计公报\n\n2024年，全市经济运行稳中有进。\n\n## 一、综合');
    expect(meta).toMatchObject({ title: '2024年温州市国民经济和社会发展统计公报', region: '温州市', date: null });
    expect(meta.years).toEqual({ current: 2025, reviewed: [2024, 2024], planned: null });
  });

  it('reads a district 十五五 plan outline: the plan period is planned, the one before reviewed', () => {
    const meta = describeText(
      '鄞州区国民经济和社会发展第十五个五年规划和二〇三五年远景目标纲要\n宁波市鄞州区人民政府\n第一章 发展基础\n' +
        '“十四五”时期，全区经济实力大幅跃升，地区生产总值年均增长6.5%。\n“十五五”时期是基本实现社会主义现代化夯实基础、全面发力的关键时期。',
    );
    expect(meta).toMatchObject({ region: '宁波市鄞州区', regionLevel: 'district', kind: 'plan-outline' });
    expect(meta.years).toEqual({ current: 2026, reviewed: [2021, 2025], planned: [2026, 2030] });
  });

  it('plans one year only for a work report that reviews one year and sets no five-year targets', () => {
    const meta = describeText(
      '政府工作报告\n——2026年1月20日在浙江省第十四届人民代表大会第四次会议上\n浙江省人民政府省长 刘捷\n各位代表：\n' +
        '现在，我代表省人民政府，向大会报告工作，请予审议。\n一、2025年工作回顾\n过去一年，全省地区生产总值增长5.5%。\n' +
        '二、2026年工作安排\n今年是“十五五”开局之年，全省经济社会发展主要预期目标是：地区生产总值增长5%左右。',
    );
    expect(meta).toMatchObject({ region: '浙江省', regionLevel: 'province', issuer: '浙江省人民政府省长 刘捷', date: '2026-01-20' });
    expect(meta.years).toEqual({ current: 2026, reviewed: [2025, 2025], planned: [2026, 2026] });
  });

  it('takes the year from the occasion line when the title has none, Chinese numerals included', () => {
    const meta = describeText(
      '开化县政府工作报告\n——二〇二五年一月十日在开化县第十七届人民代表大会第五次会议上\n各位代表：\n' +
        '现在，我代表县人民政府，向大会报告工作，请予审议。\n一、2024年工作回顾\n二、2025年主要任务',
    );
    expect(meta).toMatchObject({ region: '开化县', regionLevel: 'county', issuer: '开化县人民政府', date: '2025-01-10' });
    expect(meta.years).toEqual({ current: 2025, reviewed: [2024, 2024], planned: [2025, 2025] });
  });

  it('keeps the parent city of a district named in the title and tells autonomous prefectures and 吉林市 apart', () => {
    expect(describeText('2026年宁波市江北区政府工作报告\n各位代表：').region).toBe('宁波市江北区');
    expect(describeText('2026年青岛市市北区政府工作报告\n各位代表：').region).toBe('青岛市市北区');
    expect(describeText('2026年海南藏族自治州政府工作报告\n各位代表：')).toMatchObject({ region: '海南藏族自治州', regionLevel: 'city' });
    expect(describeText('2026年吉林市政府工作报告\n各位代表：')).toMatchObject({ region: '吉林市', regionLevel: 'city' });
    expect(describeText('内蒙古2025年国民经济和社会发展统计公报')).toMatchObject({ region: '内蒙古自治区', regionLevel: 'province' });
  });

  it('finds the region in the opening paragraphs when no header line names it', () => {
    const meta = describeText(
      '政府工作报告\n各位代表：\n现在，我代表市人民政府向大会报告工作。\n过去一年，温州市地区生产总值增长6%。\n一、2025年工作回顾\n二、2026年重点工作',
    );
    expect(meta).toMatchObject({ region: '温州市', issuer: '温州市人民政府', kind: 'gov-work-report' });
    expect(meta.years.current).toBe(2026);
  });

  it('says nothing it cannot read', () => {
    const meta = describeText('2023年是全面贯彻落实党的二十大精神的开局之年。全区上下坚持稳中求进。', 'x/untitled.md');
    expect(meta).toMatchObject({ title: 'untitled', region: null, regionLevel: null, issuer: null, date: null, kind: 'other' });
    expect(meta.years).toEqual({ current: null, reviewed: null, planned: null });
  });
});

describe('region names', () => {
  it('lists the 34 provincial-level divisions once each', () => {
    expect(PROVINCES).toHaveLength(34);
    expect(new Set(PROVINCES.map((p) => p.name)).size).toBe(34);
    expect(new Set(PROVINCES.map((p) => p.short)).size).toBe(34);
    expect(findProvinceByChinese('广西')?.name).toBe('广西壮族自治区');
    expect(findProvinceByChinese('新疆维吾尔自治区')?.short).toBe('新疆');
  });

  it('finds the provinces an English sentence names, longest name first, and no others', () => {
    const named = (text: string) => findProvincesInEnglish(text).map((m) => `${m.text}=${m.entry.short}`);
    expect(named("What is Inner Mongolia's 2026 target?")).toEqual(['Inner Mongolia=内蒙古']);
    expect(named('Compare Beijing and Shanghai on GDP growth')).toEqual(['Beijing=北京', 'Shanghai=上海']);
    expect(named('How did the Tibet Autonomous Region do?')).toEqual(['Tibet Autonomous Region=西藏']);
    expect(named('What does Jiangbei District plan? What is the Province of Mongolia?')).toEqual([]);
    expect(named("what's hubei's gdp and inner mongolia's target")).toEqual(['hubei=湖北', 'inner mongolia=内蒙古']);
  });

  it('matches English and pinyin names, whatever the case and the words around them', () => {
    expect(findProvinceByEnglish('Beijing')?.name).toBe('北京市');
    expect(findProvinceByEnglish('guangxi zhuang autonomous region')?.name).toBe('广西壮族自治区');
    expect(findProvinceByEnglish('Inner Mongolia')?.name).toBe('内蒙古自治区');
    expect(findProvinceByEnglish('Nei Mongol')?.name).toBe('内蒙古自治区');
    expect(findProvinceByEnglish('Tibet')?.name).toBe('西藏自治区');
    expect(findProvinceByEnglish('Xizang Autonomous Region')?.name).toBe('西藏自治区');
    expect(findProvinceByEnglish('Xinjiang Uyghur Autonomous Region')?.name).toBe('新疆维吾尔自治区');
    expect(findProvinceByEnglish('Shaanxi Province')?.name).toBe('陕西省');
    expect(findProvinceByEnglish('Shanxi')?.name).toBe('山西省');
    expect(findProvinceByEnglish('Hong Kong SAR')?.name).toBe('香港特别行政区');
    expect(findProvinceByEnglish('Macau')?.name).toBe('澳门特别行政区');
    expect(findProvinceByEnglish('Ningbo')).toBeNull();
    expect(findProvinceByEnglish('Autonomous Region')).toBeNull();
  });

  it('reads place names only where a name can start', () => {
    expect(findRegionMatches('深入疏解北京非首都功能，全区上下共同努力')).toEqual([]);
    const chain = findRegionMatches('——2024年1月15日在宁波市第十六届人民代表大会第四次会议上')[0]!;
    expect(chain.units.map((u) => u.text)).toEqual(['宁波市']);
    expect(findRegionMatches('浙江省人民政府省长')[0]!.units.map((u) => u.text)).toEqual(['浙江省']);
  });
});

describe('years', () => {
  it('knows the five-year plans by either name', () => {
    expect(fiveYearPlanSpan(13)).toEqual([2016, 2020]);
    expect(fiveYearPlanSpan(14)).toEqual([2021, 2025]);
    expect(fiveYearPlanSpan(15)).toEqual([2026, 2030]);
    expect(findFiveYearPlans('“十四五”时期发展成就和“十五五”时期主要目标任务')).toEqual([14, 15]);
    expect(findFiveYearPlans('国民经济和社会发展第十四个五年规划纲要')).toEqual([14]);
    expect(namedFiveYearPlans('What was GDP growth over the 14th Five-Year Plan, and the 15th FYP target?')).toEqual([14, 15]);
    expect(namedFiveYearPlans('十四五期间GDP年均增速多少？')).toEqual([14]);
    expect(namedFiveYearPlans('What was GDP growth over the past five years?')).toEqual([]);
  });

  it('writes Chinese-numeral dates in digits', () => {
    expect(arabicizeDates('——二〇二六年一月二十七日在甘肃省')).toBe('——2026年1月27日在甘肃省');
    expect(arabicizeDates('二〇二三年十二月')).toBe('2023年12月');
  });

  it('resolves relative year words against the current year', () => {
    const meta = { years: { current: 2026, reviewed: null, planned: null } };
    expect(resolveRelativeYear('今年', meta)).toBe(2026);
    expect(resolveRelativeYear('本年', meta)).toBe(2026);
    expect(resolveRelativeYear('去年', meta)).toBe(2025);
    expect(resolveRelativeYear('上年', meta)).toBe(2025);
    expect(resolveRelativeYear('过去一年', meta)).toBe(2025);
    expect(resolveRelativeYear('前年', meta)).toBe(2024);
    expect(resolveRelativeYear('明年', meta)).toBe(2027);
    expect(resolveRelativeYear('当年', meta)).toBeNull();
    expect(resolveRelativeYear('去年', { years: { current: null, reviewed: null, planned: null } })).toBeNull();
  });
});
