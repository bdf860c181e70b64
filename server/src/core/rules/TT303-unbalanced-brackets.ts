import type { Rule, RuleContext } from "./types.js";
import type { Range } from "../text.js";
import { allTasks, paragraphs } from "./util.js";
import { isChineseNumeralChar } from "../syntax/numerals.js";

// Opening and closing characters; ( and （ are one kind in two widths.
const PAIRS: [string, string, string][] = [
  ["paren", "（", "）"],
  ["paren", "(", ")"],
  ["book", "《", "》"],
  ["angle", "〈", "〉"],
  ["dquote", "“", "”"],
  ["squote", "‘", "’"],
  ["tortoise", "〔", "〕"],
  ["lenticular", "【", "】"],
  ["square", "[", "]"],
  ["corner", "「", "」"],
  ["wcorner", "『", "』"],
];
const OPEN = new Map<number, { kind: string; close: string }>();
const CLOSE = new Map<number, { kind: string; open: string }>();
// One byte a character: is it a bracket at all? Most characters are not, and this is the
// test every character of every task goes through.
const IS_BRACKET = new Uint8Array(0x10000);
for (const [kind, o, c] of PAIRS) {
  OPEN.set(o.charCodeAt(0), { kind, close: c });
  CLOSE.set(c.charCodeAt(0), { kind, open: o });
  IS_BRACKET[o.charCodeAt(0)] = 1;
  IS_BRACKET[c.charCodeAt(0)] = 1;
}

function isDigit(c: number) {
  return c >= 48 && c <= 57;
}

// Where a list marker may start: the start of a line of the value, or after these.
const BEFORE_MARKER = "；;。，,：:、 \t\u3000";

/** Whether the closing bracket at `close` ends a marker such as 1） 2) ３） a) 一） at a marker's place. */
function isEnumerator(text: string, lineStart: number, close: number): boolean {
  let j = close;
  const c = text.charCodeAt(j - 1);
  if (isDigit(c) || (c >= 0xff10 && c <= 0xff19)) {
    while (j > lineStart && close - j < 2 && (isDigit(text.charCodeAt(j - 1)) || (text.charCodeAt(j - 1) >= 0xff10 && text.charCodeAt(j - 1) <= 0xff19))) j--;
  } else if (isChineseNumeralChar(c)) {
    while (j > lineStart && close - j < 3 && isChineseNumeralChar(text.charCodeAt(j - 1))) j--;
  } else if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
    j--;
  } else return false;
  return j === lineStart || BEFORE_MARKER.includes(text[j - 1]);
}

export const unbalancedBrackets: Rule = {
  code: "TT303",
  name: "unbalanced-brackets",
  severity: "warning",
  description: {
    zh: "括号或引号不成对：（）《》“”〔〕【】等缺了一半，或全角半角不配。",
    en: "Brackets or quotes do not pair up: half of （）《》“”〔〕【】 is missing, or the widths differ.",
  },
  check(ctx) {
    const { model } = ctx;
    for (const n of model.tree.nodes) {
      if (n.kind === "heading") scan(ctx, [n.title]);
      else if (n.kind === "title") scan(ctx, [n.text]);
      else if (n.kind === "note") for (const p of paragraphs(n)) scan(ctx, p);
    }
    for (const t of allTasks(model)) {
      scan(ctx, t.node.titleSegments);
      for (const f of t.fields) scan(ctx, f.node.segments);
    }
  },
};

interface Open {
  kind: string;
  at: number;
  ch: string;
  close: string;
}

/** One scope (a title, a field value): brackets must pair within it. */
function scan(ctx: RuleContext, segments: readonly Range[]) {
  const text = ctx.text;
  const stack: Open[] = [];
  const lastEnd = segments.length ? segments[segments.length - 1].end : 0;
  for (const seg of segments) {
    for (let i = seg.start; i < seg.end; i++) {
      const c = text.charCodeAt(i);
      if (IS_BRACKET[c] === 0) continue;
      const o = OPEN.get(c);
      if (o) {
        stack.push({ kind: o.kind, at: i, ch: text[i], close: o.close });
        continue;
      }
      const cl = CLOSE.get(c);
      if (!cl) continue;
      let k = stack.length - 1;
      while (k >= 0 && stack[k].kind !== cl.kind) k--;
      if (k < 0) {
        // 2021〕20号 is a document number that lost its 〔: doc-number reports it.
        if (text[i] === "〕" && i >= 4 && isDigit(text.charCodeAt(i - 1))) continue;
        // 1）按月编辑；2）按时发布: a number closed by a bracket is a list marker in running text.
        if (cl.kind === "paren" && isEnumerator(text, seg.start, i)) continue;
        ctx.report({
          range: { start: i, end: i + 1 },
          message: { zh: `多出一个“${text[i]}”，前面没有与之配对的“${cl.open}”。`, en: `Unmatched “${text[i]}”: no “${cl.open}” before it.` },
          fixes: [{ title: { zh: `删去多余的“${text[i]}”`, en: `Remove the stray “${text[i]}”` }, edits: [{ start: i, end: i + 1, newText: "" }], safe: false }],
        });
        continue;
      }
      for (let j = stack.length - 1; j > k; j--) unclosed(ctx, stack[j], lastEnd);
      const open = stack[k];
      stack.length = k;
      if (open.close !== text[i]) {
        // （…) : the same bracket in two widths
        ctx.report({
          range: { start: i, end: i + 1 },
          message: {
            zh: `“${open.ch}”与“${text[i]}”全角半角不一致。`,
            en: `“${open.ch}” is closed by “${text[i]}” of the other width.`,
          },
          related: [{ range: { start: open.at, end: open.at + 1 }, message: { zh: "开括号在此", en: "opened here" } }],
          fixes: [{ title: { zh: `改为“${open.close}”`, en: `Change to “${open.close}”` }, edits: [{ start: i, end: i + 1, newText: open.close }], safe: true }],
        });
      }
    }
  }
  for (const o of stack) unclosed(ctx, o, lastEnd);
}

function unclosed(ctx: RuleContext, o: Open, scopeEnd: number) {
  const text = ctx.text;
  // 〔202120号 is a document number that lost its 〕: doc-number reports it.
  if (o.ch === "〔" && isDigit(text.charCodeAt(o.at + 1))) return;
  let at = scopeEnd;
  if (text[at - 1] === "。") at--;
  // Closing at the end is a fair guess only if no other bracket stands in between.
  let crosses = false;
  for (let i = o.at + 1; i < at && !crosses; i++) crosses = IS_BRACKET[text.charCodeAt(i)] === 1;
  ctx.report({
    range: { start: o.at, end: o.at + 1 },
    message: { zh: `“${o.ch}”没有配对的“${o.close}”。`, en: `“${o.ch}” is never closed by “${o.close}”.` },
    fixes: crosses ? [] : [{ title: { zh: `在末尾补上“${o.close}”`, en: `Close it with “${o.close}” at the end` }, edits: [{ start: at, end: at, newText: o.close }], safe: false }],
  });
}
