/** Reads a question set (one JSON object a line, `../shared/eval/README.md`), checked line by line. */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { ComparisonQuestionSchema, EvalQuestionSchema, type ComparisonQuestion, type EvalQuestion } from './score.js';

function loadJsonLines<S extends z.ZodType>(file: string, schema: S): Array<z.output<S>> {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const parsed = schema.safeParse(JSON.parse(l));
      if (!parsed.success) throw new TypeError(`${file}:${i + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

export function loadQuestions(file: string): EvalQuestion[] {
  return loadJsonLines(file, EvalQuestionSchema);
}

/** Reads a set of comparison questions (each with `parts`, one per report). */
export function loadComparisons(file: string): ComparisonQuestion[] {
  return loadJsonLines(file, ComparisonQuestionSchema);
}
