// Every safe fix at once, in passes: a fix can bring another finding to light (TT104 writes
// 2. beside a 1．, which TT108 then reports as mixed widths), and that finding's safe fix is
// taken in the next pass. A bounded number of passes, so fixes that undo each other cannot
// loop.

import type { Edit, Finding } from "../rules/types.js";
import type { Settings } from "../settings.js";
import { parse } from "../syntax/parser.js";
import { buildModel } from "../model/build.js";
import { check } from "../check.js";
import { applyEdits, nonOverlapping } from "./edits.js";

export const FIX_PASSES = 10;

/** The first safe fix of every finding above hint level, without overlaps: one pass. */
export function safeFixEdits(findings: readonly Finding[]): Edit[] {
  const edits: Edit[] = [];
  for (const f of findings) {
    if (f.severity === "hint") continue;
    const fix = f.fixes.find((x) => x.safe);
    if (fix) edits.push(...fix.edits);
  }
  return nonOverlapping(edits);
}

/** The text with every safe fix applied, pass after pass until none is left. `findings`: the text's own, if at hand. */
export function fixAllText(text: string, settings: Settings, findings?: readonly Finding[]): string {
  let current = text;
  let found = findings ?? check(buildModel(parse(text, { labels: settings.labels }), settings), settings);
  for (let pass = 0; pass < FIX_PASSES; pass++) {
    const next = applyEdits(current, safeFixEdits(found));
    if (next === current) break;
    current = next;
    found = check(buildModel(parse(current, { labels: settings.labels }), settings), settings);
  }
  return current;
}

/** One edit that turns `from` into `to`: the span between their common start and end. */
export function replacementEdit(from: string, to: string): Edit | null {
  if (from === to) return null;
  let s = 0;
  const max = Math.min(from.length, to.length);
  while (s < max && from.charCodeAt(s) === to.charCodeAt(s)) s++;
  // Not into a surrogate pair.
  if (s > 0 && isHigh(from.charCodeAt(s - 1))) s--;
  let e = 0;
  while (e < max - s && from.charCodeAt(from.length - 1 - e) === to.charCodeAt(to.length - 1 - e)) e++;
  if (e > 0 && isLow(from.charCodeAt(from.length - e))) e--;
  return { start: s, end: from.length - e, newText: to.slice(s, to.length - e) };
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
