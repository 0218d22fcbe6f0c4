/** The shape of what a report says about itself: title, region, occasion and the years it covers. */

export type { DocumentKind, DocumentYears, RegionLevel, YearSpan } from '../schema.js';
import type { DocumentKind, DocumentYears, RegionLevel } from '../schema.js';

export interface DocumentMeta {
  /** The report's own title as written, e.g. "2026年北京市政府工作报告". */
  title: string;
  /**
   * The issuing region, most specific unit last; districts and counties keep their parent city
   * ("宁波市江北区") because the bare name is ambiguous (Chongqing has a 江北区 too). Provinces are
   * given by their full name ("广西壮族自治区") even when the report uses the short form.
   */
  region: string | null;
  /** Municipalities such as 北京市 are provincial-level, so 'province'. */
  regionLevel: RegionLevel | null;
  /** The issuing body or speaker line as written ("省人民政府省长 王清宪", "宁波市江北区人民政府"). */
  issuer: string | null;
  /** ISO date to the precision the document gives: "2026-01-25", "2023-11" or "2026". */
  date: string | null;
  kind: DocumentKind;
  years: DocumentYears;
}

export interface DescribeDocumentInput {
  /** The report as plain text (one paragraph a line) or Markdown. */
  text: string;
  /** Where it was read from; its file name is the title of last resort. */
  sourcePath: string;
  /** A title known from elsewhere (file metadata); the text's own title is used when absent. */
  title?: string;
}
