import type { Rule } from "./types.js";
import { taskName } from "./util.js";

export const emptyListItem: Rule = {
  code: "TT207",
  name: "empty-list-item",
  severity: "warning",
  description: {
    zh: "单位列表里有多余的分隔符：两个分隔符之间没有单位，或列表以分隔符开头、结尾。",
    en: "A unit list has a stray separator: nothing between two separators, or one at the start or end.",
  },
  checkTask(ctx, t) {
    for (const f of t.fields) {
      if (!f.items) continue;
      const items = f.items;
      // One pass, so that a list of thousands of stray separators costs no more than thousands
      // of units: the last non-empty item, and the name of the last one before each.
      let lastFilled = -1;
      for (let k = 0; k < items.length; k++) if (items[k].kind !== "empty") lastFilled = k;
      let before: string | null = null;
      let name: ReturnType<typeof taskName> | undefined;
      for (let k = 0; k < items.length; k++) {
        const it = items[k];
        if (it.kind === "unit") before = it.name;
        else if (it.kind === "ditto") before = "同上";
        if (it.kind !== "empty") continue;
        const sep = ctx.text.slice(it.range.start, it.range.end);
        // Say where: a task has several lists, a list several separators.
        name ??= taskName(t, ctx.text);
        const after = k < lastFilled;
        const where =
          before === null
            ? { zh: "开头", en: "at the start" }
            : !after
              ? { zh: "末尾", en: "at the end" }
              : { zh: `里“${before}”之后`, en: `after “${before}”` };
        ctx.report({
          range: it.range,
          message: {
            zh: `${name.zh}的“${f.label}”${where.zh}有多余的“${sep}”，这里像是少了一个单位。`,
            en: `Stray “${sep}” ${where.en} of “${f.label}” in ${name.en}: a unit seems to be missing here.`,
          },
          fixes: [{ title: { zh: `删去多余的“${sep}”`, en: `Remove the stray “${sep}”` }, edits: [{ ...it.range, newText: "" }], safe: false }],
        });
      }
    }
  },
};
