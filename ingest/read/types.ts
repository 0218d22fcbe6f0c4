/**
 * The reader interface: one implementation per file type, chosen by sniffing the bytes. Every reader
 * returns "report text", the one form the parser reads, so that the parser knows no file formats:
 * one paragraph per line (blank lines between them are fine), explicit headings as `# …` lines
 * (`#` count = level), tables as Markdown pipe tables, everything else plain text.
 */
import type { DocFormat } from '../schema.js';

/** Limits a reader must respect; they come from the ingest configuration. */
export interface ReadOptions {
  /** A read that takes longer than this fails with FILE_READ_TIMEOUT. */
  timeoutMs: number;
  /** A zipped document (DOCX) that unpacks to more than this fails with FILE_UNZIPPED_TOO_LARGE. */
  maxUnzippedBytes: number;
}

export interface ReportReader {
  format: DocFormat;
  /** Whether this reader handles the file; looks at the content first, the name only as a hint. */
  sniff(bytes: Buffer, fileName: string): boolean;
  /** The report text; throws an AppError with a FILE_* code when the file cannot be used. */
  read(bytes: Buffer, fileName: string, options: ReadOptions): Promise<string>;
}

export interface ReadReportResult {
  text: string;
  format: DocFormat;
}
