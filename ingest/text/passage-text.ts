/** What a passage is embedded and indexed as: its heading path gives it context ("headings count"). */
import type { Passage } from '../schema.js';

/** Heading titles without their numbering tokens and 【】 brackets. */
export function headingWords(sectionPath: string[]): string {
  return sectionPath
    .map((t) => t.replace(/^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])/, '').replace(/[【】]/g, ''))
    .join(' ');
}

export function passageIndexText(passage: Pick<Passage, 'sectionPath' | 'text'>): string {
  return `${headingWords(passage.sectionPath.slice(1))} ${passage.text}`;
}
