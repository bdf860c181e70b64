// text -> syntax tree. One pass over the lines, a small stack of open blocks, char codes
// compared at offsets. It never throws: every input, however broken, gives a tree.

import { LineIndex, displayWidth, indentWidth, isHan, isSpace, own, shiftRange, type Range } from "../text.js";
import { Memo, MemoKey } from "../memo.js";
import { carryMarks } from "./marks.js";
import { labelTable, type LabelTable, type Role } from "./labels.js";
import { scanMarker, type MarkerMatch } from "./markers.js";
import type { ColumnsNode, CommentNode, FieldNode, NoteNode, Segment, SyntaxTree, TaskNode, TopNode } from "./nodes.js";

export interface ParseOptions {
  labels?: LabelTable;
  /**
   * The tree of the text before an edit, and the offset where the edit began (the text
   * before that offset is unchanged). The nodes that end before the edit are taken over as
   * they are, and the rest is parsed again: the result equals a fresh parse.
   *
   * With `unchangedTail`, how many characters at the end of the text the edit left as they
   * were, the parse also takes over the nodes after the edit: from the first heading it meets
   * in that unchanged end, which the previous tree has at the same place less the edit's
   * change of length, it moves the previous tree's nodes to the new one, shifting their
   * offsets and lines. The previous tree is then handed over: it, its model and what was
   * found in it must not be read again (see ARCHITECTURE.md).
   */
  previous?: { tree: SyntaxTree; editStart: number; unchangedTail?: number };
  /**
   * Parse only as far as needed to know the block at this offset: up to the first heading
   * whose line starts after it. What needs no more than the text above and around a place
   * (completion as one types) is answered without parsing the rest of a long document.
   */
  until?: number;
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
  node: TaskBlock;
  /** A line without a number: a note unless a field turns up under it. */
  candidate: boolean;
  field: FieldLine | null;
}

let defaultLabels: LabelTable | null = null;

export function parse(input: string, options: ParseOptions = {}): SyntaxTree {
  const text = options.previous ? joined(input) : flat(input);
  const labels = options.labels ?? (defaultLabels ??= labelTable());
  const prev = options.previous;
  const lines = prev && prev.unchangedTail !== undefined ? LineIndex.afterEdit(prev.tree.lines, text, prev.editStart, prev.unchangedTail) : new LineIndex(text);
  if (prev && prev.unchangedTail !== undefined) prev.tree.memo.get(PARSED_ON, () => true);
  const labelsByChar = labelIndex(labels);
  const bom = text.charCodeAt(0) === 0xfeff;
  const resume = options.previous && options.previous.tree.labels === labels && options.previous.tree.bom === bom ? resumePoint(options.previous.tree, options.previous.editStart) : null;
  const tail = options.previous ? tailPoint(options.previous, text, lines.lineCount, labels, bom) : null;
  const nodes: TopNode[] = resume ? resume.nodes : [];
  /** How many nodes were taken over: parsing goes on adding to the same array. */
  const kept = nodes.length;
  const comments: CommentNode[] = resume ? resume.comments : [];
  const stack: Block[] = [];
  /** The last level-3 task, while no heading has come since: items may attach to it. */
  let lastTask: TaskBlock | null = null;

  const closeTop = () => {
    const b = stack.pop()!;
    b.node.compact();
    if (b.candidate && b.node.fields.length === 0 && b.node.items.length === 0) {
      // No field came: the lines were a note after all.
      const idx = nodes.lastIndexOf(b.node);
      const note: NoteNode = {
        kind: "note",
        quoted: false,
        line: b.node.line,
        endLine: b.node.endLine,
        segments: b.node.titleSegments,
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
      for (const s of note.segments) prev.segments.push(s);
      for (const l of note.paragraphLines) prev.paragraphLines.push(l);
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
  const until = options.until ?? Infinity;
  let parsedTo = n;
  /** Where the nodes taken over from the end of the previous tree begin, if they were. */
  let taken: TakenTail | null = null;
  for (let li = resume ? resume.line : 0; li < n; li++) {
    let ls = lines.starts[li];
    if (li === 0 && bom) ls = 1;
    const le = lines.lineEnd(li);

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
    const field = scanField(text, p, e, labelsByChar);

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
        b.field.append({ start: p, end: e, line: li });
        extend(b.node, e, li);
        continue;
      }
      if (field && field.role !== null) {
        openField(b, field, w, li, text, e);
        continue;
      }
      const m = t.level === 3 && !b.candidate ? scanMarker(text, p, e) : null;
      if (m && m.level === 4 && m.form !== "broken") {
        const item = newTask(4, li, w, m, text, m.end, e);
        t.addItem(item);
        extend(t, e, li);
        b.field = null;
        stack.push({ node: item, candidate: false, field: null });
        continue;
      }
      if (field && !b.candidate) {
        // A label-like word where a field could start: an unknown field.
        openField(b, field, w, li, text, e);
        continue;
      }
      if (b.field) b.field.append({ start: p, end: e, line: li });
      else t.addTitle({ start: p, end: e, line: li });
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
      pushNote({ kind: "note", quoted: true, line: li, endLine: li, segments: [{ start: s, end: e, line: li }], paragraphLines: [li], range: { start: p, end: e } });
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
        // Every block has closed here: from this line on, the nodes depend on the text alone.
        if (tail && lines.starts[li] >= tail.from && (taken = takeTail(tail, nodes, comments, li, p))) break;
        if (lines.starts[li] > until) {
          parsedTo = li;
          break;
        }
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
        lastTask.addItem(item);
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
      nodes.push(t);
      lastTask = null;
      const b: Block = { node: t, candidate: false, field: null };
      stack.push(b);
      openField(b, field, w, li, text, e);
      continue;
    }
    // Plain text: a note, or the title of a task that lost its number if fields follow.
    lastTask = null;
    const t = newTask(3, li, w, null, text, p, e);
    nodes.push(t);
    stack.push({ node: t, candidate: true, field: null });
  }
  closeAll();
  const tree: SyntaxTree = { text, lines, nodes, comments, bom, labels, parsedTo, memo: new Memo() };
  if (taken) tree.memo.get(TAKEN_TAIL, () => taken!);
  if (resume || taken) carryMarks(options.previous!.tree, tree, resume ? kept : 0, resume ? resume.upTo : 0, taken);
  return tree;
}

interface WellFormed {
  toWellFormed(): string;
}

/**
 * The same text, held in one piece. A string built by concatenation (an editor's buffer after
 * an edit, a generated table) is read through an indirection on every character, and the
 * parser and the rules read every character. Reading one character makes the engine join
 * the pieces in place, so the caller's string (the editor's buffer) and the tree share one
 * copy; the well-formedness check then hands back the joined text itself. For well-formed
 * text (nearly all text) the content is unchanged, and text with a lone surrogate is left
 * exactly as it is.
 */
function flat(text: string): string {
  const t = text as unknown as WellFormed;
  if (typeof t.toWellFormed !== "function") return text;
  text.charCodeAt(0);
  const w = t.toWellFormed();
  // Equal unless a lone surrogate was replaced: then the text stays exactly as it came.
  return w === text ? w : text;
}

/**
 * The text joined in place, without the pass over every character that `flat` makes to hand
 * back the joined text itself: after an edit, the parse mostly reads only the lines around it,
 * and the reads through the caller's string cost less than that pass.
 */
function joined(text: string): string {
  text.charCodeAt(0);
  return text;
}

/**
 * Where parsing can pick up after an edit: just after the last heading whose whole line lies
 * before it. Nothing is open across a heading (it is only read where every block has closed,
 * and it ends the run of items that may attach to a task), so the nodes up to it, itself
 * included, stand as they are, and parsing from the next line on gives what a fresh parse
 * would. (A parse that stops `until` an offset above the edit stops at the first heading
 * after that point: later than a fresh one would, with the nodes a whole parse makes.)
 */
function resumePoint(tree: SyntaxTree, editStart: number): { line: number; upTo: number; nodes: TopNode[]; comments: CommentNode[] } | null {
  const { nodes, lines } = tree;
  for (let k = nodes.length - 1; k >= 0; k--) {
    const h = nodes[k];
    if (h.kind !== "heading") continue;
    // The line after the heading must start at or before the edit: an edit at the end of
    // the heading's own line (joining the next line to it, say) changes the heading.
    if (h.line + 1 >= lines.lineCount || lines.starts[h.line + 1] > editStart) continue;
    const upTo = h.range.end;
    let c = 0;
    while (c < tree.comments.length && tree.comments[c].range.start < upTo) c++;
    return { line: h.line + 1, upTo, nodes: nodes.slice(0, k + 1), comments: tree.comments.slice(0, c) };
  }
  return null;
}

/**
 * What a parse after an edit took over from the end of the previous tree: the nodes from
 * `from` on are the previous tree's from `oldFrom` on, moved by `delta` characters and
 * `lineDelta` lines. The model built next takes over what it built from them, once.
 */
export interface TakenTail {
  from: number;
  oldFrom: number;
  /** Where the nodes taken over began in the previous text. */
  oldStart: number;
  delta: number;
  lineDelta: number;
}
export const TAKEN_TAIL = new MemoKey<TakenTail>("nodes taken over from the end of the previous tree");
/** Set on a tree whose end was moved to a later one: it cannot be taken over twice. */
const HANDED_OVER = new MemoKey<true>("handed over");
/**
 * Set on a tree a later one was parsed from, told what the edit left unchanged at the end:
 * it, its model and its findings are handed over, and not read again.
 */
export const PARSED_ON = new MemoKey<true>("a later tree parsed on from it");

interface TailPoint {
  tree: SyntaxTree;
  /** The first offset of the new text in the unchanged end. */
  from: number;
  delta: number;
  lineDelta: number;
}

/** Whether the end of the previous tree can be taken over, and from which offset on. */
function tailPoint(previous: NonNullable<ParseOptions["previous"]>, text: string, lineCount: number, labels: LabelTable, bom: boolean): TailPoint | null {
  const { tree, unchangedTail } = previous;
  if (unchangedTail === undefined || tree.labels !== labels || tree.bom !== bom) return null;
  if (tree.parsedTo < tree.lines.lineCount || tree.memo.peek(HANDED_OVER)) return null;
  const same = Math.min(unchangedTail, text.length, tree.text.length);
  if (same <= 0) return null;
  return { tree, from: text.length - same, delta: text.length - tree.text.length, lineDelta: lineCount - tree.lines.lineCount };
}

/**
 * At a heading the new parse read at line `li`, offset `p`, in the unchanged end of the text:
 * if the previous tree has that heading at the same place less the edit, its nodes from there
 * on are what the parse would make of the rest. They are moved over, shifted, with the
 * comments among them.
 */
function takeTail(tail: TailPoint, nodes: TopNode[], comments: CommentNode[], li: number, p: number): TakenTail | null {
  const old = tail.tree;
  const oldP = p - tail.delta;
  const on = old.nodes;
  let lo = 0;
  let hi = on.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (startOf(on[mid]) < oldP) lo = mid + 1;
    else hi = mid;
  }
  const h = on[lo];
  if (!h || h.kind !== "heading" || h.range.start !== oldP || h.line !== li - tail.lineDelta) return null;
  old.memo.get(HANDED_OVER, () => true);
  const { delta, lineDelta } = tail;
  const from = nodes.length;
  for (let k = lo; k < on.length; k++) {
    shiftNode(on[k], delta, lineDelta);
    nodes.push(on[k]);
  }
  const oc = old.comments;
  let c = oc.length;
  while (c > 0 && oc[c - 1].range.start >= oldP) c--;
  for (; c < oc.length; c++) {
    const cm = oc[c];
    cm.line += lineDelta;
    shiftRange(cm.range, delta);
    comments.push(cm);
  }
  return { from, oldFrom: lo, oldStart: oldP, delta, lineDelta };
}

function startOf(n: TopNode): number {
  return n.kind === "task" ? n.start : n.range.start;
}

function shiftSegments(segs: readonly Segment[], d: number, dl: number) {
  for (const s of segs) {
    s.start += d;
    s.end += d;
    s.line += dl;
  }
}

function shiftMarker(m: MarkerMatch, d: number) {
  m.start += d;
  m.end += d;
  m.numeralStart += d;
  m.numeralEnd += d;
}

/** Moves a node taken over by `d` characters and `dl` lines, in place. */
function shiftNode(n: TopNode, d: number, dl: number) {
  switch (n.kind) {
    case "title":
      n.line += dl;
      shiftRange(n.range, d);
      shiftRange(n.sign, d);
      shiftRange(n.text, d);
      break;
    case "columns":
      n.line += dl;
      shiftRange(n.range, d);
      shiftRange(n.label, d);
      for (const c of n.cells) shiftRange(c, d);
      break;
    case "heading":
      n.line += dl;
      shiftRange(n.range, d);
      shiftRange(n.title, d);
      shiftMarker(n.marker, d);
      break;
    case "note":
      n.line += dl;
      n.endLine += dl;
      shiftRange(n.range, d);
      shiftSegments(n.segments, d, dl);
      for (let i = 0; i < n.paragraphLines.length; i++) n.paragraphLines[i] += dl;
      break;
    case "task":
      shiftTask(n as TaskBlock, d, dl);
      break;
  }
}

function shiftTask(t: TaskBlock, d: number, dl: number) {
  t.line += dl;
  t.endLine += dl;
  t.start += d;
  t.end += d;
  if (t.marker) shiftMarker(t.marker, d);
  t.titleStart += d;
  t.titleEnd += d;
  if (t.moreTitle) shiftSegments(t.moreTitle, d, dl);
  for (const f of t.fields) {
    const fl = f as FieldLine;
    fl.line += dl;
    fl.labelStart += d;
    fl.colonAt += d;
    fl.valueStart += d;
    fl.valueEnd += d;
    if (fl.moreValue) shiftSegments(fl.moreValue, d, dl);
  }
  for (const it of t.items) shiftTask(it as TaskBlock, d, dl);
}

const EOL = new MemoKey<"\n" | "\r\n" | "\r">("the line break the file mostly uses");

/**
 * The line break the file mostly uses, for the formatter and the fixes that add a line: read
 * once a tree, when first asked (after an edit nothing else reads every line's end).
 */
export function lineBreak(tree: SyntaxTree): "\n" | "\r\n" | "\r" {
  return tree.memo.get(EOL, () => lineBreakOf(tree.text, tree.lines));
}

function lineBreakOf(text: string, lines: LineIndex): "\n" | "\r\n" | "\r" {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  const n = lines.lineCount;
  for (let li = 1; li < n; li++) {
    const s = lines.starts[li];
    if (text.charCodeAt(s - 1) === 13) cr++;
    else if (s >= 2 && text.charCodeAt(s - 2) === 13) crlf++;
    else lf++;
  }
  return crlf > lf && crlf > cr ? "\r\n" : cr > lf ? "\r" : "\n";
}

// Nodes are built here and read everywhere else. They hold numbers, not range objects,
// and their arrays are sized to what they hold when the block closes: a 50,000-line table
// makes a few hundred thousand of them, and what they cost in memory they cost again in
// the time the garbage collector spends copying them.

/** Shared by every task with no items and no fields until one comes. */
const NO_FIELDS: FieldNode[] = [];
const NO_ITEMS: TaskNode[] = [];

class TaskBlock implements TaskNode {
  declare readonly kind: "task";
  endLine: number;
  /** The title on the task's first line: [titleStart, titleEnd), empty when they are equal. */
  titleStart: number;
  titleEnd: number;
  moreTitle: Segment[] | null = null;
  fields: FieldNode[] = NO_FIELDS;
  items: TaskNode[] = NO_ITEMS;
  end: number;
  constructor(
    readonly level: 3 | 4,
    public line: number,
    readonly indent: number,
    readonly marker: MarkerMatch | null,
    public start: number,
    end: number,
    titleStart: number,
  ) {
    this.endLine = line;
    this.end = end;
    this.titleStart = titleStart;
    this.titleEnd = end;
  }
  get range(): Range {
    return { start: this.start, end: this.end };
  }
  get titleSegments(): Segment[] {
    return runsOf(this.titleStart, this.titleEnd, this.line, this.moreTitle);
  }
  get hasTitle(): boolean {
    return this.titleEnd > this.titleStart || this.moreTitle !== null;
  }
  addField(f: FieldNode) {
    if (this.fields === NO_FIELDS) this.fields = [f];
    else this.fields.push(f);
  }
  addItem(t: TaskNode) {
    if (this.items === NO_ITEMS) this.items = [t];
    else this.items.push(t);
  }
  addTitle(s: Segment) {
    if (this.moreTitle === null) this.moreTitle = [s];
    else this.moreTitle.push(s);
  }
  /** Arrays that grew by push keep spare room: copy them to their size. */
  compact() {
    if (this.fields.length > 1) this.fields = this.fields.slice();
    if (this.items.length > 1) this.items = this.items.slice();
    if (this.moreTitle && this.moreTitle.length > 1) this.moreTitle = this.moreTitle.slice();
    for (const f of this.fields) {
      const fl = f as FieldLine;
      if (fl.moreValue && fl.moreValue.length > 1) fl.moreValue = fl.moreValue.slice();
    }
  }
}

class FieldLine implements FieldNode {
  declare readonly kind: "field";
  /** The value on the label line: [valueStart, valueEnd), empty when they are equal. */
  valueEnd: number;
  moreValue: Segment[] | null = null;
  constructor(
    public line: number,
    readonly indent: number,
    /** Where the line's text starts: the label. */
    public labelStart: number,
    readonly labelText: string,
    public colonAt: number,
    readonly role: Role | null,
    public valueStart: number,
    readonly valueColumn: number,
    end: number,
  ) {
    // The line is trimmed: with no value, the value's start (after the colon and spaces)
    // is the line's end.
    this.valueEnd = valueStart < end ? end : valueStart;
  }
  /** Where the field ends: its last line's end, which the value's last run ends. */
  get end(): number {
    const more = this.moreValue;
    return more ? more[more.length - 1].end : this.valueEnd;
  }
  get endLine(): number {
    const more = this.moreValue;
    return more ? more[more.length - 1].line : this.line;
  }
  get labelEnd(): number {
    return this.labelStart + this.labelText.length;
  }
  get label(): Range {
    return { start: this.labelStart, end: this.labelEnd };
  }
  get colon(): Range {
    return { start: this.colonAt, end: this.colonAt + 1 };
  }
  get range(): Range {
    return { start: this.labelStart, end: this.end };
  }
  get segments(): Segment[] {
    return runsOf(this.valueStart, this.valueEnd, this.line, this.moreValue);
  }
  get hasValue(): boolean {
    return this.valueEnd > this.valueStart || this.moreValue !== null;
  }
  append(s: Segment) {
    if (this.moreValue === null) this.moreValue = [s];
    else this.moreValue.push(s);
  }
}

// The kind is the class's: one word less in each of tens of thousands of nodes.
Object.defineProperty(TaskBlock.prototype, "kind", { value: "task" });
Object.defineProperty(FieldLine.prototype, "kind", { value: "field" });

/** Text written over lines as a list of segments: made on each read. */
function runsOf(start: number, end: number, line: number, more: readonly Segment[] | null): Segment[] {
  const out: Segment[] = start < end ? [{ start, end, line }] : [];
  if (more) for (const s of more) out.push({ start: s.start, end: s.end, line: s.line });
  return out;
}

function newTask(level: 3 | 4, li: number, w: number, m: MarkerMatch | null, text: string, from: number, e: number): TaskBlock {
  let ts = from;
  while (ts < e && isSpace(text.charCodeAt(ts))) ts++;
  const start = m ? m.start : from;
  return new TaskBlock(level, li, w, m, start, e, ts < e ? ts : e);
}

function extend(t: TaskBlock, e: number, li: number) {
  if (e > t.end) t.end = e;
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
type LabelIndex = Map<number, { label: string; role: Role }[]>;
// The index of the label table last used: one table serves a whole workspace folder, and an
// index of a few dozen labels is cheap to build again when another folder's table comes.
let indexed: { labels: LabelTable; index: LabelIndex } | null = null;
function labelIndex(labels: LabelTable): LabelIndex {
  if (indexed?.labels === labels) return indexed.index;
  const index: LabelIndex = new Map();
  // Longest first, so 牵头单位 wins over 牵头.
  for (const [label, role] of [...labels].sort((a, b) => b[0].length - a[0].length)) {
    const c = label.charCodeAt(0);
    let list = index.get(c);
    if (!list) index.set(c, (list = []));
    list.push({ label, role });
  }
  indexed = { labels, index };
  return index;
}

/** `label：` at p: a known label, or (role null) a label-like run of 2–6 Han characters. */
function scanField(text: string, p: number, e: number, labelsByChar: LabelIndex): FieldScan | null {
  const candidates = labelsByChar.get(text.charCodeAt(p));
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

function openField(b: Block, f: FieldScan, w: number, li: number, text: string, e: number) {
  let vs = f.colon + 1;
  while (vs < e && isSpace(text.charCodeAt(vs))) vs++;
  const labelText = f.label ?? own(text.slice(f.labelStart, f.labelEnd));
  // The label starts the line: the field's range starts there too.
  const node = new FieldLine(li, w, f.labelStart, labelText, f.colon, f.role, vs, w + displayWidth(text, f.labelStart, f.colon + 1), e);
  b.node.addField(node);
  b.field = node;
  if (f.role !== null) b.candidate = false;
  extend(b.node, e, li);
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
