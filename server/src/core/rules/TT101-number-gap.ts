import type { Rule } from "./types.js";
import { numberingFixes, shownNumber } from "./numbering-edits.js";
import { numeralText } from "../model/numbering.js";

export const numberGap: Rule = {
  code: "TT101",
  name: "number-gap",
  severity: "error",
  description: { zh: "编号跳号：下一个编号不是上一个加一。", en: "A number skips: the next number is not one more than the last." },
  check(ctx) {
    for (const issue of ctx.numbering().issues) {
      if (issue.kind !== "gap") continue;
      const m = issue.member;
      const want = numeralText(m.level, issue.expected, m.marker.digitWidth);
      const shown = shownNumber(ctx, m);
      const missing = issue.found - issue.expected;
      ctx.report({
        range: { start: m.marker.start, end: m.marker.end },
        message: {
          zh: `编号跳号：此处应为 ${want}，实际是“${shown}”（缺少 ${missing} 个编号）。`,
          en: `Numbering skips: expected ${want} here, found “${shown}” (${missing} missing).`,
        },
        fixes: () => numberingFixes(ctx, issue),
      });
    }
  },
};
