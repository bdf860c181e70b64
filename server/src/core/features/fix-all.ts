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

/**
 * The first safe fix of every finding above hint level: one pass. A fix is taken whole or
 * not at all (its edits belong together); one that touches an edit already taken waits for
 * the next pass.
 */
export function safeFixEdits(findings: readonly Finding[]): Edit[] {
  // Taken edits, by start: a new one clashes with its neighbours or with none.
  const taken: Edit[] = [];
  const at = (e: Edit) => {
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (taken[mid].start < e.start || (taken[mid].start === e.start && taken[mid].end < e.end)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const overlaps = (a: Edit, b: Edit) => (a.start < b.end && b.start < a.end) || (a.start === b.start && (a.start === a.end || b.start === b.end));
  const clashes = (e: Edit) => {
    const i = at(e);
    return (i > 0 && overlaps(taken[i - 1], e)) || (i < taken.length && overlaps(taken[i], e));
  };
  for (const f of findings) {
    if (f.severity === "hint") continue;
    const fix = f.fixes.find((x) => x.safe);
    if (!fix || fix.edits.some(clashes)) continue;
    for (const e of fix.edits) taken.splice(at(e), 0, e);
  }
  return nonOverlapping(taken);
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
