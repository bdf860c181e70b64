// Which width of brackets and dots a document mostly uses, for rules and the formatter.

import type { Model } from "../model/model.js";
import type { MarkerMatch } from "../syntax/markers.js";

export function allMarkers(model: Model): MarkerMatch[] {
  const out: MarkerMatch[] = [];
  for (const n of model.tree.nodes) {
    if (n.kind === "heading") out.push(n.marker);
    else if (n.kind === "task") {
      if (n.marker) out.push(n.marker);
      for (const it of n.items) if (it.marker) out.push(it.marker);
    }
  }
  return out;
}

/** Bracketed markers decide; with a tie, the first one written. */
export function majorityWidth(model: Model): "full" | "half" {
  let full = 0;
  let half = 0;
  let first: "full" | "half" | null = null;
  for (const m of allMarkers(model)) {
    if ((m.level === 2 || m.level === 4) && (m.width === "full" || m.width === "half")) {
      if (m.width === "full") full++;
      else half++;
      first ??= m.width;
    }
  }
  if (full === half) return first ?? "full";
  return full > half ? "full" : "half";
}
