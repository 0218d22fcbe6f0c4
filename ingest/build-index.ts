/**
 * The ingest pipeline: corpus files -> documents, sections, passages, figures -> embeddings ->
 * HNSW + BM25 index on disk. Rebuilds only when the corpus or the embedder changed.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { chunkSections } from './chunk/chunk-sections.js';
import { splitSentences } from './chunk/sentences.js';
import type { IngestConfig } from './config.js';
import { BUILTIN_EMBEDDER_ID, BuiltinEmbedder, trainLsaModel } from './embed/builtin.js';
import { transformersEmbedderId } from './embed/model-location.js';
import { loadModelEmbedder, wantsTransformers, type Log } from './embed/select-embedder.js';
import { createError, ERROR_MESSAGES, type ErrorCode } from './errors.js';
import { extractFigures } from './figures/extract-figures.js';
import { describeDocument } from './meta/describe-document.js';
import { makeDocId, parseDocument, type ParsedDoc, type ParsedSection } from './parse/parse-document.js';
import { isSkipped, listCorpusFiles, readCorpusFile, type CorpusFile, type SkippedFile } from './read-corpus.js';
import { SCHEMA_VERSION, type Doc, type Embedder, type IndexManifest } from './schema.js';
import { Bm25Index } from './store/bm25.js';
import { buildVectorIndex } from './store/hnsw.js';
import { readIndex, readManifest, writeIndex, type KnowledgeIndex } from './store/index-files.js';
import { passageIndexText } from './text/passage-text.js';
import { tokenize } from './text/tokenize.js';

/** Bump when parsing, chunking or extraction changes what an index holds. */
export const PIPELINE_VERSION = 11;

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

/**
 * A change to at most this share of the corpus's files is folded into the index (the others'
 * passages, figures and vectors kept); a larger one rebuilds it.
 */
const INCREMENTAL_MAX_SHARE = 0.5;
/**
 * Once this share of the folded-in passages' tokens is unknown to the built-in embedder (trained
 * before they came), its space no longer describes them: the index is marked for retraining.
 */
export const RETRAIN_UNKNOWN_SHARE = 0.15;
/** The built-in embedder trains on at most this many texts (passages first, then sentences). */
const MAX_TRAINING_TEXTS = 5000;
/** From this many passages on, the corpus is a library: the embedder keeps the terms passages share. */
const LIBRARY_PASSAGES = 1000;

/** Makes sure the index under DATA_DIR matches the corpus and embedder; builds it when not. */
export async function ensureIndex(config: IngestConfig, options: BuildOptions = {}): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const sources = hashSources(config.corpusDir);
  const corpusHash = hashCorpus(sources);
  const expectedEmbedder = wantsTransformers(config) ? transformersEmbedderId(config.embedModel) : BUILTIN_EMBEDDER_ID;
  const existing = options.force ? null : safeReadManifest(config.dataDir);
  if (existing && existing.corpusHash === corpusHash && existing.embedder.id === expectedEmbedder) {
    log(`index is up to date (${existing.counts.passages} passages, built ${existing.builtAt}); --force rebuilds`);
    return { manifest: existing, rebuilt: false, skipped: existing.skipped.map(asSkipped) };
  }
  if (existing && existing.embedder.id === expectedEmbedder) {
    const change = changedSources(existing.sources, sources);
    const total = Math.max(Object.keys(sources).length, 1);
    if (change.changed.length + change.removed.length <= INCREMENTAL_MAX_SHARE * total) {
      const folded = await foldIntoIndex(config, { ...change, sources, corpusHash, started }, options);
      if (folded) return folded;
    }
  }
  return buildFromScratch(config, { sources, corpusHash, started }, options);
}

interface SourceState {
  sources: Record<string, string>;
  corpusHash: string;
  started: number;
}

/** Reads, parses and embeds every corpus file. */
async function buildFromScratch(config: IngestConfig, state: SourceState, options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  const { files, skipped } = await readCorpus(config, listCorpusFiles(config.corpusDir), log);
  const parsed = parseFiles(files, skipped, new Set(), log);
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
    manifest: manifestFor(state, embedder, { docs, sections, passages, figures }, skipped, { tokens: 0, unknown: 0 }),
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

/**
 * Folds a change of a few files into the published index: the other documents keep their
 * sections, passages, figures and vectors; the changed and added files are read, parsed and
 * embedded with the embedder that built the index; BM25 and HNSW are rebuilt over the whole.
 * Returns null when the published index cannot be read (then the caller rebuilds it).
 */
async function foldIntoIndex(
  config: IngestConfig,
  state: SourceState & { changed: string[]; removed: string[] },
  options: BuildOptions,
): Promise<BuildResult | null> {
  const log = options.log ?? (() => {});
  let index: KnowledgeIndex;
  try {
    index = readIndex(config.dataDir);
  } catch {
    return null;
  }
  const modelEmbedder = index.builtinEmbedder ? null : await loadModelEmbedder(config, log);
  const embedder: Embedder | null = index.builtinEmbedder ?? modelEmbedder;
  if (!embedder || embedder.info.id !== index.manifest.embedder.id || embedder.info.dim !== index.manifest.embedder.dim) return null;
  const leaving = new Set([...state.changed, ...state.removed]);
  const keptDocs = index.docs.filter((d) => !leaving.has(d.sourcePath));
  const keptIds = new Set(keptDocs.map((d) => d.id));
  const keptPassages = index.passages.map((p, i) => ({ p, i })).filter(({ p }) => keptIds.has(p.docId));
  const paths = state.changed.map((relative) => path.join(config.corpusDir, relative));
  const { files, skipped } = await readCorpus(config, paths, log);
  const parsed = parseFiles(files, skipped, keptIds, log);
  const sections = parsed.flatMap((p) => p.sections);
  const passages = chunkSections(sections);
  const figures = passages.flatMap(extractFigures);
  const indexTexts = passages.map(passageIndexText);
  const newTokens = indexTexts.map(tokenize);
  const vectors = await embedAll(embedder, indexTexts, options.onProgress);
  await modelEmbedder?.dispose?.();
  const folded = { ...index.manifest.folded };
  if (index.builtinEmbedder) {
    const tokens = newTokens.flat();
    folded.tokens += tokens.length;
    folded.unknown += tokens.filter((t) => !index.builtinEmbedder!.knows(t)).length;
  }
  const all = {
    docs: [...keptDocs, ...parsed.map((p) => p.doc)],
    sections: [...index.sections.filter((s) => keptIds.has(s.docId)), ...sections.map((s) => s.section)],
    passages: [...keptPassages.map(({ p }) => p), ...passages],
    figures: [...index.figures.filter((f) => keptIds.has(f.docId)), ...figures],
  };
  if (all.docs.length === 0) throw createError('CORPUS_EMPTY', `${config.corpusDir}: ${skipped.length} file(s) skipped`);
  const allVectors = [...keptPassages.map(({ i }) => index.vectors.vectorAt(i)), ...vectors];
  const stillSkipped = index.manifest.skipped.filter((s) => !leaving.has(s.file) && s.file in state.sources);
  const manifest = writeIndex(config.dataDir, {
    manifest: manifestFor(state, embedder, all, [...stillSkipped.map(asSkipped), ...skipped], folded),
    ...all,
    lexical: Bm25Index.build([...keptPassages.map(({ p }) => tokenize(passageIndexText(p))), ...newTokens]),
    vectors: buildVectorIndex(allVectors, embedder.info.dim),
    builtinEmbedder: index.builtinEmbedder,
  });
  log(`folded ${state.changed.length} changed and ${state.removed.length} removed file(s) into the index: ${parsed.length} document(s) read, ${keptDocs.length} kept`);
  if (manifest.retrainDue) log(`${((100 * folded.unknown) / Math.max(folded.tokens, 1)).toFixed(0)}% of the folded-in tokens are new to the built-in embedder: retraining is due`);
  return { manifest, rebuilt: true, skipped };
}

function manifestFor(
  state: SourceState,
  embedder: Embedder,
  parts: { docs: unknown[]; sections: unknown[]; passages: unknown[]; figures: unknown[] },
  skipped: SkippedFile[],
  folded: IndexManifest['folded'],
): Omit<IndexManifest, 'files'> {
  return {
    schemaVersion: SCHEMA_VERSION,
    corpusHash: state.corpusHash,
    embedder: embedder.info,
    counts: { documents: parts.docs.length, sections: parts.sections.length, passages: parts.passages.length, figures: parts.figures.length },
    builtAt: new Date().toISOString(),
    buildMs: Math.round(performance.now() - state.started),
    skipped: skipped.map(({ file, reason, code }) => ({ file, reason, code })),
    sources: state.sources,
    folded,
    retrainDue: folded.tokens > 0 && folded.unknown / folded.tokens >= RETRAIN_UNKNOWN_SHARE,
  };
}

/** A skipped file as the manifest records it. */
function asSkipped(s: IndexManifest['skipped'][number]): SkippedFile {
  return { file: s.file, reason: s.reason, code: (s.code in ERROR_MESSAGES ? s.code : 'FILE_MALFORMED') as ErrorCode };
}

/** The files that are new or changed, and the ones that are gone, against the index's record. */
function changedSources(before: Record<string, string>, now: Record<string, string>): { changed: string[]; removed: string[] } {
  return {
    changed: Object.keys(now).filter((file) => before[file] !== now[file]).sort(),
    removed: Object.keys(before).filter((file) => !(file in now)).sort(),
  };
}

/** Each corpus file's SHA-256, by path relative to the corpus (unreadable files hash as such). */
function hashSources(corpusDir: string): Record<string, string> {
  const sources: Record<string, string> = {};
  for (const file of listCorpusFiles(corpusDir)) {
    const relative = path.relative(corpusDir, file).split(path.sep).join('/');
    try {
      sources[relative] = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    } catch (error) {
      sources[relative] = `unreadable:${(error as NodeJS.ErrnoException).code ?? 'unknown'}`;
    }
  }
  return sources;
}

async function readCorpus(config: IngestConfig, paths: string[], log: Log): Promise<{ files: CorpusFile[]; skipped: SkippedFile[] }> {
  const files: CorpusFile[] = [];
  const skipped: SkippedFile[] = [];
  for (const file of paths) {
    const result = await readCorpusFile(config.corpusDir, file, config);
    if (isSkipped(result)) {
      skipped.push(result);
      log(`skipped ${result.file}: ${result.reason}`);
    } else files.push(result);
  }
  log(`found ${files.length + skipped.length} file(s) in ${config.corpusDir}, ${files.length} readable`);
  return { files, skipped };
}

/** The corpus as a whole, from its files' hashes: the index is up to date when this is unchanged. */
function hashCorpus(sources: Record<string, string>): string {
  const hash = createHash('sha256').update(`schema ${SCHEMA_VERSION} pipeline ${PIPELINE_VERSION}\n`);
  for (const file of Object.keys(sources).sort()) hash.update(`${file}\n${sources[file]}\n`);
  return hash.digest('hex');
}

function safeReadManifest(dataDir: string): IndexManifest | null {
  try {
    return readManifest(dataDir);
  } catch {
    return null;
  }
}

function parseFiles(files: CorpusFile[], skipped: SkippedFile[], takenIds: ReadonlySet<string>, log: Log): Array<{ doc: Doc; sections: ParsedSection[] }> {
  const usedIds = new Set<string>(takenIds);
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

/**
 * In a library, the terms of a single passage (half the vocabulary, mostly bigrams across word
 * boundaries) carry no co-occurrence: the embedder leaves them to BM25, and its SVD halves.
 * A single report keeps them all: there, one passage is a large share of the evidence.
 */
function sharedTerms(indexTexts: string[]): (term: string) => boolean {
  if (indexTexts.length < LIBRARY_PASSAGES) return () => true;
  const df = new Map<string, number>();
  for (const text of indexTexts) for (const term of new Set(tokenize(text))) df.set(term, (df.get(term) ?? 0) + 1);
  return (term) => (df.get(term) ?? 0) >= 2;
}

function trainBuiltin(indexTexts: string[], passageTexts: string[], log: Log): BuiltinEmbedder {
  const started = performance.now();
  // Sentences add co-occurrence evidence: a corpus of a hundred passages is a small matrix. A
  // library has evidence enough; every n-th sentence keeps its SVD to MAX_TRAINING_TEXTS rows.
  const sentences = passageTexts.flatMap((t) => splitSentences(t).map((s) => t.slice(s.start, s.end)));
  const stride = Math.ceil(sentences.length / Math.max(MAX_TRAINING_TEXTS - indexTexts.length, 1));
  const embedder = new BuiltinEmbedder(trainLsaModel([...indexTexts, ...sentences.filter((_, i) => i % stride === 0)], undefined, sharedTerms(indexTexts)));
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
