// Numbering: which numbers belong together (siblings), which policy the document follows,
// and where a sibling breaks the sequence. Shared by the numbering rules and the fixes.

import type { MarkerMatch, Level } from "../syntax/markers.js";
import { toChineseNumeral } from "../syntax/numerals.js";
import type { Settings } from "../settings.js";
import type { Model, Task } from "./model.js";
import { Memo, MemoKey } from "../memo.js";

export type TaskPolicy = "continuous" | "per-section" | "per-subsection";
export type SubsectionPolicy = "continuous" | "per-section";

export interface Numbered {
  level: Level;
  marker: MarkerMatch;
  line: number;
  /** The task, for levels 3 and 4. */
  task: Task | null;
}

export interface NumberingIssue {
  kind: "gap" | "duplicate" | "order";
  member: Numbered;
  expected: number;
  found: number;
  /** For a duplicate: the sibling with the same number. */
  other: Numbered | null;
  group: Numbered[];
}

export interface NumberingAnalysis {
  taskPolicy: TaskPolicy;
  subsectionPolicy: SubsectionPolicy;
  groups: Numbered[][];
  issues: NumberingIssue[];
  /** The number each member should carry (its place in its group); built when first read. */
  readonly place: ReadonlyMap<MarkerMatch, number>;
  /** The number a broken marker most likely had: one more than the sibling before. */
  slot: Map<MarkerMatch, number>;
  /** What is computed from this analysis once and kept with it. */
  readonly memo: Memo;
}

export function analyzeNumbering(model: Model, settings: Settings): NumberingAnalysis {
  const sections: Numbered[] = model.sections.map((s) => ({ level: 1, marker: s.node.marker, line: s.line, task: null }));

  const subsectionGroups = (policy: SubsectionPolicy): Numbered[][] => {
    if (policy === "continuous") return [model.subsections.map((s) => ({ level: 2 as Level, marker: s.node.marker, line: s.line, task: null }))];
    const byParent = new Map<unknown, Numbered[]>();
    for (const s of model.subsections) {
      const key = s.section ?? null;
      let g = byParent.get(key);
      if (!g) byParent.set(key, (g = []));
      g.push({ level: 2, marker: s.node.marker, line: s.line, task: null });
    }
    return [...byParent.values()];
  };

  const taskGroups = (policy: TaskPolicy): Numbered[][] => {
    const byKey = new Map<unknown, Numbered[]>();
    const tasks = model.tasks;
    for (let i = 0; i < tasks.length; i++) {
      const t = tasks[i];
      // A task that lost its number still holds its place: the next one is no gap.
      const marker = t.node.marker ?? missingMarker(model, t);
      if (!marker) continue;
      const key = policy === "continuous" ? null : policy === "per-section" ? t.section : (t.subsection ?? t.section);
      let g = byKey.get(key);
      if (!g) byKey.set(key, (g = []));
      g.push({ level: 3, marker, line: t.line, task: t });
    }
    return [...byKey.values()];
  };

  // Indexed loops over the tasks: this runs once an analysis, often before the engine
  // optimises it, and a for-of there makes an iterator result at every step.
  const itemGroups: Numbered[][] = [];
  for (let k = 0; k < model.tasks.length; k++) {
    const t = model.tasks[k];
    if (t.items.length === 0) continue;
    itemGroups.push(t.items.filter((it) => it.node.marker).map((it) => ({ level: 4 as Level, marker: it.node.marker!, line: it.line, task: it })));
  }

  let subsectionPolicy: SubsectionPolicy;
  if (settings.numbering.subsections !== "auto") subsectionPolicy = settings.numbering.subsections;
  else subsectionPolicy = cost(subsectionGroups("continuous")) < cost(subsectionGroups("per-section")) ? "continuous" : "per-section";

  // How many numbers would break the sequence under a policy: only the running maximum of
  // each group is needed, so no groups are built to be thrown away.
  const taskCost = (policy: TaskPolicy): number => {
    // Tasks of one key come in runs: the map is touched only where the key changes.
    const max = new Map<unknown, number>();
    let n = 0;
    let key: unknown = undefined;
    let prev = 0;
    const tasks = model.tasks;
    for (let i = 0; i < tasks.length; i++) {
      const t = tasks[i];
      const marker = t.node.marker ?? missingMarker(model, t);
      if (!marker) continue;
      const k = policy === "continuous" ? null : policy === "per-section" ? t.section : (t.subsection ?? t.section);
      if (k !== key) {
        if (key !== undefined) max.set(key, prev);
        key = k;
        prev = max.get(k) ?? 0;
      }
      const v = marker.value;
      if (v === null) prev++;
      else {
        if (v !== prev + 1) n++;
        if (v > prev) prev = v;
      }
    }
    return n;
  };
  let taskPolicy: TaskPolicy;
  if (settings.numbering.tasks !== "auto") taskPolicy = settings.numbering.tasks;
  else {
    taskPolicy = "continuous";
    let best = taskCost("continuous");
    for (const p of ["per-subsection", "per-section"] as const) {
      const c = taskCost(p);
      if (c < best) {
        best = c;
        taskPolicy = p;
      }
    }
  }

  const groups = [[...sections], ...subsectionGroups(subsectionPolicy), ...taskGroups(taskPolicy), ...itemGroups].filter((g) => g.length);
  const issues: NumberingIssue[] = [];
  const slot = new Map<MarkerMatch, number>();
  for (const g of groups) classify(g, issues, slot);
  return new Analysis(taskPolicy, subsectionPolicy, groups, issues, slot);
}

// A class, not an object literal with a getter: a getter written in a literal is a new
// function each time, held by a new hidden class the engine keeps outside the young
// generation; through that function's scope every model analysed stayed alive until a full
// collection (measured: checking a 1,000-line table again and again took twice as long).
class Analysis implements NumberingAnalysis {
  private placed: Map<MarkerMatch, number> | null = null;
  readonly memo = new Memo();
  constructor(
    readonly taskPolicy: TaskPolicy,
    readonly subsectionPolicy: SubsectionPolicy,
    readonly groups: Numbered[][],
    readonly issues: NumberingIssue[],
    readonly slot: Map<MarkerMatch, number>,
  ) {}
  // Read only where a number is out of order: most checks never build it.
  get place(): ReadonlyMap<MarkerMatch, number> {
    if (!this.placed) {
      const place = new Map<MarkerMatch, number>();
      for (const g of this.groups) for (let i = 0; i < g.length; i++) place.set(g[i].marker, i + 1);
      this.placed = place;
    }
    return this.placed;
  }
}

const MISSING = new MemoKey<Map<Task, MarkerMatch>>("missing markers");

/**
 * An empty marker where an unnumbered task's number belongs (before its title), so it
 * takes a place among its siblings and renumbering writes its number in.
 */
export function missingMarker(model: Model, t: Task): MarkerMatch | null {
  const n = t.node;
  if (n.marker || !n.hasTitle) return null;
  const missing = model.memo.get(MISSING, () => new Map());
  let m = missing.get(t);
  if (!m) {
    const at = n.titleEnd > n.titleStart ? n.titleStart : n.moreTitle![0].start;
    m = { level: 3, form: "broken", value: null, start: at, end: at, numeralStart: at, numeralEnd: at, width: "half", digitWidth: "half" };
    missing.set(t, m);
  }
  return m;
}

function cost(groups: Numbered[][]): number {
  const out: NumberingIssue[] = [];
  for (const g of groups) classify(g, out, new Map());
  return out.length;
}

function classify(group: Numbered[], out: NumberingIssue[], slot: Map<MarkerMatch, number>) {
  let prevMax = 0;
  // The largest number written so far: places taken by unnumbered members are not written.
  let writtenMax = 0;
  // Which member first took each number: an array for the numbers a group of this size
  // can reasonably hold, a map for the rest.
  const small = new Int32Array(group.length * 2 + 16);
  let large: Map<number, number> | null = null;
  const firstWith = (v: number): number => (v < small.length ? small[v] - 1 : (large?.get(v) ?? -1));
  for (let i = 0; i < group.length; i++) {
    const m = group[i];
    const expected = prevMax + 1;
    const v = m.marker.value;
    if (v === null) {
      slot.set(m.marker, expected);
      prevMax = expected;
      continue;
    }
    const first = firstWith(v);
    if (v !== expected) {
      const other = first >= 0 ? group[first] : null;
      const kind = other ? "duplicate" : v < expected ? "order" : "gap";
      // Below its place only because unnumbered members above took places (1. ⏎ 无编号 ⏎ 2.):
      // no larger number is written before it, and the unnumbered one is reported itself.
      if (!(kind === "order" && v > writtenMax)) out.push({ kind, member: m, expected, found: v, other, group });
    }
    if (v > writtenMax) writtenMax = v;
    if (first < 0) {
      if (v < small.length) small[v] = i + 1;
      else (large ??= new Map()).set(v, i);
    }
    if (v > prevMax) prevMax = v;
  }
}

/** The canonical text of a number: 一、 （一） 1. （1）, in the given width. */
export function markerText(level: Level, value: number, width: "full" | "half", digitWidth: "full" | "half" = "half"): string {
  const digits = digitWidth === "full" ? toFullDigits(String(value)) : String(value);
  switch (level) {
    case 1:
      return toChineseNumeral(value) + "、";
    case 2:
      return width === "full" ? `（${toChineseNumeral(value)}）` : `(${toChineseNumeral(value)})`;
    case 3:
      return digits + (width === "full" && digitWidth === "full" ? "．" : ".");
    case 4:
      return width === "full" ? `（${digits}）` : `(${digits})`;
  }
}

function toFullDigits(s: string): string {
  let o = "";
  for (let i = 0; i < s.length; i++) o += String.fromCharCode(s.charCodeAt(i) - 48 + 0xff10);
  return o;
}

/** The numeral alone, as it is written at that level. */
export function numeralText(level: Level, value: number, digitWidth: "full" | "half" | null): string {
  if (level <= 2) return toChineseNumeral(value);
  return digitWidth === "full" ? toFullDigits(String(value)) : String(value);
}
