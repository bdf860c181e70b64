import type { Rule } from "./types.js";
import { q, taskHead, taskName } from "./util.js";
import type { Model } from "../model/model.js";
import type { TaskNode } from "../syntax/nodes.js";
import { lineBreak } from "../syntax/parser.js";
import { MemoKey } from "../memo.js";

const LEAD_LABEL = new MemoKey<string>("the label most used for the lead");

export const missingLead: Rule = {
  code: "TT201",
  name: "missing-lead",
  severity: "error",
  description: { zh: "任务没有牵头单位。", en: "A task has no lead unit." },
  check(ctx) {
    const { model, text } = ctx;
    const viaResponsible = model.leadSource === "responsible";
    const tasks = model.tasks;
    for (let i = 0; i < tasks.length; i++) {
      const t = tasks[i];
      if (t.lead.length > 0) continue;
      const leadFields = t.fields.filter((f) => f.role === "lead");
      // 同上 that found nothing is reported by ditto-without-source.
      if (leadFields.some((f) => f.unresolvedDitto.length > 0)) continue;
      if (!t.node.hasTitle && !t.node.marker && t.fields.every((f) => f.role !== "lead")) continue;
      // A task split into items that each name their own lead has its leads there.
      if (t.items.length > 0 && t.items.every((it) => it.lead.length > 0)) continue;
      const name = taskName(t, text);
      const what = viaResponsible ? { zh: "责任单位", en: "responsible (lead) unit" } : { zh: "牵头单位", en: "lead unit" };
      const empty = leadFields[0];
      // After the task's own lines, not after its items: a field below an item's block
      // would belong to the item.
      const lastLine = lastOwnLine(t.node);
      const lineEnd = model.tree.lines.lineEnd(lastLine);
      const indent = " ".repeat(t.node.indent + 3);
      ctx.report({
        range: empty ? { start: empty.node.label.start, end: empty.node.colon.end } : taskHead(t),
        message: empty
          ? { zh: `${name.zh}的“${empty.label}”栏是空的：没有${what.zh}。`, en: `${cap(name.en)} has an empty ${q(empty.label)} field: no ${what.en}.` }
          : { zh: `${name.zh}没有${what.zh}。`, en: `${cap(name.en)} has no ${what.en}.` },
        // Made when asked for: the file's line break and the label most used for the lead
        // (a pass over every field) are read only then.
        fixes: empty
          ? []
          : () => {
              const fieldLabel = model.memo.get(LEAD_LABEL, () => leadLabel(model, viaResponsible));
              return [
                {
                  title: { zh: `加上“${fieldLabel}：”栏`, en: `Insert a “${fieldLabel}：” field` },
                  edits: [{ start: lineEnd, end: lineEnd, newText: `${lineBreak(model.tree)}${indent}${fieldLabel}：` }],
                  safe: false,
                },
              ];
            },
      });
    }
  },
};

function cap(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The label this document uses for its lead, so an inserted field looks like the others. */
function leadLabel(model: Model, viaResponsible: boolean): string {
  // A document uses one or two labels for its lead: a short list counts them faster than a map.
  const labels: string[] = [];
  const counts: number[] = [];
  for (const t of model.tasks) {
    for (const f of t.fields) {
      if (f.role !== "lead") continue;
      let i = labels.indexOf(f.label);
      if (i < 0) {
        i = labels.length;
        labels.push(f.label);
        counts.push(0);
      }
      counts[i]++;
    }
  }
  let best = viaResponsible ? "责任" : "牵头";
  let n = 0;
  for (let i = 0; i < labels.length; i++) if (counts[i] > n) [best, n] = [labels[i], counts[i]];
  return best;
}

function lastOwnLine(n: TaskNode): number {
  let last = n.line;
  if (n.moreTitle) for (const s of n.moreTitle) if (s.line > last) last = s.line;
  for (const f of n.fields) if (f.endLine > last) last = f.endLine;
  return last;
}
