/**
 * The data model shared by the ingester, the index and the server: one place for every type
 * that crosses a module boundary. Schemas are zod so that anything read from disk is checked.
 */
import { z } from 'zod';

/** Bump when the on-disk layout or any persisted shape changes: old indexes are then rebuilt. */
export const SCHEMA_VERSION = 3;

export const SectionKindSchema = z.enum(['preamble', 'numbered', 'part', 'appendix']);
export type SectionKind = z.infer<typeof SectionKindSchema>;

export const SectionSchema = z.object({
  id: z.string(),
  docId: z.string(),
  parentId: z.string().nullable(),
  /** Depth in the outline: 1 = chapter (一、), 2 = （一）, 3 = 1., 4 = （1）, parts sit below their owner. */
  depth: z.number().int().min(0),
  kind: SectionKindSchema,
  /** The numbering token as written, e.g. "一、", "（一）", "1.", or null for parts and the preamble. */
  numbering: z.string().nullable(),
  /** The heading as the report writes it (markup removed), e.g. "（一）总体目标要求落实情况". */
  title: z.string(),
  /** Heading titles from the chapter down to this section. */
  path: z.array(z.string()),
  /** The section's own body text (children excluded), page-break splits repaired. */
  text: z.string(),
  /** Offsets of the section (heading included) in the source file, [start, end). */
  start: z.number().int(),
  end: z.number().int(),
  childIds: z.array(z.string()),
});
export type Section = z.infer<typeof SectionSchema>;

/** The file type a report was read from, told by its content (a PDF named .txt is a PDF). */
export const DocFormatSchema = z.enum(['pdf', 'docx', 'html', 'markdown', 'text']);
export type DocFormat = z.infer<typeof DocFormatSchema>;

export const DocumentKindSchema = z.enum(['gov-work-report', 'plan-outline', 'midterm-review', 'statistical-bulletin', 'other']);
export const RegionLevelSchema = z.enum(['province', 'city', 'district', 'county']);
export type RegionLevel = z.infer<typeof RegionLevelSchema>;
export type DocumentKind = z.infer<typeof DocumentKindSchema>;
/** An inclusive span of calendar years, [first, last]. */
export const YearSpanSchema = z.tuple([z.number().int(), z.number().int()]);
export type YearSpan = z.infer<typeof YearSpanSchema>;
export const DocumentYearsSchema = z.object({
  /** The year the document calls 今年/本年: 去年 and 今年 in a question resolve against it. */
  current: z.number().int().nullable(),
  /** The span it looks back on (a 2026 work report reviewing the 十四五 period: [2021, 2025]). */
  reviewed: YearSpanSchema.nullable(),
  /** The span it plans for (a 2026 work report that also sets the 十五五 targets: [2026, 2030]). */
  planned: YearSpanSchema.nullable(),
});
export type DocumentYears = z.infer<typeof DocumentYearsSchema>;

export const DocSchema = z.object({
  id: z.string(),
  title: z.string(),
  sourcePath: z.string(),
  contentHash: z.string(),
  sectionIds: z.array(z.string()),
  format: DocFormatSchema,
  /** The issuing region as the report names it, most specific last ("北京市", "宁波市江北区"). */
  region: z.string().nullable(),
  regionLevel: RegionLevelSchema.nullable(),
  /** The issuing body or speaker line ("北京市人民政府", "省长 王清宪"). */
  issuer: z.string().nullable(),
  /** ISO date to the precision the document gives: "2026-01-25", "2023-11", "2026". */
  date: z.string().nullable(),
  kind: DocumentKindSchema,
  years: DocumentYearsSchema,
});
export type Doc = z.infer<typeof DocSchema>;

/** A table row that a passage reads as a sentence: its row heading, column headings and cells. */
export const TableRowSchema = z.object({
  label: z.string(),
  columns: z.array(z.string()),
  cells: z.array(z.string()),
});
export type TableRow = z.infer<typeof TableRowSchema>;

export const PassageSchema = z.object({
  id: z.string(),
  docId: z.string(),
  sectionId: z.string(),
  sectionPath: z.array(z.string()),
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  /** Set when the passage is one table row. */
  row: TableRowSchema.optional(),
});
export type Passage = z.infer<typeof PassageSchema>;

export const FigureKindSchema = z.enum(['quantity', 'percent', 'rank', 'ratio', 'count']);
export type FigureKind = z.infer<typeof FigureKindSchema>;

export const FigureSchema = z.object({
  id: z.string(),
  docId: z.string(),
  sectionId: z.string(),
  passageId: z.string(),
  sectionPath: z.array(z.string()),
  /** What the figure measures, e.g. "研究与试验发展经费支出占地区生产总值比重". */
  label: z.string(),
  /** The value as written without spaces, e.g. "860.3", "第19位", "1.0:31.5:67.5", "全省前十". */
  value: z.string(),
  /** The unit as written, e.g. "亿元", "%", "％", "位", or "" when there is none. */
  unit: z.string(),
  kind: FigureKindSchema,
  /** Parsed numeric value when there is one (ranks: the rank; ratios: null). */
  number: z.number().nullable(),
  /** Wording that qualifies the value: 累计, 年均增长, 突破, 超过, 达到, 约, 余 … */
  qualifier: z.string().nullable(),
  /** The exact source span of the value with its unit, as it appears in the passage text. */
  text: z.string(),
  /** The sentence the figure sits in (passage text, repaired). */
  sentence: z.string(),
  start: z.number().int(),
  end: z.number().int(),
});
export type Figure = z.infer<typeof FigureSchema>;

export const EmbedderInfoSchema = z.object({ id: z.string(), dim: z.number().int().positive() });
export type EmbedderInfo = z.infer<typeof EmbedderInfoSchema>;

export const IndexManifestSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  corpusHash: z.string(),
  embedder: EmbedderInfoSchema,
  counts: z.object({
    documents: z.number().int().nonnegative(),
    sections: z.number().int().nonnegative(),
    passages: z.number().int().nonnegative(),
    figures: z.number().int().nonnegative(),
  }),
  builtAt: z.string(),
  buildMs: z.number().nonnegative(),
  /** Every file of the index with its byte size, so a truncated file is caught at load. */
  files: z.record(z.string(), z.number().int().nonnegative()),
  skipped: z.array(z.object({ file: z.string(), reason: z.string(), code: z.string() })),
  /** Each corpus file (path relative to the corpus) with the SHA-256 of its bytes: what changed since. */
  sources: z.record(z.string(), z.string()),
  /**
   * Passages folded into the built-in embedder's space since it was trained, by token: how many,
   * and how many of those its vocabulary lacks. Past a share of unknown tokens it is retrained.
   */
  folded: z.object({ tokens: z.number().int().nonnegative(), unknown: z.number().int().nonnegative() }),
  /** The folded-in share of unknown tokens calls for a full rebuild (the server starts one). */
  retrainDue: z.boolean(),
});
export type IndexManifest = z.infer<typeof IndexManifestSchema>;

/** What an embedder turns text into: one unit-length vector per input. */
export interface Embedder {
  readonly info: EmbedderInfo;
  embedQueries(texts: string[]): Promise<Float32Array[]>;
  embedPassages(texts: string[]): Promise<Float32Array[]>;
  dispose?(): Promise<void>;
}
