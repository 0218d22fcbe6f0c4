import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTransformersEmbedder } from '../../ingest/embed/transformers.js';
import type { Embedder } from '../../ingest/schema.js';
import { TINY_HIDDEN_SIZE, makeTinyModel, tinyEmbeddingRow, tinyTokenId } from '../fixtures/make-tiny-model.js';

const MODEL = 'test/tiny-embedder';

/** Mean of the table rows of `tokens`, L2-normalized: what mean pooling + normalize must give. */
function expectedVector(tokens: string[]): number[] {
  const sum = new Array<number>(TINY_HIDDEN_SIZE).fill(0);
  for (const token of tokens) {
    tinyEmbeddingRow(tinyTokenId(token)).forEach((value, j) => (sum[j] = (sum[j] ?? 0) + value));
  }
  const mean = sum.map((value) => value / tokens.length);
  const norm = Math.hypot(...mean);
  return mean.map((value) => value / norm);
}

function expectVectorClose(actual: Float32Array | undefined, expected: ArrayLike<number> | undefined): void {
  expect(actual).toBeDefined();
  expect(expected).toBeDefined();
  expect(actual!.length).toBe(expected!.length);
  for (let j = 0; j < actual!.length; j++) expect(actual![j]).toBeCloseTo(expected![j]!, 5);
}

describe('loadTransformersEmbedder (tiny real model)', () => {
  let modelsDir: string;
  let embedder: Embedder;

  beforeAll(async () => {
    modelsDir = await mkdtemp(join(tmpdir(), 'tiny-embedder-'));
    await makeTinyModel(modelsDir, MODEL);
    embedder = await loadTransformersEmbedder({ model: MODEL, modelsDir, allowRemote: false });
  });

  afterAll(async () => {
    await embedder?.dispose?.();
    if (modelsDir) await rm(modelsDir, { recursive: true, force: true });
  });

  it('reports its id and the hidden size as dim', () => {
    expect(embedder.info).toEqual({ id: `transformers:${MODEL}`, dim: TINY_HIDDEN_SIZE });
  });

  it('returns unit-length vectors of dim floats', async () => {
    const vectors = await embedder.embedPassages(['经济增长', 'science and innovation', '研究投入 100 亿元']);
    expect(vectors).toHaveLength(3);
    for (const vector of vectors) {
      expect(vector).toBeInstanceOf(Float32Array);
      expect(vector).toHaveLength(TINY_HIDDEN_SIZE);
      expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
    }
  });

  it('gives the same vector for the same text and different vectors for different texts', async () => {
    const [a1, b] = await embedder.embedQueries(['科技创新', '经济增长']);
    const [a2] = await embedder.embedQueries(['科技创新']);
    expectVectorClose(a1, a2);
    expect(Array.from(a1!)).not.toEqual(Array.from(b!));
  });

  it('embeds a known text as the normalized mean of its token rows, prefix included', async () => {
    const [passage] = await embedder.embedPassages(['经济增长 GDP']);
    const [query] = await embedder.embedQueries(['经济增长 GDP']);
    // BertNormalizer lower-cases and splits CJK characters; the template adds [CLS] ... [SEP].
    const body = ['经', '济', '增', '长', 'gdp'];
    expectVectorClose(passage, expectedVector(['[CLS]', 'passage', ':', ...body, '[SEP]']));
    expectVectorClose(query, expectedVector(['[CLS]', 'query', ':', ...body, '[SEP]']));
  });

  it('honours empty prefixes', async () => {
    const bare = await loadTransformersEmbedder({ model: MODEL, modelsDir, allowRemote: false, queryPrefix: '', passagePrefix: '' });
    try {
      const [vector] = await bare.embedQueries(['政策报告']);
      expectVectorClose(vector, expectedVector(['[CLS]', '政', '策', '报', '告', '[SEP]']));
    } finally {
      await bare.dispose?.();
    }
  });

  it('batches 40 texts of different lengths into the same vectors as one at a time', async () => {
    const words = ['经济', '增长', 'policy', 'report', '科技创新', 'the growth of gdp', '研究投入', '亿元', '，', '%'];
    const texts = Array.from({ length: 40 }, (_, i) => words.slice(0, (i % words.length) + 1).join(' ') + ` ${i}`);
    const batched = await embedder.embedPassages(texts);
    expect(batched).toHaveLength(40);
    for (const [i, text] of texts.entries()) {
      const [single] = await embedder.embedPassages([text]);
      expectVectorClose(batched[i], single);
    }
  });

  it('returns no vectors for no texts', async () => {
    await expect(embedder.embedQueries([])).resolves.toEqual([]);
  });

  it('rejects with MODEL_UNAVAILABLE for a missing model when remote models are disabled', async () => {
    const p = loadTransformersEmbedder({ model: 'test/missing-model', modelsDir, allowRemote: false });
    await expect(p).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE' });
    await expect(p).rejects.toThrow(/test\/missing-model: .*ALLOW_REMOTE_MODELS=1/);
  });

  it('rejects with MODEL_UNAVAILABLE when the folder exists but the ONNX file is missing', async () => {
    const folder = await makeTinyModel(modelsDir, 'test/broken-model');
    await rm(join(folder, 'onnx', 'model.onnx'));
    const p = loadTransformersEmbedder({ model: 'test/broken-model', modelsDir, allowRemote: false });
    await expect(p).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE' });
  });
});
