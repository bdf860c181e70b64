// What a rule is and what it reports. A rule is a plain object with a stable code, a
// kebab-case name, a default severity, a description and a check function over the model.

import type { Model, Task } from "../model/model.js";
import type { Memo } from "../memo.js";
import type { NumberingAnalysis } from "../model/numbering.js";
import type { Settings, Severity } from "../settings.js";
import type { Range } from "../text.js";

/** A message in both languages; the locale picks one when the finding is made. */
export interface Msg {
  zh: string;
  en: string;
}

export interface Edit {
  start: number;
  end: number;
  newText: string;
}

export interface FixProposal {
  title: Msg;
  edits: Edit[];
  /** Safe fixes keep the meaning and are applied by fix-all; others only on request. */
  safe: boolean;
}

export interface Report {
  range: Range;
  message: Msg;
  related?: { range: Range; message: Msg }[];
  /** A function where the edits are costly (renumbering a whole document): it runs only
   *  when someone asks for the fixes, once. */
  fixes?: FixProposal[] | (() => FixProposal[]);
}

export interface Fix {
  title: string;
  edits: Edit[];
  safe: boolean;
}

export interface Finding {
  code: string;
  name: string;
  severity: Severity;
  message: string;
  range: Range;
  related: { range: Range; message: string }[];
  fixes: Fix[];
}

export interface RuleContext {
  readonly model: Model;
  readonly settings: Settings;
  readonly text: string;
  /** Computed once and shared by every rule that asks. */
  numbering(): NumberingAnalysis;
  /** The width the document mostly writes its brackets and dots in. */
  majorityWidth(): "full" | "half";
  /** What a rule's calls share within one check (a message said once for every unit). */
  readonly memo: Memo;
  report(r: Report): void;
}

export interface Rule {
  code: string;
  name: string;
  severity: Severity;
  description: Msg;
  /** Findings that depend on the document as a whole. */
  check?(ctx: RuleContext): void;
  /**
   * Findings about one task or item that depend on nothing but it (its nodes, its units and
   * the settings). Called for every task; the checker keeps what it reports with the task,
   * and after an edit reports it again for a task taken over, moved as the task moved,
   * without calling this. Lazy fixes must read the model's objects when called (they move
   * with the task), never offsets taken at check time.
   */
  checkTask?(ctx: RuleContext, task: Task): void;
}
