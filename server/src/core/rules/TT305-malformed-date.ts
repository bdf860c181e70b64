import type { Rule } from "./types.js";
import { digitsBefore, forEachOccurrence, isYearAt } from "./scan.js";

export const malformedDate: Rule = {
  code: "TT305",
  name: "malformed-date",
  severity: "warning",
  description: {
    zh: "日期缺了“年”：如“202110月”应为“2021年10月”。",
    en: "A date lost its 年: 202110月 should read 2021年10月.",
  },
  check(ctx) {
    const text = ctx.text;
    forEachOccurrence(ctx.model, "月", (m) => {
      const j = digitsBefore(text, m, 7);
      // Nothing is cut from the text unless it is a date that lost its 年: most are not.
      if (m - j !== 5 && m - j !== 6) return;
      if (!isYearAt(text, j)) return;
      const d = text.slice(j, m);
      const month = Number(d.slice(4));
      if (month < 1 || month > 12) return;
      const want = `${d.slice(0, 4)}年${d.slice(4)}月`;
      ctx.report({
        range: { start: j, end: m + 1 },
        message: { zh: `日期“${d}月”缺少“年”，应为“${want}”。`, en: `Date “${d}月” lost its 年: it should read “${want}”.` },
        fixes: [{ title: { zh: `改为“${want}”`, en: `Change to “${want}”` }, edits: [{ start: j + 4, end: j + 4, newText: "年" }], safe: true }],
      });
    });
  },
};
