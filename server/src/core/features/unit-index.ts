// Every unit a drafter may mean: the registry's and those the workspace's tables use, with
// usage counts and precomputed search keys (names, full pinyin, pinyin initials), so that
// completion is a scan over ready strings, not a conversion per request.

import type { Registry } from "../model/registry.js";

export interface UnitInfo {
  canonical: string;
  aliases: readonly string[];
  abbreviations: readonly string[];
  registered: boolean;
  /** Times it is named as lead or partner across the indexed tables. */
  uses: number;
  /** Lower-case keys: every name, its full pinyin and its initials. */
  keys: readonly string[];
}

const keyCache = new Map<string, string[]>();

// The pinyin dictionary is tens of megabytes once loaded: load it when completion first
// needs a key, not when the server starts.
type PinyinPro = typeof import("pinyin-pro");
let pinyinPro: PinyinPro | null = null;
/** Syllables without tones, one a character; non-Chinese runs kept whole. */
function syllablesOf(name: string): string[] {
  pinyinPro ??= require("pinyin-pro") as PinyinPro;
  return pinyinPro.pinyin(name, { toneType: "none", type: "array", nonZh: "consecutive", v: true });
}

/** 区发改局 -> ["区发改局", "qufagaiju", "qfgj"] */
export function searchKeys(name: string): string[] {
  let k = keyCache.get(name);
  if (k) return k;
  const syllables = syllablesOf(name);
  const full = syllables.join("").toLowerCase().replace(/\s+/g, "");
  const initials = syllables.map((s) => s.charAt(0)).join("").toLowerCase();
  k = [name.toLowerCase(), full, initials];
  keyCache.set(name, k);
  return k;
}

export interface UnitMatch {
  info: UnitInfo;
  /** Lower is better: 0 a prefix of a name, 1 a prefix of pinyin, 2 inside, 3 initials inside. */
  quality: number;
}

export class UnitIndex {
  private readonly byName = new Map<string, UnitInfo>();
  readonly units: UnitInfo[] = [];

  constructor(registry: Registry, usage: ReadonlyMap<string, number>) {
    for (const e of registry.entries) {
      const names = [e.name, ...(e.aliases ?? []), ...(e.abbreviations ?? [])];
      this.add({
        canonical: e.name,
        aliases: e.aliases ?? [],
        abbreviations: e.abbreviations ?? [],
        registered: true,
        uses: usage.get(e.name) ?? 0,
        keys: names.flatMap(searchKeys),
      });
    }
    for (const [name, uses] of usage) {
      if (this.byName.has(name)) continue;
      this.add({ canonical: name, aliases: [], abbreviations: [], registered: false, uses, keys: searchKeys(name) });
    }
  }

  private add(u: UnitInfo) {
    this.byName.set(u.canonical, u);
    this.units.push(u);
  }

  get(canonical: string): UnitInfo | undefined {
    return this.byName.get(canonical);
  }

  /** Units matching what was typed (Chinese or pinyin), best first. */
  search(typed: string, limit: number): { matches: UnitMatch[]; total: number } {
    const t = typed.toLowerCase();
    const found: UnitMatch[] = [];
    for (const u of this.units) {
      if (t === "") {
        found.push({ info: u, quality: 0 });
        continue;
      }
      let q = 9;
      const keys = u.keys;
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        const at = k.indexOf(t);
        if (at < 0) continue;
        const kind = i % 3; // name, full pinyin, initials
        const score = at === 0 ? (kind === 0 ? 0 : 1) : kind === 2 ? 3 : 2;
        if (score < q) q = score;
        if (q === 0) break;
      }
      if (q < 9) found.push({ info: u, quality: q });
    }
    found.sort((a, b) => a.quality - b.quality || b.info.uses - a.info.uses || Number(b.info.registered) - Number(a.info.registered) || a.info.canonical.length - b.info.canonical.length || (a.info.canonical < b.info.canonical ? -1 : 1));
    return { matches: found.slice(0, limit), total: found.length };
  }
}
