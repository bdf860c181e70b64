import type { Rule } from "./types.js";
import { taskHead } from "./util.js";
import { missingMarker } from "../model/numbering.js";

export const taskWithoutNumber: Rule = {
  code: "TT107",
  name: "task-without-number",
  severity: "error",
  description: {
    zh: "任务没有编号：一段文字下面有牵头、责任等栏目，却没有“1.”这样的编号。",
    en: "A task without a number: a paragraph has fields under it but no number such as “1.”.",
  },
  check(ctx) {
    const slots = ctx.numbering().slot;
    const tasks = ctx.model.tasks;
    for (let i = 0; i < tasks.length; i++) {
      const t = tasks[i];
      const missing = missingMarker(ctx.model, t);
      if (!missing) continue; // numbered, or a stray field (orphan-field reports it)
      // The number it most likely had: its place among its siblings.
      const n = slots.get(missing) ?? 1;
      const at = missing.start;
      ctx.report({
        range: taskHead(t),
        message: {
          zh: `这一段下面有任务栏目，却没有编号（应为“${n}.”）。`,
          en: `This paragraph has task fields but no number (expected “${n}.”).`,
        },
        fixes: [{ title: { zh: `加上编号“${n}.”`, en: `Insert number “${n}.”` }, edits: [{ start: at, end: at, newText: `${n}. ` }], safe: false }],
      });
    }
  },
};
