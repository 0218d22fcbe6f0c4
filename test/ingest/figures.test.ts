import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFromSentence } from '../../ingest/figures/extract-figures.js';
import { cjkBigrams } from '../../ingest/text/tokenize.js';

interface GoldFigure {
  label: string;
  value: string;
  unit: string;
}
interface GoldSentence {
  sentence: string;
  figures: GoldFigure[];
}

/** Hand-checked gold sets: the Jiangbei review and two provincial work reports, with their floors. */
const GOLD_SETS = [
  { file: 'test/fixtures/figures-gold.json', precision: 0.88, valueRecall: 0.9, labelRecall: 0.85 },
  { file: 'test/fixtures/figures-gold-beijing.json', precision: 0.8, valueRecall: 0.8, labelRecall: 0.6 },
  { file: 'test/fixtures/figures-gold-guizhou.json', precision: 0.8, valueRecall: 0.8, labelRecall: 0.6 },
];
const loadGold = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { sentences: GoldSentence[] };
const compact = (s: string) => s.replace(/\s+/g, '').replace(/．/g, '.');

/** Labels agree when one contains the other or they share most of their bigrams. */
function labelsAgree(a: string, b: string): boolean {
  const x = compact(a).replace(/[“”"]/g, '');
  const y = compact(b).replace(/[“”"]/g, '');
  if (x.includes(y) || y.includes(x)) return true;
  const gx = new Set(cjkBigrams(x));
  const gy = cjkBigrams(y);
  const shared = gy.filter((g) => gx.has(g)).length;
  return shared / Math.min(gx.size || 1, gy.length || 1) >= 0.5;
}

function extracted(sentence: string) {
  return extractFromSentence(sentence.replace(/\*\*/g, '')).map((d) => ({
    label: d.label,
    value: compact(d.match.value),
    unit: d.match.unit,
  }));
}

/** Precision and recall of the extractor on one gold set; a value counts when value and unit agree. */
function scoreGold(sentences: GoldSentence[]) {
  let goldTotal = 0;
  let extractedTotal = 0;
  let valueHits = 0;
  let labelledHits = 0;
  let correctExtracted = 0;
  for (const { sentence, figures } of sentences) {
    const found = extracted(sentence);
    extractedTotal += found.length;
    goldTotal += figures.length;
    const used = new Set<number>();
    for (const g of figures) {
      const sameValue = found.findIndex((f, i) => !used.has(i) && f.value === compact(g.value) && f.unit === g.unit);
      if (sameValue === -1) continue;
      valueHits++;
      const labelled = found.findIndex((f, i) => !used.has(i) && f.value === compact(g.value) && f.unit === g.unit && labelsAgree(f.label, g.label));
      const index = labelled === -1 ? sameValue : labelled;
      used.add(index);
      if (labelled !== -1) labelledHits++;
    }
    correctExtracted += used.size;
  }
  return {
    goldTotal,
    precision: correctExtracted / extractedTotal,
    valueRecall: valueHits / goldTotal,
    labelRecall: labelledHits / goldTotal,
    line: `precision ${((correctExtracted / extractedTotal) * 100).toFixed(1)}% (${correctExtracted}/${extractedTotal}), value recall ${((valueHits / goldTotal) * 100).toFixed(1)}%, labelled recall ${((labelledHits / goldTotal) * 100).toFixed(1)}%`,
  };
}

describe('figure extraction against the hand-checked gold sets', () => {
  for (const set of GOLD_SETS) {
    it(`finds the labelled figures of ${set.file} with good precision and recall`, () => {
      const { sentences } = loadGold(set.file);
      const score = scoreGold(sentences);
      console.log(`figure extractor on ${set.file}: ${sentences.length} sentences, ${score.goldTotal} figures: ${score.line}`);
      expect(score.goldTotal).toBeGreaterThanOrEqual(60);
      expect(score.precision).toBeGreaterThanOrEqual(set.precision);
      expect(score.valueRecall).toBeGreaterThanOrEqual(set.valueRecall);
      expect(score.labelRecall).toBeGreaterThanOrEqual(set.labelRecall);
    });
  }

  it('gives an elided head the measure named before it, not the verb phrase between', () => {
    const drafts = extractFromSentence('推动三驾马车协同发力，经济运行总体好于省市，地区生产总值增速连续八年进入全市前三，总量达到860.3 亿元。');
    expect(drafts.find((d) => d.match.value === '860.3')?.label).toBe('地区生产总值总量');
    const share = extractFromSentence('一般公共预算收入增长5%，占比提高到60%。');
    expect(share.find((d) => d.match.value === '60')?.label).toBe('一般公共预算收入占比');
  });

  it('aligns enumerations item by item', () => {
    const six = extractFromSentence('新材料、高端装备、汽车零部件产业分别实现产值 497 亿元、508 亿元、129 亿元，年均增长 6.5%、9%、19%。');
    expect(six.map((d) => [d.label, d.match.value, d.match.unit])).toEqual([
      ['新材料产业产值', '497', '亿元'],
      ['高端装备产业产值', '508', '亿元'],
      ['汽车零部件产业产值', '129', '亿元'],
      ['新材料产业年均增长', '6.5', '%'],
      ['高端装备产业年均增长', '9', '%'],
      ['汽车零部件产业年均增长', '19', '%'],
    ]);
    const two = extractFromSentence('商品销售额、出口总额年均增速 13.6%、20.7%。');
    expect(two.map((d) => [d.label, d.match.value])).toEqual([
      ['商品销售额年均增速', '13.6'],
      ['出口总额年均增速', '20.7'],
    ]);
  });

  it('reads ranks, ratios, qualifiers and full-width percent signs, and skips years', () => {
    const figures = extractFromSentence('区域创新指数位居全省第 19 位，三产比重优化为 1.0:31.5:67.5，2023 年累计完成工业投资约 103.7 亿元，参保率达到98.6％。');
    expect(figures.map((d) => [d.label, d.match.value, d.match.unit, d.match.kind])).toEqual([
      ['区域创新指数', '第19位', '', 'rank'],
      ['三产比重', '1.0:31.5:67.5', '', 'ratio'],
      ['工业投资', '103.7', '亿元', 'quantity'],
      ['参保率', '98.6', '％', 'percent'],
    ]);
    expect(figures[2]!.qualifier).toContain('累计');
    expect(figures[2]!.qualifier).toContain('约');
  });

  it('reads a rank written with an Arabic digit and no 位, but not an ordinal', () => {
    const ranks = (s: string) => extractFromSentence(s).filter((d) => d.match.kind === 'rank').map((d) => d.match.value);
    expect(ranks('森林覆盖率稳居全国第2，长江干流断面连续8年保持Ⅱ类水质。')).toEqual(['全国第2']);
    expect(ranks('唐山港沿海货物吞吐量稳居世界第二。')).toEqual(['世界第二']);
    expect(ranks('入选全国第2批试点城市。')).not.toContain('全国第2');
  });

  it('reads a range as one figure, quoted whole, but not a period of years', () => {
    const figures = extractFromSentence('地区生产总值增长4.5-5%，一般公共预算收入增长5%—5.5%左右，2021—2025年累计投资900亿元。');
    expect(figures.map((d) => [d.label, d.match.value, d.match.unit, d.match.kind])).toEqual([
      ['地区生产总值', '4.5-5%', '%', 'percent'],
      ['一般公共预算收入', '5%—5.5%', '%', 'percent'],
      ['投资', '900', '亿元', 'quantity'],
    ]);
    expect(figures[1]!.match.approx).toBe('左右');
  });

  it('reads the counters and units of trains, satellites, livestock, grain, containers, power and computing', () => {
    const units = (s: string) => extractFromSentence(s).map((d) => [d.match.value, d.match.unit, d.match.kind]);
    expect(units('中欧班列开行924列，“吉林一号”卫星在轨144颗。')).toEqual([['924', '列', 'count'], ['144', '颗', 'count']]);
    expect(units('粮食总产量达到871.6亿斤，海铁联运量突破200万标箱。')).toEqual([['871.6', '亿斤', 'quantity'], ['200', '万标箱', 'quantity']]);
    expect(units('绿电输出345亿度，算力规模达到160Eflops，肉牛屠宰加工量突破80万头。')).toEqual([
      ['345', '亿度', 'quantity'], ['160', 'Eflops', 'quantity'], ['80', '万头', 'count'],
    ]);
  });
});
