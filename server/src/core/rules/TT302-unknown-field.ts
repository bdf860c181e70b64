import type { Rule } from "./types.js";
import { similarity } from "../model/registry.js";

export const unknownField: Rule = {
  code: "TT302",
  name: "unknown-field",
  severity: "warning",
  description: {
    zh: "栏目名称不认识：既不是默认栏目，也没有在 tasktable.json 的 fields.labels 中登记。",
    en: "A field label is unknown: neither a default label nor one registered in fields.labels of tasktable.json.",
  },
  checkTask(ctx, t) {
    for (const f of t.fields) {
      if (f.role !== null) continue;
      const labels = ctx.settings.labels.keys();
      let best: string | null = null;
      let score = 0.6;
      for (const l of labels) {
        const s = similarity(f.label, l);
        if (s > score) [best, score] = [l, s];
      }
      ctx.report({
        range: f.node.label,
        message: best
          ? { zh: `不认识的栏目“${f.label}”，是否为“${best}”？`, en: `Unknown field label “${f.label}”; did you mean “${best}”?` }
          : {
              zh: `不认识的栏目“${f.label}”。如是本表的栏目，请在 tasktable.json 的 fields.labels 中登记。`,
              en: `Unknown field label “${f.label}”. If the table has such a column, add it to fields.labels in tasktable.json.`,
            },
        fixes: best ? [{ title: { zh: `改为“${best}”`, en: `Change to “${best}”` }, edits: [{ ...f.node.label, newText: best }], safe: false }] : [],
      });
    }
  },
};
