import type { Rule } from "./types.js";
import { taskHead } from "./util.js";
import type { Task } from "../model/model.js";

export const taskWithoutNumber: Rule = {
  code: "TT107",
  name: "task-without-number",
  severity: "error",
  description: {
    zh: "任务没有编号：一段文字下面有牵头、责任等栏目，却没有“1.”这样的编号。",
    en: "A task without a number: a paragraph has fields under it but no number such as “1.”.",
  },
  check(ctx) {
    const tasks = ctx.model.tasks;
    let prev: Task | null = null;
    for (const t of tasks) {
      if (t.node.marker) {
        prev = t;
        continue;
      }
      if (t.node.titleSegments.length === 0) continue; // a stray field: orphan-field reports it
      // The number it most likely had: one after the task before, or 1 at the start of its group.
      const sameGroup =
        prev && prev.number !== null && (ctx.numbering().taskPolicy === "continuous" || (prev.subsection === t.subsection && prev.section === t.section));
      const n = sameGroup ? prev!.number! + 1 : 1;
      const at = t.node.titleSegments[0].start;
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
