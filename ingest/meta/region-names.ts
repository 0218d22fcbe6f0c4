/**
 * Administrative place names read from the text itself, without a gazetteer below the provinces:
 * a chain such as "浙江省宁波市江北区" is a province from the table followed by units that end in
 * 市/区/县/旗/自治州/地区/盟…, found only where a name can start (line start, after a year, 在,
 * 关于, 代表 or punctuation) so that running text does not yield "解北京".
 */
import { isCjk } from '../text/normalize.js';
import { findProvinceByChinese, matchProvinceAt } from './province-lookup.js';
import type { ProvinceEntry } from './regions.js';
import type { RegionLevel } from './types.js';

export interface RegionUnit {
  /** The unit as written with its suffix: "宁波市", "江北区", "广西壮族自治区". */
  text: string;
  /** The provincial entry when the unit is a provincial-level name. */
  province: ProvinceEntry | null;
  suffix: string;
}

export interface RegionMatch {
  units: RegionUnit[];
  index: number;
}

/** Suffixes longest first, each with the name lengths it allows. */
const SUFFIXES: ReadonlyArray<{ suffix: string; min: number; max: number }> = [
  { suffix: '自治州', min: 2, max: 10 },
  { suffix: '自治县', min: 2, max: 10 },
  { suffix: '自治旗', min: 2, max: 10 },
  { suffix: '地区', min: 2, max: 4 },
  { suffix: '林区', min: 2, max: 3 },
  { suffix: '市', min: 2, max: 4 },
  { suffix: '区', min: 2, max: 4 },
  { suffix: '县', min: 1, max: 4 },
  { suffix: '旗', min: 2, max: 6 },
  { suffix: '盟', min: 2, max: 4 },
];

/** Words no place name contains: what precedes a suffix in "人民政府省长", "中心城区", "开发区". */
const NOT_IN_NAME_RE = /政府|人民|代表|会议|工作|报告|经济|发展|统计|规划|纲要|委员|国民|社会|自治|地区|开发|示范|试验|保税|功能|核心|先行|实验|合作|产业|工业|城市|国家|全国/;
/** Last characters that make a 区 a zone, not a district: 园区, 景区, 社区, 街区, 校区, 厂区. */
const NOT_NAME_END_RE = /[园景社街校厂场站]$/;
/** Characters no place name starts with: "全区", "我市", "本县", "该县", "在宁波市" … */
const NOT_NAME_START_RE = /^(?:[全本我各该此其今去明每两在对关于和及与年第届次等省区县州]|中心城|主城|老城)/;
/** Where a place name may begin inside a run of Chinese text. */
const BOUNDARY_BEFORE_RE = /(?:在|关于|代表|和|及|与|、|对|于)$/;
/** A date just before: "2026年北京市", "二〇二六年一月十日在…", "2023年度海曙区". */
const AFTER_DATE_RE = /[\d〇○零一二三四五六七八九十][年月日号]度?$/;
/** What may follow a bare short province name for it to count ("广西政府工作报告", "广西“十五五”"). */
const AFTER_SHORT_NAME_RE = /^(?:政府|人民|国民|统计|经济|第|十|年|“|\d|[^\u3400-\u9fff])/;
const MAX_UNITS = 4;
const DATE_UNIT_RE = /[年月日号]/;

function isBoundary(text: string, index: number): boolean {
  if (index === 0) return true;
  // "2024年1月15日在宁波市": the date's own 年/月/日 are not the start of a name, what follows is.
  if (!isCjk(text[index - 1]!)) return !DATE_UNIT_RE.test(text[index]!);
  const before = text.slice(Math.max(0, index - 3), index);
  return BOUNDARY_BEFORE_RE.test(before) || AFTER_DATE_RE.test(before);
}

function parseProvinceAt(text: string, index: number): RegionUnit | null {
  const name = matchProvinceAt(text, index);
  if (!name) return null;
  const entry = findProvinceByChinese(name)!;
  if (name === entry.short) {
    const rest = text.slice(index + name.length);
    if (rest && !AFTER_SHORT_NAME_RE.test(rest) && !parseUnitAt(text, index + name.length)) return null;
    // "海南藏族自治州", "吉林市": the short name begins a longer place name, not a province.
    const whole = parseUnitAt(text, index);
    if (whole && (whole.suffix.startsWith('自治') || whole.text.length === name.length + whole.suffix.length)) return null;
  }
  return { text: name, province: entry, suffix: name === entry.short ? '' : name.slice(entry.short.length) };
}

/**
 * The shortest name-plus-suffix at `index`, so that "宁波市江北区" splits after 市. A name may start
 * with 市 only below a city (青岛市市北区); elsewhere "市长", "市委" are not places.
 */
function parseUnitAt(text: string, index: number, belowCity = false): RegionUnit | null {
  if (!belowCity && text[index] === '市') return null;
  for (let len = 1; len <= 10 && index + len < text.length; len++) {
    const name = text.slice(index, index + len);
    if (!isCjk(name[len - 1]!)) return null;
    for (const { suffix, min, max } of SUFFIXES) {
      if (len < min || len > max || !text.startsWith(suffix, index + len)) continue;
      if (NOT_IN_NAME_RE.test(name) || NOT_NAME_START_RE.test(name) || NOT_NAME_END_RE.test(name)) return null;
      // "人均地区生产总值": 地区 there is the statistic, not a prefecture.
      if (suffix === '地区' && text.startsWith('生产', index + len + suffix.length)) return null;
      return { text: name + suffix, province: null, suffix };
    }
  }
  return null;
}

function parseChainAt(text: string, index: number): RegionUnit[] {
  const units: RegionUnit[] = [];
  let pos = index;
  const province = parseProvinceAt(text, pos);
  if (province) {
    units.push(province);
    pos += province.text.length;
  }
  while (units.length < MAX_UNITS) {
    const unit = parseUnitAt(text, pos, units[units.length - 1]?.suffix === '市');
    if (!unit) break;
    units.push(unit);
    pos += unit.text.length;
  }
  return units;
}

/**
 * Every place-name chain in `text`, in order.
 * @example findRegionMatches('宁波市江北区人民政府')[0].units.map((u) => u.text) // -> ['宁波市', '江北区']
 */
export function findRegionMatches(text: string): RegionMatch[] {
  const matches: RegionMatch[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!isBoundary(text, i)) continue;
    const units = parseChainAt(text, i);
    if (units.length === 0) continue;
    matches.push({ units, index: i });
    i += units.reduce((n, u) => n + u.text.length, 0) - 1;
  }
  return matches;
}

/**
 * The region string and level of a chain. A province before a city is dropped (the city names
 * the place well enough), a municipality is kept because it is the parent city of its districts.
 * @example describeRegion(findRegionMatches('浙江省宁波市江北区')[0].units) // -> { region: '宁波市江北区', level: 'district' }
 */
export function describeRegion(units: readonly RegionUnit[]): { region: string; level: RegionLevel } {
  const head = units[0]!;
  const rest = units.slice(1);
  const keepHead = !head.province || head.province.type === 'municipality' || rest.length === 0;
  const kept = keepHead ? [...units] : rest;
  const region = kept.map((u) => u.province?.name ?? u.text).join('');
  return { region, level: levelOf(units) };
}

function levelOf(units: readonly RegionUnit[]): RegionLevel {
  const last = units[units.length - 1]!;
  if (last.province) return 'province';
  if (last.suffix === '林区') return 'county';
  if (/区$/.test(last.suffix) && last.suffix !== '地区') return 'district';
  if (/[县旗]$/.test(last.suffix)) return 'county';
  if (last.suffix === '市' && units.length > 1) {
    // A 市 under a city-level unit is a county-level city (慈溪市 under 宁波市).
    if (!units[units.length - 2]!.province) return 'county';
  }
  return 'city';
}

/** The unit a chain ends with, as the key to compare two mentions of one place. */
export function lastUnitText(units: readonly RegionUnit[]): string {
  const last = units[units.length - 1]!;
  return last.province?.name ?? last.text;
}
