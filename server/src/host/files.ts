// Finding task tables on disk: files as given, folders searched for *.tasktable, skipping
// hidden folders and node_modules. Shared by the CLI and the language server.

import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export const EXTENSION = ".tasktable";

export function collectFiles(args: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const a of args) {
    let st;
    try {
      st = statSync(a);
    } catch {
      missing.push(a);
      continue;
    }
    if (st.isDirectory()) findTables(a, files);
    else files.push(a);
  }
  return { files: [...new Set(files)], missing };
}

/** Every *.tasktable under a folder, in a stable order. */
export function findTables(dir: string, out: string[] = []): string[] {
  let names: string[];
  try {
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
    if (st.isDirectory()) findTables(p, out);
    else if (name.endsWith(EXTENSION)) out.push(p);
  }
  return out;
}
