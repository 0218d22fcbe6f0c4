/**
 * Reads a ZIP file's central directory (names and declared sizes) without unpacking anything, so a
 * DOCX can be recognised, and a zip bomb refused, before a decompressor sees it.
 */
import { createError } from '../errors.js';

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

const LOCAL_HEADER = 0x04034b50;
const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const MAX_COMMENT = 0xffff;
const U32_MAX = 0xffffffff;

/** Whether the bytes start like a ZIP archive (`PK\x03\x04`). */
export function isZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes.readUInt32LE(0) === LOCAL_HEADER;
}

/**
 * The entries listed in the central directory; throws FILE_MALFORMED when it cannot be found or
 * does not fit in the file.
 * @example listZipEntries(docxBytes)[0] // -> { name: '[Content_Types].xml', compressedSize: 371, uncompressedSize: 1312 }
 */
export function listZipEntries(bytes: Buffer): ZipEntry[] {
  const end = findEndOfDirectory(bytes);
  let count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || offset === U32_MAX) ({ count, offset } = readZip64End(bytes, end));
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) throw malformed('central directory entry out of place');
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd + extraLength > bytes.length) throw malformed('central directory entry runs past the end');
    const name = bytes.toString('utf8', at + 46, nameEnd);
    const sizes = readSizes(bytes, at, bytes.subarray(nameEnd, nameEnd + extraLength));
    entries.push({ name, ...sizes });
    at = nameEnd + extraLength + commentLength;
  }
  return entries;
}

function findEndOfDirectory(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - 22 - MAX_COMMENT);
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (bytes.readUInt32LE(i) === END_OF_DIRECTORY) return i;
  }
  throw malformed('no end-of-central-directory record');
}

function readZip64End(bytes: Buffer, end: number): { count: number; offset: number } {
  const locator = end - 20;
  if (locator < 0 || bytes.readUInt32LE(locator) !== ZIP64_LOCATOR) throw malformed('ZIP64 locator missing');
  const record = Number(bytes.readBigUInt64LE(locator + 8));
  if (record + 56 > bytes.length || bytes.readUInt32LE(record) !== ZIP64_END) throw malformed('ZIP64 end record missing');
  return { count: Number(bytes.readBigUInt64LE(record + 32)), offset: Number(bytes.readBigUInt64LE(record + 48)) };
}

/** 32-bit sizes, or the ZIP64 extra field's 64-bit ones where the 32-bit field is saturated. */
function readSizes(bytes: Buffer, at: number, extra: Buffer): { compressedSize: number; uncompressedSize: number } {
  let compressedSize = bytes.readUInt32LE(at + 20);
  let uncompressedSize = bytes.readUInt32LE(at + 24);
  if (compressedSize !== U32_MAX && uncompressedSize !== U32_MAX) return { compressedSize, uncompressedSize };
  for (let i = 0; i + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(i);
    const size = extra.readUInt16LE(i + 2);
    if (id === 0x0001) {
      // The ZIP64 field holds only the saturated values, uncompressed size first.
      let field = i + 4;
      if (uncompressedSize === U32_MAX && field + 8 <= extra.length) {
        uncompressedSize = Number(extra.readBigUInt64LE(field));
        field += 8;
      }
      if (compressedSize === U32_MAX && field + 8 <= extra.length) compressedSize = Number(extra.readBigUInt64LE(field));
      break;
    }
    i += 4 + size;
  }
  return { compressedSize, uncompressedSize };
}

function malformed(why: string) {
  return createError('FILE_MALFORMED', `not a readable ZIP archive: ${why}`);
}
