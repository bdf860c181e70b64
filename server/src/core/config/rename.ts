// Renaming a unit in a config or unit file: every place the registry spells its name.

import { parseTree, type Node } from "jsonc-parser";
import type { Edit } from "../rules/types.js";

/** Edits to the JSON text that replace the unit's name where it is an entry or an entry's name. */
export function renameInRegistryText(text: string, oldName: string, newName: string, layers?: { top: boolean; overrides: readonly number[] }): Edit[] {
  const root = parseTree(text);
  if (!root) return [];
  const edits: Edit[] = [];
  const entries = (arr: Node | undefined) => {
    if (!arr || arr.type !== "array") return;
    for (const e of arr.children ?? []) {
      if (e.type === "string" && e.value === oldName) edits.push(replaceString(e, newName));
      if (e.type === "object") {
        for (const prop of e.children ?? []) {
          const [k, v] = prop.children ?? [];
          if (k?.value === "name" && v?.type === "string" && v.value === oldName) edits.push(replaceString(v, newName));
        }
      }
    }
  };
  if (root.type === "array") entries(root);
  // `layers`: only the top-level list (if `top`) and the overrides with these indexes.
  const prop = (obj: Node | undefined, key: string) => (obj?.type === "object" ? obj.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1] : undefined);
  if (root.type === "object") {
    if (!layers || layers.top) entries(prop(root, "units"));
    const overrides = prop(root, "overrides");
    if (overrides?.type === "array") {
      (overrides.children ?? []).forEach((o, i) => {
        if (!layers || layers.overrides.includes(i)) entries(prop(o, "units"));
      });
    }
  }
  return edits;
}

function replaceString(n: Node, value: string): Edit {
  return { start: n.offset, end: n.offset + n.length, newText: JSON.stringify(value) };
}
