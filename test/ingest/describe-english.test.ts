import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../ingest/text/crosslingual.js';
import { createChineseDescriber } from '../../ingest/text/describe-english.js';

describe('createChineseDescriber', () => {
  const describeInEnglish = createChineseDescriber(loadGlossary());

  it('glosses a label from the glossary, longest term first', () => {
    expect(describeInEnglish('常住人口城镇化率')).toBe('urbanization rate');
    expect(describeInEnglish('固定资产投资')).toBe('fixed-asset investment');
    expect(describeInEnglish('研究与试验发展经费支出占地区生产总值比重')).toBe('R&D intensity');
  });

  it('joins the glosses of the parts of a compound label in reading order', () => {
    const text = describeInEnglish('数字经济核心产业增加值占地区生产总值比重');
    expect(text).not.toBeNull();
    expect(text!.indexOf('digital economy')).toBeGreaterThanOrEqual(0);
    expect(text!.indexOf('digital economy')).toBeLessThan(text!.indexOf('GDP'));
  });

  it('says nothing when the glossary covers too little of the label, or only with single characters', () => {
    expect(describeInEnglish('“锈带”重生示范项目验收')).toBeNull();
    expect(describeInEnglish('万家')).toBeNull();
  });
});
