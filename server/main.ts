/**
 * `npm start`: builds the index when it is missing, stale or broken, then serves the API and the
 * chat page on HOST:PORT (127.0.0.1:3000 by default), answering in ANSWER_WORKERS worker threads.
 * SIGTERM/SIGINT finish in-flight requests first, then stop the workers.
 */
import fs from 'node:fs';
import { serve } from '@hono/node-server';
import { isAppError } from '../ingest/errors.js';
import { createProgressBar } from '../ingest/progress.js';
import { createApp } from './app.js';
import { loadServerConfig } from './config.js';
import { openKnowledgeBase } from './open-knowledge-base.js';
import { createServices } from './services.js';
import { wordingFor } from './wording/llm-wording.js';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadServerConfig();
  const log = (line: string) => console.log(line.startsWith('[') ? line : `[ingest] ${line}`);
  const progress = createProgressBar('embedding passages');
  // With answer workers this thread only looks records up: no English dictionaries, BM25, vectors or embedder.
  const kb = await openKnowledgeBase(config, { log, onProgress: progress.update, warm: config.answerWorkers === 0, lookupsOnly: config.answerWorkers > 0 });
  progress.finish();
  const services = createServices(kb, config, { log, answerWorkers: config.answerWorkers, uploadMemoryMb: config.uploadMemoryMb, wording: wordingFor(config.llm, log) });
  await services.ready();
  const app = createApp(services, {
    bodyLimitBytes: config.bodyLimitBytes,
    maxUploadBytes: config.maxUploadBytes,
    host: config.host,
    rateLimitPerMinute: config.rateLimitPerMinute,
    ...(config.apiToken ? { apiToken: config.apiToken } : {}),
    corsOrigins: config.corsOrigins,
    logQuestions: config.logQuestions,
  });
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    const { counts, embedder } = kb.index.manifest;
    console.log(`[server] ${counts.documents} document(s), ${counts.passages} passages, ${counts.figures} figures; embedder ${embedder.id}`);
    if (config.llm) console.log(`[server] answers worded by ${config.llm.model} at ${config.llm.baseUrl}, every number checked against the quotes`);
    console.log(`[server] answering ${config.answerWorkers > 0 ? `in ${config.answerWorkers} worker thread(s)` : 'in the main thread'}`);
    console.log(`[server] listening on http://${config.host}:${info.port}`);
  });
  if (config.watchCorpus) watchCorpus(config.corpusDir, () => void services.reindex());
  const shutdown = (signal: string) => {
    console.log(`[server] ${signal}: finishing in-flight requests`);
    // The answer workers stop once the server has closed, i.e. after the requests in flight.
    server.close(() => void services.close().finally(() => process.exit(0)));
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

/** Re-indexes once the corpus folder has been quiet for a second after a change. */
function watchCorpus(corpusDir: string, onChange: () => void): void {
  let timer: NodeJS.Timeout | undefined;
  fs.watch(corpusDir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, 1000);
  });
  console.log(`[server] watching ${corpusDir} for changes`);
}

main().catch((error: unknown) => {
  console.error(`[server] failed to start: ${isAppError(error) ? `${error.code}: ${error.message}` : String(error)}`);
  process.exit(1);
});
