/**
 * Dating an undated chapter by its opening sentence: the year it starts with, or the relative
 * year word resolved against the document's own year; a dated heading keeps its own years.
 */
import { describe, expect, it } from 'vitest';
import { leadYear } from '../../server/answer/section-years.js';

const chapter = (title: string, text: string) => ({ title, text });

describe('leadYear', () => {
  it('dates an undated chapter by the year its opening sentence starts with', () => {
    expect(leadYear(chapter('一、一年接着一年干，新进展新成效', '2025年是“十四五”收官之年。一年来，我们……'), 2026)).toBe(2025);
    expect(leadYear(chapter('一、工作回顾', '二〇二五年是收官之年，……'), 2026)).toBe(2025);
  });

  it('resolves a relative opening against the document year, and needs that year', () => {
    expect(leadYear(chapter('一、工作回顾', '过去一年，全省上下……'), 2026)).toBe(2025);
    expect(leadYear(chapter('三、重点工作', '今年是开局之年。'), 2026)).toBe(2026);
    expect(leadYear(chapter('一、工作回顾', '过去一年，全省上下……'), null)).toBeNull();
  });

  it('leaves a chapter alone whose heading names a year or a five-year plan', () => {
    expect(leadYear(chapter('一、2025年工作回顾', '2024年以来……'), 2026)).toBeNull();
    expect(leadYear(chapter('二、“十五五”时期主要目标', '2026年是开局之年。'), 2026)).toBeNull();
  });

  it('reads only the opening: a year later in the text or the sentence does not date the chapter', () => {
    expect(leadYear(chapter('四、全面加强政府自身建设', '新使命对政府提出了更高要求。2025年……'), 2026)).toBeNull();
    expect(leadYear(chapter('一、工作回顾', '这一年，我们在2025年……'), 2026)).toBeNull();
  });
});
