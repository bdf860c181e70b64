// What a rule is and what it reports. A rule is a plain object with a stable code, a
// kebab-case name, a default severity, a description and a check function over the model.

import type { Model } from "../model/model.js";
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
  report(r: Report): void;
}

export interface Rule {
  code: string;
  name: string;
  severity: Severity;
  description: Msg;
  check(ctx: RuleContext): void;
}
