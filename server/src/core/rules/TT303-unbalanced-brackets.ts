import type { Rule, RuleContext } from "./types.js";
import type { Range } from "../text.js";
import { paragraphs } from "./util.js";
import { MemoKey } from "../memo.js";
import { isChineseNumeralChar } from "../syntax/numerals.js";
import { BRACKET_PAIRS, MarkCursor, firstAtOrAfter, treeMarks } from "../syntax/marks.js";

// Per character code: the kind of bracket (one number for both widths of a kind), whether it
// opens, and its partner. Typed arrays, because every bracket of every task is looked up.
const KIND = new Uint8Array(0x10000);
const OPENS = new Uint8Array(0x10000);
const PARTNER = new Uint16Array(0x10000);
const kinds: string[] = [];
for (const [kind, o, c] of BRACKET_PAIRS) {
  if (!kinds.includes(kind)) kinds.push(kind);
  const id = kinds.indexOf(kind) + 1;
  const oc = o.charCodeAt(0);
  const cc = c.charCodeAt(0);
  KIND[oc] = KIND[cc] = id;
  OPENS[oc] = 1;
  PARTNER[oc] = cc;
  PARTNER[cc] = oc;
}
const PAREN = KIND["（".charCodeAt(0)];

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

const TASK_CURSOR = new MemoKey<MarkCursor>("bracket marks of tasks");

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
    const marks = new MarkCursor(treeMarks(model.tree).brackets);
    const nodes = model.tree.nodes;
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      if (n.kind === "heading") scan(ctx, n.title.start, n.title.end, null, marks);
      else if (n.kind === "title") scan(ctx, n.text.start, n.text.end, null, marks);
      else if (n.kind === "note") for (const p of paragraphs(n)) scan(ctx, p[0].start, p[0].end, p.length > 1 ? p.slice(1) : null, marks);
    }
  },
  checkTask(ctx, t) {
    // Tasks come in document order: one cursor walks the marks for all of them.
    const marks = ctx.memo.get(TASK_CURSOR, () => new MarkCursor(treeMarks(ctx.model.tree).brackets));
    const n = t.node;
    scan(ctx, n.titleStart, n.titleEnd, n.moreTitle, marks);
    for (const f of t.fields) scan(ctx, f.node.valueStart, f.node.valueEnd, f.node.moreValue, marks);
  },
};

/** Offsets of the brackets still open, reused from scope to scope. */
let stack = new Int32Array(256);

/**
 * One scope (a title, a field value) written over lines, [start, end) on the first (empty
 * when the two are equal) and `more` below: brackets must pair within it.
 */
function scan(ctx: RuleContext, start: number, end: number, more: readonly Range[] | null, cursor: MarkCursor) {
  const text = ctx.text;
  const marks = cursor.xs;
  let depth = 0;
  const count = more ? more.length : 0;
  const lastEnd = count ? more![count - 1].end : end > start ? end : 0;
  for (let si = end > start ? -1 : 0; si < count; si++) {
    const segStart = si < 0 ? start : more![si].start;
    const segEnd = si < 0 ? end : more![si].end;
    for (let m = cursor.seek(segStart); m < marks.length && marks[m] < segEnd; m++) {
      const i = marks[m];
      const c = text.charCodeAt(i);
      if (OPENS[c]) {
        if (depth === stack.length) {
          const bigger = new Int32Array(stack.length * 2);
          bigger.set(stack);
          stack = bigger;
        }
        stack[depth++] = i;
        continue;
      }
      const kind = KIND[c];
      let k = depth - 1;
      while (k >= 0 && KIND[text.charCodeAt(stack[k])] !== kind) k--;
      if (k < 0) {
        // 2021〕20号 is a document number that lost its 〔: doc-number reports it.
        if (c === 0x3015 && i >= 4 && isDigit(text.charCodeAt(i - 1))) continue;
        // 1）按月编辑；2）按时发布: a number closed by a bracket is a list marker in running text.
        if (kind === PAREN && isEnumerator(text, segStart, i)) continue;
        const open = String.fromCharCode(PARTNER[c]);
        ctx.report({
          range: { start: i, end: i + 1 },
          message: { zh: `多出一个“${text[i]}”，前面没有与之配对的“${open}”。`, en: `Unmatched “${text[i]}”: no “${open}” before it.` },
          fixes: [{ title: { zh: `删去多余的“${text[i]}”`, en: `Remove the stray “${text[i]}”` }, edits: [{ start: i, end: i + 1, newText: "" }], safe: false }],
        });
        continue;
      }
      for (let j = depth - 1; j > k; j--) unclosed(ctx, stack[j], lastEnd, marks);
      const at = stack[k];
      depth = k;
      const close = PARTNER[text.charCodeAt(at)];
      if (close !== c) {
        // （…) : the same bracket in two widths
        const want = String.fromCharCode(close);
        ctx.report({
          range: { start: i, end: i + 1 },
          message: {
            zh: `“${text[at]}”与“${text[i]}”全角半角不一致。`,
            en: `“${text[at]}” is closed by “${text[i]}” of the other width.`,
          },
          related: [{ range: { start: at, end: at + 1 }, message: { zh: "开括号在此", en: "opened here" } }],
          fixes: [{ title: { zh: `改为“${want}”`, en: `Change to “${want}”` }, edits: [{ start: i, end: i + 1, newText: want }], safe: true }],
        });
      }
    }
  }
  // Reported after the scope, as the stack stands; copied first, since reports are made in
  // document order and the stack is shared.
  if (depth > 0) for (const at of stack.slice(0, depth)) unclosed(ctx, at, lastEnd, marks);
}

function unclosed(ctx: RuleContext, openAt: number, scopeEnd: number, marks: Int32Array) {
  const text = ctx.text;
  const ch = text[openAt];
  const close = String.fromCharCode(PARTNER[text.charCodeAt(openAt)]);
  // 〔202120号 is a document number that lost its 〕: doc-number reports it.
  if (ch === "〔" && isDigit(text.charCodeAt(openAt + 1))) return;
  let at = scopeEnd;
  if (text[at - 1] === "。") at--;
  // Closing at the end is a fair guess only if no other bracket stands in between.
  const next = firstAtOrAfter(marks, openAt + 1);
  const crosses = next < marks.length && marks[next] < at;
  ctx.report({
    range: { start: openAt, end: openAt + 1 },
    message: { zh: `“${ch}”没有配对的“${close}”。`, en: `“${ch}” is never closed by “${close}”.` },
    fixes: crosses ? [] : [{ title: { zh: `在末尾补上“${close}”`, en: `Close it with “${close}” at the end` }, edits: [{ start: at, end: at, newText: close }], safe: false }],
  });
}
