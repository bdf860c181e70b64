// model -> findings: runs every enabled rule over one model.

import { analyzeNumbering, type NumberingAnalysis } from "./model/numbering.js";
import type { CheckedTask, Model } from "./model/model.js";
import { Memo } from "./memo.js";
import { allTasks } from "./rules/util.js";
import { RULES } from "./rules/index.js";
import type { Finding, Fix, FixProposal, Msg, Rule, RuleContext } from "./rules/types.js";
import { shiftRange, type Range } from "./text.js";
import type { RuleLevel, Settings, Severity } from "./settings.js";
import { majorityWidth } from "./rules/widths.js";

/** The code is looked up first, then the name; `on` (true in the config) is the default. */
export function levelOf(rule: Rule, settings: Settings): RuleLevel {
  const v = settings.rules[rule.code] ?? settings.rules[rule.name] ?? "on";
  return v === "on" ? rule.severity : v;
}

// A finding keeps the function that picks its fixes' language. Defined here, not in `check`:
// a function made there would hold the scope of the closures beside it, which reach the
// model, and findings kept on a task outlive many versions (see `Task.checked`).
const PICK_ZH = (m: Msg) => m.zh;
const PICK_EN = (m: Msg) => m.en;

/** Shared by the tasks about which nothing was found (most of them). */
const NO_FINDINGS: Finding[] = [];

/** Shared by the findings that have no second place (most of them). */
const NO_RELATED: { range: Range; message: string }[] = [];

/**
 * Runs every enabled rule over the model. What the task rules find about a task is kept with
 * the task (`Task.checked`); a task checked before with the same settings, in this model or
 * in an earlier version that handed it over, reports that again, moved as the task moved,
 * and is not checked again.
 */
export function check(model: Model, settings: Settings): Finding[] {
  const findings: Finding[] = [];
  const pick = settings.locale === "en" ? PICK_EN : PICK_ZH;
  let numbering: NumberingAnalysis | null = null;
  let width: "full" | "half" | null = null;
  // What the rule now running reports, and where it goes.
  let rule: Rule = RULES[0];
  let severity: Severity = "error";
  let into: Finding[] = findings;
  /** Task findings are moved later: they get ranges of their own. */
  let own = false;
  const copy = (r: Range): Range => ({ start: r.start, end: r.end });
  const ctx: RuleContext = {
    model,
    settings,
    text: model.tree.text,
    numbering: () => (numbering ??= analyzeNumbering(model, settings)),
    majorityWidth: () => (width ??= majorityWidth(model)),
    memo: new Memo(),
    report: (r) => {
      const related = r.related ? r.related.map((x) => ({ range: own ? copy(x.range) : x.range, message: pick(x.message) })) : NO_RELATED;
      into.push(new FindingImpl(rule, severity, pick(r.message), own ? copy(r.range) : r.range, related, r.fixes, pick));
    },
  };
  const taskRules: { rule: Rule; severity: Severity }[] = [];
  for (const r of RULES) {
    const level = levelOf(r, settings);
    if (level === "off") continue;
    rule = r;
    severity = level;
    if (r.checkTask) taskRules.push({ rule: r, severity: level });
    r.check?.(ctx);
  }
  if (taskRules.length) {
    own = true;
    // One record for every task about which nothing was found: there is nothing to move.
    const none: CheckedTask = { settings, start: 0, findings: NO_FINDINGS };
    const mine: Finding[] = [];
    into = mine;
    // Indexed loops: `check` runs once an analysis, often before the engine optimises it, and
    // a for-of there makes an iterator and a result object at every step.
    const tasks = allTasks(model);
    for (let i = 0; i < tasks.length; i++) {
      const t = tasks[i];
      const start = t.node.start;
      let kept = t.checked;
      if (kept && kept.settings === settings) {
        if (kept.start !== start) {
          const d = start - kept.start;
          for (const f of kept.findings) (f as FindingImpl).move(d);
          kept.start = start;
        }
      } else {
        mine.length = 0;
        for (let r = 0; r < taskRules.length; r++) {
          const tr = taskRules[r];
          rule = tr.rule;
          severity = tr.severity;
          tr.rule.checkTask!(ctx, t);
        }
        t.checked = kept = mine.length ? { settings, start, findings: mine.slice() } : none;
      }
      for (let k = 0; k < kept.findings.length; k++) findings.push(kept.findings[k]);
    }
  }
  // Codes are ASCII (TT201): compared as they are, without the locale's collation.
  findings.sort((a, b) => a.range.start - b.range.start || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return findings;
}

class FindingImpl implements Finding {
  readonly code: string;
  readonly name: string;
  private made: Fix[] | undefined;
  /** How far the eager fixes' edits have moved since they were written: applied when read. */
  private moved = 0;
  constructor(
    rule: Rule,
    readonly severity: Severity,
    readonly message: string,
    readonly range: Range,
    readonly related: { range: Range; message: string }[],
    private proposals: FixProposal[] | (() => FixProposal[]) | undefined,
    private readonly pick: (m: Msg) => string,
  ) {
    this.code = rule.code;
    this.name = rule.name;
  }
  /**
   * Moved by `d` with its task: its own ranges in place; its fixes' edits when next read, as
   * new objects (a fix made when asked for reads the moved model then, and is only made
   * again). Most findings are moved many times and their fixes never read.
   */
  move(d: number) {
    shiftRange(this.range, d);
    for (const r of this.related) shiftRange(r.range, d);
    if (Array.isArray(this.proposals)) this.moved += d;
    this.made = undefined;
  }
  get fixes(): Fix[] {
    if (this.made === undefined) {
      let p = typeof this.proposals === "function" ? this.proposals() : (this.proposals ?? []);
      const d = this.moved;
      if (d !== 0) {
        p = p.map((f) => ({ title: f.title, safe: f.safe, edits: f.edits.map((e) => ({ start: e.start + d, end: e.end + d, newText: e.newText })) }));
        this.proposals = p;
        this.moved = 0;
      }
      this.made = p.map((f) => ({ title: this.pick(f.title), edits: f.edits, safe: f.safe }));
    }
    return this.made;
  }
  toJSON() {
    return { code: this.code, name: this.name, severity: this.severity, message: this.message, range: this.range, related: this.related, fixes: this.fixes };
  }
}
