import type { Rule, RuleContext } from "./types.js";
import type { Range } from "../text.js";
import { isHan } from "../text.js";
import { allTasks } from "./util.js";

export const repeatedWord: Rule = {
  code: "TT306",
  name: "repeated-word",
  severity: "warning",
  description: {
    zh: "词语连写了两遍，如“主动公开公开”。",
    en: "A word is written twice in a row, as in 主动公开公开.",
  },
  check(ctx) {
    for (const n of ctx.model.tree.nodes) if (n.kind === "heading") scan(ctx, n.title);
    for (const t of allTasks(ctx.model)) {
      for (const r of t.node.titleSegments) scan(ctx, r);
      for (const f of t.fields) for (const r of f.node.segments) scan(ctx, r);
    }
  },
};

function scan(ctx: RuleContext, r: Range) {
  const text = ctx.text;
  for (let i = r.start; i < r.end; i++) {
    if (!isHan(text.charCodeAt(i))) continue;
    for (let len = 2; len <= 4 && i + 2 * len <= r.end; len++) {
      let same = true;
      for (let k = 0; k < len; k++) {
        const c = text.charCodeAt(i + k);
        if (!isHan(c) || c !== text.charCodeAt(i + len + k)) {
          same = false;
          break;
        }
      }
      // 哈哈哈哈 and the like: one character repeated is not a doubled word
      if (!same || text.charCodeAt(i) === text.charCodeAt(i + 1)) continue;
      const word = text.slice(i, i + len);
      ctx.report({
        range: { start: i + len, end: i + 2 * len },
        message: { zh: `“${word}”连写了两遍。`, en: `“${word}” is written twice in a row.` },
        related: [{ range: { start: i, end: i + len }, message: { zh: "第一遍", en: "first time" } }],
        fixes: [{ title: { zh: `删去重复的“${word}”`, en: `Remove the repeated “${word}”` }, edits: [{ start: i + len, end: i + 2 * len, newText: "" }], safe: false }],
      });
      i += 2 * len - 1;
      break;
    }
  }
}
