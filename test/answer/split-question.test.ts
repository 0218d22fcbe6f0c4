import { describe, expect, it } from 'vitest';
import { splitQuestion } from '../../server/retrieve/split-question.js';

describe('splitQuestion', () => {
  it('splits two subjects sharing one predicate', () => {
    expect(splitQuestion('社零总额和商品销售额各是多少？')).toEqual(['社零总额是多少？', '商品销售额是多少？']);
    expect(splitQuestion('城乡居民收入倍差和养老保险保障水平分别是多少？')).toEqual(['城乡居民收入倍差是多少？', '养老保险保障水平是多少？']);
  });

  it('splits English questions joined by ", and how …" but not words joined by "and"', () => {
    expect(splitQuestion("What's the urbanization rate, and how much was spent on schools?")).toEqual([
      "What's the urbanization rate",
      'how much was spent on schools?',
    ]);
    expect(splitQuestion('Which base for transformation and upgrading is planned?')).toEqual(['Which base for transformation and upgrading is planned?']);
    expect(splitQuestion('What is the annual growth of retail sales, and of exports?')).toEqual([
      'What is the annual growth of retail sales',
      'What is the annual growth of exports?',
    ]);
    expect(splitQuestion('What are the 2026 targets for coal output and for new renewable capacity?')).toEqual([
      'What are the 2026 targets for coal output',
      'What are the 2026 targets for new renewable capacity?',
    ]);
  });

  it('splits at question marks and carries a scene-setting clause to every part', () => {
    expect(splitQuestion('30个指标里，中期有多少项达标？到期末有多少项能完成？')).toEqual([
      '30个指标里，中期有多少项达标？',
      '30个指标里，到期末有多少项能完成？',
    ]);
  });

  it('leaves a question that asks one thing whole', () => {
    expect(splitQuestion('固定资产投资累计完成多少？')).toEqual(['固定资产投资累计完成多少？']);
    expect(splitQuestion('党建和法治建设方面还存在哪些问题？')).toEqual(['党建和法治建设方面还存在哪些问题？']);
  });
});
