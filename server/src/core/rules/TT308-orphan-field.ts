import type { Rule } from "./types.js";

export const orphanField: Rule = {
  code: "TT308",
  name: "orphan-field",
  severity: "warning",
  description: {
    zh: "栏目不属于任何任务：它前面是标题、表头或引用段落，而不是任务。",
    en: "A field belongs to no task: a heading, the columns line or a quoted note stands before it, not a task.",
  },
  checkTask(ctx, t) {
    // Tasks only: an item without number or title is another rule's.
    if (t.level !== 3) return;
    if (t.node.marker || t.node.hasTitle || t.fields.length === 0) return;
    const f = t.fields[0];
    ctx.report({
      range: { start: f.node.label.start, end: f.node.colon.end },
      message: {
        zh: `“${f.label}”栏不属于任何任务：请把它放在任务下面并缩进。`,
        en: `The “${f.label}” field belongs to no task: put it under a task, indented.`,
      },
    });
  },
};
