/** Every report ingested alone and its questions turned into training examples. */
import { openSingleReport } from '../eval/report-sets.js';
import { collectExamples, type QuestionExample } from './collect-examples.js';
import { reportQuestions, type ReportQuestions } from './report-corpora.js';

export interface OpenedReports {
  examples: QuestionExample[];
  reports: Array<ReportQuestions & { opened: Awaited<ReturnType<typeof openSingleReport>> }>;
  /** Deletes every report's scratch index. */
  close(): void;
}

/** Opens every report's knowledge base (kept open, to answer with later) and collects its examples. */
export async function openAllReports(log: (line: string) => void): Promise<OpenedReports> {
  const examples: QuestionExample[] = [];
  const reports: OpenedReports['reports'] = [];
  const close = () => reports.forEach((r) => r.opened.remove());
  try {
    for (const corpus of reportQuestions()) {
      const opened = await openSingleReport(corpus.file, () => {});
      reports.push({ ...corpus, opened });
      examples.push(...(await collectExamples(opened.kb, corpus.report, corpus.questions)));
      log(`${corpus.report}: ${corpus.questions.length} questions`);
    }
  } catch (error) {
    close();
    throw error;
  }
  return { examples, reports, close };
}

export async function collectAllExamples(log: (line: string) => void): Promise<QuestionExample[]> {
  const all = await openAllReports(log);
  all.close();
  return all.examples;
}
