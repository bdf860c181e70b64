// Which width of brackets the document's numbers mostly use: the one rule that both the
// mixed-width check and the formatter follow, so they never disagree.

import type { MarkerMatch } from "./markers.js";
import type { SyntaxTree, TaskNode } from "./nodes.js";
import { MemoKey } from "../memo.js";

const MARKERS = new MemoKey<readonly MarkerMatch[]>("numbers");

/** Every number in the tree, in document order; collected once per tree. */
export function treeMarkers(tree: SyntaxTree): readonly MarkerMatch[] {
  return tree.memo.get(MARKERS, () => collectMarkers(tree));
}

function collectMarkers(tree: SyntaxTree): MarkerMatch[] {
  const out: MarkerMatch[] = [];
  const walk = (n: TaskNode) => {
    if (n.marker) out.push(n.marker);
    for (const it of n.items) walk(it);
  };
  for (const n of tree.nodes) {
    if (n.kind === "heading") out.push(n.marker);
    else if (n.kind === "task") walk(n);
  }
  return out;
}

/** Bracketed numbers decide; on a tie, the first one written; with none, full width. */
export function dominantWidth(tree: SyntaxTree): "full" | "half" {
  let full = 0;
  let half = 0;
  let first: "full" | "half" | null = null;
  const markers = treeMarkers(tree);
  for (let i = 0; i < markers.length; i++) {
    const m = markers[i];
    if ((m.level === 2 || m.level === 4) && (m.width === "full" || m.width === "half")) {
      if (m.width === "full") full++;
      else half++;
      first ??= m.width;
    }
  }
  if (full === half) return first ?? "full";
  return full > half ? "full" : "half";
}
