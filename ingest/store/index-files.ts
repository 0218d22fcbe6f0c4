/**
 * The index on disk. Each build is written to its own folder and then published by atomically
 * replacing the CURRENT pointer file, so a reader never sees half an index and a crash mid-write
 * leaves the previous index in place. Everything read back is checked (sizes, then zod).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { BuiltinEmbedder, LsaVocabularySchema, type LsaModel } from '../embed/builtin.js';
import { createError, isAppError } from '../errors.js';
import {
  DocSchema, FigureSchema, IndexManifestSchema, PassageSchema, SCHEMA_VERSION, SectionSchema,
  type Doc, type Figure, type IndexManifest, type Passage, type Section,
} from '../schema.js';
import { Bm25DataSchema, Bm25Index } from './bm25.js';
import { loadVectorIndex, type VectorIndex } from './hnsw.js';

const CURRENT_FILE = 'CURRENT';
const FILES = {
  manifest: 'manifest.json',
  documents: 'documents.json',
  passages: 'passages.json',
  figures: 'figures.json',
  lexical: 'lexical.json',
  vectors: 'vectors.hnsw',
  lsaVocabulary: 'lsa-vocabulary.json',
  lsaProjection: 'lsa-projection.bin',
} as const;

/** Everything an index holds, in memory. */
export interface KnowledgeIndex {
  manifest: IndexManifest;
  docs: Doc[];
  sections: Section[];
  passages: Passage[];
  figures: Figure[];
  lexical: Bm25Index;
  vectors: VectorIndex;
  /** Present when the passages were embedded by the built-in embedder. */
  builtinEmbedder: BuiltinEmbedder | null;
  /** The folder the index was read from or written to. */
  folder: string;
  /** Read without BM25, vectors and embedder: records to look up, nothing to search (see readIndex). */
  lookupsOnly?: boolean;
}

export interface ReadIndexOptions {
  /**
   * Only the records (documents, sections, passages, figures): a server thread whose answer
   * workers do the searching needs no BM25, HNSW or embedder of its own, a third of a library's memory.
   */
  lookupsOnly?: boolean;
}

/** What a lookups-only index has instead of a vector index: nothing to search. */
function noVectors(dim: number): VectorIndex {
  const refuse = (): never => {
    throw createError('INDEX_MISMATCH', 'this index was opened for lookups only and cannot search');
  };
  return { dim, count: 0, search: refuse, save: refuse, vectorAt: refuse };
}

export type IndexToWrite = Omit<KnowledgeIndex, 'manifest' | 'folder'> & {
  manifest: Omit<IndexManifest, 'files'>;
};

const DocumentsFileSchema = z.object({ docs: z.array(DocSchema), sections: z.array(SectionSchema) });

/** Writes an index into a new folder under `dataDir` and publishes it; returns its manifest. */
export function writeIndex(dataDir: string, index: IndexToWrite): IndexManifest {
  const name = `index-${Date.now()}-${randomBytes(3).toString('hex')}`;
  const partial = path.join(dataDir, `${name}.partial`);
  try {
    fs.mkdirSync(partial, { recursive: true });
    const json = (file: string, value: unknown) => fs.writeFileSync(path.join(partial, file), JSON.stringify(value));
    json(FILES.documents, { docs: index.docs, sections: index.sections });
    json(FILES.passages, index.passages);
    json(FILES.figures, index.figures);
    json(FILES.lexical, index.lexical.data);
    index.vectors.save(path.join(partial, FILES.vectors));
    if (index.builtinEmbedder) writeLsaModel(partial, index.builtinEmbedder.model);
    const files = Object.fromEntries(
      fs.readdirSync(partial).map((f) => [f, fs.statSync(path.join(partial, f)).size]),
    );
    const manifest: IndexManifest = { ...index.manifest, files };
    json(FILES.manifest, manifest);
    fsyncFolder(partial);
    const final = path.join(dataDir, name);
    fs.renameSync(partial, final);
    publish(dataDir, name);
    removeStaleFolders(dataDir, name);
    return manifest;
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    if (isAppError(error)) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    throw createError('INDEX_WRITE_FAILED', `${describeWriteError(code)} (${code}) in ${dataDir}`);
  }
}

function describeWriteError(code: string): string {
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EACCES' || code === 'EPERM') return 'no permission to write';
  if (code === 'EROFS') return 'the file system is read-only';
  return 'a file operation failed';
}

function writeLsaModel(folder: string, model: LsaModel): void {
  fs.writeFileSync(path.join(folder, FILES.lsaVocabulary), JSON.stringify(model.vocabulary));
  const p = model.projection;
  fs.writeFileSync(path.join(folder, FILES.lsaProjection), Buffer.from(p.buffer, p.byteOffset, p.byteLength));
}

function fsyncFolder(folder: string): void {
  for (const file of fs.readdirSync(folder)) {
    const fd = fs.openSync(path.join(folder, file), 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  }
}

/** Points CURRENT at `name` by writing a temporary file and renaming it over the old pointer. */
function publish(dataDir: string, name: string): void {
  const temp = path.join(dataDir, `${CURRENT_FILE}.${process.pid}.tmp`);
  fs.writeFileSync(temp, `${name}\n`);
  const fd = fs.openSync(temp, 'r');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(temp, path.join(dataDir, CURRENT_FILE));
}

/** Removes older index folders and leftovers of interrupted builds (best effort). */
function removeStaleFolders(dataDir: string, keep: string): void {
  for (const entry of fs.readdirSync(dataDir)) {
    if (entry === keep || !entry.startsWith('index-')) continue;
    fs.rmSync(path.join(dataDir, entry), { recursive: true, force: true });
  }
}

/** The folder CURRENT points at, or null when there is no published index. */
export function currentIndexFolder(dataDir: string): string | null {
  const pointer = path.join(dataDir, CURRENT_FILE);
  if (!fs.existsSync(pointer)) return null;
  const name = fs.readFileSync(pointer, 'utf8').trim();
  if (!/^index-[\w-]+$/.test(name)) throw createError('INDEX_CORRUPT', `${pointer} does not name an index folder`);
  return path.join(dataDir, name);
}

/** Reads and checks the manifest of the published index; null when there is none. */
export function readManifest(dataDir: string): IndexManifest | null {
  const folder = currentIndexFolder(dataDir);
  if (!folder) return null;
  const raw = readJson(path.join(folder, FILES.manifest));
  const version = z.object({ schemaVersion: z.number() }).safeParse(raw);
  if (version.success && version.data.schemaVersion !== SCHEMA_VERSION) {
    throw createError('INDEX_MISMATCH', `schema version ${version.data.schemaVersion}, expected ${SCHEMA_VERSION}`);
  }
  return parseWith(IndexManifestSchema, raw, FILES.manifest);
}

/** Loads the published index, checking every file; throws INDEX_MISSING, INDEX_CORRUPT or INDEX_MISMATCH. */
export function readIndex(dataDir: string, options: ReadIndexOptions = {}): KnowledgeIndex {
  const manifest = readManifest(dataDir);
  const folder = currentIndexFolder(dataDir);
  if (!manifest || !folder) throw createError('INDEX_MISSING', `nothing published in ${dataDir}`);
  for (const [file, size] of Object.entries(manifest.files)) {
    const full = path.join(folder, file);
    const actual = fs.existsSync(full) ? fs.statSync(full).size : -1;
    if (actual !== size) throw createError('INDEX_CORRUPT', `${file} is ${actual < 0 ? 'missing' : `${actual} bytes, expected ${size}`}`);
  }
  const { docs, sections } = parseWith(DocumentsFileSchema, readJson(path.join(folder, FILES.documents)), FILES.documents);
  const passages = parseWith(z.array(PassageSchema), readJson(path.join(folder, FILES.passages)), FILES.passages);
  const figures = parseWith(z.array(FigureSchema), readJson(path.join(folder, FILES.figures)), FILES.figures);
  if (options.lookupsOnly) {
    if (manifest.counts.passages !== passages.length || manifest.counts.figures !== figures.length) {
      throw createError('INDEX_CORRUPT', 'the counts in the manifest do not match the files');
    }
    const lexical = new Bm25Index({ k1: 1.2, b: 0.75, lengths: [], postings: {} });
    return { manifest, docs, sections, passages, figures, lexical, vectors: noVectors(manifest.embedder.dim), builtinEmbedder: null, folder, lookupsOnly: true };
  }
  const lexical = new Bm25Index(parseWith(Bm25DataSchema, readJson(path.join(folder, FILES.lexical)), FILES.lexical));
  const counts = manifest.counts;
  if (counts.passages !== passages.length || counts.figures !== figures.length || lexical.size !== passages.length) {
    throw createError('INDEX_CORRUPT', 'the counts in the manifest do not match the files');
  }
  const vectors = loadVectorIndex(path.join(folder, FILES.vectors), manifest.embedder.dim, passages.length);
  if (vectors.count !== passages.length) throw createError('INDEX_CORRUPT', 'the vector index does not hold every passage');
  const builtinEmbedder = manifest.files[FILES.lsaVocabulary] !== undefined ? new BuiltinEmbedder(readLsaModel(folder)) : null;
  return { manifest, docs, sections, passages, figures, lexical, vectors, builtinEmbedder, folder };
}

function readLsaModel(folder: string): LsaModel {
  const vocabulary = parseWith(LsaVocabularySchema, readJson(path.join(folder, FILES.lsaVocabulary)), FILES.lsaVocabulary);
  const bytes = fs.readFileSync(path.join(folder, FILES.lsaProjection));
  if (bytes.byteLength !== vocabulary.terms.length * vocabulary.dim * 4) {
    throw createError('INDEX_CORRUPT', `${FILES.lsaProjection} has the wrong size`);
  }
  const projection = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return { vocabulary, projection };
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw createError('INDEX_CORRUPT', `${path.basename(file)} cannot be read`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw createError('INDEX_CORRUPT', `${path.basename(file)} is not valid JSON`);
  }
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown, file: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw createError('INDEX_CORRUPT', `${file}: ${issue?.path.join('.')} ${issue?.message}`);
  }
  return parsed.data;
}
