import type { Rule } from "./types.js";
import { removeUnit } from "./util.js";
import type { Unit } from "../model/model.js";

export const duplicateUnit: Rule = {
  code: "TT204",
  name: "duplicate-unit",
  severity: "warning",
  description: { zh: "同一栏里一个单位写了两次。", en: "A unit is named twice in one list." },
  checkTask(ctx, t) {
    const { text } = ctx;
    for (const list of [t.lead, t.partners]) {
      if (list.length < 2) continue;
      // Most lists are short, and looking back is cheaper than a map; a long one (a cell
      // of thousands of units) gets a map, so the rule stays linear.
      const seen = list.length > 16 ? new Map<string, Unit>() : null;
      for (let i = 0; i < list.length; i++) {
        const u = list[i];
        if (u.inheritedFrom) continue;
        let first: Unit | undefined;
        if (seen) {
          first = seen.get(u.canonical);
          if (!first) seen.set(u.canonical, u);
        } else for (let j = 0; j < i && !first; j++) if (!list[j].inheritedFrom && list[j].canonical === u.canonical) first = list[j];
        if (!first) continue;
        const same = first.name === u.name;
        // 责任 and 配合 both give partners: the list may span two fields.
        const sameField = first.field === u.field;
        ctx.report({
          range: u.range,
          message: !sameField
            ? {
                zh: `“${u.name}”已列在“${first.field.label}”里，又在“${u.field.label}”里重复列出。`,
                en: `“${u.name}” is listed under “${first.field.label}” already and again under “${u.field.label}”.`,
              }
            : same
              ? { zh: `“${u.name}”在“${u.field.label}”里重复出现。`, en: `“${u.name}” appears twice in “${u.field.label}”.` }
              : { zh: `“${u.name}”与前面的“${first.name}”是同一单位，重复列出。`, en: `“${u.name}” is the same unit as “${first.name}” listed before it.` },
          related: [{ range: first.range, message: { zh: "第一次列出", en: "first listed here" } }],
          fixes: [
            {
              title: { zh: `删去重复的“${u.name}”`, en: `Remove the repeated “${u.name}”` },
              edits: removeUnit(text, u),
              // Which of two columns keeps it is the author's choice.
              safe: same && sameField,
            },
          ],
        });
      }
    }
  },
};
