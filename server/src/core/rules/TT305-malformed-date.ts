import type { Rule } from "./types.js";
import { digitsBefore, occurrences } from "./scan.js";

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
    for (const m of occurrences(ctx.model, "月")) {
      const j = digitsBefore(text, m, 7);
      const d = text.slice(j, m);
      if (d.length !== 5 && d.length !== 6) continue;
      if (!d.startsWith("19") && !d.startsWith("20")) continue;
      const month = Number(d.slice(4));
      if (month < 1 || month > 12) continue;
      const want = `${d.slice(0, 4)}年${d.slice(4)}月`;
      ctx.report({
        range: { start: j, end: m + 1 },
        message: { zh: `日期“${d}月”缺少“年”，应为“${want}”。`, en: `Date “${d}月” lost its 年: it should read “${want}”.` },
        fixes: [{ title: { zh: `改为“${want}”`, en: `Change to “${want}”` }, edits: [{ start: j + 4, end: j + 4, newText: "年" }], safe: true }],
      });
    }
  },
};
