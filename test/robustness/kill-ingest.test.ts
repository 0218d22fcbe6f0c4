/**
 * Crash safety of the index on disk: an ingest killed at any point leaves the previous index
 * loadable; a read-only data folder fails the build but not the reads; a corrupt index is
 * reported as INDEX_CORRUPT and rebuilt by openKnowledgeBase.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureIndex } from '../../ingest/build-index.js';
import { loadIngestConfig, type IngestConfig } from '../../ingest/config.js';
import { currentIndexFolder, readIndex } from '../../ingest/store/index-files.js';
import { answerQuestion } from '../../server/answer/answer-question.js';
import { openKnowledgeBase } from '../../server/open-knowledge-base.js';
import { seededRandom } from '../../ingest/seeded-random.js';
import { copyCorpus, ROOT, type ScratchCorpus } from '../fixtures/scratch-corpus.js';

const QUESTION = '固定资产投资累计完成多少？';
const KILLS = 4;
const SEED = 20240607;
const CHILD_TIMEOUT_MS = 60_000;

let scratch: ScratchCorpus | undefined;
let config: IngestConfig;
let childEnv: NodeJS.ProcessEnv;

/** Root ignores permissions: as root, the read-only test runs the ingester as this unprivileged user. */
const NOBODY = 65534;
const runningAsRoot = process.getuid?.() === 0;

/** As root: whether the unprivileged user can read this checkout (a clone under /root cannot). */
function nobodyCanRunHere(): boolean {
  const probe = spawnSync(process.execPath, ['-e', `require('fs').readFileSync(${JSON.stringify(path.join(ROOT, 'ingest', 'cli.ts'))})`], {
    uid: NOBODY,
    gid: NOBODY,
    stdio: 'ignore',
  });
  return probe.status === 0;
}

/** Spawns `ingest/cli.ts --force`; SIGKILLs it after `killAfterMs` (if given). Resolves with the exit. */
function runIngest(killAfterMs?: number, asUser?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  return new Promise((resolve, reject) => {
    const user = asUser === undefined ? {} : { uid: asUser, gid: asUser };
    const child = spawn(process.execPath, ['--import', 'tsx', 'ingest/cli.ts', '--force'], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'], ...user });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const kill = setTimeout(() => child.kill('SIGKILL'), killAfterMs ?? CHILD_TIMEOUT_MS);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(kill);
      resolve({ code, signal, output });
    });
  });
}

async function expectAnswers(): Promise<void> {
  const kb = await openKnowledgeBase(config, { build: false });
  const response = await answerQuestion(kb, { question: QUESTION });
  expect(response.answerable).toBe(true);
}

/** True when chmod 0o555 really stops writes here (it does not for root). */
function readOnlyIsEnforced(): boolean {
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'ro-probe-'));
  try {
    fs.chmodSync(probe, 0o555);
    try {
      fs.writeFileSync(path.join(probe, 'x'), 'x');
      return false;
    } catch {
      return true;
    }
  } finally {
    fs.chmodSync(probe, 0o755);
    fs.rmSync(probe, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  scratch = copyCorpus('kill-ingest-');
  const { corpusDir, dataDir } = scratch;
  childEnv = { ...process.env, CORPUS_DIR: corpusDir, DATA_DIR: dataDir, EMBEDDER: 'builtin' };
  config = loadIngestConfig({ CORPUS_DIR: corpusDir, DATA_DIR: dataDir, EMBEDDER: 'builtin' });
  await ensureIndex(config);
});

afterAll(() => {
  if (!scratch) return;
  fs.chmodSync(config.dataDir, 0o755);
  scratch.remove();
});

describe('killed ingest', () => {
  it(`leaves a loadable index after ${KILLS} SIGKILLs at random points`, async () => {
    const random = seededRandom(SEED);
    for (let i = 0; i < KILLS; i++) {
      const killAfterMs = 50 + Math.floor(random() * 2450);
      const result = await runIngest(killAfterMs);
      // A run that finished before the kill published a new index: that is fine too.
      expect(result.signal === 'SIGKILL' || result.code === 0, result.output).toBe(true);
      expect(() => readIndex(config.dataDir)).not.toThrow();
      await expectAnswers();
    }
  }, 120_000);
});

describe('read-only data folder', () => {
  const enforceable = runningAsRoot ? nobodyCanRunHere() : readOnlyIsEnforced();
  it.skipIf(!enforceable)('fails the build and keeps the index readable', async () => {
    const folder = currentIndexFolder(config.dataDir);
    fs.chmodSync(config.dataDir, 0o555);
    // The unprivileged ingester must still read the corpus and the current index.
    if (runningAsRoot) fs.chmodSync(scratch!.base, 0o755);
    try {
      const result = await runIngest(undefined, runningAsRoot ? NOBODY : undefined);
      expect(result.code).toBe(1);
      expect(result.output).toContain('INDEX_WRITE_FAILED');
      expect(currentIndexFolder(config.dataDir)).toBe(folder);
      await expectAnswers();
    } finally {
      fs.chmodSync(config.dataDir, 0o755);
    }
  });
});

describe('corrupt index', () => {
  it('reports a truncated file as INDEX_CORRUPT and openKnowledgeBase rebuilds it', async () => {
    const folder = currentIndexFolder(config.dataDir)!;
    fs.truncateSync(path.join(folder, 'passages.json'), 100);
    await expect(Promise.resolve().then(() => readIndex(config.dataDir))).rejects.toMatchObject({ code: 'INDEX_CORRUPT' });

    const kb = await openKnowledgeBase(config);
    expect(kb.index.folder).not.toBe(folder);
    expect((await answerQuestion(kb, { question: QUESTION })).answerable).toBe(true);
  });

  it('reports a garbage manifest as INDEX_CORRUPT and openKnowledgeBase rebuilds it', async () => {
    const folder = currentIndexFolder(config.dataDir)!;
    fs.writeFileSync(path.join(folder, 'manifest.json'), '{"not": "a manifest"');
    await expect(Promise.resolve().then(() => readIndex(config.dataDir))).rejects.toMatchObject({ code: 'INDEX_CORRUPT' });

    const kb = await openKnowledgeBase(config);
    expect(kb.index.folder).not.toBe(folder);
    expect((await answerQuestion(kb, { question: QUESTION })).answerable).toBe(true);
  });
});
