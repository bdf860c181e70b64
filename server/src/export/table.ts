// The published table of a model: title, column headings, rows (sections and subsections
// spanning the table, tasks with their cells), the notes before and after. Every export
// format is drawn from this.

import type { Field, Model, Task } from "../core/model/model.js";
import type { Settings } from "../core/settings.js";
import { compact as compactHeading, headingRole } from "../core/import/cells.js";

export type Row =
  | { kind: "section" | "subsection"; text: string }
  | { kind: "task"; cells: Cell[] };

export interface Cell {
  text: string;
  /** The cell says 同上: the same as the one above (text is that cell's text). */
  ditto: boolean;
}

export interface PublishedTable {
  title: string | null;
  columns: string[];
  rows: Row[];
  before: string[];
  after: string[];
}

/** A field column: `role` "other" for a heading that is no known label (its fields are those written with that label). */
type ColumnRole = { kind: "number" } | { kind: "task" } | { kind: "field"; role: string; responsible: boolean | null; label: string };

const DEFAULT_COLUMNS = ["工作任务", "工作要求", "牵头单位", "配合单位", "完成时限"];

function fieldLines(model: Model, f: Field): string {
  return f.node.segments.map((r) => model.tree.text.slice(r.start, r.end).trim()).join("\n");
}

export function publishedTable(model: Model, settings: Settings): PublishedTable {
  const columns = model.columns && model.columns.length ? [...model.columns] : defaultColumns(model);
  // Every task and item, in document order: items are rows of their own under their task.
  const all: Task[] = [];
  const add = (t: Task) => {
    all.push(t);
    t.items.forEach(add);
  };
  model.tasks.forEach(add);
  model.orphanItems.forEach(add);
  // What a column heading holds. A heading that is no label holds the fields written with it;
  // with none, it is read as the importer reads a table's own columns (具体措施 as 要求, 完成情况
  // as 备注), so that a table imported from one exports to the same columns.
  const unknownLabels = new Set(all.flatMap((t) => t.fields.filter((f) => f.role === null).map((f) => f.label)));
  const hasNoteHeading = columns.some((h) => settings.labels.get(compactHeading(h)) === "note");
  const roleOf = (t: string): string => {
    const r = settings.labels.has(t) || !unknownLabels.has(t) ? headingRole(t, settings.labels) : null;
    if (r) return r === "responsible" ? (model.leadSource === "responsible" ? "lead" : "partners") : r;
    if (unknownLabels.has(t)) return "other";
    return hasNoteHeading ? "other" : "note";
  };
  // A role the tasks use that no column shows gets a column of its own, so nothing is lost.
  const shown = new Set(columns.filter((h, i) => !(i === 0 || /任务|事项|^(序号|编号)$/.test(compactHeading(h))) || settings.labels.has(compactHeading(h))).map((h) => roleOf(compactHeading(h))));
  const extra: Record<string, string> = { requirement: "工作要求", lead: "牵头单位", partners: "配合单位", deadline: "完成时限", note: "备注" };
  for (const role of Object.keys(extra)) if (!shown.has(role as never) && all.some((t) => t.fields.some((f) => f.role === role))) columns.push(extra[role]);
  // So does a label the format does not know (分管领导：…), under its own name.
  const headers = new Set(columns.map(compactHeading));
  for (const t of all) for (const f of t.fields) if (f.role === null && !headers.has(f.label)) headers.add(f.label), columns.push(f.label);
  const roles: ColumnRole[] = columns.map((h, i) => {
    const t = compactHeading(h);
    if (/^(序号|编号)$/.test(t)) return { kind: "number" };
    const role = settings.labels.get(t);
    if (!role) return i === 0 || /任务|事项/.test(t) ? { kind: "task" } : { kind: "field", role: roleOf(t), responsible: null, label: t };
    const responsible = role === "responsible";
    const eff = responsible ? (model.leadSource === "responsible" ? "lead" : "partners") : role;
    return { kind: "field", role: eff, responsible, label: t };
  });
  const hasNumberColumn = roles.some((r) => r.kind === "number");
  const rows: Row[] = [];
  const text = model.tree.text;
  let firstLine = Infinity;
  for (const x of [...model.sections, ...model.subsections, ...model.tasks, ...model.orphanItems]) firstLine = Math.min(firstLine, x.line);
  const before: string[] = [];
  const after: string[] = [];
  for (const n of model.notes) {
    const s = n.segments.map((r) => text.slice(r.start, r.end)).join("\n");
    (n.line < firstLine ? before : after).push(s);
  }
  type Ev = { line: number; row: Row | null; task?: Task };
  const events: Ev[] = [];
  for (const s of model.sections) events.push({ line: s.line, row: { kind: "section", text: text.slice(s.node.range.start, s.node.range.end).trim() } });
  for (const s of model.subsections) events.push({ line: s.line, row: { kind: "subsection", text: text.slice(s.node.range.start, s.node.range.end).trim() } });
  for (const t of all) events.push({ line: t.line, row: null, task: t });
  events.sort((a, b) => a.line - b.line);
  // A 同上 cell shows what it copies, as the model resolved it (the task above; for an item,
  // the item above, or its task where that item has no such cell), and merges with the row
  // above only where that row shows the same.
  const cellsOf = new Map<Task, string[]>();
  const copiedFrom = (fs: Field[]): Task | null => {
    for (const f of fs) {
      if (f.dittoSource) return f.dittoSource;
      for (const u of f.units) if (u.inheritedFrom) return u.inheritedFrom;
    }
    return null;
  };
  let above: Task | null = null;
  for (const e of events) {
    if (e.row) {
      rows.push(e.row);
      above = null;
      continue;
    }
    const t = e.task!;
    const num = t.node.marker ? text.slice(t.node.marker.start, t.node.marker.end) : "";
    const cells: Cell[] = roles.map((r, i) => {
      let c: Cell;
      // An item's number stays with its title: the number column counts tasks.
      if (r.kind === "number") c = { text: t.number !== null && t.level === 3 ? String(t.number) : "", ditto: false };
      else if (r.kind === "task") c = { text: (hasNumberColumn && t.level === 3) || !num ? t.title : t.level === 3 ? `${num.replace(/[.．、]$/, ".")} ${t.title}` : `${num.trim()}${t.title}`, ditto: false };
      else {
        // A column whose heading is no known label takes the fields written with that label.
        const fs = t.fields.filter(
          (f) =>
            (f.role === null ? f.label === r.label : f.role === r.role) &&
            (r.responsible === null || f.responsible === r.responsible || !roles.some((o, j) => j !== i && o.kind === "field" && o.role === r.role)),
        );
        const own = fs.filter((f) => f.label === r.label);
        const chosen = own.length ? own : fs;
        const raw = chosen.map((f) => fieldLines(model, f)).join("\n");
        if (raw.replace(/[。.；;．]$/, "") === "同上") {
          const from = copiedFrom(chosen);
          const shown = (from && cellsOf.get(from)?.[i]) || raw;
          c = { text: shown, ditto: from !== null && above !== null && cellsOf.get(above)?.[i] === shown };
        } else c = { text: raw, ditto: false };
      }
      return c;
    });
    cellsOf.set(t, cells.map((c) => c.text));
    above = t;
    rows.push({ kind: "task", cells });
  }
  return { title: model.title, columns, rows, before, after };
}

function defaultColumns(model: Model): string[] {
  const cols = ["工作任务"];
  const has = (role: string) => model.tasks.some((t) => t.fields.some((f) => f.role === role));
  if (has("requirement")) cols.push("工作要求");
  cols.push(model.leadSource === "lead" ? "牵头单位" : "责任单位");
  if (has("partners")) cols.push(model.leadSource === "lead" ? "责任单位" : "配合单位");
  if (has("deadline")) cols.push("完成时限");
  if (has("note")) cols.push("备注");
  void DEFAULT_COLUMNS;
  return cols;
}
