/**
 * Starts the real server (`server/main.ts`, as `npm start` does) in a child process on 127.0.0.1
 * and a free port, for load tests whose client must not share the server's event loop. The child
 * is killed when the caller stops it, and at the latest when this process exits.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { ROOT } from '../fixtures/scratch-corpus.js';

const LISTENING = /listening on (http:\/\/\S+)/;
/** Building the index of corpus/ and starting the answer workers takes seconds, not minutes. */
const START_TIMEOUT_MS = 120_000;
/** The server's own shutdown grace is 10 s; past this it is killed. */
const STOP_TIMEOUT_MS = 15_000;
/** Enough of the server's output to explain a failure (request log lines are many). */
const KEEP_OUTPUT_CHARS = 20_000;

export interface ServerProcess {
  url: string;
  pid: number;
  /** The last lines the server printed. */
  output(): string;
  /** Resident and peak memory of the server process in MB (Linux /proc), null elsewhere. */
  memoryMb(): { rss: number; peak: number } | null;
  /** SIGTERM, then SIGKILL if it has not exited in time. */
  stop(): Promise<void>;
}

/**
 * Spawns the server with `env` on top of this process's environment (HOST and PORT are set here)
 * and resolves once it listens; rejects with its output when it exits or stalls before that.
 *
 * @example
 * const server = await spawnServer({ DATA_DIR: '/tmp/x/data', CORPUS_DIR: '/tmp/x/corpus', ANSWER_WORKERS: '2' });
 * await fetch(`${server.url}/health`);
 * await server.stop();
 */
export function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-KEEP_OUTPUT_CHARS));
  let exited = child.exitCode !== null;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async (): Promise<void> => {
    process.off('exit', killOnExit);
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exit;
    clearTimeout(timer);
  };

  let listening = false;
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      if (listening) return;
      clearTimeout(timer);
      void stop().then(() => reject(new Error(`${why}; server output:\n${output.slice(-4000)}`)));
    };
    const timer = setTimeout(() => fail(`the server did not listen within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    child.stderr.on('data', keep);
    child.stdout.on('data', (chunk: Buffer) => {
      keep(chunk);
      const url = listening ? undefined : LISTENING.exec(output)?.[1];
      if (!url || child.pid === undefined) return;
      listening = true;
      clearTimeout(timer);
      resolve({ url, pid: child.pid, output: () => output, memoryMb: () => readMemoryMb(child.pid!), stop });
    });
    child.once('error', (error) => fail(`the server could not be started: ${error.message}`));
    child.once('exit', (code, signal) => fail(`the server exited before listening (code ${code}, signal ${signal})`));
  });
}

function readMemoryMb(pid: number): { rss: number; peak: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}
