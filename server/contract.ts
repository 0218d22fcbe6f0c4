/**
 * The HTTP and in-process contract: request and response shapes of every route, as zod schemas.
 * Users' tools rely on these names; extend them, never rename them.
 */
import { z } from 'zod';
import { DocFormatSchema, DocumentKindSchema, DocumentYearsSchema } from '../ingest/schema.js';

export const MAX_QUESTION_CHARS = 2000;
/** Passages a search returns (GET /api/search, MCP search): by default and at most. */
export const SEARCH_K = { default: 10, max: 50 } as const;
/** Figures a figure search returns (GET /api/figures, MCP find_figures): by default and at most. */
export const FIGURE_LIMIT = { default: 50, max: 500 } as const;

/** Ids as the index writes them; anything else (slashes, dots-only paths, spaces) never reaches a lookup. */
export const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,200}$/;
export const IdSchema = z.string().regex(ID_PATTERN, 'expected an id of letters, digits and _.:-');

export const HistoryTurnSchema = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string().max(20_000),
});
export type HistoryTurn = z.infer<typeof HistoryTurnSchema>;

export const AskRequestSchema = z.object({
  question: z.string().trim().min(1, 'question is empty').max(MAX_QUESTION_CHARS, 'question is too long'),
  history: z.array(HistoryTurnSchema).max(50).optional(),
  topK: z.number().int().min(1).max(50).optional(),
  /** Document ids: only these reports answer (all by default). */
  documents: z.array(IdSchema).min(1).max(500).optional(),
});
export type AskRequest = z.infer<typeof AskRequestSchema>;

export const CitationSchema = z.object({
  n: z.number().int().positive(),
  docId: z.string(),
  docTitle: z.string(),
  sectionId: z.string(),
  sectionPath: z.array(z.string()),
  quote: z.string(),
  score: z.number(),
  /** Offsets of the quote in the source file, for highlighting. */
  start: z.number().int().optional(),
  end: z.number().int().optional(),
});
export type Citation = z.infer<typeof CitationSchema>;

export const AnswerFigureSchema = z.object({
  label: z.string(),
  value: z.string(),
  unit: z.string(),
  text: z.string(),
  citation: z.number().int().positive(),
});
export type AnswerFigure = z.infer<typeof AnswerFigureSchema>;

export const PassageHitSchema = z.object({
  id: z.string(),
  docId: z.string(),
  sectionId: z.string(),
  sectionPath: z.array(z.string()),
  text: z.string(),
  score: z.number(),
});
export type PassageHit = z.infer<typeof PassageHitSchema>;

export const AnswerResponseSchema = z.object({
  question: z.string(),
  answer: z.string(),
  answerable: z.boolean(),
  citations: z.array(CitationSchema),
  figures: z.array(AnswerFigureSchema),
  passages: z.array(PassageHitSchema),
  timings: z.object({ retrieveMs: z.number(), totalMs: z.number() }),
  /**
   * The reports the answer comes from, and what chose them: the request's `documents`, the names in
   * the question (a region, a kind of report, a report's year), or the library as a whole, where
   * the best-matching report answers.
   */
  scope: z
    .object({
      documents: z.array(z.object({ id: z.string(), title: z.string() })),
      by: z.enum(['request', 'question', 'library']),
    })
    .optional(),
  /**
   * Who wrote the answer: `extractive` (the quotes and figures the reader chose) or `llm` (an LLM
   * worded it from the quotes, and every number it wrote was found in them). Set by the server.
   */
  generation: z.enum(['llm', 'extractive']).optional(),
  /** Sentences of the LLM's text removed because they held a number that no quote holds. */
  removed: z.number().int().min(0).optional(),
});
export type AnswerResponse = z.infer<typeof AnswerResponseSchema>;

/**
 * An answer as it is written: `meta` once the quotes are chosen (before any text), `text` pieces in
 * order, then `done` with the whole AnswerResponse, whose `answer` is the pieces joined.
 */
export type AnswerEvent =
  | { type: 'meta'; answer: AnswerResponse }
  | { type: 'text'; text: string }
  | { type: 'done'; answer: AnswerResponse };

export const HealthSchema = z.object({
  status: z.enum(['ok', 'indexing', 'error']),
  documents: z.number().int(),
  sections: z.number().int(),
  passages: z.number().int(),
  figures: z.number().int(),
  embedder: z.object({ id: z.string(), dim: z.number().int() }),
});
export type Health = z.infer<typeof HealthSchema>;

export const FigureHitSchema = z.object({
  id: z.string(),
  label: z.string(),
  value: z.string(),
  unit: z.string(),
  text: z.string(),
  qualifier: z.string().nullable(),
  sentence: z.string(),
  docId: z.string(),
  sectionId: z.string(),
  sectionPath: z.array(z.string()),
  start: z.number().int(),
  end: z.number().int(),
});
export type FigureHit = z.infer<typeof FigureHitSchema>;

export const DocumentSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  sourcePath: z.string(),
  sections: z.number().int(),
  passages: z.number().int(),
  figures: z.number().int(),
  /** What the document says of itself (see ingest/schema.ts DocSchema). */
  region: z.string().nullable(),
  years: DocumentYearsSchema,
  kind: DocumentKindSchema,
  date: z.string().nullable(),
  format: DocFormatSchema,
});
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;

export interface OutlineNode {
  id: string;
  title: string;
  children: OutlineNode[];
}
export const OutlineNodeSchema: z.ZodType<OutlineNode> = z.lazy(() =>
  z.object({ id: z.string(), title: z.string(), children: z.array(OutlineNodeSchema) }),
);

export const SectionDetailSchema = z.object({
  id: z.string(),
  docId: z.string(),
  docTitle: z.string(),
  title: z.string(),
  path: z.array(z.string()),
  text: z.string(),
  parentId: z.string().nullable(),
  childIds: z.array(z.string()),
  figures: z.array(FigureHitSchema),
});
export type SectionDetail = z.infer<typeof SectionDetailSchema>;

/** One entry of the page's Briefing pad (web/lib/pad.js): a pinned answer or figure with its citations. */
export const BriefPadItemSchema = z.object({
  title: z.string().trim().min(1).max(MAX_QUESTION_CHARS),
  /** The pinned answer's Markdown. */
  text: z.string().max(20_000),
  citations: z
    .array(
      z.object({
        n: z.number().int().positive(),
        sectionId: IdSchema,
        sectionPath: z.array(z.string().max(500)).max(20),
        quote: z.string().max(5_000),
      }),
    )
    .max(50),
});
export type BriefPadItem = z.infer<typeof BriefPadItemSchema>;

export const BriefRequestSchema = z
  .object({
    topic: z.string().trim().min(1).max(MAX_QUESTION_CHARS).optional(),
    sectionIds: z.array(z.string().min(1).max(200)).min(1).max(100).optional(),
    /** The Briefing pad's entries, for a document of the pad as the user arranged it. */
    items: z.array(BriefPadItemSchema).min(1).max(100).optional(),
  })
  .refine((b) => b.topic !== undefined || b.sectionIds !== undefined || b.items !== undefined, 'give a topic, sectionIds or items');
export type BriefRequest = z.infer<typeof BriefRequestSchema>;

export const BriefSchema = z.object({
  topic: z.string().nullable(),
  groups: z.array(
    z.object({
      sectionId: z.string(),
      sectionPath: z.array(z.string()),
      items: z.array(
        z.object({ n: z.number().int(), label: z.string(), value: z.string(), unit: z.string(), quote: z.string() }),
      ),
    }),
  ),
  citations: z.array(CitationSchema),
  markdown: z.string(),
});
export type Brief = z.infer<typeof BriefSchema>;

export const LibraryChangeSchema = z.object({
  status: z.literal('accepted'),
  /** The corpus file added or removed (relative to CORPUS_DIR). */
  file: z.string(),
  title: z.string().nullable(),
  format: DocFormatSchema.nullable(),
});
export type LibraryChange = z.infer<typeof LibraryChangeSchema>;

export const LibraryStatusSchema = z.object({
  /** `indexing` while a change is being folded in; `failed` when the last one was undone, with why. */
  state: z.enum(['idle', 'indexing', 'failed']),
  file: z.string().nullable(),
  message: z.string().nullable(),
  at: z.string().nullable(),
});
export type LibraryStatus = z.infer<typeof LibraryStatusSchema>;

/**
 * What the routes need from the knowledge base. The server's routes depend on this interface only,
 * so route tests pass a fake and the real implementation lives in `server/services.ts`.
 */
export interface Services {
  health(): Health;
  ask(request: AskRequest): Promise<AnswerResponse>;
  /** The same answer as `ask`, as it is written (for streaming routes). */
  askStream(request: AskRequest): AsyncIterable<AnswerEvent>;
  /** `documents`: only passages of these reports (all when absent). */
  search(query: string, k: number, documents?: string[]): Promise<PassageHit[]>;
  figures(query: { q?: string; sectionId?: string; limit: number; documents?: string[] }): FigureHit[];
  documents(): DocumentSummary[];
  /** Undefined when the document does not exist. */
  outline(docId: string): OutlineNode[] | undefined;
  /** Undefined when the section does not exist. */
  section(sectionId: string): SectionDetail | undefined;
  brief(request: BriefRequest): Promise<Brief>;
  /** Rebuilds the index in the background and swaps it in; resolves when the new index serves. */
  reindex(): Promise<{ status: 'started' | 'already-running' }>;
  /** Checks an upload (UPLOAD_REFUSED with the reason), adds it to the corpus and folds it into the index in the background. */
  addDocument(upload: { name: string; bytes: Uint8Array }): Promise<LibraryChange>;
  /** Removes a report from the corpus and the index (in the background); undefined when there is no such document. */
  removeDocument(docId: string): Promise<LibraryChange | undefined>;
  /** The state of the latest library change. */
  libraryStatus(): LibraryStatus;
}
