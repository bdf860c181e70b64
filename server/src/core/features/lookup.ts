// What is at an offset: the field and task a line belongs to, the unit under the cursor,
// every place a unit is named. Built on demand and kept per model.

import type { Field, Model, Task, Unit } from "../model/model.js";
import type { Range } from "../text.js";
import { allTasks } from "../rules/util.js";

export interface LineOwner {
  task: Task;
  /** null: the task's title line or a line of its title. */
  field: Field | null;
}

/** The task (and field) a line of a task block belongs to: found by halving, nothing kept. */
export function lineOwner(model: Model, line: number): LineOwner | undefined {
  const t = blockAt(model.tasks, line) ?? blockAt(model.orphanItems, line);
  return t ? ownerIn(t, line) : undefined;
}

/** The last of `ts` (in document order) that starts at or before the line, if it reaches it. */
function blockAt(ts: readonly Task[], line: number): Task | undefined {
  let lo = 0;
  let hi = ts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ts[mid].line <= line) lo = mid + 1;
    else hi = mid;
  }
  const t = ts[lo - 1];
  return t && line <= lastLine(t) ? t : undefined;
}

/** A block's last line: its own, or its last item's, which may reach further. */
function lastLine(t: Task): number {
  const n = t.items.length;
  return n ? Math.max(t.node.endLine, lastLine(t.items[n - 1])) : t.node.endLine;
}

function ownerIn(t: Task, line: number): LineOwner | undefined {
  // An item's lines are its own, though they lie inside its task's block.
  const it = blockAt(t.items, line);
  if (it) {
    const o = ownerIn(it, line);
    if (o) return o;
  }
  // A field's lines before the title's: a block that starts with a field (no number, no
  // title) has its task's line on the field's own line.
  for (const f of t.fields) if (f.node.line <= line && line <= f.node.endLine) return { task: t, field: f };
  if (line === t.line) return { task: t, field: null };
  if (t.node.moreTitle) for (const s of t.node.moreTitle) if (s.line === line) return { task: t, field: null };
  return undefined;
}

export function unitAt(model: Model, offset: number): Unit | null {
  const owner = lineOwner(model, model.tree.lines.lineAt(offset));
  if (!owner?.field) return null;
  for (const u of owner.field.units) if (u.range.start <= offset && offset <= u.range.end) return u;
  return null;
}

export interface Occurrence {
  range: Range;
  /** As written there. */
  written: string;
  role: "lead" | "partners";
  task: Task;
}

/** Every place this table names the unit (by any of its names), 同上 copies left out. */
export function unitOccurrences(model: Model, canonical: string): Occurrence[] {
  const out: Occurrence[] = [];
  for (const t of allTasks(model)) {
    for (const u of t.lead) if (u.canonical === canonical && !u.inheritedFrom) out.push({ range: u.range, written: u.name, role: "lead", task: t });
    for (const u of t.partners) if (u.canonical === canonical && !u.inheritedFrom) out.push({ range: u.range, written: u.name, role: "partners", task: t });
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}

export interface UnitLoad {
  /** The canonical name. */
  unit: string;
  leads: number;
  joins: number;
  /** Level-3 tasks (or items outside any task) the unit leads, in document order. */
  leadTasks: Task[];
  joinTasks: Task[];
  /** Every spelling seen, in the order first seen. */
  names: string[];
}

/**
 * Tasks led and joined per unit, by canonical name. A task counts once per unit and role,
 * its items' units included; units copied by 同上 count. A unit that is both lead and
 * partner of one task counts in both. Sorted by total, then leads, then first appearance.
 */
export function unitWorkload(model: Model): UnitLoad[] {
  const byUnit = new Map<string, UnitLoad & { first: number }>();
  let seen = 0;
  const get = (u: Unit) => {
    let e = byUnit.get(u.canonical);
    if (!e) byUnit.set(u.canonical, (e = { unit: u.canonical, leads: 0, joins: 0, leadTasks: [], joinTasks: [], names: [], first: seen++ }));
    if (!e.names.includes(u.name)) e.names.push(u.name);
    return e;
  };
  const count = (top: Task) => {
    const led = new Set<string>();
    const joined = new Set<string>();
    const walk = (t: Task) => {
      for (const u of t.lead) {
        const e = get(u);
        if (!led.has(e.unit)) {
          led.add(e.unit);
          e.leads++;
          e.leadTasks.push(top);
        }
      }
      for (const u of t.partners) {
        const e = get(u);
        if (!joined.has(e.unit)) {
          joined.add(e.unit);
          e.joins++;
          e.joinTasks.push(top);
        }
      }
      t.items.forEach(walk);
    };
    walk(top);
  };
  const all = [...model.tasks, ...model.orphanItems].sort((a, b) => a.line - b.line);
  all.forEach(count);
  return [...byUnit.values()]
    .sort((a, b) => b.leads + b.joins - (a.leads + a.joins) || b.leads - a.leads || a.first - b.first)
    .map(({ first: _first, ...u }) => u);
}

/** How many tasks each unit leads and joins in this table, by canonical name. */
export function unitUsage(model: Model): Map<string, { leads: number; joins: number }> {
  return new Map(unitWorkload(model).map((w) => [w.unit, { leads: w.leads, joins: w.joins }]));
}

import type { Edit } from "../rules/types.js";

/** Edits that rename a unit everywhere this table names it, whatever name it was written by. */
export function renameUnitEdits(model: Model, canonical: string, newName: string): Edit[] {
  return unitOccurrences(model, canonical)
    .filter((o) => o.written !== newName)
    .map((o) => ({ start: o.range.start, end: o.range.end, newText: newName }));
}
