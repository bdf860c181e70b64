import type { Rule } from "./types.js";
import { removeUnit } from "./util.js";

export const leadIsPartner: Rule = {
  code: "TT203",
  name: "lead-is-partner",
  severity: "warning",
  description: { zh: "同一单位既是牵头单位又是配合（责任）单位。", en: "A unit is both the lead and a partner of one task." },
  checkTask(ctx, t) {
    const { text } = ctx;
    if (t.lead.length === 0 || t.partners.length === 0) return;
    for (const p of t.partners) {
      if (p.inheritedFrom) continue;
      const l = t.lead.find((u) => u.canonical === p.canonical);
      if (!l) continue;
      ctx.report({
        range: p.range,
        // 区应急局 under 配合 when 区应急管理局 leads: say which lead it is.
        message:
          l.name === p.name
            ? {
                zh: `“${p.name}”已是牵头单位，不必再列为“${p.field.label}”。`,
                en: `“${p.name}” is already the lead; it need not be listed under “${p.field.label}” too.`,
              }
            : {
                zh: `“${p.name}”即牵头单位“${l.name}”，不必再列为“${p.field.label}”。`,
                en: `“${p.name}” is the lead “${l.name}”; it need not be listed under “${p.field.label}” too.`,
              },
        related: [{ range: l.range, message: { zh: "列为牵头单位之处", en: "listed as lead here" } }],
        fixes: [
          {
            title: { zh: `从“${p.field.label}”中删去“${p.name}”`, en: `Remove “${p.name}” from “${p.field.label}”` },
            edits: removeUnit(text, p),
            safe: false,
          },
        ],
      });
    }
  },
};
