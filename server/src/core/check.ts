// model -> findings: runs every enabled rule over one model.

import { analyzeNumbering, type NumberingAnalysis } from "./model/numbering.js";
import type { Model } from "./model/model.js";
import { RULES } from "./rules/index.js";
import type { Finding, Fix, FixProposal, Msg, Rule, RuleContext } from "./rules/types.js";
import type { Range } from "./text.js";
import type { RuleLevel, Settings, Severity } from "./settings.js";
import { majorityWidth } from "./rules/widths.js";

/** The code is looked up first, then the name; `on` (true in the config) is the default. */
export function levelOf(rule: Rule, settings: Settings): RuleLevel {
  const v = settings.rules[rule.code] ?? settings.rules[rule.name] ?? "on";
  return v === "on" ? rule.severity : v;
}

/** Shared by the findings that have no second place (most of them). */
const NO_RELATED: { range: Range; message: string }[] = [];

export function check(model: Model, settings: Settings): Finding[] {
  const findings: Finding[] = [];
  const pick = (m: Msg) => (settings.locale === "en" ? m.en : m.zh);
  let numbering: NumberingAnalysis | null = null;
  let width: "full" | "half" | null = null;
  for (const rule of RULES) {
    const level = levelOf(rule, settings);
    if (level === "off") continue;
    const severity: Severity = level;
    const ctx: RuleContext = {
      model,
      settings,
      text: model.tree.text,
      numbering: () => (numbering ??= analyzeNumbering(model, settings)),
      majorityWidth: () => (width ??= majorityWidth(model)),
      report: (r) => {
        findings.push(new FindingImpl(rule, severity, pick(r.message), r.range, r.related ? r.related.map((x) => ({ range: x.range, message: pick(x.message) })) : NO_RELATED, r.fixes, pick));
      },
    };
    rule.check(ctx);
  }
  findings.sort((a, b) => a.range.start - b.range.start || a.code.localeCompare(b.code));
  return findings;
}

class FindingImpl implements Finding {
  readonly code: string;
  readonly name: string;
  private made: Fix[] | undefined;
  constructor(
    rule: Rule,
    readonly severity: Severity,
    readonly message: string,
    readonly range: Range,
    readonly related: { range: Range; message: string }[],
    private readonly proposals: FixProposal[] | (() => FixProposal[]) | undefined,
    private readonly pick: (m: Msg) => string,
  ) {
    this.code = rule.code;
    this.name = rule.name;
  }
  get fixes(): Fix[] {
    if (this.made === undefined) {
      const p = typeof this.proposals === "function" ? this.proposals() : (this.proposals ?? []);
      this.made = p.map((f) => ({ title: this.pick(f.title), edits: f.edits, safe: f.safe }));
    }
    return this.made;
  }
  toJSON() {
    return { code: this.code, name: this.name, severity: this.severity, message: this.message, range: this.range, related: this.related, fixes: this.fixes };
  }
}
