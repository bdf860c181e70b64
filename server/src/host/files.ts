// Finding and reading task tables on disk: files as given, folders searched for *.tasktable,
// skipping hidden folders and node_modules, each real folder once. Shared by the CLI and the
// language server.

import { readFileSync, readdirSync, realpathSync, statSync } from "node:fs";
import { join } from "node:path";

export const EXTENSION = ".tasktable";

export interface Unreadable {
  path: string;
  why: string;
}

export function collectFiles(args: string[]): { files: string[]; missing: Unreadable[] } {
  const files: string[] = [];
  const missing: Unreadable[] = [];
  for (const a of args) {
    let st;
    try {
      st = statSync(a);
    } catch {
      missing.push({ path: a, why: "no such file or folder" });
      continue;
    }
    if (st.isDirectory()) findTables(a, files);
    else if (st.isFile()) files.push(a);
    // A pipe or a device would be waited on for ever.
    else missing.push({ path: a, why: "not a file or folder" });
  }
  return { files: [...new Set(files)], missing };
}

/**
 * Every *.tasktable under a folder, in a stable order. A folder reached again through a link
 * (a link to a folder above makes a loop) is not searched again; pipes and devices are left
 * out.
 */
export function findTables(dir: string, out: string[] = [], seen = new Set<string>()): string[] {
  let names: string[];
  try {
    const real = realpathSync(dir);
    if (seen.has(real)) return out;
    seen.add(real);
    names = readdirSync(dir).sort();
  } catch {
    return out;
  }
  for (const name of names) {
    if (name.startsWith(".") || name === "node_modules") continue;
    const p = join(dir, name);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) findTables(p, out, seen);
    else if (st.isFile() && name.endsWith(EXTENSION)) out.push(p);
  }
  return out;
}

/** A table that cannot be read as text: not a file, or not UTF-8 (read anyway, its characters would be lost). */
export class TableReadError extends Error {}

/**
 * A table's text, read as UTF-8 (a byte order mark kept, as the file has it). A file in
 * another encoding (GBK, or UTF-16 as Windows Notepad saves "Unicode") is refused with the
 * line of its first byte that is not UTF-8: read anyway, its characters would be replaced, and
 * writing it back (formatting, fixes) would lose them.
 */
export function readTable(path: string): string {
  // A pipe would be waited on for ever.
  if (!statSync(path).isFile()) throw new TableReadError("not a file");
  const bytes = readFileSync(path);
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new TableReadError("the file is UTF-16; save it as UTF-8");
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    let line = 1;
    for (let i = 0; i < bad; i++) if (bytes[i] === 10) line++;
    throw new TableReadError(`line ${line} is not UTF-8 (GBK or another encoding?); save the file as UTF-8`);
  }
  return bytes.toString("utf8");
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}
