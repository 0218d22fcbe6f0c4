/**
 * The ingest pipeline: corpus files -> documents, sections, passages, figures -> embeddings ->
 * HNSW + BM25 index on disk. Rebuilds only when the corpus or the embedder changed.
 */
import { createHash } from 'node:crypto';
import { chunkSections } from './chunk/chunk-sections.js';
import { splitSentences } from './chunk/sentences.js';
import type { IngestConfig } from './config.js';
import { BUILTIN_EMBEDDER_ID, BuiltinEmbedder, trainLsaModel } from './embed/builtin.js';
import { transformersEmbedderId } from './embed/model-location.js';
import { loadModelEmbedder, wantsTransformers, type Log } from './embed/select-embedder.js';
import { createError, ERROR_MESSAGES } from './errors.js';
import { extractFigures } from './figures/extract-figures.js';
import { describeDocument } from './meta/describe-document.js';
import { makeDocId, parseDocument, type ParsedDoc, type ParsedSection } from './parse/parse-document.js';
import { isSkipped, listCorpusFiles, readCorpusFile, type CorpusFile, type SkippedFile } from './read-corpus.js';
import { SCHEMA_VERSION, type Doc, type Embedder, type IndexManifest } from './schema.js';
import { Bm25Index } from './store/bm25.js';
import { buildVectorIndex } from './store/hnsw.js';
import { readManifest, writeIndex } from './store/index-files.js';
import { passageIndexText } from './text/passage-text.js';
import { tokenize } from './text/tokenize.js';

/** Bump when parsing, chunking or extraction changes what an index holds. */
export const PIPELINE_VERSION = 7;

export interface BuildOptions {
  force?: boolean;
  log?: Log;
  /** Called while embedding: done and total passages. */
  onProgress?: (done: number, total: number) => void;
}

export interface BuildResult {
  manifest: IndexManifest;
  rebuilt: boolean;
  skipped: SkippedFile[];
}

/** Makes sure the index under DATA_DIR matches the corpus and embedder; builds it when not. */
export async function ensureIndex(config: IngestConfig, options: BuildOptions = {}): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const { files, skipped } = await readCorpus(config, log);
  const corpusHash = hashCorpus(files);
  const expectedEmbedder = wantsTransformers(config) ? transformersEmbedderId(config.embedModel) : BUILTIN_EMBEDDER_ID;
  if (!options.force) {
    const existing = safeReadManifest(config.dataDir);
    if (existing && existing.corpusHash === corpusHash && existing.embedder.id === expectedEmbedder) {
      log(`index is up to date (${existing.counts.passages} passages, built ${existing.builtAt}); --force rebuilds`);
      return { manifest: existing, rebuilt: false, skipped };
    }
  }
  const parsed = parseFiles(files, skipped, log);
  if (parsed.length === 0) throw createError('CORPUS_EMPTY', `${config.corpusDir}: ${skipped.length} file(s) skipped`);
  const docs = parsed.map((p) => p.doc);
  const sections = parsed.flatMap((p) => p.sections);
  const passages = chunkSections(sections);
  const figures = passages.flatMap(extractFigures);
  log(`parsed ${docs.length} document(s): ${sections.length} sections, ${passages.length} passages, ${figures.length} figures`);
  const indexTexts = passages.map(passageIndexText);
  const modelEmbedder = await loadModelEmbedder(config, log);
  const builtinEmbedder = modelEmbedder ? null : trainBuiltin(indexTexts, passages.map((p) => p.text), log);
  const embedder: Embedder = modelEmbedder ?? builtinEmbedder!;
  const vectors = await embedAll(embedder, indexTexts, options.onProgress);
  await modelEmbedder?.dispose?.();
  const manifest = writeIndex(config.dataDir, {
    manifest: {
      schemaVersion: SCHEMA_VERSION,
      corpusHash,
      embedder: embedder.info,
      counts: { documents: docs.length, sections: sections.length, passages: passages.length, figures: figures.length },
      builtAt: new Date().toISOString(),
      buildMs: Math.round(performance.now() - started),
      skipped: skipped.map(({ file, reason }) => ({ file, reason })),
    },
    docs,
    sections: sections.map((s) => s.section),
    passages,
    figures,
    lexical: Bm25Index.build(indexTexts.map(tokenize)),
    vectors: buildVectorIndex(vectors, embedder.info.dim),
    builtinEmbedder,
  });
  return { manifest, rebuilt: true, skipped };
}

async function readCorpus(config: IngestConfig, log: Log): Promise<{ files: CorpusFile[]; skipped: SkippedFile[] }> {
  const files: CorpusFile[] = [];
  const skipped: SkippedFile[] = [];
  for (const path of listCorpusFiles(config.corpusDir)) {
    const result = await readCorpusFile(config.corpusDir, path, config);
    if (isSkipped(result)) {
      skipped.push(result);
      log(`skipped ${result.file}: ${result.reason}`);
    } else files.push(result);
  }
  log(`found ${files.length + skipped.length} file(s) in ${config.corpusDir}, ${files.length} readable`);
  return { files, skipped };
}

function hashCorpus(files: CorpusFile[]): string {
  const hash = createHash('sha256').update(`schema ${SCHEMA_VERSION} pipeline ${PIPELINE_VERSION}\n`);
  for (const f of files) hash.update(`${f.relativePath}\n`).update(f.content).update('\n\0');
  return hash.digest('hex');
}

function safeReadManifest(dataDir: string): IndexManifest | null {
  try {
    return readManifest(dataDir);
  } catch {
    return null;
  }
}

function parseFiles(files: CorpusFile[], skipped: SkippedFile[], log: Log): Array<{ doc: Doc; sections: ParsedSection[] }> {
  const usedIds = new Set<string>();
  const results: Array<{ doc: Doc; sections: ParsedSection[] }> = [];
  for (const file of files) {
    let docId = makeDocId(file.relativePath, file.content);
    while (usedIds.has(docId)) docId = `${docId}-2`;
    const parsed = parseDocument(file.content, file.relativePath, docId);
    const { sections } = parsed;
    const withText = sections.filter((s) => s.section.text.trim().length > 0);
    if (withText.length === 0) {
      skipped.push({ file: file.relativePath, code: 'FILE_NO_CONTENT', reason: ERROR_MESSAGES.FILE_NO_CONTENT });
      log(`skipped ${file.relativePath}: no text content`);
      continue;
    }
    if (!sections.some((s) => s.section.kind !== 'preamble')) {
      log(`note: ${file.relativePath} has no numbered headings; its text is one section under its title`);
    }
    usedIds.add(docId);
    results.push({ doc: describe(parsed.doc, file), sections });
  }
  return results;
}

/** The parsed document with its format and what its own text says of it (region, years, kind, date). */
function describe(doc: ParsedDoc, file: CorpusFile): Doc {
  const meta = describeDocument({ text: file.content, sourcePath: file.relativePath, title: doc.title });
  const { region, regionLevel, issuer, date, kind, years } = meta;
  return { ...doc, format: file.format, region, regionLevel, issuer, date, kind, years };
}

function trainBuiltin(indexTexts: string[], passageTexts: string[], log: Log): BuiltinEmbedder {
  const started = performance.now();
  // Sentences add co-occurrence evidence: a corpus of a hundred passages is a small matrix.
  const sentences = passageTexts.flatMap((t) => splitSentences(t).map((s) => t.slice(s.start, s.end)));
  const embedder = new BuiltinEmbedder(trainLsaModel([...indexTexts, ...sentences]));
  log(`trained built-in embedder: ${embedder.model.vocabulary.terms.length} terms, ${embedder.info.dim} dims in ${Math.round(performance.now() - started)} ms`);
  return embedder;
}

async function embedAll(embedder: Embedder, texts: string[], onProgress?: (done: number, total: number) => void): Promise<Float32Array[]> {
  const vectors: Float32Array[] = [];
  const batch = 32;
  for (let i = 0; i < texts.length; i += batch) {
    vectors.push(...(await embedder.embedPassages(texts.slice(i, i + batch))));
    onProgress?.(vectors.length, texts.length);
  }
  return vectors;
}
