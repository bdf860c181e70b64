import type { Rule, RuleContext } from "./types.js";
import type { Range } from "../text.js";
import { isHan } from "../text.js";
import { paragraphs } from "./util.js";
import { treeMarks } from "../syntax/marks.js";

export const repeatedWord: Rule = {
  code: "TT306",
  name: "repeated-word",
  severity: "warning",
  description: {
    zh: "词语连写了两遍，如“主动公开公开”。",
    en: "A word is written twice in a row, as in 主动公开公开.",
  },
  check(ctx) {
    // Within a line: the shared scan found them all.
    const { doubleStarts, doubleLengths } = treeMarks(ctx.model.tree);
    for (let k = 0; k < doubleStarts.length; k++) report(ctx, doubleStarts[k], doubleLengths[k]);
    // Across a line break: only where a note's paragraph wraps onto another line.
    const nodes = ctx.model.tree.nodes;
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      if (n.kind === "note") for (const p of paragraphs(n)) for (let k = 1; k < p.length; k++) acrossBreak(ctx, p[k - 1], p[k]);
    }
  },
  // ... or a task's title or value: found once per task, and kept with it.
  checkTask(ctx, t) {
    const n = t.node;
    if (n.moreTitle) acrossBreaks(ctx, n.titleStart, n.titleEnd, n.moreTitle);
    for (const f of t.fields) if (f.node.moreValue) acrossBreaks(ctx, f.node.valueStart, f.node.valueEnd, f.node.moreValue);
  },
};

/**
 * A value wrapped over lines, [start, end) on the first (empty when the two are equal) and
 * `more` below: each line break (在政府门户网站 / 网站设立专题).
 */
function acrossBreaks(ctx: RuleContext, start: number, end: number, more: readonly Range[]) {
  if (end > start) acrossBreak(ctx, { start, end }, more[0]);
  for (let k = 1; k < more.length; k++) acrossBreak(ctx, more[k - 1], more[k]);
}

/** A word that ends one line and starts the next: the second one is reported. */
function acrossBreak(ctx: RuleContext, a: Range, b: Range) {
  const text = ctx.text;
  for (let len = 2; len <= 4 && a.end - len >= a.start && b.start + len <= b.end; len++) {
    const i = a.end - len;
    if (text.charCodeAt(i) === text.charCodeAt(i + 1)) continue;
    let k = 0;
    for (; k < len; k++) {
      const c = text.charCodeAt(i + k);
      if (!isHan(c) || c !== text.charCodeAt(b.start + k)) break;
    }
    if (k < len) continue;
    const word = text.slice(i, a.end);
    ctx.report({
      range: { start: b.start, end: b.start + len },
      message: { zh: `“${word}”连写了两遍（上一行末尾和这一行开头）。`, en: `“${word}” is written twice in a row (at the end of one line and the start of the next).` },
      related: [{ range: { start: i, end: a.end }, message: { zh: "第一遍", en: "first time" } }],
      fixes: [{ title: { zh: `删去重复的“${word}”`, en: `Remove the repeated “${word}”` }, edits: [{ start: b.start, end: b.start + len, newText: "" }], safe: false }],
    });
    return;
  }
}

function report(ctx: RuleContext, i: number, len: number) {
  const text = ctx.text;
  const word = text.slice(i, i + len);
  ctx.report({
    range: { start: i + len, end: i + 2 * len },
    message: { zh: `“${word}”连写了两遍。`, en: `“${word}” is written twice in a row.` },
    related: [{ range: { start: i, end: i + len }, message: { zh: "第一遍", en: "first time" } }],
    fixes: [{ title: { zh: `删去重复的“${word}”`, en: `Remove the repeated “${word}”` }, edits: [{ start: i + len, end: i + 2 * len, newText: "" }], safe: false }],
  });
}
