/**
 * `npm run mcp`: the MCP server over stdio, for desktop MCP hosts. Builds the index when it is
 * missing or stale (as `npm start` does), answers in this thread (worded by the LLM that LLM_* name,
 * numbers checked, as the server's), and exits when stdin closes.
 * stdout carries the protocol only: every log line goes to stderr.
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { isAppError } from '../ingest/errors.js';
import { loadServerConfig } from './config.js';
import { createMcpServer } from './mcp/mcp-server.js';
import { openKnowledgeBase } from './open-knowledge-base.js';
import { createServices } from './services.js';
import { wordingFor } from './wording/llm-wording.js';

const logToStderr = (line: string): void => {
  process.stderr.write(`${line.startsWith('[') ? line : `[ingest] ${line}`}\n`);
};

/** A stray console.log (ours or a dependency's) would corrupt the protocol stream: send it to stderr. */
function keepStdoutForProtocol(): void {
  const toStderr = (...args: unknown[]): void => console.error(...args);
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
}

async function main(): Promise<void> {
  keepStdoutForProtocol();
  const config = loadServerConfig();
  const kb = await openKnowledgeBase(config, { log: logToStderr });
  const services = createServices(kb, config, { log: logToStderr, answerWorkers: 0, wording: wordingFor(config.llm, logToStderr) });
  const server = createMcpServer(services, { log: logToStderr });

  let closing = false;
  const shutdown = (why: string): void => {
    if (closing) return;
    closing = true;
    logToStderr(`[mcp] ${why}: closing`);
    void server
      .close()
      .then(() => services.close())
      .finally(() => process.exit(0));
  };
  // The SDK's stdio transport does not watch for the end of stdin, and any open handle (a timer, a
  // watcher) would keep the process alive: the host closing stdin means "stop".
  process.stdin.once('end', () => shutdown('stdin closed'));
  process.stdin.once('close', () => shutdown('stdin closed'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));

  await server.connect(new StdioServerTransport());
  const { counts } = kb.index.manifest;
  logToStderr(`[mcp] serving ${counts.documents} document(s), ${counts.passages} passages over stdio`);
}

main().catch((error: unknown) => {
  logToStderr(`[mcp] failed to start: ${isAppError(error) ? `${error.code}: ${error.message}` : String(error)}`);
  process.exit(1);
});
