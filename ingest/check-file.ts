/**
 * `tsx ingest/check-file.ts FILE`: reads and parses one report the way ingest would, in a process
 * of its own (the server starts it with a heap limit and a deadline), and prints one JSON line:
 * `{ ok: true, format, title, sections }` or `{ ok: false, code, reason }`. A file that crashes,
 * exhausts or hangs a reader takes only this process down.
 */
import path from 'node:path';
import { loadIngestConfig } from './config.js';
import { isAppError } from './errors.js';
import { parseDocument } from './parse/parse-document.js';
import { isSkipped, readCorpusFile } from './read-corpus.js';

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new TypeError('usage: check-file.ts FILE');
  const result = await readCorpusFile(path.dirname(file), file, loadIngestConfig());
  if (isSkipped(result)) {
    console.log(JSON.stringify({ ok: false, code: result.code, reason: result.reason }));
    return;
  }
  const parsed = parseDocument(result.content, result.relativePath);
  const withText = parsed.sections.filter((s) => s.section.text.trim().length > 0).length;
  if (withText === 0) {
    console.log(JSON.stringify({ ok: false, code: 'FILE_NO_CONTENT', reason: 'the file has no text content' }));
    return;
  }
  console.log(JSON.stringify({ ok: true, format: result.format, title: parsed.doc.title, sections: parsed.sections.length }));
}

main().catch((error: unknown) => {
  console.log(JSON.stringify({ ok: false, code: isAppError(error) ? error.code : 'FILE_MALFORMED', reason: (error as Error).message }));
});
