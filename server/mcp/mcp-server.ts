/**
 * The MCP server over `Services`: the tools of tools.ts, each failure a tool error (`isError`)
 * with a message safe to show, never a protocol crash. Transports (stdio, streamable HTTP) are
 * the caller's.
 */
import { createRequire } from 'node:module';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ERROR_MESSAGES, isAppError } from '../../ingest/errors.js';
import type { Services } from '../contract.js';
import { HTTP_ERRORS, HttpError } from '../middleware/errors.js';
import { MCP_TOOLS, type McpTool } from './tools.js';

export const MCP_SERVER_NAME = 'policy-report-assistant';
const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

const INSTRUCTIONS = [
  'Answers questions over the Chinese policy reports of this library, with citations.',
  'list_documents names the reports (their ids filter the other tools); ask gives a cited answer;',
  'search and find_figures return passages and figures; get_section reads a section by the id the others give.',
].join(' ');

export interface McpServerOptions {
  /** Receives a line about each unexpected error (with its stack); defaults to stderr. */
  log?: (line: string) => void;
}

const writeStderr = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/**
 * The text of a failed call: the caller's mistakes keep their code and message ("SECTION_NOT_FOUND:
 * no such section: x"); index errors only their generic message (their specifics may name files);
 * anything else is logged and shown as INTERNAL.
 */
export function describeToolError(error: unknown, tool: string, log: (line: string) => void): string {
  if (error instanceof HttpError && HTTP_ERRORS[error.code].status < 500) return `${error.code}: ${error.message}`;
  const detail = error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : { value: String(error) };
  log(JSON.stringify({ time: new Date().toISOString(), level: 'error', tool, error: detail }));
  if (isAppError(error)) return `${error.code}: ${ERROR_MESSAGES[error.code]}`;
  return `INTERNAL: ${HTTP_ERRORS.INTERNAL.message}`;
}

async function callTool(tool: McpTool, services: Services, input: Record<string, unknown>, log: (line: string) => void): Promise<CallToolResult> {
  try {
    const { text, structured } = await tool.run(services, input);
    // The declared output schema forbids extra keys (clients check it): keep only the contract's fields.
    return { content: [{ type: 'text', text }], structuredContent: tool.output.parse(structured) };
  } catch (error) {
    return { content: [{ type: 'text', text: describeToolError(error, tool.name, log) }], isError: true };
  }
}

/**
 * A new MCP server with the five tools; connect it to one transport.
 *
 * @example
 * const server = createMcpServer(services);
 * await server.connect(new StdioServerTransport());
 */
export function createMcpServer(services: Services, options: McpServerOptions = {}): McpServer {
  const log = options.log ?? writeStderr;
  const server = new McpServer({ name: MCP_SERVER_NAME, version }, { instructions: INSTRUCTIONS });
  for (const tool of MCP_TOOLS) {
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: tool.input,
        outputSchema: tool.output,
        // The tools only read a closed library.
        annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
      },
      (input) => callTool(tool, services, input, log),
    );
  }
  return server;
}
