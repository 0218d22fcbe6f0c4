import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureIndex } from '../../ingest/build-index.js';
import { loadIngestConfig } from '../../ingest/config.js';
import { buildVectorIndex } from '../../ingest/store/hnsw.js';
import { currentIndexFolder, readIndex } from '../../ingest/store/index-files.js';
import { seededRandom } from '../../ingest/seeded-random.js';

function tempDirs(files: Record<string, string | Buffer>) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pra-store-'));
  const corpus = path.join(root, 'corpus');
  fs.mkdirSync(corpus);
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(corpus, name), content);
  return loadIngestConfig({ CORPUS_DIR: corpus, DATA_DIR: path.join(root, 'data'), EMBEDDER: 'builtin', MAX_FILE_BYTES: '100000' });
}

const report = fs.readFileSync('test/fixtures/reports/haishu-annual-review.txt', 'utf8');

describe('the index on disk', () => {
  it('round-trips: what is written is read back the same, and a second ingest keeps it', async () => {
    const config = tempDirs({ 'a.txt': report });
    const built = await ensureIndex(config);
    expect(built.rebuilt).toBe(true);
    const index = readIndex(config.dataDir);
    expect(index.manifest.counts.passages).toBe(index.passages.length);
    expect(index.figures.length).toBeGreaterThan(8);
    const v = await index.builtinEmbedder!.embedPassages([index.passages[0]!.text]);
    expect(index.vectors.search(v[0]!, 1)[0]!.index).toBe(0);
    const again = await ensureIndex(config);
    expect(again.rebuilt).toBe(false);
    const forced = await ensureIndex(config, { force: true });
    expect(forced.rebuilt).toBe(true);
    expect(fs.readdirSync(config.dataDir).filter((f) => f.startsWith('index-'))).toHaveLength(1);
    // Opened for lookups only: the same records, and a search is refused rather than answered empty.
    const lookups = readIndex(config.dataDir, { lookupsOnly: true });
    expect(lookups.passages).toEqual(readIndex(config.dataDir).passages);
    expect(lookups.builtinEmbedder).toBeNull();
    expect(() => lookups.vectors.search(v[0]!, 1)).toThrow(expect.objectContaining({ code: 'INDEX_MISMATCH' }));
  });

  it('rejects a truncated file, a garbage manifest and a missing index with clear codes', async () => {
    const config = tempDirs({ 'a.txt': report });
    await ensureIndex(config);
    const folder = currentIndexFolder(config.dataDir)!;
    const passages = path.join(folder, 'passages.json');
    fs.truncateSync(passages, 10);
    expect(() => readIndex(config.dataDir)).toThrow(expect.objectContaining({ code: 'INDEX_CORRUPT' }));
    fs.writeFileSync(path.join(folder, 'manifest.json'), '{"not": "a manifest"');
    expect(() => readIndex(config.dataDir)).toThrow(expect.objectContaining({ code: 'INDEX_CORRUPT' }));
    const empty = tempDirs({ 'a.txt': report });
    expect(() => readIndex(empty.dataDir)).toThrow(expect.objectContaining({ code: 'INDEX_MISSING' }));
  });

  it('skips empty, binary, invalid UTF-8 and oversized files with a reason and ingests the rest', async () => {
    const config = tempDirs({
      'good.txt': report,
      'empty.md': '',
      'binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]),
      'latin1.txt': Buffer.from([0x48, 0xe9, 0x6c, 0x6c, 0x6f, 0xff, 0xfe]),
      'huge.md': 'x'.repeat(200_000),
      'no-headings.txt': '这是一段没有任何标题的文字，但它仍然是有效的内容。',
    });
    const result = await ensureIndex(config);
    expect(result.skipped.map((s) => [s.file, s.code]).sort()).toEqual([
      ['binary.md', 'FILE_BINARY'],
      ['empty.md', 'FILE_EMPTY'],
      ['huge.md', 'FILE_TOO_LARGE'],
      ['latin1.txt', 'FILE_INVALID_UTF8'],
    ]);
    expect(result.manifest.counts.documents).toBe(2);
    expect(result.manifest.skipped).toHaveLength(4);
  });

  it('fails only when nothing could be ingested, and keeps the previous index', async () => {
    const config = tempDirs({ 'a.txt': report });
    await ensureIndex(config);
    const before = currentIndexFolder(config.dataDir);
    fs.rmSync(path.join(config.corpusDir, 'a.txt'));
    fs.writeFileSync(path.join(config.corpusDir, 'empty.txt'), '   \n');
    await expect(ensureIndex(config)).rejects.toMatchObject({ code: 'CORPUS_EMPTY' });
    expect(currentIndexFolder(config.dataDir)).toBe(before);
    expect(readIndex(config.dataDir).passages.length).toBeGreaterThan(0);
  });
});

describe('the vector index', () => {
  it('finds within a filter exactly the neighbours an unfiltered search ranks first among the kept', () => {
    const random = seededRandom(3);
    const dim = 16;
    const unit = () => {
      const v = Float32Array.from({ length: dim }, () => random() - 0.5);
      const norm = Math.hypot(...v);
      return v.map((x) => x / norm);
    };
    const vectors = Array.from({ length: 300 }, unit);
    const index = buildVectorIndex(vectors, dim);
    const keep = (i: number) => i % 7 === 3;
    const rows = vectors.flatMap((_, i) => (keep(i) ? [i] : []));
    for (let q = 0; q < 5; q++) {
      const query = unit();
      // Over 300 vectors the graph search is exhaustive (ef 300), so its order is the true one.
      const expected = index.search(query, 300).filter((h) => keep(h.index)).slice(0, 8);
      const filtered = index.search(query, 8, { keep, eligible: rows.length, rows });
      expect(filtered.map((h) => h.index)).toEqual(expected.map((h) => h.index));
      filtered.forEach((h, i) => expect(h.score).toBeCloseTo(expected[i]!.score, 5));
    }
    // A filter that keeps every row answers as no filter does.
    const all = { keep: () => true, eligible: vectors.length, rows: vectors.map((_, i) => i) };
    const query = unit();
    expect(index.search(query, 8, all).map((h) => h.index)).toEqual(index.search(query, 8).map((h) => h.index));
  });
});
