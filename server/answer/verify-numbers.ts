/**
 * The trust rule: every number in an answer must appear in one of its cited quotes, verbatim or as
 * the same quantity written another way (860.3亿元 = 86.03 billion yuan, 1.2万亿 = 12000亿, 八年 = 8 years).
 */
import { parseChineseNumber } from '../../ingest/text/chinese-numbers.js';
import { escapeRegExp, normalizeForMatch } from '../../ingest/text/normalize.js';

/**
 * The numbers of `answer` that no quote holds (empty when the answer can be trusted): each digit
 * run must appear verbatim or as a quantity of equal value, and each number written in words
 * (八年, "eight consecutive years") as a quantity of equal value.
 *
 * @example
 * unsupportedNumbers('GDP reached 86.03 billion yuan [1]', ['总量达到 860.3 亿元']) // []
 * unsupportedNumbers('连续九年 [1]', ['连续八年进入全市前三'])                    // ['九年']
 */
export function unsupportedNumbers(answer: string, quotes: string[]): string[] {
  const haystack = quotes.map(normalizeForMatch).join('\n');
  const held = heldQuantities(quantitiesIn(quotes.join('\n')));
  const missing: string[] = [];
  for (const q of quantitiesIn(withoutMarkers(answer))) {
    if (held(q)) continue;
    if (q.written === 'words') {
      if (!haystack.includes(normalizeForMatch(q.raw))) missing.push(q.raw);
    } else if (q.magnitude || q.percent || q.unit) {
      // 493.4万元 is not the quote's 493.4 亿元: a number with a magnitude or unit must keep the quote's.
      missing.push(q.raw);
    } else {
      missing.push(...(q.raw.match(/\d+(?:\.\d+)*/g) ?? []).filter((n) => !containsNumber(haystack, n)));
    }
  }
  return missing;
}

/**
 * Whether the quotes hold a quantity: the same value, and the same unit when both name one
 * (2万美元 is not 2万元; 860.3亿元 matches a quote's bare 860.3 亿).
 */
function heldQuantities(quoted: Quantity[]): (q: Quantity) => boolean {
  const values = new Set(quoted.map(valueKey));
  const withUnit = new Set(quoted.map((q) => `${valueKey(q)}|${q.unit}`));
  return (q) => (q.unit ? withUnit.has(`${valueKey(q)}|${q.unit}`) || withUnit.has(`${valueKey(q)}|`) : values.has(valueKey(q)));
}

/** The text without citation markers [n] and source lines ("> — 一、… › 1.…"). */
function withoutMarkers(text: string): string {
  return text.replace(/^> — .*$/gm, ' ').replace(/\[\d+\]/g, ' ');
}

/** "3.39" is in "3.39%" but "3" is not in "13" or "3.39": the match must not extend a longer number. */
function containsNumber(haystack: string, number: string): boolean {
  return new RegExp(`(?<![\\d.])${escapeRegExp(number)}(?![\\d]|\\.\\d)`).test(haystack);
}

/** A quantity as written: its value after magnitude words, and whether it is a share. */
interface Quantity {
  raw: string;
  value: number;
  percent: boolean;
  /** Whether a magnitude word (万, 亿, billion…) scaled the number. */
  magnitude: boolean;
  /** The unit written after it, in its Chinese form (元, 美元, 人, 公里…), or ''. */
  unit: string;
  written: 'digits' | 'words';
}

const MAGNITUDES: Record<string, number> = {
  万亿: 1e12,
  亿: 1e8,
  万: 1e4,
  千: 1e3,
  trillion: 1e12,
  billion: 1e9,
  million: 1e6,
  thousand: 1e3,
};

/** Units as Chinese reports write them, and the English words for the same units. */
const UNITS: Record<string, string> = {
  美元: '美元', 元: '元', 人次: '人次', 人: '人', 户: '户', 家: '家', 公里: '公里', 千米: '公里', 平方公里: '平方公里', 平方米: '平方米',
  亩: '亩', 公顷: '公顷', 吨: '吨', 千瓦时: '千瓦时', 千瓦: '千瓦', 辆: '辆', 岁: '岁', 年: '年', 天: '天', 倍: '倍',
  yuan: '元', rmb: '元', 'us dollars': '美元', dollars: '美元', usd: '美元', people: '人', persons: '人', households: '户',
  enterprises: '家', companies: '家', firms: '家', km: '公里', kilometres: '公里', kilometers: '公里', 'square kilometres': '平方公里',
  'square kilometers': '平方公里', 'square metres': '平方米', 'square meters': '平方米', mu: '亩', hectares: '公顷', tonnes: '吨', tons: '吨',
  kwh: '千瓦时', kilowatts: '千瓦', vehicles: '辆', years: '年', days: '天', times: '倍',
};
const UNIT_WORDS = Object.keys(UNITS).sort((a, b) => b.length - a.length).map((u) => u.replace(/ /g, '\\s+')).join('|');

const DIGIT_QUANTITY = new RegExp(
  `(\\d+(?:,\\d{3})*(?:\\.\\d+)?)\\s*(万亿|亿|万|千|trillion|billion|million|thousand)?\\s*(%|％|percent|per cent|个百分点|percentage points?)?\\s*(${UNIT_WORDS})?(?![a-z])`,
  'gi',
);

/** Counters after which a Chinese numeral is a count (八年, 三个, 两项), not part of a word (一般, 统一). */
const COUNTED = /([零〇一二两三四五六七八九十百千万亿]+)([年个项家所座条倍位名人次届批类大成轮期])/g;

const ENGLISH_NUMBERS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100,
};
/** English number words that count something checkable ("eight consecutive years", "three times"). */
const ENGLISH_COUNTED = new RegExp(`\\b(${Object.keys(ENGLISH_NUMBERS).join('|')})\\s+(?=(?:consecutive|straight|years?|times|percent|per cent|billion|million)\\b)`, 'gi');

function quantitiesIn(text: string): Quantity[] {
  const found: Quantity[] = [];
  for (const m of text.matchAll(DIGIT_QUANTITY)) {
    const number = Number(m[1]!.replace(/,/g, ''));
    const magnitude = (m[2] ?? '').toLowerCase();
    const unit = UNITS[(m[4] ?? '').toLowerCase().replace(/\s+/g, ' ')] ?? '';
    found.push({ raw: m[0].trim(), value: number * (MAGNITUDES[magnitude] ?? 1), percent: m[3] !== undefined, magnitude: magnitude !== '', unit, written: 'digits' });
  }
  for (const m of text.matchAll(COUNTED)) {
    const value = parseChineseNumber(m[1]!);
    // 一 is left out: 一个/一项 is as often an article as a count.
    if (value !== null && value >= 2) found.push({ raw: m[0], value, percent: false, magnitude: false, unit: UNITS[m[2]!] ?? '', written: 'words' });
  }
  for (const m of text.matchAll(ENGLISH_COUNTED)) {
    found.push({ raw: m[1]!, value: ENGLISH_NUMBERS[m[1]!.toLowerCase()]!, percent: false, magnitude: false, unit: '', written: 'words' });
  }
  return found;
}

/** Equal values with the same share-ness compare equal; rounding hides float noise (0.1 × 1e8). */
function valueKey(q: Quantity): string {
  return `${q.percent ? '%' : ''}${Number(q.value.toPrecision(12))}`;
}
