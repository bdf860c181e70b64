// The document's outline (section > subsection > task > item), folding ranges and
// selection ranges: structure only, no rules.

import type { Model, Task } from "../model/model.js";
import type { Range } from "../text.js";
import { MemoKey } from "../memo.js";
import { blockEnd, headEnd } from "../syntax/nodes.js";

export type SymbolKind = "title" | "section" | "subsection" | "task" | "item";

export interface OutlineSymbol {
  name: string;
  detail: string;
  kind: SymbolKind;
  /** The whole extent: the heading and everything under it. */
  range: Range;
  /** The number and title: what a click selects. */
  selectionRange: Range;
  line: number;
  /** The task, for tasks and items. */
  task: Task | null;
  children: OutlineSymbol[];
}

function markerText(text: string, m: { start: number; end: number } | null): string {
  return m ? text.slice(m.start, m.end).trim() : "";
}

/** A task's name in the outline: its number as written, and its title. */
export function taskOutlineName(text: string, t: Task): string {
  const head = markerText(text, t.node.marker);
  return head ? `${head} ${t.title}` : t.title || "（无编号）";
}

/** A task's entry in the outline, its items under it. */
export function taskSymbol(model: Model, t: Task): OutlineSymbol {
  const text = model.tree.text;
  const n = t.node;
  const items = t.items;
  const children: OutlineSymbol[] = [];
  for (let i = 0; i < items.length; i++) children.push(taskSymbol(model, items[i]));
  return {
    name: taskOutlineName(text, t),
    detail: leadDetail(t),
    kind: t.level === 4 ? "item" : "task",
    range: { start: n.range.start, end: blockEnd(n) },
    selectionRange: { start: n.range.start, end: Math.max(headEnd(n), n.range.start) },
    line: t.line,
    task: t,
    children,
  };
}

/** The task's lead units, each once, in order, joined with 、. */
function leadDetail(t: Task): string {
  const lead = t.lead;
  if (lead.length === 1) return lead[0].canonical;
  return [...new Set(lead.map((u) => u.canonical))].join("、");
}

/**
 * A heading of the outline with what stands under it: a section's subsections and tasks, a
 * subsection's tasks. Its range extends to the end of the last thing under it.
 */
export interface OutlineHeading {
  kind: "section" | "subsection";
  name: string;
  range: Range;
  selectionRange: Range;
  line: number;
  children: OutlineEntry[];
}

/** An entry of the outline: a heading, or a task (with its items) as the model has it. */
export type OutlineEntry = OutlineHeading | Task;

export function isHeading(e: OutlineEntry): e is OutlineHeading {
  const kind = (e as Partial<OutlineHeading>).kind;
  return kind === "section" || kind === "subsection";
}

/**
 * The outline's structure: headings, and the tasks under them as model objects, so a front
 * that keeps what it made of a task (which never changes) need not make it again.
 */
export function outlineEntries(model: Model): OutlineEntry[] {
  const text = model.tree.text;
  const top: OutlineEntry[] = [];
  let section: OutlineHeading | null = null;
  let subsection: OutlineHeading | null = null;
  const close = (s: OutlineHeading | null) => {
    if (!s) return;
    let end = s.range.end;
    for (const c of s.children) end = Math.max(end, isHeading(c) ? c.range.end : blockEnd(c.node));
    if (end > s.range.end) s.range = { start: s.range.start, end };
  };
  const nodes = model.tree.nodes;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    if (n.kind === "heading") {
      const h: OutlineHeading = {
        name: `${markerText(text, n.marker)}${text.slice(n.title.start, n.title.end)}`,
        kind: n.level === 1 ? "section" : "subsection",
        range: { start: n.range.start, end: n.range.end },
        selectionRange: { start: n.range.start, end: n.range.end },
        line: n.line,
        children: [],
      };
      close(subsection);
      if (n.level === 1) {
        close(section);
        section = h;
        subsection = null;
        top.push(h);
      } else {
        subsection = h;
        (section ? section.children : top).push(h);
      }
    } else if (n.kind === "task") {
      const t = findTask(model, n);
      if (t) (subsection ?? section)?.children.push(t) ?? top.push(t);
    }
  }
  close(subsection);
  close(section);
  return top;
}

/** The outline tree. Headings extend to the line before the next heading of their level. */
export function outline(model: Model): OutlineSymbol[] {
  const symbol = (e: OutlineEntry): OutlineSymbol =>
    isHeading(e)
      ? { name: e.name, detail: "", kind: e.kind, range: e.range, selectionRange: e.selectionRange, line: e.line, task: null, children: e.children.map(symbol) }
      : taskSymbol(model, e);
  return outlineEntries(model).map(symbol);
}

function findTask(model: Model, n: object): Task | undefined {
  // Tasks and orphan items are built in document order; a map keeps this linear.
  const map = model.memo.get(TASK_BY_NODE, () => {
    const m = new Map<object, Task>();
    for (const t of model.tasks) m.set(t.node, t);
    for (const t of model.orphanItems) m.set(t.node, t);
    return m;
  });
  return map.get(n);
}
const TASK_BY_NODE = new MemoKey<Map<object, Task>>("task by node");

export interface FoldingRange {
  startLine: number;
  endLine: number;
  kind?: "comment" | "region";
}

export function foldingRanges(model: Model): FoldingRange[] {
  const lines = model.tree.lines;
  const out: FoldingRange[] = [];
  const add = (s: number, e: number, kind?: FoldingRange["kind"]) => {
    if (e > s) out.push(kind ? { startLine: s, endLine: e, kind } : { startLine: s, endLine: e });
  };
  const walk = (syms: OutlineSymbol[]) => {
    for (const s of syms) {
      add(s.line, lines.lineAt(Math.max(s.range.start, s.range.end - 1)));
      walk(s.children);
    }
  };
  walk(outline(model));
  for (const n of model.notes) add(n.line, n.endLine);
  // Runs of comment lines.
  const cs = model.tree.comments;
  for (let i = 0; i < cs.length; ) {
    let j = i;
    while (j + 1 < cs.length && cs[j + 1].line === cs[j].line + 1) j++;
    add(cs[i].line, cs[j].line, "comment");
    i = j + 1;
  }
  return out.sort((a, b) => a.startLine - b.startLine);
}

/** Nested ranges around an offset, innermost first: unit, field value, field, task, headings. */
export function selectionRanges(model: Model, offset: number): Range[] {
  const out: Range[] = [];
  const push = (r: Range) => {
    const last = out[out.length - 1];
    if (r.start <= offset && offset <= r.end && (!last || (r.start <= last.start && r.end >= last.end && (r.start < last.start || r.end > last.end)))) out.push(r);
  };
  const syms = outline(model);
  const chain: OutlineSymbol[] = [];
  let level = syms;
  for (;;) {
    const s = level.find((x) => x.range.start <= offset && offset <= x.range.end);
    if (!s) break;
    chain.push(s);
    level = s.children;
  }
  const t = [...chain].reverse().find((s) => s.task)?.task;
  if (t) {
    const f = t.fields.find((x) => x.node.range.start <= offset && offset <= x.node.range.end);
    if (f) {
      const u = f.units.find((x) => !x.inheritedFrom && x.range.start <= offset && offset <= x.range.end);
      if (u) push(u.range);
      const segs = f.node.segments;
      if (segs.length) push({ start: segs[0].start, end: segs[segs.length - 1].end });
      push(f.node.range);
    }
  }
  for (const s of [...chain].reverse()) push(s.range);
  push({ start: 0, end: model.tree.text.length });
  return out;
}
