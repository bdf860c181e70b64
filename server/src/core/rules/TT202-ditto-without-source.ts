import type { Rule } from "./types.js";

export const dittoWithoutSource: Rule = {
  code: "TT202",
  name: "ditto-without-source",
  severity: "error",
  description: {
    zh: "“同上”上面没有可沿用的内容：它是第一个任务，或上一个任务没有这一栏。",
    en: "“同上” has nothing above to copy: it is in the first task, or the task above lacks that field.",
  },
  check(ctx) {
    for (const t of ctx.model.tasks) {
      const all = [t, ...t.items];
      for (const task of all) {
        for (const f of task.fields) {
          for (const r of f.unresolvedDitto) {
            ctx.report({
              range: r,
              message: {
                zh: `“同上”无处可沿用：上一个任务没有“${f.label}”的内容。`,
                en: `“同上” has nothing to copy: the task above has no “${f.label}”.`,
              },
            });
          }
        }
      }
    }
  },
};
