/**
 * Document metadata from a report's own text: title, issuing region, issuer, date, kind and the
 * years it covers. General rules over the header and headings only, no per-report tables, so that
 * unseen reports (another province's work report, a city's bulletin, a district's outline) work.
 */
import { basename, extname } from 'node:path';
import { classifyDocument } from './document-kind.js';
import { formatIsoDate, readDocumentDate } from './document-date.js';
import { chooseRegion } from './document-region.js';
import { deriveYears } from './document-years.js';
import { readHeader } from './header.js';
import { readTextLines } from './text-lines.js';
import { gatherYearSignals } from './year-signals.js';
import type { DescribeDocumentInput, DocumentMeta } from './types.js';

const REPRESENT_RE = /我代表([^，。、；\s]{0,20}?)((?:人民)?政府)/;
/** "我代表省人民政府" names the body by its level only; the region supplies the name. */
const LEVEL_ONLY_RE = /^(?:省|市|区|县|自治区|自治州|州|旗|盟)?$/;
const ISSUER_LINES = 10;

/**
 * Describes a report from its text.
 * @example describeDocument({ text: '2026年北京市政府工作报告\n——2026年1月25日在北京市第十六届人民代表大会第四次会议上\n北京市市长 殷勇\n…', sourcePath: 'beijing.txt' })
 * // -> { title: '2026年北京市政府工作报告', region: '北京市', regionLevel: 'province', issuer: '北京市市长 殷勇',
 * //      date: '2026-01-25', kind: 'gov-work-report', years: { current: 2026, reviewed: [2021, 2025], planned: [2026, 2030] } }
 */
export function describeDocument(input: DescribeDocumentInput): DocumentMeta {
  const lines = readTextLines(input.text);
  const header = readHeader(lines);
  const title = input.title?.trim() || header.title || basename(input.sourcePath, extname(input.sourcePath));
  const body = lines.slice(header.bodyStart).map((l) => l.text);
  const { region, level } = chooseRegion(header, lines);
  const date = readDocumentDate(header);
  const kind = classifyDocument(title, body);
  return {
    title,
    region,
    regionLevel: level,
    issuer: header.issuer ?? representedBody(body.slice(0, ISSUER_LINES), region),
    date: date ? formatIsoDate(date) : null,
    kind,
    years: deriveYears(kind, gatherYearSignals(title, lines, header.bodyStart, date)),
  };
}

/** The body the speaker represents when no issuer line is given: "我代表上海市人民政府". */
function representedBody(opening: readonly string[], region: string | null): string | null {
  for (const text of opening) {
    const m = REPRESENT_RE.exec(text);
    if (!m) continue;
    const [, name, body] = m;
    if (!LEVEL_ONLY_RE.test(name!)) return name! + body!;
    return region ? region + body! : null;
  }
  return null;
}
