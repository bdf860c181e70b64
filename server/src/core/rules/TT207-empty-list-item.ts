import type { Rule } from "./types.js";
import { allTasks } from "./util.js";

export const emptyListItem: Rule = {
  code: "TT207",
  name: "empty-list-item",
  severity: "warning",
  description: {
    zh: "单位列表里有多余的分隔符：两个分隔符之间没有单位，或列表以分隔符开头、结尾。",
    en: "A unit list has a stray separator: nothing between two separators, or one at the start or end.",
  },
  check(ctx) {
    for (const t of allTasks(ctx.model)) {
      for (const f of t.fields) {
        if (!f.items) continue;
        for (const it of f.items) {
          if (it.kind !== "empty") continue;
          const sep = ctx.text.slice(it.range.start, it.range.end);
          ctx.report({
            range: it.range,
            message: {
              zh: `“${f.label}”里有多余的“${sep}”，这里像是少了一个单位。`,
              en: `Stray “${sep}” in “${f.label}”: a unit seems to be missing here.`,
            },
            fixes: [{ title: { zh: `删去多余的“${sep}”`, en: `Remove the stray “${sep}”` }, edits: [{ ...it.range, newText: "" }], safe: true }],
          });
        }
      }
    }
  },
};
