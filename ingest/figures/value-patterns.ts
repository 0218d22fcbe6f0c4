/**
 * Recognizes the values in a sentence: quantities with their units, percentages, ranks, ratios and
 * counts, as Chinese statistical writing expresses them. Years and dates are not figures.
 */
import type { FigureKind } from '../schema.js';
import { parseChineseNumber } from '../text/chinese-numbers.js';
import { escapeRegExp } from '../text/normalize.js';

export interface ValueMatch {
  /** Offsets in the sentence of the whole match, unit and 约/余 included. */
  start: number;
  end: number;
  value: string;
  unit: string;
  kind: FigureKind;
  number: number | null;
  /** Approximation words attached to the number: 约, 近, 超, 余, 多, 以上, 左右 … */
  approx: string | null;
}

/** Units, longest first so that 万平方米 wins over 平方米 and 亿美元 over 亿元. */
const QUANTITY_UNITS = [
  '吨标准煤/万元', '吨标煤/万元', '万亿元', '亿美元', '万美元', '亿元', '万元', '美元', '元/平方米', '元',
  '万千瓦时', '亿千瓦时', '千瓦时', '万千瓦', '千瓦', '兆瓦', '万吨', '吨标准煤', '吨标煤', '吨',
  '万平方米', '平方米', '平方公里', '平方千米', '万亩', '亩', '公顷', '公里', '千米', '米',
  '微克/立方米', '毫克/立方米', '万立方米', '立方米', '小时', '分钟', '个月',
  '公斤', '千克', '斤', '标准箱', '标箱', '度', 'EFLOPS', 'Eflops', 'EFlops', 'PFLOPS', 'Pflops', 'PFlops',
];
const COUNT_UNITS = [
  '万人次', '人次', '万人', '人', '万户', '户', '万家', '家', '万个', '个', '项', '幢', '栋', '座', '所', '张',
  '条', '套', '间', '支', '批', '岁', '万剂次', '剂次', '剂', '辆', '艘', '台', '件', '起', '场', '次', '倍',
  '处', '名', '部', '款', '本', '篇', '册', '届', '年', '天', '周', '亿', '万',
  '列', '颗', '架', '头', '只', '棵', '株', '宗', '例', '笔',
];
const PERCENT_UNITS = ['个百分点', '%', '％', '‰'];
/** A unit of money (亿元, 万美元): an amount, not a physical quantity. */
export const MONEY_UNIT_RE = /元/;

/** 1.1亿千瓦, 3万公里, 1.6万场: any unit may take 万 or 亿 before it. */
const withMagnitudes = (units: string[]) => [
  ...new Set(units.flatMap((u) => (/^[万亿]/.test(u) || u.length === 0 || u === '万' || u === '亿' ? [u] : [u, `万${u}`, `亿${u}`]))),
];
const QUANTITY_FORMS = withMagnitudes(QUANTITY_UNITS);
const COUNT_FORMS = withMagnitudes(COUNT_UNITS.filter((u) => !['岁', '年', '天', '周', '届', '倍'].includes(u)));

/** Units as a regex alternation, longest first. */
const alternationOf = (units: string[]) => [...units].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
const unitAlternation = alternationOf([...PERCENT_UNITS, ...QUANTITY_FORMS, ...COUNT_FORMS, ...COUNT_UNITS]);
/** A range ends in a unit of measure, never a year: "2021—2025年" is a period, not a range. */
const rangeUnitAlternation = alternationOf([...PERCENT_UNITS, ...QUANTITY_FORMS, ...COUNT_FORMS]);

const NUM = '\\d+(?:[.．]\\d+)?';
const CN_DIGITS = '[一二两三四五六七八九十百千]+';

/** One alternation per kind; the first that matches at a position wins. */
const VALUE_RE = new RegExp(
  [
    `(?<ratio>${NUM}(?:\\s*[:：]\\s*${NUM}){1,3})`,
    `(?<fraction>(?:万|千|百)分之\\s*${NUM})`,
    `(?<rankNum>第\\s*${NUM}\\s*(?:位|名))`,
    // "全国第2" is a rank too, unless a counter follows ("全国第2批" is an ordinal); "第19位" stays rankNum's.
    `(?<rankWord>(?:全国|全省|全市|全区|省内|市内|全球|世界)(?:同类[^，。；、\\d]{0,6})?(?:(?:第|前)(?:${CN_DIGITS})(?:位|名)?|第\\s*${NUM}(?!\\s*[\\d.．位名批届轮期个次号家项])|首位))`,
    `(?<streak>连续\\s*(?:${NUM}|${CN_DIGITS})\\s*(?:年|届|次|个月))`,
    // "增长4.5-5%", "5%—5.5%": a target given as a range is one figure, quoted whole.
    `(?<range>${NUM}\\s*(?:${rangeUnitAlternation})?\\s*[-－—–~～]\\s*${NUM}\\s*(?<rangeUnit>${rangeUnitAlternation})(?<rangePost>以上|左右)?)`,
    `(?<ordinal>第\\s*(?:${NUM}|${CN_DIGITS})\\s*(?:批|届|轮|期))`,
    `(?:(?<pre>约|近|超过?|逾)\\s*)?(?<num>${NUM})\\s*(?<post1>余|多)?\\s*(?<unit>${unitAlternation})?(?<post2>以上|左右|余|多)?`,
  ].join('|'),
  'gu',
);

const toNumber = (s: string): number => Number.parseFloat(s.replace('．', '.'));
/** Arabic or Chinese numerals: "6" and "六" alike. */
const toNumeral = (s: string): number | null => (/\d/.test(s) ? toNumber(s) : parseChineseNumber(s));
const compact = (s: string) => s.replace(/\s+/g, '');

/** Finds every value in `sentence`, in order. */
export function matchValues(sentence: string): ValueMatch[] {
  const matches: ValueMatch[] = [];
  VALUE_RE.lastIndex = 0;
  for (let m = VALUE_RE.exec(sentence); m; m = VALUE_RE.exec(sentence)) {
    const g = m.groups!;
    const start = m.index;
    const end = m.index + m[0].trimEnd().length;
    const match = toValueMatch(g, sentence, start, end);
    if (match) matches.push(match);
    if (m[0].length === 0) VALUE_RE.lastIndex++;
  }
  return matches;
}

function toValueMatch(g: Record<string, string | undefined>, sentence: string, start: number, end: number): ValueMatch | null {
  if (g.ratio) return { start, end, value: compact(g.ratio), unit: '', kind: 'ratio', number: null, approx: null };
  if (g.fraction) {
    const value = compact(g.fraction);
    return { start, end, value, unit: '', kind: 'percent', number: toNumber(value.replace(/^.分之/, '')), approx: null };
  }
  if (g.rankNum) {
    const value = compact(g.rankNum);
    return { start, end, value, unit: '', kind: 'rank', number: toNumber(value.slice(1)), approx: null };
  }
  if (g.rankWord) {
    const value = compact(g.rankWord);
    const digits = /[第前]([一二两三四五六七八九十百千]+)/.exec(value)?.[1];
    return { start, end, value, unit: '', kind: 'rank', number: digits ? parseChineseNumber(digits) : 1, approx: null };
  }
  if (g.range) return toRange(g, start, end);
  if (g.ordinal) {
    // "省第六批非遗代表性项目": which batch, round or session — an ordinal like a rank.
    const value = compact(g.ordinal);
    return { start, end, value, unit: '', kind: 'rank', number: toNumeral(value.slice(1, -1)), approx: null };
  }
  if (g.streak) {
    const value = compact(g.streak);
    const inner = /连续(.+?)(年|届|次|个月)$/.exec(value)!;
    return { start, end, value: inner[1]!, unit: inner[2]!, kind: 'count', number: toNumeral(inner[1]!), approx: '连续' };
  }
  return toPlainNumber(g, sentence, start, end);
}

function toRange(g: Record<string, string | undefined>, start: number, end: number): ValueMatch {
  const unit = g.rangeUnit!;
  const value = compact(g.range!).replace(/．/g, '.').replace(/(?:以上|左右)$/, '');
  const kind: FigureKind = PERCENT_UNITS.includes(unit) ? 'percent' : COUNT_FORMS.includes(unit) ? 'count' : 'quantity';
  // The low end stands for the range where a number is compared; the value quotes both ends.
  return { start, end, value, unit, kind, number: toNumber(value), approx: g.rangePost ?? null };
}

function toPlainNumber(g: Record<string, string | undefined>, sentence: string, start: number, end: number): ValueMatch | null {
  const num = g.num!;
  const unit = g.unit ?? '';
  if (isDateOrCode(num, unit, sentence, start, end)) return null;
  // "3岁以下婴幼儿", "60 岁以上老人": an age bracket names a group of people, it is not a value.
  if (unit === '岁' && /^\s*(?:以下|以上|及以上)\s*[\u4e00-\u9fff]/.test(sentence.slice(end - (g.post2?.length ?? 0)))) return null;
  if (!unit && !num.includes('.') && !num.includes('．')) return null;
  const kind: FigureKind = PERCENT_UNITS.includes(unit) ? 'percent' : COUNT_FORMS.includes(unit) || COUNT_UNITS.includes(unit) ? 'count' : 'quantity';
  const approx = [g.pre, g.post1, g.post2].filter(Boolean).join('') || null;
  // The value starts at the number: 约/超 are qualifiers, kept in `approx`.
  const valueStart = sentence.indexOf(num, start);
  return { start: valueStart, end, value: num.replace('．', '.'), unit, kind, number: toNumber(num), approx };
}

/** Years (2022 年), months and days, version-like numbers, and codes in quotes ("1586") are not figures. */
function isDateOrCode(num: string, unit: string, sentence: string, start: number, end: number): boolean {
  const after = sentence.slice(end, end + 2);
  if (/^(19|20)\d\d$/.test(num) && (unit === '年' || unit === '' || /^[年-]/.test(after))) return true;
  if (!unit && /^\s*[月日号]/.test(after)) return true;
  if (unit === '年' && /^\s*(月|底|末|初|前|后|以来|起)/.test(after)) return true;
  if (unit === '年' && num.length > 2) return true;
  const before = sentence.slice(Math.max(0, start - 1), start);
  if (/[“"《]/.test(before) && /^[”"》]/.test(sentence.slice(end, end + 1))) return true;
  if (/[A-Za-z]/.test(before)) return true;
  return false;
}
