/**
 * The MCP tools: input schemas with the HTTP contract's limits, output schemas from the contract,
 * and one `run` each over `Services` that returns the text (see format.ts) and the structured result.
 */
import { z } from 'zod';
import {
  AnswerResponseSchema,
  AskRequestSchema,
  DocumentSummarySchema,
  FIGURE_LIMIT,
  FigureHitSchema,
  IdSchema,
  MAX_QUESTION_CHARS,
  PassageHitSchema,
  SEARCH_K,
  SectionDetailSchema,
  type Services,
} from '../contract.js';
import { createHttpError } from '../middleware/errors.js';
import { checkDocuments } from '../routes/validate.js';
import { formatAnswer, formatDocuments, formatFigures, formatPassages, formatSection, type TitleOf } from './format.js';

export interface McpTool<I extends z.ZodObject = z.ZodObject, O extends z.ZodObject = z.ZodObject> {
  name: string;
  title: string;
  description: string;
  input: I;
  output: O;
  /** Throws HttpError (DOCUMENT_NOT_FOUND, SECTION_NOT_FOUND) for what the caller got wrong. */
  run(services: Services, input: z.output<I>): Promise<{ text: string; structured: z.output<O> }>;
}

const documentsInput = AskRequestSchema.shape.documents.describe(
  'Document ids from list_documents: only these reports are used (all reports when absent).',
);

/** Infers a tool's input and output types from its schemas. */
const defineTool = <I extends z.ZodObject, O extends z.ZodObject>(tool: McpTool<I, O>): McpTool<I, O> => tool;

const titlesOf = (services: Services): TitleOf => {
  const titles = new Map(services.documents().map((d) => [d.id, d.title]));
  return (docId) => titles.get(docId) ?? docId;
};

const askTool = defineTool({
  name: 'ask',
  title: 'Ask the policy reports',
  description:
    'Answers a question (Chinese or English) from the policy reports in the library, quoting them: the answer in Markdown with [n] markers, then the sources as 《report》 › chapter › section — “quote”. Says so when the reports do not hold the answer.',
  input: z.object({
    question: AskRequestSchema.shape.question.describe(`The question, at most ${MAX_QUESTION_CHARS} characters, e.g. 江北区的研发经费投入强度是多少？`),
    documents: documentsInput,
  }),
  output: AnswerResponseSchema,
  async run(services, { question, documents }) {
    checkDocuments(services, documents);
    const answer = await services.ask({ question, ...(documents ? { documents } : {}) });
    return { text: formatAnswer(answer), structured: answer };
  },
});

const SearchOutputSchema = z.object({ query: z.string(), passages: z.array(PassageHitSchema) });

const searchTool = defineTool({
  name: 'search',
  title: 'Search passages',
  description: 'The passages of the reports that match a query best, in rank order, each with its report › section path and section id. No answer is composed.',
  input: z.object({
    query: z.string().trim().min(1, 'query is empty').max(MAX_QUESTION_CHARS, 'query is too long').describe('Words or a question, Chinese or English.'),
    k: AskRequestSchema.shape.topK.describe(`How many passages (1–50, default ${SEARCH_K.default}).`),
    documents: documentsInput,
  }),
  output: SearchOutputSchema,
  async run(services, { query, k, documents }) {
    checkDocuments(services, documents);
    const passages = await services.search(query, k ?? SEARCH_K.default, documents);
    return { text: formatPassages(query, passages, titlesOf(services)), structured: { query, passages } };
  },
});

const sectionTool = defineTool({
  name: 'get_section',
  title: 'Read a section',
  description: 'A section of a report by id (the ids that ask, search and find_figures give): its path, parent and subsections, full text and figures.',
  input: z.object({ sectionId: IdSchema.describe('A section id, e.g. jiangbei-14th-fyp-midterm-review:1.1') }),
  output: SectionDetailSchema,
  async run(services, { sectionId }) {
    const section = services.section(sectionId);
    if (!section) throw createHttpError('SECTION_NOT_FOUND', sectionId);
    return { text: formatSection(section), structured: section };
  },
});

const DocumentsOutputSchema = z.object({ documents: z.array(DocumentSummarySchema) });

const documentsTool = defineTool({
  name: 'list_documents',
  title: 'List the reports',
  description: 'The reports in the library, one line each: id (what the other tools take as documents), title, region, kind and the years it covers.',
  input: z.object({}),
  output: DocumentsOutputSchema,
  async run(services) {
    const documents = services.documents();
    return { text: formatDocuments(documents), structured: { documents } };
  },
});

const FiguresOutputSchema = z.object({ figures: z.array(FigureHitSchema) });

const figuresTool = defineTool({
  name: 'find_figures',
  title: 'Find figures',
  description: 'Figures (numbers with their unit, label and sentence) whose label, value or sentence match q, optionally within one section; each with its report › section path.',
  input: z.object({
    q: z.string().trim().max(MAX_QUESTION_CHARS, 'query is too long').optional().describe('Text to match, e.g. 研发 or 3.39; all figures when absent.'),
    sectionId: IdSchema.optional().describe('Only figures of this section.'),
    limit: z.number().int().min(1).max(FIGURE_LIMIT.max).optional().describe(`At most this many (1–${FIGURE_LIMIT.max}, default ${FIGURE_LIMIT.default}).`),
    documents: documentsInput,
  }),
  output: FiguresOutputSchema,
  async run(services, { q, sectionId, limit, documents }) {
    checkDocuments(services, documents);
    if (sectionId !== undefined && !services.section(sectionId)) throw createHttpError('SECTION_NOT_FOUND', sectionId);
    const figures = services.figures({
      limit: limit ?? FIGURE_LIMIT.default,
      // An empty q means no text filter, as on GET /api/figures.
      ...(q ? { q } : {}),
      ...(sectionId !== undefined ? { sectionId } : {}),
      ...(documents ? { documents } : {}),
    });
    return { text: formatFigures(figures, titlesOf(services)), structured: { figures } };
  },
});

/** Every tool the MCP server offers, in the order list_tools shows them. */
export const MCP_TOOLS: readonly McpTool[] = [askTool, searchTool, sectionTool, documentsTool, figuresTool];
