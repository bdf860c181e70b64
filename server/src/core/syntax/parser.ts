// text -> syntax tree. One pass over the lines, a small stack of open blocks, char codes
// compared at offsets. It never throws: every input, however broken, gives a tree.

import { LineIndex, displayWidth, indentWidth, isHan, isSpace, type Range } from "../text.js";
import { labelTable, type LabelTable, type Role } from "./labels.js";
import { scanMarker } from "./markers.js";
import type { ColumnsNode, CommentNode, FieldNode, NoteNode, SyntaxTree, TaskNode, TopNode } from "./nodes.js";

export interface ParseOptions {
  labels?: LabelTable;
}

const COLON_FULL = 0xff1a;
const COLON = 58;
const HASH = 35;
const HASH_FULL = 0xff03;
const GT = 62;
const GT_FULL = 0xff1e;
const SLASH = 47;
const PIPE = 124;
const PIPE_FULL = 0xff5c;

interface Block {
  node: TaskNode;
  /** A line without a number: a note unless a field turns up under it. */
  candidate: boolean;
  field: FieldNode | null;
}

let defaultLabels: LabelTable | null = null;

export function parse(text: string, options: ParseOptions = {}): SyntaxTree {
  const labels = options.labels ?? (defaultLabels ??= labelTable());
  const lines = new LineIndex(text);
  const nodes: TopNode[] = [];
  const comments: CommentNode[] = [];
  const bom = text.charCodeAt(0) === 0xfeff;
  const stack: Block[] = [];
  /** The last level-3 task, while no heading has come since: items may attach to it. */
  let lastTask: TaskNode | null = null;
  let crlf = 0;
  let lf = 0;
  let cr = 0;

  const closeTop = () => {
    const b = stack.pop()!;
    if (b.candidate && b.node.fields.length === 0 && b.node.items.length === 0) {
      // No field came: the lines were a note after all.
      const idx = nodes.lastIndexOf(b.node);
      const note: NoteNode = {
        kind: "note",
        quoted: false,
        line: b.node.line,
        endLine: b.node.endLine,
        segments: b.node.titleSegments,
        segmentLines: b.node.titleLines,
        paragraphLines: [b.node.line],
        range: b.node.range,
      };
      if (idx >= 0) nodes.splice(idx, 1);
      pushNote(note);
    }
  };

  const pushNote = (note: NoteNode) => {
    const prev = nodes[nodes.length - 1];
    if (prev && prev.kind === "note" && prev.quoted === note.quoted && prev.endLine === note.line - 1) {
      prev.segments.push(...note.segments);
      prev.segmentLines.push(...note.segmentLines);
      prev.paragraphLines.push(...note.paragraphLines);
      prev.endLine = note.endLine;
      prev.range = { start: prev.range.start, end: note.range.end };
      return;
    }
    nodes.push(note);
  };

  const closeAll = () => {
    while (stack.length) closeTop();
  };

  const n = lines.lineCount;
  for (let li = 0; li < n; li++) {
    let ls = lines.starts[li];
    if (li === 0 && bom) ls = 1;
    const le = lines.lineEnd(li);
    // line-break statistics, for the formatter
    const nextStart = li + 1 < n ? lines.starts[li + 1] : text.length;
    if (nextStart > le) {
      if (nextStart - le === 2) crlf++;
      else if (text.charCodeAt(le) === 13) cr++;
      else lf++;
    }

    let p = ls;
    while (p < le && isSpace(text.charCodeAt(p))) p++;
    if (p >= le) continue; // blank: blocks stay open
    let e = le;
    while (e > p && isSpace(text.charCodeAt(e - 1))) e--;
    const c0 = text.charCodeAt(p);

    if (c0 === SLASH && p + 1 < e && text.charCodeAt(p + 1) === SLASH) {
      comments.push({ kind: "comment", line: li, range: { start: p, end: e } });
      continue;
    }

    const w = indentWidth(text, ls, p);
    const field = scanField(text, p, e, labels);

    // Which open block does this line belong to?
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (w > top.node.indent) break;
      // A known field written at a task's own indentation still belongs to that task.
      if (field && field.role !== null && stack.length === 1) break;
      closeTop();
    }

    if (stack.length) {
      const b = stack[stack.length - 1];
      const t = b.node;
      // Deeper than the open field's label: a continuation of that field. A line that starts
      // with a known label continues it only when it reaches the value's column.
      if (b.field && w > b.field.indent && !(field && field.role !== null && w < b.field.valueColumn)) {
        appendSegment(b.field, p, e, li);
        extend(t, e, li);
        continue;
      }
      if (field && field.role !== null) {
        openField(b, field, w, li, text, p, e);
        continue;
      }
      const m = t.level === 3 && !b.candidate ? scanMarker(text, p, e) : null;
      if (m && m.level === 4 && m.form !== "broken") {
        const item = newTask(4, li, w, m, text, m.end, e);
        t.items.push(item);
        extend(t, e, li);
        b.field = null;
        stack.push({ node: item, candidate: false, field: null });
        continue;
      }
      if (field && !b.candidate) {
        // A label-like word where a field could start: an unknown field.
        openField(b, field, w, li, text, p, e);
        continue;
      }
      if (b.field) appendSegment(b.field, p, e, li);
      else {
        t.titleSegments.push({ start: p, end: e });
        t.titleLines.push(li);
      }
      extend(t, e, li);
      continue;
    }

    // A structural line.
    if (c0 === HASH || c0 === HASH_FULL) {
      let s = p + 1;
      while (s < e && isSpace(text.charCodeAt(s))) s++;
      nodes.push({ kind: "title", line: li, range: { start: p, end: e }, sign: { start: p, end: p + 1 }, text: { start: s, end: e } });
      continue;
    }
    if (c0 === GT || c0 === GT_FULL) {
      lastTask = null;
      let s = p + 1;
      if (s < e && isSpace(text.charCodeAt(s))) s++;
      pushNote({ kind: "note", quoted: true, line: li, endLine: li, segments: [{ start: s, end: e }], segmentLines: [li], paragraphLines: [li], range: { start: p, end: e } });
      continue;
    }
    const cols = scanColumns(text, p, e, li);
    if (cols) {
      nodes.push(cols);
      continue;
    }
    const m = scanMarker(text, p, e);
    if (m) {
      if (m.level === 1 || m.level === 2) {
        lastTask = null;
        let ts = m.end;
        while (ts < e && isSpace(text.charCodeAt(ts))) ts++;
        nodes.push({ kind: "heading", level: m.level, line: li, range: { start: p, end: e }, marker: m, title: { start: ts, end: e } });
        continue;
      }
      if (m.level === 3) {
        const t = newTask(3, li, w, m, text, m.end, e);
        nodes.push(t);
        lastTask = t;
        stack.push({ node: t, candidate: false, field: null });
        continue;
      }
      // level 4 at a structural place: an item of the task above, if there is one
      const item = newTask(4, li, w, m, text, m.end, e);
      if (lastTask) {
        lastTask.items.push(item);
        extend(lastTask, e, li);
        // The task stays open around the item's own block.
        stack.push({ node: lastTask, candidate: false, field: null });
        stack.push({ node: item, candidate: false, field: null });
      } else {
        nodes.push(item);
        stack.push({ node: item, candidate: false, field: null });
      }
      continue;
    }
    if (field && field.role !== null) {
      // A field with no task to belong to: keep it in a block without number or title.
      const t = newTask(3, li, w, null, text, p, p);
      t.titleSegments.length = 0;
      t.titleLines.length = 0;
      nodes.push(t);
      lastTask = null;
      const b: Block = { node: t, candidate: false, field: null };
      stack.push(b);
      openField(b, field, w, li, text, p, e);
      continue;
    }
    // Plain text: a note, or the title of a task that lost its number if fields follow.
    lastTask = null;
    const t = newTask(3, li, w, null, text, p, e);
    nodes.push(t);
    stack.push({ node: t, candidate: true, field: null });
  }
  closeAll();

  const eol = crlf > lf && crlf > cr ? "\r\n" : cr > lf ? "\r" : "\n";
  return { text, lines, nodes, comments, bom, eol, labels };
}

function newTask(level: 3 | 4, li: number, w: number, m: TaskNode["marker"], text: string, from: number, e: number): TaskNode {
  let ts = from;
  while (ts < e && isSpace(text.charCodeAt(ts))) ts++;
  const start = m ? m.start : from;
  const titleSegments: Range[] = ts < e ? [{ start: ts, end: e }] : [];
  return {
    kind: "task",
    level,
    line: li,
    endLine: li,
    indent: w,
    marker: m,
    titleSegments,
    titleLines: titleSegments.length ? [li] : [],
    fields: [],
    items: [],
    range: { start, end: e },
  };
}

function extend(t: TaskNode, e: number, li: number) {
  if (e > t.range.end) t.range.end = e;
  t.endLine = li;
}

interface FieldScan {
  labelStart: number;
  labelEnd: number;
  colon: number;
  role: Role | null;
  /** The known label matched (shared, not sliced). */
  label: string | null;
}

/** Known labels by their first character, so a line is matched without slicing it. */
const labelIndexCache = new WeakMap<LabelTable, Map<number, { label: string; role: Role }[]>>();
function labelIndex(labels: LabelTable) {
  let idx = labelIndexCache.get(labels);
  if (!idx) {
    idx = new Map();
    // Longest first, so 牵头单位 wins over 牵头.
    for (const [label, role] of [...labels].sort((a, b) => b[0].length - a[0].length)) {
      const c = label.charCodeAt(0);
      let list = idx.get(c);
      if (!list) idx.set(c, (list = []));
      list.push({ label, role });
    }
    labelIndexCache.set(labels, idx);
  }
  return idx;
}

/** `label：` at p: a known label, or (role null) a label-like run of 2–6 Han characters. */
function scanField(text: string, p: number, e: number, labels: LabelTable): FieldScan | null {
  const candidates = labelIndex(labels).get(text.charCodeAt(p));
  if (candidates) {
    for (const { label, role } of candidates) {
      if (!text.startsWith(label, p)) continue;
      let k = p + label.length;
      while (k < e && isSpace(text.charCodeAt(k))) k++;
      const c = text.charCodeAt(k);
      if (k < e && (c === COLON_FULL || c === COLON)) return { labelStart: p, labelEnd: p + label.length, colon: k, role, label };
    }
  }
  if (!isHan(text.charCodeAt(p))) return null;
  const limit = Math.min(e, p + 8);
  let i = p;
  while (i < limit && isHan(text.charCodeAt(i))) i++;
  const han = i - p;
  if (han < 2 || han > 6 || i >= e) return null;
  const c = text.charCodeAt(i);
  if (c !== COLON_FULL && c !== COLON) return null;
  return { labelStart: p, labelEnd: i, colon: i, role: null, label: null };
}

function openField(b: Block, f: FieldScan, w: number, li: number, text: string, p: number, e: number) {
  let vs = f.colon + 1;
  while (vs < e && isSpace(text.charCodeAt(vs))) vs++;
  const node: FieldNode = {
    kind: "field",
    line: li,
    indent: w,
    label: { start: f.labelStart, end: f.labelEnd },
    labelText: f.label ?? text.slice(f.labelStart, f.labelEnd),
    colon: { start: f.colon, end: f.colon + 1 },
    role: f.role,
    segments: vs < e ? [{ start: vs, end: e }] : [],
    segmentLines: vs < e ? [li] : [],
    valueStart: vs,
    valueColumn: w + displayWidth(text, f.labelStart, f.colon + 1),
    range: { start: p, end: e },
    endLine: li,
  };
  b.node.fields.push(node);
  b.field = node;
  if (f.role !== null) b.candidate = false;
  extend(b.node, e, li);
}

function appendSegment(f: FieldNode, p: number, e: number, li: number) {
  f.segments.push({ start: p, end: e });
  f.segmentLines.push(li);
  f.range = { start: f.range.start, end: e };
  f.endLine = li;
}

function scanColumns(text: string, p: number, e: number, li: number): ColumnsNode | null {
  // 列： or 表头：
  let le: number;
  const c0 = text.charCodeAt(p);
  if (c0 === 0x5217 /* 列 */) le = p + 1;
  else if (c0 === 0x8868 /* 表 */ && text.charCodeAt(p + 1) === 0x5934 /* 头 */) le = p + 2;
  else return null;
  let k = le;
  while (k < e && isSpace(text.charCodeAt(k))) k++;
  const c = text.charCodeAt(k);
  if (c !== COLON_FULL && c !== COLON) return null;
  const cells: Range[] = [];
  let s = k + 1;
  for (let i = s; i <= e; i++) {
    const ch = i < e ? text.charCodeAt(i) : PIPE;
    if (ch === PIPE || ch === PIPE_FULL) {
      let a = s;
      let z = i;
      while (a < z && isSpace(text.charCodeAt(a))) a++;
      while (z > a && isSpace(text.charCodeAt(z - 1))) z--;
      if (z > a) cells.push({ start: a, end: z });
      s = i + 1;
    }
  }
  return { kind: "columns", line: li, range: { start: p, end: e }, label: { start: p, end: le }, cells };
}
