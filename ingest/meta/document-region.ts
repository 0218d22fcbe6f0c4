/**
 * The region that issues a report: the title first, then the occasion line ("在浙江省第十四届人民
 * 代表大会…"), then the issuer line, then the opening paragraphs ("我代表北京市人民政府", the most
 * named place). A bare district in the title takes its parent city from a line that gives it
 * ("江北区…报告" + "宁波市江北区人民政府" -> "宁波市江北区").
 */
import type { ReportHeader } from './header.js';
import { PROVINCES } from './regions.js';
import { describeRegion, findRegionMatches, lastUnitText, type RegionUnit } from './region-names.js';
import type { TextLine } from './text-lines.js';
import type { RegionLevel } from './types.js';

export interface RegionChoice {
  region: string | null;
  level: RegionLevel | null;
}

const OPENING_LINES = 30;
const REPRESENT_RE = /我代表([^，。、；\s]{1,20}?)(?:人民)?政府/g;
/** A mention in "我代表…人民政府" is the speaker naming the issuer: worth several ordinary mentions. */
const REPRESENT_WEIGHT = 5;

/**
 * The issuing region of a report.
 * @example chooseRegion({ title: '江北区“十四五”规划《纲要》 中期评估报告', issuer: '宁波市江北区人民政府', … }, lines)
 * // -> { region: '宁波市江北区', level: 'district' }
 */
export function chooseRegion(header: ReportHeader, lines: readonly TextLine[]): RegionChoice {
  const opening = lines.slice(header.bodyStart, header.bodyStart + OPENING_LINES).map((l) => l.text);
  const representing = opening.flatMap((text) => [...text.matchAll(REPRESENT_RE)].map((m) => m[1]!));
  const headerChains = [header.title, header.occasion, header.issuer].map((text) => (text ? chainsIn(text) : []));
  const primary = headerChains.find((chains) => chains.length > 0)?.[0] ?? mostNamed(opening, representing);
  if (!primary) return { region: null, level: null };
  const related = [...headerChains.flat(), ...representing.flatMap(chainsIn)];
  return describeRegion(withParents(primary, related));
}

function chainsIn(text: string): RegionUnit[][] {
  return findRegionMatches(text).map((m) => m.units);
}

/** The longest chain that ends with the same unit as `primary`. */
function withParents(primary: RegionUnit[], related: readonly RegionUnit[][]): RegionUnit[] {
  const key = lastUnitText(primary);
  let best = primary;
  for (const chain of related) {
    if (chain.length > best.length && lastUnitText(chain) === key) best = chain;
  }
  return best;
}

/**
 * The place the opening paragraphs name most, the speaker's "我代表…政府" counting most. A
 * province named by its full name at a boundary counts twice, which is harmless: it is named.
 */
function mostNamed(opening: readonly string[], representing: readonly string[]): RegionUnit[] | null {
  const scores = new Map<string, { chain: RegionUnit[]; score: number }>();
  const add = (chain: RegionUnit[], weight: number) => {
    const key = describeRegion(chain).region;
    const entry = scores.get(key) ?? { chain, score: 0 };
    entry.score += weight;
    if (chain.length > entry.chain.length) entry.chain = chain;
    scores.set(key, entry);
  };
  for (const text of opening) for (const chain of chainsIn(text)) add(chain, 1);
  // Provincial names are a closed list, so they count wherever they stand ("习近平总书记考察云南").
  for (const province of PROVINCES) {
    const count = opening.reduce((n, text) => n + text.split(province.short).length - 1, 0);
    if (count > 0) add([{ text: province.name, province, suffix: province.name.slice(province.short.length) }], count);
  }
  for (const text of representing) for (const chain of chainsIn(text)) add(chain, REPRESENT_WEIGHT);
  const ranked = [...scores.values()].sort((a, b) => b.score - a.score || b.chain.length - a.chain.length);
  return ranked[0]?.chain ?? null;
}
