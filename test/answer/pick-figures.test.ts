/**
 * Which figures of the chosen sentence lead the answer: the value a change reached, not the one
 * it started from, and a value in the unit the question asks in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../server/answer/answer-question.js';
import type { KnowledgeBase } from '../../server/retrieve/knowledge-base.js';
import { openSingleReport } from '../eval/report-sets.js';

/** The bold figures of an answer's lead, in order. */
const leadFigures = (answer: string) => [...answer.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1]);

describe('the figures an answer leads with', () => {
  let kb: KnowledgeBase;
  let remove: () => void;
  beforeAll(async () => {
    ({ kb, remove } = await openSingleReport('test/fixtures/reports/provincial/beijing-2026-gov-work-report.txt', () => {}));
  });
  afterAll(() => remove());

  it('leads with the value reached ("从75.6%提升至76.5%"), and with the start only when it is asked', async () => {
    const reached = await answerQuestion(kb, { question: '中心城区绿色出行比例提高到了多少？' });
    expect(leadFigures(reached.answer)[0]).toBe('76.5%');
    const start = await answerQuestion(kb, { question: '中心城区绿色出行比例原来是多少？' });
    expect(leadFigures(start.answer)).toContain('75.6%');
  });

  it('leads with the value in the unit asked ("多少公里": 909公里, not 3条地铁新线)', async () => {
    const r = await answerQuestion(kb, { question: '地铁总里程有多少公里？' });
    expect(leadFigures(r.answer)[0]).toBe('909公里');
  });
});
