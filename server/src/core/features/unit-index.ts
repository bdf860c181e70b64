// Every unit a drafter may mean: the registry's and those the workspace's tables use, with
// usage counts and precomputed search keys (names, full pinyin, pinyin initials), so that
// completion is a scan over ready strings, not a conversion per request.

import type { Registry } from "../model/registry.js";
import { readingsOf } from "./pinyin.js";

export interface UnitInfo {
  canonical: string;
  aliases: readonly string[];
  abbreviations: readonly string[];
  registered: boolean;
  /** Times it is named as lead or partner across the indexed tables. */
  uses: number;
  /**
   * Lower-case search keys in three runs: every name, then their full pinyin, then their
   * initials. A name with polyphonic characters has a key in each pinyin run per reading.
   */
  keys: readonly string[];
  /** Where the full pinyin run of `keys` starts. */
  pinyinAt: number;
  /** Where the initials run of `keys` starts. */
  initialsAt: number;
}

export interface SearchKeys {
  /** The name in lower case. */
  name: string;
  /** Full pinyin, one for each reading of the name, the most common reading first. */
  pinyin: readonly string[];
  /** Initials of those readings, without repeats. */
  initials: readonly string[];
}

/**
 * How many readings of one name are kept. Each polyphonic character multiplies them, so a
 * long name could otherwise grow the index without bound; the reading a name is said with is
 * nearly always among the first few (a test holds them against pinyin-pro's phrase readings).
 */
export const MAX_READINGS = 8;

const keyCache = new Map<string, SearchKeys>();

/**
 * 区发改局 -> { name: "区发改局", pinyin: ["qufagaiju", "oufagaiju"], initials: ["qfgj", "ofgj"] }.
 * Characters without a reading are kept in runs (`12345热线` -> "12345rexian", "1rx"), as
 * pinyin-pro's `nonZh: "consecutive"` keeps them; white space is dropped.
 */
export function searchKeys(name: string): SearchKeys {
  let k = keyCache.get(name);
  if (k) return k;
  // One entry a Chinese character (its readings) or a run of other characters (the run).
  const parts: (readonly string[])[] = [];
  let run = "";
  for (const ch of name) {
    const r = readingsOf(ch.codePointAt(0)!);
    if (r.length === 0) {
      if (!/\s/.test(ch)) run += ch.toLowerCase();
      continue;
    }
    if (run) parts.push([run]);
    run = "";
    parts.push(r);
  }
  if (run) parts.push([run]);
  const polyphonic: number[] = [];
  for (let i = 0; i < parts.length; i++) if (parts[i].length > 1) polyphonic.push(i);
  const full = new Set<string>();
  const initials = new Set<string>();
  const chosen = parts.map((p) => p[0]);
  for (const ranks of readingChoices(polyphonic.map((i) => parts[i].length - 1), MAX_READINGS)) {
    for (let j = 0; j < polyphonic.length; j++) chosen[polyphonic[j]] = parts[polyphonic[j]][ranks[j]];
    full.add(chosen.join(""));
    initials.add(chosen.map((s) => s.charAt(0)).join(""));
  }
  k = { name: name.toLowerCase(), pinyin: [...full], initials: [...initials] };
  keyCache.set(name, k);
  return k;
}

/**
 * The first `cap` ways to pick a reading for each polyphonic character, given the highest rank
 * each may take (0 is its most common reading). Choices come in order of the sum of their
 * ranks, so the most common reading of every character comes first, then each single
 * departure from it, and so on; among equals, earlier characters depart first.
 */
export function readingChoices(maxRank: readonly number[], cap: number): number[][] {
  const out: number[][] = [];
  const n = maxRank.length;
  // room[i]: the most rank the characters from i on can still take up.
  const room = new Array<number>(n + 1).fill(0);
  for (let i = n - 1; i >= 0; i--) room[i] = room[i + 1] + maxRank[i];
  const pick = new Array<number>(n).fill(0);
  // Every branch taken can still be completed (the room check), so the search stops after
  // about `cap` × n steps however many characters are polyphonic.
  const fill = (i: number, left: number): void => {
    if (i === n) {
      out.push(pick.slice());
      return;
    }
    for (let r = Math.min(left, maxRank[i]); r >= 0 && out.length < cap; r--) {
      if (room[i + 1] < left - r) break;
      pick[i] = r;
      fill(i + 1, left - r);
    }
  };
  for (let sum = 0; sum <= room[0] && out.length < cap; sum++) fill(0, sum);
  return out;
}

export interface UnitMatch {
  info: UnitInfo;
  /** Lower is better: 0 a prefix of a name, 1 a prefix of pinyin, 2 inside, 3 initials inside. */
  quality: number;
}

/** The keys of a unit's names, in the three runs UnitInfo describes, each key once. */
function keysOf(names: readonly string[]): Pick<UnitInfo, "keys" | "pinyinAt" | "initialsAt"> {
  const all = names.map(searchKeys);
  const lower = new Set(all.map((k) => k.name));
  const pinyin = new Set(all.flatMap((k) => k.pinyin));
  const initials = new Set(all.flatMap((k) => k.initials));
  // Filled in place: an array spread from three sets is given room for about 19 keys
  // whatever it holds (a unit has about 5), and the index keeps one for every unit.
  const keys = new Array<string>(lower.size + pinyin.size + initials.size);
  let i = 0;
  for (const run of [lower, pinyin, initials]) for (const k of run) keys[i++] = k;
  return { keys, pinyinAt: lower.size, initialsAt: lower.size + pinyin.size };
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
}

interface Haystack {
  ranked: UnitInfo[];
  text: string;
  /** For each key: where it starts in `text`, its unit (index in `ranked`), its run (0 names, 1 pinyin, 2 initials). */
  keyStart: Int32Array;
  keyUnit: Int32Array;
  keyRun: Uint8Array;
}

export class UnitIndex {
  private readonly byName = new Map<string, UnitInfo>();
  readonly units: UnitInfo[] = [];

  /**
   * `previous`, an index this one replaces (the workspace changed, so the counts did): the
   * pinyin keys of a unit whose names are unchanged are taken from it, not worked out again.
   */
  constructor(registry: Registry, usage: ReadonlyMap<string, number>, previous?: UnitIndex) {
    const keys = (canonical: string, aliases: readonly string[], abbreviations: readonly string[]) => {
      const p = previous?.byName.get(canonical);
      if (p && sameNames(p.aliases, aliases) && sameNames(p.abbreviations, abbreviations)) return { keys: p.keys, pinyinAt: p.pinyinAt, initialsAt: p.initialsAt };
      return keysOf([canonical, ...aliases, ...abbreviations]);
    };
    for (const e of registry.entries) {
      const aliases = e.aliases ?? [];
      const abbreviations = e.abbreviations ?? [];
      this.add({ canonical: e.name, aliases, abbreviations, registered: true, uses: usage.get(e.name) ?? 0, ...keys(e.name, aliases, abbreviations) });
    }
    for (const [name, uses] of usage) {
      if (this.byName.has(name)) continue;
      this.add({ canonical: name, aliases: [], abbreviations: [], registered: false, uses, ...keys(name, [], []) });
    }
  }

  /** Builds what a search reads, so that the first search does not wait for it. */
  prepare() {
    this.ready();
  }

  private add(u: UnitInfo) {
    this.byName.set(u.canonical, u);
    this.units.push(u);
  }

  /**
   * The units in the order that breaks ties between equal matches: most used, registered,
   * shorter, then by name; and every key of every unit, in that order, in one string, so a
   * search is a native substring search that jumps from match to match. Built once per index.
   */
  private haystack: Haystack | null = null;
  private ready(): Haystack {
    if (this.haystack) return this.haystack;
    const ranked = [...this.units].sort(
      (a, b) => b.uses - a.uses || Number(b.registered) - Number(a.registered) || a.canonical.length - b.canonical.length || (a.canonical < b.canonical ? -1 : a.canonical > b.canonical ? 1 : 0),
    );
    let keys = 0;
    for (const u of ranked) keys += u.keys.length;
    const keyStart = new Int32Array(keys);
    const keyUnit = new Int32Array(keys);
    const keyRun = new Uint8Array(keys);
    const parts: string[] = [];
    let at = 0;
    let k = 0;
    ranked.forEach((u, ui) => {
      u.keys.forEach((key, i) => {
        keyStart[k] = at;
        keyUnit[k] = ui;
        keyRun[k++] = i < u.pinyinAt ? 0 : i < u.initialsAt ? 1 : 2;
        parts.push(key);
        at += key.length + 1;
      });
    });
    // NUL ends each key: nothing typed contains it, so no match runs from one key into the next.
    return (this.haystack = { ranked, text: parts.join("\0") + "\0", keyStart, keyUnit, keyRun });
  }

  get(canonical: string): UnitInfo | undefined {
    return this.byName.get(canonical);
  }

  /**
   * Units matching what was typed (Chinese or pinyin), best first, at most `limit`; `more`
   * says whether others match too. Units come in rank order, so once the best bucket is full
   * nothing later can be shown, and the search stops at the next match.
   */
  search(typed: string, limit: number): { matches: UnitMatch[]; more: boolean } {
    const h = this.ready();
    const t = typed.toLowerCase();
    // NUL ends each key in the haystack: no name holds it.
    if (t.includes("\0")) return { matches: [], more: false };
    if (t === "") return { matches: h.ranked.slice(0, limit).map((info) => ({ info, quality: 0 })), more: h.ranked.length > limit };
    const buckets: UnitMatch[][] = [[], [], [], []];
    let unit = -1;
    let best = 9;
    let more = false;
    /** Files the unit whose matches have all been seen; a unit that cannot be shown is "more". */
    const settle = () => {
      const b = buckets[best];
      if (buckets[0].length >= limit || b.length >= limit) more = true;
      else b.push({ info: h.ranked[unit], quality: best });
    };
    let k = 0;
    for (let pos = h.text.indexOf(t); pos >= 0; pos = h.text.indexOf(t, pos + 1)) {
      // The key the match lies in: keys start in increasing order, and so do matches.
      while (k + 1 < h.keyStart.length && h.keyStart[k + 1] <= pos) k++;
      const u = h.keyUnit[k];
      if (u !== unit) {
        if (unit >= 0) settle();
        // The best bucket is full and another unit matches: nothing later can be shown.
        if (buckets[0].length >= limit) {
          more = true;
          unit = -1;
          break;
        }
        unit = u;
        best = 9;
      }
      const run = h.keyRun[k];
      const score = pos === h.keyStart[k] ? (run === 0 ? 0 : 1) : run < 2 ? 2 : 3;
      if (score < best) best = score;
    }
    if (unit >= 0) settle();
    const matches: UnitMatch[] = [];
    for (const b of buckets) for (const m of b) if (matches.length < limit) matches.push(m);
    if (matches.length < buckets[0].length + buckets[1].length + buckets[2].length + buckets[3].length) more = true;
    return { matches, more };
  }
}
