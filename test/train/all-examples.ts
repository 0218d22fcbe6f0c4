/** Every report ingested alone and its questions turned into training examples. */
import { openSingleReport } from '../eval/report-sets.js';
import { collectExamples, type QuestionExample } from './collect-examples.js';
import { reportQuestions } from './report-corpora.js';

export async function collectAllExamples(log: (line: string) => void): Promise<QuestionExample[]> {
  const examples: QuestionExample[] = [];
  for (const { report, file, questions } of reportQuestions()) {
    const opened = await openSingleReport(file, () => {});
    try {
      examples.push(...(await collectExamples(opened.kb, report, questions)));
    } finally {
      opened.remove();
    }
    log(`${report}: ${questions.length} questions`);
  }
  return examples;
}
