import type { Rule } from "./types.js";
import { taskHead } from "./util.js";

export const levelParent: Rule = {
  code: "TT106",
  name: "level-parent",
  severity: "warning",
  description: {
    zh: "层级错位：（1）级事项不在任务之下，或（一）级标题出现在第一个“一、”之前。",
    en: "A level under the wrong parent: an item （1） outside a task, or a subsection before the first section.",
  },
  check(ctx) {
    const { model, text } = ctx;
    for (const it of model.orphanItems) {
      const shown = it.node.marker ? text.slice(it.node.marker.start, it.node.marker.end) : "";
      ctx.report({
        range: taskHead(it),
        message: {
          zh: `事项“${shown}”不在任何任务之下：四级编号应放在“1.”这样的任务里。`,
          en: `Item “${shown}” is not inside a task: level-4 numbers belong under a task such as “1.”.`,
        },
      });
    }
    if (model.sections.length > 0) {
      for (const s of model.subsections) {
        if (s.section !== null) continue;
        const m = s.node.marker;
        const shown = text.slice(m.start, m.end);
        ctx.report({
          range: { start: m.start, end: m.end },
          message: {
            zh: `二级标题“${shown}”出现在第一个一级标题之前。`,
            en: `Subsection “${shown}” comes before the first section.`,
          },
        });
      }
    }
  },
};
