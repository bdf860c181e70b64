// Shared test helpers: settings from inline config, golden files, fixture annotations.

import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { Writable } from "node:stream";
import { main } from "../server/src/cli/main.js";
import assert from "node:assert/strict";
import { parseConfig, toSettings, effectiveLayer, type Settings, type SyntaxTree } from "../server/src/core/index.js";
import { isSpace } from "../server/src/core/text.js";

export const UPDATE = process.env.TASKTABLE_UPDATE_GOLDEN === "1";

/** Settings from a tasktable.json text (inline units only). */
export function settingsFrom(configText = "{}"): Settings {
  const { config, problems } = parseConfig(configText);
  assert.deepEqual(problems, [], "the test's config is valid");
  return toSettings(effectiveLayer(config, null));
}

/** Compares with a golden file, or writes it under `npm run test:update`. */
export function golden(path: string, actual: string) {
  if (UPDATE || !existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    if (!UPDATE) assert.fail(`golden file ${path} was missing and has been written; run the tests again`);
    return;
  }
  assert.equal(actual, readFileSync(path, "utf8"), `${path} differs (npm run test:update rewrites it; review the diff)`);
}

export interface Expectation {
  /** 0-based line the finding must start on. */
  line: number;
  rule: string;
  /** The text the finding's range must cover, if given. */
  at?: string;
  /** Where the annotation is, for messages. */
  annotationLine: number;
}

/**
 * Reads `// expect: rule-name [at "text"]` annotations. Each one names a finding that must
 * start on the nearest line above it that is not itself an annotation.
 */
export function readExpectations(text: string): { expectations: Expectation[]; quietFrom: number | null; config: string | null; extraRules: string[] } {
  const lines = text.split(/\r\n|\r|\n/);
  const expectations: Expectation[] = [];
  let quietFrom: number | null = null;
  let config: string | null = null;
  const extraRules: string[] = [];
  let target = -1;
  lines.forEach((raw, i) => {
    const l = raw.trim();
    let m: RegExpMatchArray | null;
    if ((m = l.match(/^\/\/\s*expect:\s*([a-z-]+)(?:\s+at\s+"(.*)")?\s*$/))) {
      assert.ok(target >= 0, `annotation on line ${i + 1} has no line above it`);
      expectations.push({ line: target, rule: m[1], at: m[2], annotationLine: i + 1 });
      return;
    }
    if ((m = l.match(/^\/\/\s*config:\s*(\{.*\})\s*$/))) {
      config = m[1];
      return;
    }
    if ((m = l.match(/^\/\/\s*also:\s*([a-z-, ]+)$/))) {
      extraRules.push(...m[1].split(/[,\s]+/).filter(Boolean));
      return;
    }
    if (/^\/\/\s*quiet\b/.test(l)) {
      quietFrom = i;
      return;
    }
    if (l.startsWith("//")) return;
    target = i;
  });
  return { expectations, quietFrom, config, extraRules };
}

export const ROOT = join(import.meta.dirname, "..");

/** Runs the CLI in this process, from the repository root, capturing its output. */
export async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const sink = (f: (s: string) => void) => new Writable({ write: (c, _e, cb) => (f(String(c)), cb()) });
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const code = await main(args, { out: sink((s) => (out += s)), err: sink((s) => (err += s)) });
    return { code, out, err };
  } finally {
    process.chdir(cwd);
  }
}

/** Non-space characters outside numbers, labels and their colons: the user's own text. */
export function userText(tree: SyntaxTree): string {
  const skip: [number, number][] = [];
  for (const n of tree.nodes) {
    if (n.kind === "heading") skip.push([n.marker.start, n.marker.end]);
    if (n.kind === "title") skip.push([n.sign.start, n.sign.end]);
    if (n.kind === "note" && n.quoted) skip.push([n.range.start, n.range.start + 1]);
    if (n.kind === "columns") skip.push([n.label.start, n.cells[0]?.start ?? n.range.end]);
    if (n.kind === "task") {
      const walk = (t: typeof n) => {
        if (t.marker) skip.push([t.marker.start, t.marker.end]);
        for (const f of t.fields) skip.push([f.label.start, f.colon.end]);
        t.items.forEach(walk);
      };
      walk(n);
    }
  }
  skip.sort((a, b) => a[0] - b[0]);
  let out = "";
  let k = 0;
  const text = tree.text;
  for (let i = 0; i < text.length; i++) {
    while (k < skip.length && skip[k][1] <= i) k++;
    if (k < skip.length && skip[k][0] <= i) continue;
    const c = text.charCodeAt(i);
    if (!isSpace(c) && c !== 10 && c !== 13) out += text[i];
  }
  return out;
}

