// Semantic tokens for what a grammar cannot know: whether a unit is in the registry, and
// which 同上 copied units from above.

import type { Model } from "../model/model.js";
import { allTasks } from "../rules/util.js";

export const TOKEN_TYPES = ["unit", "inherited"] as const;
export const TOKEN_MODIFIERS = ["registered", "unregistered", "collective"] as const;

export interface SemanticToken {
  start: number;
  end: number;
  type: (typeof TOKEN_TYPES)[number];
  modifiers: (typeof TOKEN_MODIFIERS)[number][];
}

export function semanticTokens(model: Model): SemanticToken[] {
  const out: SemanticToken[] = [];
  for (const t of allTasks(model)) {
    for (const f of t.fields) {
      const seen = new Set<number>();
      for (const u of f.units) {
        if (seen.has(u.range.start)) continue;
        seen.add(u.range.start);
        if (u.inheritedFrom) {
          out.push({ start: u.range.start, end: u.range.end, type: "inherited", modifiers: [] });
          continue;
        }
        const mods: SemanticToken["modifiers"] =
          u.resolution === "collective" ? ["collective"] : u.resolution === "unknown" ? ["unregistered"] : u.resolution === "none" ? [] : ["registered"];
        out.push({ start: u.range.start, end: u.range.end, type: "unit", modifiers: mods });
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
