// Renaming a unit in a config or unit file: every place the registry spells its name.

import { parseTree, type Node } from "jsonc-parser";
import type { Edit } from "../rules/types.js";

/** Edits to the JSON text that replace the unit's name where it is an entry or an entry's name. */
export function renameInRegistryText(text: string, oldName: string, newName: string): Edit[] {
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
  const walkObject = (obj: Node | undefined) => {
    if (!obj || obj.type !== "object") return;
    for (const prop of obj.children ?? []) {
      const [k, v] = prop.children ?? [];
      if (k?.value === "units") entries(v);
      if (k?.value === "overrides" && v?.type === "array") for (const o of v.children ?? []) walkObject(o);
    }
  };
  walkObject(root);
  return edits;
}

function replaceString(n: Node, value: string): Edit {
  return { start: n.offset, end: n.offset + n.length, newText: JSON.stringify(value) };
}
