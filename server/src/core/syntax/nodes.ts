// The syntax tree: a flat list of top-level nodes, each holding offsets into the text.
// It is lossless in the sense that every non-blank line belongs to exactly one node or
// comment, so the formatter and the fixes can rewrite the text without losing any of it.

import type { LineIndex, Range } from "../text.js";
import type { LabelTable, Role } from "./labels.js";
import type { MarkerMatch } from "./markers.js";
import type { Memo } from "../memo.js";

export interface TitleNode {
  kind: "title";
  line: number;
  range: Range;
  /** The `#` sign. */
  sign: Range;
  text: Range;
}

export interface ColumnsNode {
  kind: "columns";
  line: number;
  range: Range;
  label: Range;
  cells: Range[];
}

export interface HeadingNode {
  kind: "heading";
  level: 1 | 2;
  line: number;
  range: Range;
  marker: MarkerMatch;
  title: Range;
}

/** A trimmed run of text on one line. */
export interface Segment extends Range {
  line: number;
}

export interface FieldNode {
  readonly kind: "field";
  readonly line: number;
  /** Indentation width of the label line. */
  readonly indent: number;
  readonly label: Range;
  readonly labelText: string;
  readonly colon: Range;
  /** null: a label-like word that is not a known label. */
  readonly role: Role | null;
  /**
   * The value, one trimmed range per line (empty lines of the value are left out): a new
   * array each read. Code that runs for every field reads the three below instead.
   */
  readonly segments: readonly Segment[];
  /** Where the value starts on the label line (after the colon and spaces). */
  readonly valueStart: number;
  /** Where it ends on the label line: `valueStart` when the label line has none. */
  readonly valueEnd: number;
  /** The value's lines below the label line, or null. */
  readonly moreValue: readonly Segment[] | null;
  /** Whether the value has any text. */
  readonly hasValue: boolean;
  /** Display column just after the colon: continuation lines align here. */
  readonly valueColumn: number;
  readonly range: Range;
  readonly endLine: number;
}

export interface TaskNode {
  readonly kind: "task";
  /** 3 task, 4 item. */
  readonly level: 3 | 4;
  readonly line: number;
  readonly endLine: number;
  readonly indent: number;
  /** null: a block without a number. */
  readonly marker: MarkerMatch | null;
  /**
   * The title, one trimmed range per line: a new array each read. Code that runs for every
   * task reads the three below instead.
   */
  readonly titleSegments: readonly Segment[];
  /** The title on the task's first line, from after the number: empty when the two are equal. */
  readonly titleStart: number;
  readonly titleEnd: number;
  /** The title's lines below the first, or null. */
  readonly moreTitle: readonly Segment[] | null;
  readonly hasTitle: boolean;
  readonly fields: readonly FieldNode[];
  readonly items: readonly TaskNode[];
  /** Where the block starts: `range.start`, without making a range. */
  readonly start: number;
  readonly range: Range;
}

/**
 * Where a task's head ends: its title's first run, else its number, else its start (the
 * outline's selection and the range that points at the task as a whole end there).
 */
export function headEnd(n: TaskNode): number {
  return n.titleEnd > n.titleStart ? n.titleEnd : n.moreTitle ? n.moreTitle[0].end : n.marker ? n.marker.end : n.range.start;
}

/**
 * Where a task's block ends: its own last line or its last item's, whichever is later (a
 * task's own range stops where its own lines stop; its items' fields may run further).
 */
export function blockEnd(n: TaskNode): number {
  const items = n.items;
  const own = n.range.end;
  return items.length ? Math.max(own, blockEnd(items[items.length - 1])) : own;
}

export interface NoteNode {
  kind: "note";
  quoted: boolean;
  line: number;
  endLine: number;
  /** One trimmed range per line (after `>` for quoted notes). */
  segments: Segment[];
  /** Lines that start a paragraph (the others are indented under the one above). */
  paragraphLines: number[];
  range: Range;
}

export interface CommentNode {
  kind: "comment";
  line: number;
  range: Range;
}

export type TopNode = TitleNode | ColumnsNode | HeadingNode | TaskNode | NoteNode;

export interface SyntaxTree {
  text: string;
  lines: LineIndex;
  nodes: TopNode[];
  comments: CommentNode[];
  bom: boolean;
  labels: LabelTable;
  /**
   * The first line not parsed: the line count, unless the parse was asked to stop `until` an
   * offset, when it stops at the first heading after that offset (every block before it has
   * closed there, so the nodes it holds are those a whole parse makes).
   */
  parsedTo: number;
  /** What is computed from this tree once and kept with it. */
  readonly memo: Memo;
}
