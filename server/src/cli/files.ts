// Which files a command works on: files as given, folders searched for *.tasktable.

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
    if (st.isDirectory()) walk(a, files);
    else files.push(a);
  }
  return { files: [...new Set(files)], missing };
}

function walk(dir: string, out: string[]) {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return;
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
    if (st.isDirectory()) walk(p, out);
    else if (name.endsWith(EXTENSION)) out.push(p);
  }
}
