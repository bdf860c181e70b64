// The team's unit registry: canonical names, aliases (other full names, such as names
// from before a reorganisation) and abbreviations, looked up in O(1).

export interface UnitEntry {
  name: string;
  aliases?: string[];
  abbreviations?: string[];
}

export type Via = "exact" | "alias" | "abbreviation";

export interface RegistryHit {
  canonical: string;
  via: Via;
}

export class Registry {
  private readonly map = new Map<string, RegistryHit>();
  readonly entries: readonly UnitEntry[];
  /** Every name the registry knows, canonical or not: the candidates for did-you-mean. */
  private readonly allNames: string[] = [];

  constructor(entries: readonly UnitEntry[]) {
    const merged = new Map<string, UnitEntry>();
    for (const e of entries) {
      const prev = merged.get(e.name);
      if (prev) {
        prev.aliases = [...(prev.aliases ?? []), ...(e.aliases ?? [])];
        prev.abbreviations = [...(prev.abbreviations ?? []), ...(e.abbreviations ?? [])];
      } else merged.set(e.name, { name: e.name, aliases: [...(e.aliases ?? [])], abbreviations: [...(e.abbreviations ?? [])] });
    }
    this.entries = [...merged.values()];
    for (const e of this.entries) this.add(e.name, { canonical: e.name, via: "exact" });
    for (const e of this.entries) {
      for (const a of e.aliases ?? []) this.add(a, { canonical: e.name, via: "alias" });
      for (const a of e.abbreviations ?? []) this.add(a, { canonical: e.name, via: "abbreviation" });
    }
  }

  private add(name: string, hit: RegistryHit) {
    if (!this.map.has(name)) {
      this.map.set(name, hit);
      this.allNames.push(name);
    }
  }

  get size(): number {
    return this.entries.length;
  }

  lookup(name: string): RegistryHit | undefined {
    return this.map.get(name);
  }

  entry(canonical: string): UnitEntry | undefined {
    return this.entries.find((e) => e.name === canonical);
  }

  private charIndex: Map<number, number[]> | null = null;
  private readonly suggestions = new Map<string, RegistryHit | null>();

  /**
   * The registry's closest name to an unknown one, if one is closer than `min`. Names that
   * share the most characters with it are found through an index of characters, and only
   * the best few are compared in full, so a 5,000-unit registry costs no more than a small
   * one. Answers are kept: the same unknown name tends to come back.
   */
  suggest(name: string, min = 0.5): RegistryHit | null {
    const key = `${min}\u0000${name}`;
    const cached = this.suggestions.get(key);
    if (cached !== undefined) return cached;
    if (!this.charIndex) {
      this.charIndex = new Map();
      this.allNames.forEach((n, id) => {
        for (const c of new Set(Array.from(n, (ch) => ch.charCodeAt(0)))) {
          let list = this.charIndex!.get(c);
          if (!list) this.charIndex!.set(c, (list = []));
          list.push(id);
        }
      });
    }
    const shared = new Map<number, number>();
    for (const c of new Set(Array.from(name, (ch) => ch.charCodeAt(0)))) {
      for (const id of this.charIndex.get(c) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    const candidates = [...shared].sort((a, b) => b[1] - a[1]).slice(0, 40);
    let best: string | null = null;
    let bestScore = min;
    for (const [id] of candidates) {
      const cand = this.allNames[id];
      const s = similarity(name, cand);
      if (s > bestScore) {
        bestScore = s;
        best = cand;
      }
    }
    const hit = best === null ? null : this.map.get(best)!;
    this.suggestions.set(key, hit);
    return hit;
  }
}

/** 1 − edit distance / longer length, with a bonus when one name contains the other. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > Math.max(la, lb) / 2 + 1) return 0;
  const d = editDistance(a, b);
  let s = 1 - d / Math.max(la, lb);
  if (a.includes(b) || b.includes(a)) s = Math.max(s, 0.6);
  return s;
}

export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[n];
}
