import type { Rule } from "./types.js";
import { numberingFixes, shownNumber } from "./numbering-edits.js";

export const numberDuplicate: Rule = {
  code: "TT102",
  name: "number-duplicate",
  severity: "error",
  description: { zh: "同级编号重复。", en: "Two siblings carry the same number." },
  check(ctx) {
    for (const issue of ctx.numbering().issues) {
      if (issue.kind !== "duplicate" || !issue.other) continue;
      const m = issue.member;
      const shown = shownNumber(ctx, m);
      const otherLine = issue.other.line + 1;
      ctx.report({
        range: { start: m.marker.start, end: m.marker.end },
        message: {
          zh: `编号“${shown}”重复，第 ${otherLine} 行已用过。`,
          en: `Number “${shown}” is used twice; line ${otherLine} has it already.`,
        },
        related: [
          {
            range: { start: issue.other.marker.start, end: issue.other.marker.end },
            message: { zh: `第一次使用“${shown}”`, en: `“${shown}” is first used here` },
          },
        ],
        fixes: () => numberingFixes(ctx, issue),
      });
    }
  },
};
