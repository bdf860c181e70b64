import type { Rule } from "./types.js";
import { allTasks } from "./util.js";

export const emptyTitle: Rule = {
  code: "TT307",
  name: "empty-title",
  severity: "warning",
  description: { zh: "标题、任务或事项只有编号，没有文字。", en: "A heading, task or item has a number but no text." },
  check(ctx) {
    const { text } = ctx;
    const nodes = ctx.model.tree.nodes;
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      if (n.kind !== "heading" || n.title.end > n.title.start) continue;
      const shown = text.slice(n.marker.start, n.marker.end);
      ctx.report({ range: { start: n.marker.start, end: n.marker.end }, message: { zh: `“${shown}”后面没有标题文字。`, en: `“${shown}” has no heading text.` } });
    }
    const tasks = allTasks(ctx.model);
    for (let i = 0; i < tasks.length; i++) {
      const t = tasks[i];
      const m = t.node.marker;
      if (!m || t.node.hasTitle) continue;
      const shown = text.slice(m.start, m.end);
      const what = t.level === 4 ? { zh: "事项", en: "item" } : { zh: "任务", en: "task" };
      ctx.report({ range: { start: m.start, end: m.end }, message: { zh: `“${shown}”后面没有${what.zh}名称。`, en: `“${shown}” has no ${what.en} text.` } });
    }
  },
};
