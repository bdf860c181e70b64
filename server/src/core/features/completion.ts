// Completion at an offset: unit names in lead and partner fields (Chinese or pinyin), field
// labels where a field may start, the next number at the start of a line, team snippets.
// Works on the model of the text as typed, so it never runs the rules.

import type { Model, Task } from "../model/model.js";
import type { Settings } from "../settings.js";
import { isUnitRole, type Role } from "../syntax/labels.js";
import { analyzeNumbering, markerText as numberText } from "../model/numbering.js";
import { indentWidth, isFullDigit, isSpace, type Range } from "../text.js";
import { isStrongSeparator } from "../model/units.js";
import { lineOwner } from "./lookup.js";
import type { UnitIndex } from "./unit-index.js";

export type CompletionKind = "unit" | "label" | "number" | "snippet";

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
  documentation?: string;
  /** What the client filters on: name, aliases and pinyin, so `fgj` keeps 区发改局. */
  filterText: string;
  sortText: string;
  insertText: string;
  /** Text this entry replaces: from the start of the word being typed to its end. */
  replace: Range;
  snippet?: boolean;
}

export interface CompletionResult {
  items: CompletionEntry[];
  /** The list was cut: ask again as the user types. */
  isIncomplete: boolean;
}

export interface Snippet {
  prefix: string;
  body: string | string[];
  description?: string;
}

const COLON_FULL = 0xff1a;
const COLON = 58;
export const UNIT_LIMIT = 50;

function isWordChar(c: number): boolean {
  return !(isStrongSeparator(c) || isSpace(c) || c === COLON_FULL || c === COLON || c === 10 || c === 13 || Number.isNaN(c));
}

interface UnitSite {
  task: Task;
  /** The word being typed: [start, offset), and on to `end`. */
  start: number;
  end: number;
  /** At the label's column on a new line: the next field's label may be meant too. */
  labelsToo: boolean;
}

/** Where unit names are completed: in a lead or partner field, after its colon. */
function unitSite(model: Model, offset: number): UnitSite | null {
  const { text, lines } = model.tree;
  const li = lines.lineAt(offset);
  const ls = lines.starts[li];
  const le = lines.lineEnd(li);
  const owner = lineOwner(model, li);
  const f = owner?.field;
  if (!owner || !f || f.node.role === null || !isUnitRole(f.node.role)) return null;
  if (li === f.node.line && offset <= f.node.colon.start) return null;
  let ws = offset;
  while (ws > ls && isWordChar(text.charCodeAt(ws - 1))) ws--;
  let we = offset;
  while (we < le && isWordChar(text.charCodeAt(we))) we++;
  let ind = ls;
  while (ind < le && isSpace(text.charCodeAt(ind))) ind++;
  return { task: owner.task, start: ws, end: we, labelsToo: li !== f.node.line && ws === ind && indentWidth(text, ls, ind) <= f.node.indent };
}

/**
 * Whether completing at `offset` reads no more of the document than the text above it and
 * the block it is in: unit names alone do (the units' ranking comes from the index). Labels
 * are ranked by the whole table's use, and the next number follows the whole table's way of
 * numbering, so those need the whole model.
 */
export function completesFromBlock(model: Model, offset: number): boolean {
  const site = unitSite(model, offset);
  return site !== null && !site.labelsToo;
}

export function complete(model: Model, offset: number, index: UnitIndex, settings: Settings, snippets: Readonly<Record<string, Snippet>> = {}): CompletionResult {
  const { text, lines } = model.tree;
  const li = lines.lineAt(offset);
  const ls = lines.starts[li];

  // In a lead or partner field, after its colon: unit names.
  const site = unitSite(model, offset);
  if (site) {
    const units = unitItems(site.task, text.slice(site.start, offset), { start: site.start, end: site.end }, index);
    if (site.labelsToo) {
      const labels = labelItems(model, settings, site.task, { start: site.start, end: offset }).map((i) => ({ ...i, sortText: "0" + i.sortText }));
      return { items: [...labels, ...units.items.map((i) => ({ ...i, sortText: "1" + i.sortText }))], isIncomplete: units.isIncomplete };
    }
    return units;
  }

  let p = ls;
  while (p < offset && isSpace(text.charCodeAt(p))) p++;
  const typed = text.slice(p, offset);
  // Something other than a label or number is being written: no suggestions.
  for (let i = p; i < offset; i++) if (text.charCodeAt(i) === COLON_FULL || text.charCodeAt(i) === COLON) return { items: [], isIncomplete: false };
  const replace = { start: p, end: offset };

  // Each of these replaces what is typed from the line's text on: offered only while what is
  // typed could still become it, so that a title, a note or a comment is never replaced.
  const task = p > ls ? taskAbove(model, li) : null;
  const items = task
    ? // Inside a task's block (indented under it): a field label.
      labelItems(model, settings, task, replace)
    : // At the margin: the next number at each level.
      numberItems(model, settings, li, replace);
  const t = foldWidth(typed);
  const out = [...items, ...snippetItems(snippets, replace)]
    .filter((i) => foldWidth(i.insertText).startsWith(t) || (i.snippet && i.filterText.startsWith(typed)))
    // Typed in the other width: the client filters on what was typed, so it leads the filter text.
    .map((i) => (typed && !i.filterText.startsWith(typed) ? { ...i, filterText: `${typed} ${i.filterText}` } : i));
  return { items: out, isIncomplete: false };
}

function unitItems(task: Task, typed: string, replace: Range, index: UnitIndex): CompletionResult {
  const already = new Set([...task.lead, ...task.partners].filter((u) => u.range.end < replace.start || u.range.start > replace.end).map((u) => u.canonical));
  const { matches, more } = index.search(typed, UNIT_LIMIT + already.size);
  const items: CompletionEntry[] = [];
  for (const { info } of matches) {
    if (already.has(info.canonical)) continue;
    // The word being typed is itself counted as a use in this table: not a suggestion.
    if (!info.registered && info.canonical === typed && info.uses <= 1) continue;
    if (items.length >= UNIT_LIMIT) break;
    const other = [...info.aliases, ...info.abbreviations];
    items.push({
      label: info.canonical,
      kind: "unit",
      detail: info.registered ? (info.uses ? `单位名录 · 用过 ${info.uses} 次` : "单位名录") : `用过 ${info.uses} 次（未登记）`,
      documentation: other.length ? `又称：${other.join("、")}` : undefined,
      // Every key, so the client's own filter keeps the item whatever the user typed.
      filterText: [typed, ...info.keys].join(" "),
      sortText: String(items.length).padStart(4, "0"),
      insertText: info.canonical,
      replace,
    });
  }
  return { items, isIncomplete: more || items.length >= UNIT_LIMIT };
}

function taskAbove(model: Model, line: number): Task | null {
  const lines = model.tree.lines;
  for (let l = line; l >= 0; l--) {
    const o = lineOwner(model, l);
    if (o) return o.task;
    // Blank lines and comments may stand inside a block; anything else ends the search.
    const s = lines.starts[l];
    const e = lines.lineEnd(l);
    let k = s;
    while (k < e && isSpace(model.tree.text.charCodeAt(k))) k++;
    if (l !== line && k < e && !model.tree.text.startsWith("//", k)) return null;
  }
  return null;
}

function labelItems(model: Model, settings: Settings, task: Task, replace: Range): CompletionEntry[] {
  // Labels this document uses come first, in the order of its columns.
  const used = new Map<string, number>();
  let rank = 0;
  for (const c of model.columns ?? []) if (settings.labels.has(c) && !used.has(c)) used.set(c, rank++);
  for (const t of model.tasks.slice(0, 50)) for (const f of t.fields) if (!used.has(f.label) && f.role !== null) used.set(f.label, rank++);
  const present = new Set(task.fields.map((f) => f.label));
  const items: CompletionEntry[] = [];
  for (const [label, role] of settings.labels) {
    const r = used.get(label) ?? 100 + items.length;
    items.push({
      label: `${label}：`,
      kind: "label",
      detail: ROLE_NAME[role],
      filterText: label,
      sortText: String(present.has(label) ? 500 + r : r).padStart(4, "0"),
      insertText: `${label}：`,
      replace,
    });
  }
  return items;
}

const ROLE_NAME: Record<Role, string> = { lead: "牵头", responsible: "责任", partners: "配合", requirement: "要求", deadline: "时限", note: "备注" };

function numberItems(model: Model, settings: Settings, line: number, replace: Range): CompletionEntry[] {
  // The numbers written above this line, nearest last.
  let lastSection: number | null = null;
  let lastSub: number | null = null;
  let lastTask: number | null = null;
  let nearest: 1 | 2 | 3 = 3;
  let subWidth: "full" | "half" = "full";
  for (const n of model.tree.nodes) {
    if (n.line >= line) break;
    if (n.kind === "heading" && n.marker.value !== null) {
      if (n.level === 1) {
        lastSection = n.marker.value;
        lastSub = null;
      } else {
        lastSub = n.marker.value;
        if (n.marker.width === "half") subWidth = "half";
        else if (n.marker.width === "full") subWidth = "full";
      }
      nearest = n.level;
    } else if (n.kind === "task" && n.marker?.value != null) {
      lastTask = n.marker.value;
      nearest = 3;
    }
  }
  // Right under a heading, tasks start again at 1 where the document numbers them that way.
  let taskNumber = (lastTask ?? 0) + 1;
  if (nearest !== 3) {
    const policy = analyzeNumbering(model, settings).taskPolicy;
    if (policy === "per-subsection" || (policy === "per-section" && nearest === 1)) taskNumber = 1;
  }
  const next = [
    { level: 3 as const, text: numberText(3, taskNumber, "half") + " ", detail: "下一个任务" },
    { level: 2 as const, text: numberText(2, (lastSub ?? 0) + 1, subWidth), detail: "下一个二级标题" },
    { level: 1 as const, text: numberText(1, (lastSection ?? 0) + 1, "full"), detail: "下一个一级标题" },
  ];
  next.sort((a, b) => (a.level === nearest ? -1 : b.level === nearest ? 1 : b.level - a.level));
  return next.map((n, i) => ({
    label: n.text.trim(),
    kind: "number" as const,
    detail: n.detail,
    filterText: n.text,
    sortText: String(i).padStart(4, "0"),
    insertText: n.text,
    replace,
  }));
}

function snippetItems(snippets: Readonly<Record<string, Snippet>>, replace: Range): CompletionEntry[] {
  return Object.entries(snippets).map(([name, s]) => ({
    label: s.prefix,
    kind: "snippet" as const,
    detail: s.description ?? name,
    filterText: s.prefix,
    sortText: "9" + s.prefix,
    insertText: Array.isArray(s.body) ? s.body.join("\n") : s.body,
    replace,
    snippet: true,
  }));
}

/** Full-width digits, brackets and stops read as their half-width forms: `１` or `(` may start `1.` or `（一）`. */
function foldWidth(s: string): string {
  let o = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    o += isFullDigit(c) ? String.fromCharCode(c - 0xfee0) : c === 0xff08 ? "(" : c === 0xff09 ? ")" : c === 0xff0e ? "." : s[i];
  }
  return o;
}
