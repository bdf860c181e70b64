// Applying edits to a text. Edits are in offsets of the original text and must not overlap.

import type { Edit } from "../rules/types.js";

export function applyEdits(text: string, edits: readonly Edit[]): string {
  if (edits.length === 0) return text;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) continue; // overlapping: keep the first
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** Drops edits that overlap one already kept, so a batch of fixes can be applied at once. */
export function nonOverlapping(edits: readonly Edit[]): Edit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Edit[] = [];
  let pos = -1;
  for (const e of sorted) {
    if (e.start < pos || (e.start === pos && e.start === e.end && out.length && out[out.length - 1].start === e.start)) continue;
    out.push(e);
    pos = e.end;
  }
  return out;
}
