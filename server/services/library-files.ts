/**
 * The files behind a library change: an upload is checked in a process of its own (heap limit,
 * deadline) before it joins the corpus under a safe name; a removed report is set aside until the
 * index without it serves, so that a failed change can be undone.
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocFormat } from '../../ingest/schema.js';

const CHECK_CLI = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'ingest', 'check-file.ts');
/** What starting the checking process itself takes (tsx, the readers), beyond the read deadline. */
const CHECK_STARTUP_MS = 20_000;
const EXTENSION: Record<DocFormat, string> = { pdf: '.pdf', docx: '.docx', html: '.html', markdown: '.md', text: '.txt' };
const MAX_NAME_CHARS = 80;

export type UploadVerdict =
  | { ok: true; format: DocFormat; title: string; sections: number }
  | { ok: false; code: string; reason: string };

export interface CheckLimits {
  readTimeoutMs: number;
  uploadMemoryMb: number;
  maxFileBytes: number;
  maxUnzippedBytes: number;
}

/**
 * A file name that is safe in the corpus folder: no folders, no leading dots, only letters
 * (Chinese included), digits, "-", "_" and ".", with the extension of the type its content is.
 * @example safeFileName('../../etc/2026年 报告.txt', 'pdf') // -> '2026年_报告.pdf'
 */
export function safeFileName(name: string, format: DocFormat): string {
  const base = path.basename(name.replace(/\\/g, '/')).normalize('NFKC');
  const stem = base.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N}_-]+/gu, '_').replace(/^[_.-]+|_+$/g, '').slice(0, MAX_NAME_CHARS);
  return `${stem || 'report'}${EXTENSION[format]}`;
}

/** `name` in `folder`, or `name-2`, `name-3`… when it is taken. */
export function unusedName(folder: string, name: string): string {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  let candidate = name;
  for (let n = 2; fs.existsSync(path.join(folder, candidate)); n++) candidate = `${stem}-${n}${ext}`;
  return candidate;
}

/** Writes upload bytes to a staging file under `dataDir`. */
export function stageUpload(dataDir: string, bytes: Uint8Array): string {
  const folder = path.join(dataDir, 'uploads');
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `upload-${Date.now()}-${randomBytes(4).toString('hex')}`);
  fs.writeFileSync(file, bytes);
  return file;
}

/** Reads and parses `file` in a child process with a heap limit and a deadline. */
export function checkUpload(file: string, limits: CheckLimits): Promise<UploadVerdict> {
  return new Promise((resolve) => {
    const child = fork(CHECK_CLI, [file], {
      execArgv: ['--import', 'tsx', `--max-old-space-size=${limits.uploadMemoryMb}`],
      env: {
        ...process.env,
        READ_TIMEOUT_MS: String(limits.readTimeoutMs),
        MAX_FILE_BYTES: String(limits.maxFileBytes),
        MAX_UNZIPPED_BYTES: String(limits.maxUnzippedBytes),
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.resume();
    const timer = setTimeout(() => child.kill('SIGKILL'), limits.readTimeoutMs + CHECK_STARTUP_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const line = output.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(line) as UploadVerdict);
      } catch {
        resolve(
          signal === 'SIGKILL'
            ? { ok: false, code: 'FILE_READ_TIMEOUT', reason: `reading the file did not finish within ${limits.readTimeoutMs} ms` }
            : { ok: false, code: 'FILE_MALFORMED', reason: `reading the file failed (exit ${code ?? signal}): it may be damaged or exhaust the ${limits.uploadMemoryMb} MB allowed` },
        );
      }
    });
  });
}

/** Moves a file across folders (and file systems). */
export function moveFile(from: string, to: string): void {
  try {
    fs.renameSync(from, to);
  } catch {
    fs.copyFileSync(from, to);
    fs.rmSync(from, { force: true });
  }
}

/** The corpus file of a report, or null when its path would leave the corpus folder. */
export function corpusFileOf(corpusDir: string, sourcePath: string): string | null {
  const full = path.resolve(corpusDir, sourcePath);
  return full.startsWith(path.resolve(corpusDir) + path.sep) ? full : null;
}
