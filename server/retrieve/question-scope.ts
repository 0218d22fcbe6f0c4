/**
 * Which documents of a library a question is about: the regions it names (in Chinese, in English,
 * or as "咱们区"), the kind of document ("工作报告", "规划纲要") and the year of a report ("去年的工作
 * 报告"). Names that choose documents are taken out of the text that analysis reads, since within
 * those documents they say nothing: every passage of the Zhejiang report is about Zhejiang.
 */
import { findProvinceByChinese, findProvincesInEnglish, matchProvinceAt } from '../../ingest/meta/province-lookup.js';
import type { Doc, DocumentKind, RegionLevel } from '../../ingest/schema.js';
import { spellingOf } from '../../ingest/text/romanize.js';

export interface RegionGroup {
  /** The region as the question writes it. */
  mention: string;
  docIds: string[];
}

export interface QuestionScope {
  /** The question without the names that chose documents: what analysis reads. */
  text: string;
  /** Each region the question names that documents cover, in the question's order. */
  regions: RegionGroup[];
  /** Documents of the kind and year the question names, or null when it names neither. */
  kindAndYear: string[] | null;
  /** Provinces the question names that no document covers, where none could lie within them. */
  uncovered: string[];
}

interface RegionForms {
  docId: string;
  level: RegionLevel | null;
  /** Chinese names, longest first ("宁波市江北区", "江北区", "江北"). */
  zh: string[];
  /** Lower-case pinyin of the last unit's name ("jiangbei"), for English questions. */
  roman: string | null;
  /** The province's entry name when the document is a province's. */
  province: string | null;
}

const UNIT_RE = /[^省市区县州盟旗]+(?:省|自治区|特别行政区|市|区|县|自治州|州|盟|旗)/g;
const UNIT_SUFFIX_RE = /(?:省|自治区|特别行政区|市|区|县|自治州|州|盟|旗)$/;
/** "咱们区", "我市", "本省": the library's own place of that level. */
const DEICTIC_RE = /(?:咱们|我们|我|本)(区|县|市|省)(?![委政])/;
const DEICTIC_LEVEL: Record<string, RegionLevel> = { 区: 'district', 县: 'county', 市: 'city', 省: 'province' };

const KIND_WORDS: Array<{ kind: DocumentKind; re: RegExp }> = [
  { kind: 'midterm-review', re: /中期评估|mid-?term (?:review|evaluation|assessment)/i },
  { kind: 'plan-outline', re: /规划纲要|五年规划《?纲要|(?:five-year )?plan outline/i },
  { kind: 'statistical-bulletin', re: /统计公报|statistical (?:bulletin|communiqu[eé])/i },
  { kind: 'gov-work-report', re: /政府工作报告|工作报告|(?:government )?work report/i },
];

/** "去年的工作报告", "2025年政府工作报告", "last year's work report", "the 2025 work report". */
const REPORT_YEAR_RE = /(今年|去年|前年|(?:19|20)\d\d\s*年)(?:的|度)?(?:政府)?工作报告|(this year|last year|(?:19|20)\d\d)(?:'s)? (?:government )?work report/i;
const RELATIVE_YEAR: Record<string, number> = { 今年: 0, 去年: -1, 前年: -2, 'this year': 0, 'last year': -1 };

const formsCache = new WeakMap<readonly Doc[], RegionForms[]>();

/** The names each document's region goes by. */
function regionForms(docs: readonly Doc[]): RegionForms[] {
  const cached = formsCache.get(docs);
  if (cached) return cached;
  const forms = docs.map((doc): RegionForms => {
    const region = doc.region ?? '';
    const units = region.match(UNIT_RE) ?? (region ? [region] : []);
    const last = units.at(-1) ?? '';
    const province = findProvinceByChinese(region) ?? findProvinceByChinese(units[0] ?? '');
    const stem = last.replace(UNIT_SUFFIX_RE, '');
    const zh = [region, last, ...(stem.length >= 2 ? [stem] : []), ...(province && units.length <= 1 ? [province.name, province.short] : [])];
    return {
      docId: doc.id,
      level: doc.regionLevel,
      zh: [...new Set(zh.filter((z) => z.length >= 2))].sort((a, b) => b.length - a.length),
      roman: (province && units.length <= 1) || stem.length < 2 ? null : spellingOf(stem),
      province: province && units.length <= 1 ? province.name : null,
    };
  });
  formsCache.set(docs, forms);
  return forms;
}

/** Where a name was taken out: conjunctions next to it go with it ("浙江和江苏" → ""), others stay. */
const HOLE = '\uE000';
const CONJUNCTION = '(?:和|与|及|以及|、|and|&|,|，)';
const HOLE_RE = new RegExp(`(?:\\s*${CONJUNCTION}(?=\\s*${HOLE}))?\\s*${HOLE}(?:\\s*${CONJUNCTION}(?=\\s*${HOLE}))?`, 'g');

/**
 * The question with its names' holes closed: "Compare Zhejiang and Jiangsu GDP" → "Compare GDP",
 * but "How many jobs did Qinghai add in 2025, and what is the 2026 goal?" keeps its ", and".
 */
function withoutHoles(text: string): string {
  return text.replace(HOLE_RE, ' ').replace(/\s{2,}/g, ' ').trim();
}

/** Reads the scope of `question` in a library of `docs`. */
export function scopeOfQuestion(docs: readonly Doc[], question: string): QuestionScope {
  const forms = regionForms(docs);
  const found: Array<{ mention: string; index: number; docIds: string[] }> = [];
  const uncovered: string[] = [];
  let text = question;
  const take = (mention: string, index: number, docIds: string[]) => {
    found.push({ mention, index, docIds });
    text = text.replace(mention, HOLE);
  };

  // Chinese names, longest first, so that "宁波市江北区" is taken before "江北".
  const names = forms.flatMap((f) => f.zh.map((zh) => ({ zh, docId: f.docId }))).sort((a, b) => b.zh.length - a.zh.length);
  for (const { zh } of names) {
    const index = text.indexOf(zh);
    if (index < 0) continue;
    take(zh, index, forms.filter((f) => f.zh.includes(zh)).map((f) => f.docId));
  }
  for (const mention of findProvincesInEnglish(text)) {
    const docIds = forms.filter((f) => f.province === mention.entry.name).map((f) => f.docId);
    if (docIds.length) take(mention.text, mention.index, docIds);
    else uncovered.push(mention.text);
  }
  for (const f of forms) {
    if (!f.roman) continue;
    const match = new RegExp(`\\b${f.roman}\\b`, 'i').exec(text);
    if (match) take(match[0], match.index, forms.filter((o) => o.roman === f.roman).map((o) => o.docId));
  }
  const deictic = DEICTIC_RE.exec(text);
  if (deictic) {
    const docIds = forms.filter((f) => f.level === DEICTIC_LEVEL[deictic[1]!]).map((f) => f.docId);
    if (docIds.length) found.push({ mention: deictic[0], index: deictic.index, docIds });
  }
  // A province named in Chinese that no document is about.
  for (let i = 0; i < text.length; i++) {
    const name = matchProvinceAt(text, i);
    const entry = name ? findProvinceByChinese(name) : null;
    if (!name || !entry) continue;
    if (!forms.some((f) => f.province === entry.name)) uncovered.push(name);
    i += name.length - 1;
  }
  // A district's report may speak of its province, and a question naming a covered region may name
  // others in passing: only a library of provinces, asked of no region it covers, rules a province out.
  const onlyProvinces = forms.every((f) => f.level === 'province') && found.length === 0;

  const regions = mergeGroups(found.sort((a, b) => a.index - b.index));
  return { text: withoutHoles(text) || question, regions, kindAndYear: kindAndYearDocs(docs, question), uncovered: onlyProvinces ? [...new Set(uncovered)] : [] };
}

/** One group per distinct set of documents, in order of first mention. */
function mergeGroups(found: Array<{ mention: string; docIds: string[] }>): RegionGroup[] {
  const groups: RegionGroup[] = [];
  for (const f of found) {
    const key = [...f.docIds].sort().join('|');
    if (!groups.some((g) => [...g.docIds].sort().join('|') === key)) groups.push({ mention: f.mention, docIds: f.docIds });
  }
  return groups;
}

/** The documents of the kind (and the report year) the question names; null when it names no kind the library holds. */
function kindAndYearDocs(docs: readonly Doc[], question: string): string[] | null {
  const kind = KIND_WORDS.find((k) => k.re.test(question) && docs.some((d) => d.kind === k.kind))?.kind;
  let chosen = kind ? docs.filter((d) => d.kind === kind) : null;
  const year = REPORT_YEAR_RE.exec(question);
  if (year) {
    const latest = Math.max(...docs.map((d) => d.years.current ?? 0));
    const word = (year[1] ?? year[2] ?? '').toLowerCase();
    const wanted = word in RELATIVE_YEAR ? latest + RELATIVE_YEAR[word]! : Number(word.replace(/\D/g, ''));
    const ofYear = (chosen ?? docs).filter((d) => d.years.current === wanted);
    if (ofYear.length) chosen = ofYear;
  }
  return chosen ? chosen.map((d) => d.id) : null;
}
