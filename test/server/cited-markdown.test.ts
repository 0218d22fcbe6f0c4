import { describe, expect, it } from 'vitest';
import type { Citation } from '../../server/contract.js';
import { citedMarkdown, sourceTitler } from '../../server/wording/cited-markdown.js';

const cite = (n: number, docTitle: string, quote: string): Citation => ({ n, docId: 'd', docTitle, sectionId: `d:s${n}`, sectionPath: ['一、回顾', `（${n}）小节`], quote, score: 1 });
const CITATIONS = [cite(1, '甲区中期评估报告', '比重调整至 3.39%。'), cite(2, '2026年乙省政府工作报告', '增长 5.5%。')];
const ANSWER = '根据报告：\n- 比重：**3.39%** [1]\n\n> 比重调整至 3.39%。 [1]\n> — 一、回顾 › （1）小节\n\n> 增长 5.5%。 [2]\n> — 一、回顾 › （2）小节';

describe('citedMarkdown', () => {
  it("gives each quote's source line its own report's title", () => {
    const text = citedMarkdown(ANSWER, CITATIONS);
    expect(text).toContain('> — 《甲区中期评估报告》 › 一、回顾 › （1）小节');
    expect(text).toContain('> — 《2026年乙省政府工作报告》 › 一、回顾 › （2）小节');
    // Everything else is as it was.
    expect(text.replace(/《[^》]+》 › /g, '')).toBe(ANSWER);
  });

  it('gives the same text however the answer is cut into pieces', () => {
    for (const size of [1, 3, 7, 40]) {
      const titler = sourceTitler(CITATIONS);
      let out = '';
      for (let i = 0; i < ANSWER.length; i += size) out += titler.push(ANSWER.slice(i, i + size));
      expect(out + titler.end()).toBe(citedMarkdown(ANSWER, CITATIONS));
    }
  });
});
