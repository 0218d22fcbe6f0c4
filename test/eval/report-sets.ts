/**
 * Report-by-report scoring: each report of a folder is ingested alone, in its own scratch corpus,
 * and scored with the question set named after the first word of its file name
 * (`beijing-2026-gov-work-report.pdf` -> `<sets>/beijing.jsonl`), whatever the file type.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadIngestConfig } from '../../ingest/config.js';
import { answerQuestion, type AnswerOptions } from '../../server/answer/answer-question.js';
import type { KnowledgeBase } from '../../server/retrieve/knowledge-base.js';
import type { AnswerResponse } from '../../server/contract.js';
import { openKnowledgeBase } from '../../server/open-knowledge-base.js';
import type { EvalQuestion } from './score.js';

export interface ReportSet {
  report: string;
  setFile: string;
}

/** The reports of `reportsDir` that have a question set in `setsDir`, sorted by file name. */
export function pairReportsWithSets(reportsDir: string, setsDir: string): { pairs: ReportSet[]; unpaired: string[] } {
  const pairs: ReportSet[] = [];
  const unpaired: string[] = [];
  for (const name of fs.readdirSync(reportsDir).sort()) {
    const report = path.join(reportsDir, name);
    if (name.startsWith('.') || !fs.statSync(report).isFile()) continue;
    const setFile = path.join(setsDir, `${name.split(/[-_.]/)[0]!.toLowerCase()}.jsonl`);
    if (fs.existsSync(setFile)) pairs.push({ report, setFile });
    else unpaired.push(name);
  }
  return { pairs, unpaired };
}

/** Ingests one report alone with the built-in embedder and returns an in-process asker for it. */
export function openSingleReport(report: string, log: (line: string) => void): Promise<OpenedLibrary> {
  return openLibrary([report], log);
}

export interface OpenedLibrary {
  kb: KnowledgeBase;
  ask: (question: Pick<EvalQuestion, 'question'>, options?: AnswerOptions) => Promise<AnswerResponse>;
  remove: () => void;
}

/** Ingests the given files together, as one library, in a scratch corpus with the built-in embedder. */
export async function openLibrary(files: string[], log: (line: string) => void): Promise<OpenedLibrary> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'eval-report-'));
  const corpusDir = path.join(base, 'corpus');
  fs.mkdirSync(corpusDir);
  for (const file of files) fs.copyFileSync(file, path.join(corpusDir, path.basename(file)));
  const config = loadIngestConfig({ ...process.env, CORPUS_DIR: corpusDir, DATA_DIR: path.join(base, 'data'), EMBEDDER: 'builtin' });
  const kb = await openKnowledgeBase(config, { log });
  return {
    kb,
    ask: (q, options) => answerQuestion(kb, { question: q.question }, options),
    remove: () => fs.rmSync(base, { recursive: true, force: true }),
  };
}
