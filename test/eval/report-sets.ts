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
export async function openSingleReport(report: string, log: (line: string) => void): Promise<{
  kb: KnowledgeBase;
  ask: (question: EvalQuestion, options?: AnswerOptions) => Promise<AnswerResponse>;
  remove: () => void;
}> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'eval-report-'));
  const corpusDir = path.join(base, 'corpus');
  fs.mkdirSync(corpusDir);
  fs.copyFileSync(report, path.join(corpusDir, path.basename(report)));
  const config = loadIngestConfig({ ...process.env, CORPUS_DIR: corpusDir, DATA_DIR: path.join(base, 'data'), EMBEDDER: 'builtin' });
  const kb = await openKnowledgeBase(config, { log });
  return {
    kb,
    ask: (q, options) => answerQuestion(kb, { question: q.question }, options),
    remove: () => fs.rmSync(base, { recursive: true, force: true }),
  };
}

