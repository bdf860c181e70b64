// The model: what the document means. Sections, subsections, tasks and their cells, with
// units resolved against the registry and 同上 expanded. Built once per parse.

import type { Range } from "../text.js";
import type { Memo } from "../memo.js";
import type { FieldNode, HeadingNode, NoteNode, SyntaxTree, TaskNode } from "../syntax/nodes.js";
import type { ListItem } from "./units.js";
import type { Finding } from "../rules/types.js";
import type { Settings } from "../settings.js";

/** Roles after 责任 has been read as lead or partners for this document. */
export type EffectiveRole = "lead" | "partners" | "requirement" | "deadline" | "note";

export type Resolution =
  /** no registry is configured */
  | "none"
  | "exact"
  | "alias"
  | "abbreviation"
  /** a shortened name completed with the prefix of the unit before it */
  | "prefix"
  /** one half of a name joined by 及, 和 or 与 */
  | "conjunction"
  /** 各街道, 相关处室 … */
  | "collective"
  | "unknown";

export interface Unit {
  readonly kind: "unit";
  /** As written. */
  name: string;
  /** Where it is written (for a unit copied by 同上, where the 同上 is): a new object each read. */
  readonly range: Range;
  readonly start: number;
  readonly end: number;
  /** The registry's name for it, or the written name where there is none. */
  canonical: string;
  resolution: Resolution;
  field: Field;
  /** Set when the unit came through 同上: the task it was copied from. */
  inheritedFrom: Task | null;
}

export interface Field {
  node: FieldNode;
  /** null: an unknown label. */
  role: EffectiveRole | null;
  /** Whether the label is 责任…, read as lead or partners by the document. */
  responsible: boolean;
  label: string;
  /** The value with its lines joined. */
  text: string;
  /** For unit fields: the list as written. */
  items: ListItem[] | null;
  /** For unit fields: the units, 同上 expanded. */
  units: Unit[];
  /** The 同上 in this field that found nothing to copy. */
  unresolvedDitto: Range[];
  /** For text fields that are just 同上: the task copied. */
  dittoSource: Task | null;
}

export interface Section {
  node: HeadingNode;
  number: number | null;
  title: string;
  line: number;
  subsections: Subsection[];
  tasks: Task[];
}

export interface Subsection {
  node: HeadingNode;
  number: number | null;
  title: string;
  line: number;
  section: Section | null;
  tasks: Task[];
}

export interface Task {
  node: TaskNode;
  level: 3 | 4;
  number: number | null;
  title: string;
  section: Section | null;
  subsection: Subsection | null;
  /** For items: their task. */
  parent: Task | null;
  fields: Field[];
  lead: Unit[];
  partners: Unit[];
  requirement: string | null;
  deadline: string | null;
  note: string | null;
  items: Task[];
  line: number;
  /**
   * What the checker found about this task alone, with the settings it used and where the
   * task began then. The task's content never changes, so a later check with the same
   * settings reports the same findings, moved as the task moved (see `check.ts`).
   */
  checked: CheckedTask | null;
  /**
   * What a front made of this task to show it (the language server: its outline entry),
   * kept with the task so the front can give it again while the task stands where it stood.
   * The core never reads it.
   */
  shown: unknown;
}

export interface CheckedTask {
  readonly settings: Settings;
  start: number;
  readonly findings: readonly Finding[];
}

export interface Model {
  tree: SyntaxTree;
  title: string | null;
  columns: string[] | null;
  sections: Section[];
  subsections: Subsection[];
  /** Level-3 tasks, numbered or not, in document order. */
  tasks: Task[];
  /** Level-4 items outside any task. */
  orphanItems: Task[];
  notes: NoteNode[];
  /** Which written role counts as the lead: 牵头 where the document has it, else 责任. */
  leadSource: "lead" | "responsible";
  /** Whether a unit registry was configured. */
  hasRegistry: boolean;
  /** What is computed from this model once and kept with it. */
  readonly memo: Memo;
}
