import type { Rule } from "./types.js";
import { numberingFixes, shownNumber } from "./numbering-edits.js";
import { numeralText } from "../model/numbering.js";

export const numberOrder: Rule = {
  code: "TT103",
  name: "number-order",
  severity: "error",
  description: { zh: "编号倒退：比前面的编号还小。", en: "A number goes back: it is smaller than one before it." },
  check(ctx) {
    for (const issue of ctx.numbering().issues) {
      if (issue.kind !== "order") continue;
      const m = issue.member;
      const shown = shownNumber(ctx, m);
      const want = numeralText(m.level, issue.expected, m.marker.digitWidth);
      ctx.report({
        range: { start: m.marker.start, end: m.marker.end },
        message: {
          zh: `编号顺序颠倒：“${shown}”出现在更大的编号之后，此处应为 ${want}。`,
          en: `Numbers out of order: “${shown}” comes after a larger number; expected ${want} here.`,
        },
        fixes: numberingFixes(ctx, issue),
      });
    }
  },
};
