// Limits on what an imported file may cost: its size, and for .docx and .xlsx (zip files)
// the sizes their entries declare, checked before anything is inflated.

import { statSync } from "node:fs";

export const MAX_INPUT_BYTES = 20 * 1024 * 1024;
/** Sum of the declared uncompressed sizes of a zip's entries. */
export const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;
/** Declared uncompressed size over compressed size, for entries over 1 MB. */
export const MAX_RATIO = 200;
export const MAX_ENTRIES = 10_000;

export class ImportError extends Error {}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export function checkFileSize(file: string): number {
  const size = statSync(file).size;
  if (size > MAX_INPUT_BYTES) throw new ImportError(`${file} is ${mb(size)}; the importer reads files of up to ${mb(MAX_INPUT_BYTES)}`);
  return size;
}

/**
 * Reads a zip's central directory and refuses it when its entries declare more than the
 * limits allow (a zip bomb), or when it is not a zip at all.
 */
export function checkZip(buf: Buffer, file: string): void {
  // End of central directory: 22 bytes plus a comment of up to 64 KB, at the end.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ImportError(`${file} is not a .docx or .xlsx file (not a zip archive)`);
  const entries = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (entries === 0xffff || cdOffset === 0xffffffff) throw new ImportError(`${file}: ZIP64 archives are not read`);
  if (entries > MAX_ENTRIES) throw new ImportError(`${file} has ${entries} entries; at most ${MAX_ENTRIES} are read`);
  if (cdOffset + cdSize > buf.length) throw new ImportError(`${file} is a damaged zip archive`);
  let p = cdOffset;
  let total = 0;
  for (let k = 0; k < entries; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new ImportError(`${file} is a damaged zip archive`);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    if (size === 0xffffffff || compressed === 0xffffffff) throw new ImportError(`${file}: ZIP64 entries are not read (${name})`);
    total += size;
    if (total > MAX_UNZIPPED_BYTES)
      throw new ImportError(`${file} would unpack to more than ${mb(MAX_UNZIPPED_BYTES)} (a zip bomb?); refused before unpacking`);
    if (size > 1024 * 1024 && size > compressed * MAX_RATIO)
      throw new ImportError(`${file}: entry ${name} compresses ${Math.round(size / Math.max(1, compressed))} to 1 (a zip bomb?); refused before unpacking`);
    p += 46 + nameLen + extraLen + commentLen;
  }
}
