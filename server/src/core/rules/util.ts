// Small helpers the rules share.

import type { Model, Task, Unit } from "../model/model.js";
import { headEnd, type NoteNode } from "../syntax/nodes.js";
import type { Edit, Msg } from "./types.js";
import { isSpace, type Range } from "../text.js";
import { isConjunction, isStrongSeparator } from "../model/units.js";
import { MemoKey } from "../memo.js";

const ALL_TASKS = new MemoKey<readonly Task[]>("all tasks");

/** Every task and item, depth first; computed once per model and shared by the rules. */
export function allTasks(model: Model): readonly Task[] {
  return model.memo.get(ALL_TASKS, () => {
    const out: Task[] = [];
    const walk = (t: Task) => {
      out.push(t);
      for (let i = 0; i < t.items.length; i++) walk(t.items[i]);
    };
    // Indexed: this runs once a model, and a for-of makes an object at every step until the
    // engine optimises it.
    for (let i = 0; i < model.tasks.length; i++) walk(model.tasks[i]);
    for (let i = 0; i < model.orphanItems.length; i++) walk(model.orphanItems[i]);
    return out;
  });
}

function short(s: string, n = 12): string {
  return s.length > n ? s.slice(0, n) + "…" : s;
}

/** 任务 13 / task 13, or the start of the title for a task without a number. */
export function taskName(t: Task, text: string): Msg {
  const m = t.node.marker;
  if (m && m.value !== null) {
    const shown = text.slice(m.start, m.end);
    return t.level === 4 ? { zh: `事项${shown}`, en: `item ${shown}` } : { zh: `任务${m.value}`, en: `task ${m.value}` };
  }
  return { zh: `任务“${short(t.title)}”`, en: `task “${short(t.title)}”` };
}

/** The first line of a task: its number and title, for pointing at the task as a whole. */
export function taskHead(t: Task): Range {
  const n = t.node;
  return { start: n.range.start, end: Math.max(headEnd(n), n.range.start + 1) };
}

/**
 * Deletes a list item and one separator next to it, so the list stays well formed. The
 * separator may end the line above (甲、⏎ 乙): then the line break goes too. `joined`: the
 * item is one of two units written as one (甲及乙), and the 及 goes with it.
 */
export function removeListItem(text: string, item: Range, joined = false): Edit {
  if (joined) {
    if (item.start > 0 && isConjunction(text.charCodeAt(item.start - 1))) return { start: item.start - 1, end: item.end, newText: "" };
    if (isConjunction(text.charCodeAt(item.end))) return { start: item.start, end: item.end + 1, newText: "" };
  }
  const blank = (c: number) => isSpace(c) || c === 10 || c === 13;
  // Prefer the separator before the item: 甲、乙、丙 -> drop 、丙
  let s = item.start;
  while (s > 0 && blank(text.charCodeAt(s - 1))) s--;
  if (s > 0 && isStrongSeparator(text.charCodeAt(s - 1))) return { start: s - 1, end: item.end, newText: "" };
  // First in its list: drop the separator after it instead, and the space up to the next item.
  let e = item.end;
  while (e < text.length && isSpace(text.charCodeAt(e))) e++;
  if (e < text.length && isStrongSeparator(text.charCodeAt(e))) {
    e++;
    while (e < text.length && isSpace(text.charCodeAt(e))) e++;
    return { start: item.start, end: e, newText: "" };
  }
  // Set apart by spaces alone: the spaces before it go too (first in its list, those after it),
  // so that no space is left at the end of a line or before the next item.
  return s < item.start ? { start: s, end: item.end, newText: "" } : { start: item.start, end: e, newText: "" };
}

/**
 * Edits that take a unit out of its list, and write out in full the unit after it whose
 * shortened name took its prefix from the one taken out (区科信局、文旅局; 区财政局和市场监管局):
 * left shortened, it would be read with another prefix, or none.
 */
export function removeUnit(text: string, u: Unit): Edit[] {
  const edits = [removeListItem(text, u.range, u.resolution === "conjunction")];
  const units = u.field.units;
  for (let j = units.indexOf(u) + 1; j < units.length; j++) {
    const next = units[j];
    if (next.inheritedFrom) break;
    // 各街道 and the like carry no prefix: the shortened name after them took it from here.
    if (next.resolution === "collective") continue;
    if ((next.resolution === "prefix" || next.resolution === "conjunction") && next.name !== next.canonical) edits.push({ start: next.start, end: next.end, newText: next.canonical });
    break;
  }
  return edits;
}

export function q(s: string): string {
  return `“${s}”`;
}

/** A note's paragraphs, each as the ranges of its lines: brackets and words pair within one. */
export function paragraphs(n: NoteNode): Range[][] {
  const starts = new Set(n.paragraphLines);
  const out: Range[][] = [];
  n.segments.forEach((r) => {
    if (starts.has(r.line) || out.length === 0) out.push([]);
    out[out.length - 1].push(r);
  });
  return out;
}
