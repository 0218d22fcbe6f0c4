/**
 * How specific a word is in general Chinese, from jieba's IDF table: "方向" (5.3) is everyday
 * language, "绿地面积" (12.0) is a precise indicator. A question term the report never uses only
 * means the report is silent when the term is specific.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

let table: Map<string, number> | null = null;
/** Words missing from the table are rare, hence specific. */
const UNKNOWN_WORD_IDF = 11;

function idfTable(): Map<string, number> {
  if (table) return table;
  table = new Map();
  const require = createRequire(import.meta.url);
  const file = path.join(path.dirname(require.resolve('@node-rs/jieba/package.json')), 'idf.txt');
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const space = line.lastIndexOf(' ');
    if (space > 0) table.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return table;
}

/** The general-language IDF of a word (about 2 for the commonest words, 12+ for rare ones). */
export function generalIdf(word: string): number {
  return idfTable().get(word) ?? UNKNOWN_WORD_IDF;
}
