// The toneless readings of single Chinese characters, from the table that
// scripts/write-pinyin.mjs generates out of pinyin-pro at build time. The table is about
// 70 KB of strings in the bundle and is decoded on first use into an array of 16-bit group
// numbers; pinyin-pro's own dictionaries cost the server tens of megabytes once loaded.

import { DIGITS, GROUPS, OTHERS, UNIFIED, UNIFIED_FIRST } from "../generated/pinyin-table.js";

interface Table {
  /** Reading groups by number; group 0 is empty. */
  groups: readonly (readonly string[])[];
  /** The group number of each code point from UNIFIED_FIRST on. */
  unified: Uint16Array;
  /** The group number of each code point outside `unified` that has one. */
  others: Map<number, number>;
}

let table: Table | null = null;

function load(): Table {
  const digit = new Uint8Array(128);
  for (let i = 0; i < DIGITS.length; i++) digit[DIGITS.charCodeAt(i)] = i;
  const base = DIGITS.length;
  const groups = GROUPS.split("|").map((g) => (g === "" ? [] : g.split(" ")));
  const unified = new Uint16Array(UNIFIED.length / 2);
  for (let i = 0; i < unified.length; i++) {
    unified[i] = digit[UNIFIED.charCodeAt(2 * i)] * base + digit[UNIFIED.charCodeAt(2 * i + 1)];
  }
  const others = new Map<number, number>();
  for (let i = 0; i < OTHERS.length; i += 2) others.set(OTHERS[i], OTHERS[i + 1]);
  return { groups, unified, others };
}

const NONE: readonly string[] = [];

/**
 * A character's toneless readings, most common first, ü written v (重 -> ["zhong", "chong"]);
 * empty for a code point that is not a Chinese character.
 */
export function readingsOf(codePoint: number): readonly string[] {
  const t = (table ??= load());
  const i = codePoint - UNIFIED_FIRST;
  const g = i >= 0 && i < t.unified.length ? t.unified[i] : t.others.get(codePoint);
  return g === undefined ? NONE : t.groups[g];
}
