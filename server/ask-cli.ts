/** `npm run ask -- [--json] "question"`: answers one question in process and prints it. */
import { loadIngestConfig } from '../ingest/config.js';
import { isAppError } from '../ingest/errors.js';
import { answerQuestion } from './answer/answer-question.js';
import { AskRequestSchema } from './contract.js';
import { openKnowledgeBase } from './open-knowledge-base.js';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const parsed = AskRequestSchema.safeParse({ question: args.filter((a) => a !== '--json').join(' ') });
  if (!parsed.success) {
    console.error(`usage: npm run ask -- [--json] "question" (${parsed.error.issues[0]?.message})`);
    process.exit(2);
  }
  const kb = await openKnowledgeBase(loadIngestConfig(), { log: (l) => console.error(`[ingest] ${l}`) });
  const response = await answerQuestion(kb, parsed.data);
  if (json) {
    console.log(JSON.stringify(response, null, 2));
    return;
  }
  console.log(response.answer);
  if (!response.answerable) console.log('\n(answerable: false)');
  console.log(`\n${response.citations.map((c) => `[${c.n}] ${c.sectionPath.join(' › ')}`).join('\n')}`);
  console.log(`\n(${response.timings.totalMs} ms)`);
}

main().catch((error: unknown) => {
  console.error(`[ask] failed: ${isAppError(error) ? `${error.code}: ${error.message}` : String(error)}`);
  process.exit(1);
});
