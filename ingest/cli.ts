/** `npm run ingest [-- --force]`: builds the index of CORPUS_DIR into DATA_DIR and prints a summary. */
import { loadIngestConfig } from './config.js';
import { ensureIndex } from './build-index.js';
import { isAppError } from './errors.js';
import { createProgressBar } from './progress.js';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const config = loadIngestConfig();
  const log = (line: string) => console.log(`[ingest] ${line}`);
  const progress = createProgressBar('embedding passages');
  const result = await ensureIndex(config, { force, log, onProgress: progress.update });
  progress.finish();
  const { counts, embedder, buildMs } = result.manifest;
  console.log(
    `[ingest] ${result.rebuilt ? 'built' : 'kept'} index in ${config.dataDir}: ` +
      `${counts.documents} documents, ${counts.sections} sections, ${counts.passages} passages, ` +
      `${counts.figures} figures; embedder ${embedder.id} (${embedder.dim} dims)` +
      (result.rebuilt ? `; ${buildMs} ms` : ''),
  );
  if (result.skipped.length) console.log(`[ingest] skipped ${result.skipped.length} file(s): ${result.skipped.map((s) => s.file).join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(`[ingest] failed: ${isAppError(error) ? `${error.code}: ${error.message}` : String(error)}`);
  process.exit(1);
});
