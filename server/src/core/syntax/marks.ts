// One pass, character by character, over the text a reader sees: titles, headings, notes,
// task titles and field values. It finds what two rules would otherwise each look for in a
// pass of their own: bracket and quote characters (unbalanced-brackets) and words written
// twice in a row (repeated-word). Reading every character is the costliest thing the checker
// does, so it is done once a tree; the rules then look up their scope's marks by offset.
// After an edit, the marks of the nodes the parse took over are taken over with them.

import type { SyntaxTree, TaskNode, TopNode } from "./nodes.js";
import { isHan } from "../text.js";
import { MemoKey } from "../memo.js";
import type { TakenTail } from "./parser.js";

/** The brackets and quotes the checker pairs: ( and （ are one kind in two widths. */
export const BRACKET_PAIRS: readonly (readonly [kind: string, open: string, close: string])[] = [
  ["paren", "（", "）"],
  ["paren", "(", ")"],
  ["book", "《", "》"],
  ["angle", "〈", "〉"],
  ["dquote", "“", "”"],
  ["squote", "‘", "’"],
  ["tortoise", "〔", "〕"],
  ["lenticular", "【", "】"],
  ["square", "[", "]"],
  ["corner", "「", "」"],
  ["wcorner", "『", "』"],
];

/** One byte a character: 1 for a bracket or quote, 2 for a Han character, 0 otherwise. */
const CLASS = new Uint8Array(0x10000);
for (let c = 0x4e00; c <= 0x9fff; c++) CLASS[c] = 2;
for (let c = 0x3400; c <= 0x4dbf; c++) CLASS[c] = 2;
for (let c = 0xf900; c <= 0xfaff; c++) CLASS[c] = 2;
CLASS[0x3007] = 2; // 〇
for (const [, o, c] of BRACKET_PAIRS) {
  CLASS[o.charCodeAt(0)] = 1;
  CLASS[c.charCodeAt(0)] = 1;
}

export function isBracket(c: number): boolean {
  return CLASS[c] === 1;
}

export interface TextMarks {
  /** Offsets of bracket and quote characters, ascending. */
  readonly brackets: Int32Array;
  /** Words written twice: where the first one starts, ascending. */
  readonly doubleStarts: Int32Array;
  /** The length (2–4) of each doubled word. */
  readonly doubleLengths: Uint8Array;
}

const MARKS = new MemoKey<TextMarks>("text marks");

/**
 * What a tree after an edit takes over: the marks before `upTo`, where its new nodes begin,
 * and those of the nodes it took over from the end of the previous tree, shifted.
 */
interface Carried {
  marks: TextMarks;
  upTo: number;
  /** The index of the first node not taken over. */
  from: number;
  tail: TakenTail | null;
}
const CARRIED = new MemoKey<Carried>("text marks taken over");

/** The marks of a tree's text, computed once per tree. */
export function treeMarks(tree: SyntaxTree): TextMarks {
  return tree.memo.get(MARKS, () => scanTree(tree, tree.memo.take(CARRIED)));
}

/**
 * Called by the parse after an edit: `tree` holds the first `from` nodes of `previous`, which
 * begin before `upTo`, and with `tail` the previous tree's last nodes, moved. If the previous
 * tree's marks were read, the new tree takes over those before `upTo` (the same characters at
 * the same offsets) and those of the tail (shifted as its nodes were), and reads only its new
 * nodes. Only numbers are kept, so no older tree stays alive through this.
 */
export function carryMarks(previous: SyntaxTree, tree: SyntaxTree, from: number, upTo: number, tail: TakenTail | null) {
  const marks = previous.memo.peek(MARKS);
  if (marks && (from > 0 || tail)) tree.memo.get(CARRIED, () => ({ marks, upTo, from, tail }));
}

/** Index of the first value in the sorted `xs` at or after `x`. */
export function firstAtOrAfter(xs: Int32Array, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Walks a sorted array for scopes visited mostly in ascending order: each seek moves on
 * from the last one, and falls back to a binary search when a scope lies behind it.
 */
export class MarkCursor {
  private i = 0;
  constructor(readonly xs: Int32Array) {}
  /** Index of the first value at or after `x`. */
  seek(x: number): number {
    const xs = this.xs;
    let i = this.i;
    if (i > 0 && xs[i - 1] >= x) i = firstAtOrAfter(xs, x);
    else while (i < xs.length && xs[i] < x) i++;
    this.i = i;
    return i;
  }
}

class Growable {
  data = new Int32Array(64);
  length = 0;
  push(v: number) {
    if (this.length === this.data.length) {
      const d = new Int32Array(this.data.length * 2);
      d.set(this.data);
      this.data = d;
    }
    this.data[this.length++] = v;
  }
  /** The values, sorted (segments come almost always in document order). */
  sorted(): Int32Array {
    const out = this.data.slice(0, this.length);
    for (let i = 1; i < out.length; i++) if (out[i - 1] > out[i]) return out.sort();
    return out;
  }
}

function scanTree(tree: SyntaxTree, carried: Carried | undefined): TextMarks {
  const text = tree.text;
  const brackets = new Growable();
  // Doubled words packed as start * 4 + (length - 2), so one sort keeps them together.
  const doubles = new Growable();
  let from = 0;
  const nodes = tree.nodes;
  let to = nodes.length;
  if (carried) {
    const { marks, upTo } = carried;
    for (let i = 0; i < marks.brackets.length && marks.brackets[i] < upTo; i++) brackets.push(marks.brackets[i]);
    for (let i = 0; i < marks.doubleStarts.length && marks.doubleStarts[i] < upTo; i++) doubles.push(marks.doubleStarts[i] * 4 + marks.doubleLengths[i] - 2);
    from = carried.from;
    if (carried.tail) to = carried.tail.from;
  }
  for (let k = from; k < to; k++) scanNode(text, nodes[k], brackets, doubles);
  if (carried?.tail) {
    const { marks } = carried;
    const { oldStart, delta } = carried.tail;
    for (let i = firstAtOrAfter(marks.brackets, oldStart); i < marks.brackets.length; i++) brackets.push(marks.brackets[i] + delta);
    for (let i = firstAtOrAfter(marks.doubleStarts, oldStart); i < marks.doubleStarts.length; i++) doubles.push((marks.doubleStarts[i] + delta) * 4 + marks.doubleLengths[i] - 2);
  }
  const packed = doubles.sorted();
  const doubleStarts = new Int32Array(packed.length);
  const doubleLengths = new Uint8Array(packed.length);
  for (let i = 0; i < packed.length; i++) {
    doubleStarts[i] = packed[i] >>> 2;
    doubleLengths[i] = (packed[i] & 3) + 2;
  }
  return { brackets: brackets.sorted(), doubleStarts, doubleLengths };
}

function scanNode(text: string, n: TopNode, brackets: Growable, doubles: Growable) {
  if (n.kind === "heading") scanSegment(text, n.title.start, n.title.end, brackets, doubles);
  else if (n.kind === "title") scanSegment(text, n.text.start, n.text.end, brackets, doubles);
  else if (n.kind === "note") for (const s of n.segments) scanSegment(text, s.start, s.end, brackets, doubles);
  else if (n.kind === "task") scanTask(text, n, brackets, doubles);
}

function scanTask(text: string, t: TaskNode, brackets: Growable, doubles: Growable) {
  if (t.titleEnd > t.titleStart) scanSegment(text, t.titleStart, t.titleEnd, brackets, doubles);
  if (t.moreTitle) for (const s of t.moreTitle) scanSegment(text, s.start, s.end, brackets, doubles);
  for (const f of t.fields) {
    if (f.valueEnd > f.valueStart) scanSegment(text, f.valueStart, f.valueEnd, brackets, doubles);
    if (f.moreValue) for (const s of f.moreValue) scanSegment(text, s.start, s.end, brackets, doubles);
  }
  for (const it of t.items) scanTask(text, it, brackets, doubles);
}

/**
 * A window of five characters slides along [start, end), so each character is read once. A
 * doubled word's first character comes back 2, 3 or 4 characters later; 哈哈 (one character
 * repeated) is not a doubled word. After a doubled word the scan goes on past its second half.
 */
function scanSegment(text: string, start: number, end: number, brackets: Growable, doubles: Growable) {
  let i = start;
  let c0 = i < end ? text.charCodeAt(i) : -1;
  let c1 = i + 1 < end ? text.charCodeAt(i + 1) : -1;
  let c2 = i + 2 < end ? text.charCodeAt(i + 2) : -1;
  let c3 = i + 3 < end ? text.charCodeAt(i + 3) : -1;
  let c4 = i + 4 < end ? text.charCodeAt(i + 4) : -1;
  // Up to four characters from the end every read is inside the segment; the tail reads -1
  // past it. Two loops, so the long one tests no bounds.
  const safe = end - 4;
  while (i < end) {
    const k = CLASS[c0];
    if (k === 1) brackets.push(i);
    // A doubled word's first two characters come back together 2, 3 or 4 characters on:
    // most characters fail this at once, so few reach the full test.
    else if (k === 2 && c0 !== c1 && ((c2 === c0 && c3 === c1) || (c3 === c0 && c4 === c1) || (c4 === c0 && i + 5 < end && text.charCodeAt(i + 5) === c1))) {
      const len = doubledAt(text, i, end);
      if (len > 0) {
        doubles.push(i * 4 + len - 2);
        // The second half holds no bracket (it is all Han), so nothing is skipped unread.
        i += 2 * len;
        c0 = i < end ? text.charCodeAt(i) : -1;
        c1 = i + 1 < end ? text.charCodeAt(i + 1) : -1;
        c2 = i + 2 < end ? text.charCodeAt(i + 2) : -1;
        c3 = i + 3 < end ? text.charCodeAt(i + 3) : -1;
        c4 = i + 4 < end ? text.charCodeAt(i + 4) : -1;
        continue;
      }
    }
    i++;
    c0 = c1;
    c1 = c2;
    c2 = c3;
    c3 = c4;
    c4 = i < safe ? text.charCodeAt(i + 4) : -1;
  }
}

/** Length (2–4) of a run of Han characters at i that is repeated right after it, or 0. */
function doubledAt(text: string, i: number, end: number): number {
  for (let len = 2; len <= 4 && i + 2 * len <= end; len++) {
    let k = 0;
    for (; k < len; k++) {
      const c = text.charCodeAt(i + k);
      if (!isHan(c) || c !== text.charCodeAt(i + len + k)) break;
    }
    if (k === len) return len;
  }
  return 0;
}
