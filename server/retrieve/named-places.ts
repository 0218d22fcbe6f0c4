/**
 * Places below the city that a question names ("上城区", "慈城镇", "Shangcheng District"), other
 * than the report's own subject, and places the corpus never names at all ("北仑区"): an answer
 * about them must come from a sentence that names them, or a figure of the report's own district
 * would be passed off as theirs.
 */
import { normalizeForMatch } from '../../ingest/text/normalize.js';
import { tagWords } from '../../ingest/text/tokenize.js';
import { corpusMentions, type KnowledgeBase } from './knowledge-base.js';
import type { KeyTerm } from './types.js';

const CHINESE_PLACE_RE = /[\u4e00-\u9fff]{2,4}?(?:区|县|镇|街道|乡)/g;
/** Kinds of area, not places: 片区, 社区, 园区, 开发区, 示范区 … */
const GENERIC_AREA_RE = /(?:片|社|园|景|辖|街|小|校|新|厂|矿|中心城|主城|老城|示范|开发|功能|核心|启动|集聚|试验|保护|风景|产业|工业|经济|高新|自贸|综合|先行|旅游|服务|地)区$|^城区$/;
const ADMINISTRATIVE_SUFFIX_RE = /(?:地区|自治州|自治县|新区|省|市|区|县|州|盟|旗|镇|乡)$/;
/** jieba's tags for proper names: places, people, other proper nouns. */
const PROPER_NAME_TAGS = new Set(['ns', 'nr', 'nz']);
const ENGLISH_PLACE_RE = /\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)\s+(?:District|County|Town|Township|Subdistrict|Street|Village)\b/g;

/** The Chinese forms of each place the question names, as the corpus writes them. */
export function namedPlaces(kb: KnowledgeBase, question: string, keyTerms: KeyTerm[]): string[][] {
  const places: string[][] = [];
  for (const match of question.matchAll(CHINESE_PLACE_RE)) {
    // The longest name ending here that the corpus knows ("杭州上城区"), unless it is a kind of area.
    const end = match.index + match[0].length;
    for (let start = match.index; start <= end - 3; start++) {
      const name = question.slice(start, end);
      if (/[哪几什么这那该本全各年]/.test(name) || !corpusMentions(kb, name)) continue;
      if (!GENERIC_AREA_RE.test(name)) places.push([name]);
      break;
    }
  }
  // A place jieba knows by name ("北仑区", "余姚市") whose name the corpus never writes, even without
  // its suffix: no document is about it, so nothing answers for it. jieba tags some district names
  // as personal names ("海曙区" nr); no person's name ends in an administrative suffix.
  for (const { word, tag } of tagWords(question)) {
    const stem = word.replace(ADMINISTRATIVE_SUFFIX_RE, '');
    if (PROPER_NAME_TAGS.has(tag) && stem !== word && !GENERIC_AREA_RE.test(word) && [...stem].length >= 2 && !corpusMentions(kb, stem) && !places.some((p) => p.includes(word))) places.push([word]);
  }
  for (const match of question.matchAll(ENGLISH_PLACE_RE)) {
    const term = keyTerms.find((t) => t.source.toLowerCase() === match[1]!.toLowerCase());
    if (term && !term.guessed) places.push(term.alternatives);
  }
  return places.filter((forms) => !forms.some((f) => kb.titleText.includes(normalizeForMatch(f))));
}
