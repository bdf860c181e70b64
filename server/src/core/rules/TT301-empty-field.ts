import type { Rule } from "./types.js";

export const emptyField: Rule = {
  code: "TT301",
  name: "empty-field",
  severity: "warning",
  description: { zh: "栏目只有名称，没有内容。", en: "A field has a label but no value." },
  checkTask(ctx, t) {
    for (const f of t.fields) {
      // An empty lead is missing-lead's; an unknown label is unknown-field's.
      if (f.node.hasValue || f.role === null || f.role === "lead") continue;
      ctx.report({
        range: { start: f.node.label.start, end: f.node.colon.end },
        message: { zh: `“${f.label}”栏是空的。`, en: `The “${f.label}” field is empty.` },
      });
    }
  },
};
