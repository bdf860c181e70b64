// Config text -> Config, never throwing. A bad value is reported where it was written and
// dropped, so its default applies; a file that is not JSON at all gives the defaults.

import { parse as parseJsonc, parseTree, findNodeAtLocation, printParseErrorCode, type ParseError, type Node } from "jsonc-parser";
import type * as z from "zod/mini";
import { configSchema, unitFileSchema, type Config, type UnitEntryInput } from "./schema.js";

export interface ConfigProblem {
  message: string;
  start: number;
  end: number;
}

const DROP = Symbol("drop");

export function parseConfig(text: string): { config: Config; problems: ConfigProblem[]; ok: boolean } {
  const r = validate(text, configSchema);
  return { config: (r.value ?? {}) as Config, problems: r.problems, ok: r.syntaxOk };
}

export function parseUnitFile(text: string): { units: UnitEntryInput[]; problems: ConfigProblem[] } {
  const r = validate(text, unitFileSchema);
  const v = r.value as UnitEntryInput[] | { units: UnitEntryInput[] } | undefined;
  return { units: v ? (Array.isArray(v) ? v : v.units) : [], problems: r.problems };
}

function validate(text: string, schema: z.ZodMiniType): { value: unknown; problems: ConfigProblem[]; syntaxOk: boolean } {
  const problems: ConfigProblem[] = [];
  const errors: ParseError[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? " " + text.slice(1) : text;
  let value: unknown = parseJsonc(body, errors, { allowTrailingComma: true });
  for (const e of errors) {
    problems.push({ message: `JSON: ${printParseErrorCode(e.error)}`, start: e.offset, end: e.offset + Math.max(1, e.length) });
  }
  if (errors.length) return { value: undefined, problems, syntaxOk: false };
  const root = parseTree(body);
  for (let round = 0; round < 50; round++) {
    const r = schema.safeParse(value);
    if (r.success) return { value: r.data, problems, syntaxOk: true };
    for (const issue of r.error.issues.flatMap((i) => specific(i as Issue, []))) {
      const path = issue.path;
      if (issue.code === "unrecognized_keys" && issue.keys) {
        for (const k of issue.keys) {
          const node = root ? findNodeAtLocation(root, [...path, k]) : undefined;
          problems.push({ message: `${fmtPath([...path, k])}: unknown key`, ...at(node?.parent ?? node, body) });
          value = mark(value, [...path, k]);
        }
        continue;
      }
      const message = `${fmtPath(path)}: ${issue.message}; the default applies`;
      if (!problems.some((p) => p.message === message)) problems.push({ message, ...at(nearestNode(root, path), body) });
      // A missing value cannot be dropped: drop what holds it.
      let drop: (string | number)[] = path;
      while (drop.length && valueAt(value, drop) === undefined) drop = drop.slice(0, -1);
      if (drop.length === 0) return { value: undefined, problems, syntaxOk: true };
      value = mark(value, drop);
    }
    value = sweep(value);
  }
  return { value: undefined, problems, syntaxOk: true };
}

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  errors?: Issue[][];
}

/**
 * A union that failed says only "invalid input" at its own place. Where the value matched
 * one branch's type, that branch's issues say what is actually wrong, and where.
 */
function specific(issue: Issue, prefix: (string | number)[]): (Issue & { path: (string | number)[] })[] {
  const path = [...prefix, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p) as string | number)];
  if (issue.code === "invalid_union" && issue.errors) {
    const matching = issue.errors.filter((branch) => !branch.some((i) => i.code === "invalid_type" && i.path.length === 0));
    if (matching.length === 1) return matching[0].flatMap((i) => specific(i, path));
  }
  return [{ ...issue, path }];
}

function valueAt(value: unknown, path: (string | number)[]): unknown {
  let cur = value;
  for (const k of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

function nearestNode(root: Node | undefined, path: (string | number)[]): Node | undefined {
  if (!root) return undefined;
  for (let p = path; ; p = p.slice(0, -1)) {
    const n = findNodeAtLocation(root, p);
    if (n || p.length === 0) return n;
  }
}

function fmtPath(path: (string | number)[]): string {
  return path.length ? path.map((p) => (typeof p === "number" ? `[${p}]` : p)).join(".").replace(/\.\[/g, "[") : "(config)";
}

function at(node: Node | undefined, text: string): { start: number; end: number } {
  if (!node) return { start: 0, end: Math.min(1, text.length) };
  if (node.type === "property" && node.children?.[0]) return { start: node.children[0].offset, end: node.children[0].offset + node.children[0].length };
  return { start: node.offset, end: node.offset + node.length };
}

/** Marks the value at a path for removal (array items are swept out afterwards). */
function mark(value: unknown, path: (string | number)[]): unknown {
  if (path.length === 0) return value;
  let cur = value as Record<string | number, unknown>;
  for (let i = 0; i < path.length - 1; i++) {
    const next = cur?.[path[i]];
    if (next === null || typeof next !== "object") return value;
    cur = next as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (Array.isArray(cur)) cur[last as number] = DROP;
  else if (cur && typeof cur === "object") delete cur[last];
  return value;
}

function sweep(v: unknown): unknown {
  if (Array.isArray(v)) return v.filter((x) => x !== DROP).map(sweep);
  if (v && typeof v === "object") {
    for (const k of Object.keys(v)) (v as Record<string, unknown>)[k] = sweep((v as Record<string, unknown>)[k]);
  }
  return v;
}
