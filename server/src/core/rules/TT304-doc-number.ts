import type { Rule } from "./types.js";
import { isHan } from "../text.js";
import { digitsBefore, forEachOccurrence, isYearAt } from "./scan.js";

// Openers and closers seen in document numbers; the standard form is 〔2021〕.
// As char codes: most 号 in a table end no document number, and nothing is cut from the
// text for them.
const OPENERS = [..."〔[［【（("].map((c) => c.charCodeAt(0));
const CLOSERS = [..."〕]］】）)"].map((c) => c.charCodeAt(0));
const TORTOISE_OPEN = 0x3014; // 〔
const TORTOISE_CLOSE = 0x3015; // 〕

export const docNumber: Rule = {
  code: "TT304",
  name: "doc-number",
  severity: "error",
  description: {
    zh: "发文字号格式不对：应为“代字〔年份〕序号号”，如“闽政办函〔2021〕20号”。",
    en: "A document number is malformed: the form is 代字〔年份〕序号号, as in 闽政办函〔2021〕20号.",
  },
  check(ctx) {
    const text = ctx.text;
    forEachOccurrence(ctx.model, "号", (h) => {
      const j = digitsBefore(text, h);
      if (j === h) return;
      const b = j > 0 ? text.charCodeAt(j - 1) : -1;
      if (CLOSERS.includes(b)) {
        // …〔2021〕20号: year and brackets before the serial
        const closeAt = j - 1;
        const y = digitsBefore(text, closeAt, 4);
        if (closeAt - y !== 4 || !isYearAt(text, y)) return;
        const o = y > 0 ? text.charCodeAt(y - 1) : -1;
        if (OPENERS.includes(o)) {
          if (!isHan(text.charCodeAt(y - 2))) return;
          if (o === TORTOISE_OPEN && b === TORTOISE_CLOSE) return;
          const digits = text.slice(j, h);
          const year = text.slice(y, closeAt);
          const shown = text.slice(y - 1, h + 1);
          const want = `〔${year}〕${digits}号`;
          ctx.report({
            range: { start: y - 1, end: h + 1 },
            message: {
              zh: `发文字号“${shown}”的年份应使用六角括号“〔〕”：“${want}”。`,
              en: `Document number “${shown}” should put the year in 〔〕: “${want}”.`,
            },
            fixes: [
              {
                title: { zh: `改为“${want}”`, en: `Change to “${want}”` },
                edits: [
                  { start: y - 1, end: y, newText: "〔" },
                  { start: closeAt, end: closeAt + 1, newText: "〕" },
                ],
                safe: true,
              },
            ],
          });
        } else if (b === TORTOISE_CLOSE && isHan(text.charCodeAt(y - 1))) {
          const digits = text.slice(j, h);
          const year = text.slice(y, closeAt);
          const want = `〔${year}〕${digits}号`;
          ctx.report({
            range: { start: y, end: h + 1 },
            message: {
              zh: `发文字号缺少“〔”：应为“${want}”。`,
              en: `Document number lost its “〔”: it should read “${want}”.`,
            },
            fixes: [{ title: { zh: "补上“〔”", en: "Insert “〔”" }, edits: [{ start: y, end: y, newText: "〔" }], safe: true }],
          });
        }
        return;
      }
      if (OPENERS.includes(b) && h - j > 4 && isYearAt(text, j) && isHan(text.charCodeAt(j - 2))) {
        // 闽政办函〔202120号: the closing bracket was lost
        const digits = text.slice(j, h);
        const year = digits.slice(0, 4);
        const serial = digits.slice(4);
        const want = `〔${year}〕${serial}号`;
        const shown = text.slice(j - 1, h + 1);
        const edits = [{ start: j + 4, end: j + 4, newText: "〕" }];
        if (b !== TORTOISE_OPEN) edits.unshift({ start: j - 1, end: j, newText: "〔" });
        ctx.report({
          range: { start: j - 1, end: h + 1 },
          message: {
            zh: `发文字号“${shown}”缺少“〕”：应为“${want}”。`,
            en: `Document number “${shown}” lost its “〕”: it should read “${want}”.`,
          },
          fixes: [{ title: { zh: `改为“${want}”`, en: `Change to “${want}”` }, edits, safe: true }],
        });
      }
    });
  },
};
