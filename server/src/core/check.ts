// model -> findings: runs every enabled rule over one model.

import { analyzeNumbering, type NumberingAnalysis } from "./model/numbering.js";
import type { Model } from "./model/model.js";
import { RULES } from "./rules/index.js";
import type { Finding, Msg, Rule, RuleContext } from "./rules/types.js";
import type { RuleLevel, Settings, Severity } from "./settings.js";
import { majorityWidth } from "./rules/widths.js";

export function levelOf(rule: Rule, settings: Settings): RuleLevel {
  return settings.rules[rule.code] ?? settings.rules[rule.name] ?? rule.severity;
}

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
        findings.push({
          code: rule.code,
          name: rule.name,
          severity,
          message: pick(r.message),
          range: r.range,
          related: (r.related ?? []).map((x) => ({ range: x.range, message: pick(x.message) })),
          fixes: (r.fixes ?? []).map((f) => ({ title: pick(f.title), edits: f.edits, safe: f.safe })),
        });
      },
    };
    rule.check(ctx);
  }
  findings.sort((a, b) => a.range.start - b.range.start || a.code.localeCompare(b.code));
  return findings;
}
