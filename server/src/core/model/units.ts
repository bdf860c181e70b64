// Splits a unit field into its list items: units, 同上, and the empty items that doubled or
// trailing separators leave. Brackets protect their content from splitting.

import type { Range } from "../text.js";
import type { FieldNode } from "../syntax/nodes.js";

/** A unit as written. The model makes these its units, so that one object stands for both. */
export interface UnitItem {
  readonly kind: "unit";
  readonly range: Range;
  readonly start: number;
  readonly end: number;
  name: string;
}

export type ListItem =
  | UnitItem
  | { kind: "ditto"; range: Range }
  /** Two separators with nothing between, or a separator at the start or end of the list. */
  | { kind: "empty"; range: Range };

// One byte a character code: 1 opens a bracket, 2 closes one, 3 separates, 4 is a space.
const CLASS = new Uint8Array(0x10000);
for (const c of [0xff08, 40, 0x300a, 0x201c, 0x3014, 0x3010, 91, 0x3008]) CLASS[c] = 1; // （ ( 《 “ 〔 【 [ 〈
for (const c of [0xff09, 41, 0x300b, 0x201d, 0x3015, 0x3011, 93, 0x3009]) CLASS[c] = 2;
for (const c of [0x3001, 0xff0c, 44, 0xff1b, 59]) CLASS[c] = 3; // 、 ， , ； ;
for (const c of [32, 9, 0xa0, 0x3000]) CLASS[c] = 4;

export function isStrongSeparator(c: number): boolean {
  // 、 ， , ； ;
  return c === 0x3001 || c === 0xff0c || c === 44 || c === 0xff1b || c === 59;
}

/** 及 和 与: two units written as one, joined by one of these, are read as two. */
export function isConjunction(c: number): boolean {
  return c === 0x53ca || c === 0x548c || c === 0x4e0e;
}

function isTrailingStop(c: number): boolean {
  // 。 . ； ;
  return c === 0x3002 || c === 46;
}

export const DITTO = "同上";

function plainUnit(text: string, start: number, end: number): UnitItem {
  const name = text.slice(start, end);
  return { kind: "unit", range: { start, end }, start, end, name };
}

/**
 * Where a list is gathered before it is copied at its size: one list for every call, so that
 * gathering makes no garbage (a list grown by push is sized for seventeen, and a table has a
 * unit list for every task). The callback never splits another list meanwhile.
 */
const scratch: (ListItem | undefined)[] = [];

/** Splits the value of a unit field: its text on the label line, then on each line below. */
export function splitUnits(text: string, value: Pick<FieldNode, "valueStart" | "valueEnd" | "moreValue">, unit: (text: string, start: number, end: number) => UnitItem = plainUnit): ListItem[] {
  const out = scratch;
  let n = 0;
  // Position of the last strong separator not yet followed by an item, or -1.
  let pendingSep = -1;
  let sawItem = false;
  // The last separator already reported as empty: a list that ends in two is reported once.
  let reported = -1;
  const more = value.moreValue;
  const count = more ? more.length : 0;
  for (let si = -1; si < count; si++) {
    let i = si < 0 ? value.valueStart : more![si].start;
    const end = si < 0 ? value.valueEnd : more![si].end;
    while (i < end) {
      const c = text.charCodeAt(i);
      const k = CLASS[c];
      if (k === 4) {
        i++;
        continue;
      }
      if (k === 3) {
        if (pendingSep >= 0 || !sawItem) {
          out[n++] = { kind: "empty", range: { start: i, end: i + 1 } };
          reported = i;
        }
        pendingSep = i;
        i++;
        continue;
      }
      // an item: up to the next separator or space outside brackets
      const s = i;
      let depth = 0;
      while (i < end) {
        const k2 = CLASS[text.charCodeAt(i)];
        if (k2 === 1) depth++;
        else if (k2 === 2) depth = depth > 0 ? depth - 1 : 0;
        else if (depth === 0 && k2 >= 3) break;
        i++;
      }
      let e = i;
      // a full stop ends the list, it is not part of the name
      while (e > s && isTrailingStop(text.charCodeAt(e - 1))) e--;
      if (e > s) {
        // The name is cut from the text by `unit`, which may find it already cut.
        out[n++] = e - s === DITTO.length && text.startsWith(DITTO, s) ? { kind: "ditto", range: { start: s, end: e } } : unit(text, s, e);
        sawItem = true;
        pendingSep = -1;
      }
    }
  }
  if (pendingSep >= 0 && sawItem && pendingSep !== reported) out[n++] = { kind: "empty", range: { start: pendingSep, end: pendingSep + 1 } };
  // A copy at its size, kept with the model; the scratch list lets go of what it held.
  const list = out.slice(0, n) as ListItem[];
  // After a list of thousands (a pathological cell), the room goes too.
  if (out.length > 1024) out.length = 0;
  else out.fill(undefined, 0, n);
  return list;
}
