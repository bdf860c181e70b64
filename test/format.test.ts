import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, format } from "../server/src/core/index.js";
import { userText } from "./helpers.js";

const fmt = (text: string, labels: "keep" | "short" | "long" = "keep") => format(parse(text), { labels });

test("fmt writes the canonical form", () => {
  const input = [
    "#  2021年任务分解表  ",
    "列:工作任务|牵头单位",
    "一.第一部分",
    "(一)、小节",
    "1、主动公开规划。",
    "牵头 : 区发改局",
    "  要求：除法律法规另有规定外，",
    "    及时设立专题。",
    "（1）子项",
    " 牵头：甲",
    "2.任务二",
    "\t责任:各街道",
    ">具体要求",
    "",
    "",
  ].join("\n");
  const want = [
    "# 2021年任务分解表",
    "列：工作任务|牵头单位",
    "一、第一部分",
    "(一)小节",
    "1. 主动公开规划。",
    "   牵头：区发改局",
    "   要求：除法律法规另有规定外，",
    "         及时设立专题。",
    "   (1)子项",
    "      牵头：甲",
    "2. 任务二",
    "   责任：各街道",
    "> 具体要求",
    "",
  ].join("\n");
  assert.equal(fmt(input), want);
  assert.equal(fmt(want), want, "idempotent");
});

test("fmt keeps the file's line ends and width of brackets, and labels on request", () => {
  const crlf = "(一)小节\r\n(二)小节\r\n（三)小节\r\n1.任务\r\n牵头：甲\r\n";
  assert.equal(fmt(crlf), "(一)小节\r\n(二)小节\r\n(三)小节\r\n1. 任务\r\n   牵头：甲\r\n");
  assert.equal(fmt("1. 任务\n   牵头单位：甲\n   配合：乙\n", "short"), "1. 任务\n   牵头：甲\n   配合：乙\n");
  assert.equal(fmt("1. 任务\n   牵头：甲\n   要求：乙\n", "long"), "1. 任务\n   牵头单位：甲\n   工作要求：乙\n");
});

test("fmt leaves broken numbers and comments as written, and starts paragraphs at the margin", () => {
  const text = ")推进减税降费\n  一段缩进的说明\n     续行\n// 注释  \n";
  assert.equal(fmt(text), ")推进减税降费\n一段缩进的说明\n     续行\n// 注释\n");
});

const corpus: [string, string][] = [];
for (const dir of ["examples", "test/fixtures/rules"]) {
  const abs = join(import.meta.dirname, "..", dir);
  for (const f of readdirSync(abs)) if (f.endsWith(".tasktable")) corpus.push([`${dir}/${f}`, readFileSync(join(abs, f), "utf8")]);
}

test("on every example and fixture: fmt is idempotent and keeps every character of the user's text", () => {
  assert.ok(corpus.length >= 3);
  for (const [name, text] of corpus) {
    const once = fmt(text);
    assert.equal(fmt(once), once, `${name}: formatting twice changes it again`);
    assert.equal(userText(parse(once)), userText(parse(text)), `${name}: text changed`);
    const before = parse(text).nodes.map((n) => n.kind).join();
    assert.equal(parse(once).nodes.map((n) => n.kind).join(), before, `${name}: structure changed`);
  }
});

test("fmt keeps a title line that follows an item with the task, whatever the width of its number", async () => {
  const { buildModel } = await import("../server/src/core/index.js");
  const { settingsFrom } = await import("./helpers.js");
  const settings = settingsFrom("{}");
  const meaning = (text: string) => buildModel(parse(text), settings).tasks.map((t) => [t.title, t.items.map((i) => [i.title, i.requirement])]);
  for (const src of [
    "10. 任务\n   （1）事项\n      要求：很长的\n   续行\n",
    "10. 任务标题\n   （1）事项一\n  补充说明\n",
    "１．任务\n   （1）事项\n      要求：很长的\n   续行\n",
    "100. 任务\n     标题的第二行\n   牵头：区财政局\n",
  ]) {
    const once = fmt(src);
    assert.deepEqual(meaning(once), meaning(src), once);
    assert.equal(fmt(once), once, "idempotent");
  }
  assert.equal(fmt("100. 任务\n 标题的第二行\n   牵头：区财政局\n"), "100. 任务\n     标题的第二行\n   牵头：区财政局\n", "before the fields, aligned with the title");
});

test("range formatting edits only inside its range, also at the blank lines that end a file", async () => {
  const { formatEdits } = await import("../server/src/core/index.js");
  const text = "1. 任务\n   牵头：区财政局\n\n\n\n";
  const tree = parse(text);
  const last = tree.lines.lineCount - 1;
  for (let startLine = 0; startLine <= last; startLine++) {
    for (const e of formatEdits(tree, { labels: "keep" }, { startLine, endLine: last })) {
      assert.ok(e.start >= tree.lines.starts[startLine], `range from line ${startLine}: an edit starts at ${e.start}`);
    }
  }
  assert.equal(applyEditsOf(text, formatEdits(tree, { labels: "keep" }, { startLine: 0, endLine: last })), "1. 任务\n   牵头：区财政局\n");
});

function applyEditsOf(text: string, edits: { start: number; end: number; newText: string }[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
