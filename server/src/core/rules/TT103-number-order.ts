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
      // What renumbering gives it: its place among its siblings. (issue.expected is one more
      // than the largest number before it, which may be more than the group has members.)
      const place = ctx.numbering().place.get(m.marker) ?? issue.expected;
      const want = numeralText(m.level, place, m.marker.digitWidth);
      const tail = place !== issue.found ? { zh: `，此处应为 ${want}`, en: `; expected ${want} here` } : { zh: "", en: "" };
      ctx.report({
        range: { start: m.marker.start, end: m.marker.end },
        message: {
          zh: `编号顺序颠倒：“${shown}”出现在更大的编号之后${tail.zh}。`,
          en: `Numbers out of order: “${shown}” comes after a larger number${tail.en}.`,
        },
        fixes: () => numberingFixes(ctx, issue),
      });
    }
  },
};
