import type { Rule, RuleContext } from "./types.js";
import type { Range } from "../text.js";
import { isHan } from "../text.js";
import { allTasks, paragraphs } from "./util.js";

export const repeatedWord: Rule = {
  code: "TT306",
  name: "repeated-word",
  severity: "warning",
  description: {
    zh: "词语连写了两遍，如“主动公开公开”。",
    en: "A word is written twice in a row, as in 主动公开公开.",
  },
  check(ctx) {
    for (const n of ctx.model.tree.nodes) {
      if (n.kind === "heading") scan(ctx, n.title);
      else if (n.kind === "title") scan(ctx, n.text);
      else if (n.kind === "note") for (const p of paragraphs(n)) scanLines(ctx, p);
    }
    for (const t of allTasks(ctx.model)) {
      scanLines(ctx, t.node.titleSegments);
      for (const f of t.fields) scanLines(ctx, f.node.segments);
    }
  },
};

/** A value wrapped over lines: each line, and each line break (在政府门户网站 / 网站设立专题). */
function scanLines(ctx: RuleContext, segs: readonly Range[]) {
  for (let k = 0; k < segs.length; k++) {
    scan(ctx, segs[k]);
    if (k > 0) acrossBreak(ctx, segs[k - 1], segs[k]);
  }
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

function scan(ctx: RuleContext, r: Range) {
  const text = ctx.text;
  const end = r.end;
  const at = (k: number) => (k < end ? text.charCodeAt(k) : -1);
  // A window of five characters slides along, so each character is read once.
  let i = r.start;
  let c0 = at(i);
  let c1 = at(i + 1);
  let c2 = at(i + 2);
  let c3 = at(i + 3);
  let c4 = at(i + 4);
  while (i < end) {
    // A word's first character must come back 2, 3 or 4 characters later; 哈哈 (one
    // character repeated) is not a doubled word.
    if ((c2 === c0 || c3 === c0 || c4 === c0) && c0 !== c1 && isHan(c0)) {
      const len = doubledAt(text, i, end);
      if (len > 0) {
        const word = text.slice(i, i + len);
        ctx.report({
          range: { start: i + len, end: i + 2 * len },
          message: { zh: `“${word}”连写了两遍。`, en: `“${word}” is written twice in a row.` },
          related: [{ range: { start: i, end: i + len }, message: { zh: "第一遍", en: "first time" } }],
          fixes: [{ title: { zh: `删去重复的“${word}”`, en: `Remove the repeated “${word}”` }, edits: [{ start: i + len, end: i + 2 * len, newText: "" }], safe: false }],
        });
        i += 2 * len;
        c0 = at(i);
        c1 = at(i + 1);
        c2 = at(i + 2);
        c3 = at(i + 3);
        c4 = at(i + 4);
        continue;
      }
    }
    i++;
    c0 = c1;
    c1 = c2;
    c2 = c3;
    c3 = c4;
    c4 = at(i + 4);
  }
}

/** Length (2–4) of a run of Han characters at i that is repeated right after it, or 0. */
function doubledAt(text: string, i: number, end: number): number {
  for (let len = 2; len <= 4 && i + 2 * len <= end; len++) {
    let k = 0;
    for (; k < len; k++) {
      const c = text.charCodeAt(i + k);
      if (!isHan(c) || c !== text.charCodeAt(i + len + k)) break;
    }
    if (k === len) return len;
  }
  return 0;
}
