// Editor features over in-memory documents, no editor and no server: `$0` marks the cursor.

import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import {
  UnitIndex,
  buildModel,
  complete,
  foldingRanges,
  hover,
  outline,
  parse,
  renameUnitEdits,
  selectionRanges,
  semanticTokens,
  applyEdits,
  renameInRegistryText,
  unitOccurrences,
  type OutlineSymbol,
} from "../server/src/core/index.js";
import { golden, settingsFrom, ROOT } from "./helpers.js";

const settings = settingsFrom(
  JSON.stringify({
    units: [{ name: "区发改局", aliases: ["区发展计划局"], abbreviations: ["发改局"] }, "区财政局", "区文旅局", "区科信局", "区审批管理局", "区政务信息中心"],
    snippets: { task: { prefix: "rw", body: ["${1:1}. ${2:任务}", "   牵头：$3"], description: "新任务" } },
  }),
);

function at(src: string) {
  const offset = src.indexOf("$0");
  assert.ok(offset >= 0, "the source marks the cursor with $0");
  const text = src.slice(0, offset) + src.slice(offset + 2);
  const model = buildModel(parse(text, { labels: settings.labels }), settings);
  return { text, offset, model };
}

const index = new UnitIndex(settings.registry, new Map([["区财政局", 12], ["区文旅局", 3]]));
const labels = (src: string) => {
  const { model, offset } = at(src);
  return complete(model, offset, index, settings, settings.snippets).items.map((i) => i.label);
};

test("unit completion by Chinese, full pinyin and initials; ranked by use", () => {
  assert.deepEqual(labels("1. 任务\n   牵头：区$0\n").slice(0, 2), ["区财政局", "区文旅局"], "most used first");
  assert.equal(labels("1. 任务\n   牵头：fgj$0\n")[0], "区发改局");
  assert.equal(labels("1. 任务\n   牵头：qufa$0\n")[0], "区发改局");
  assert.equal(labels("1. 任务\n   牵头：caizheng$0\n")[0], "区财政局");
  assert.equal(labels("1. 任务\n   牵头：发展计划$0\n")[0], "区发改局", "an alias finds its unit");
  assert.deepEqual(labels("1. 任务\n   牵头：zzzz$0\n"), []);
});

test("unit completion after every separator, and on a wrapped line; units already named are left out", () => {
  for (const sep of ["、", "，", ",", "；", ";", " "]) {
    const got = labels(`1. 任务\n   责任：区财政局${sep}区$0\n`);
    assert.ok(got.length > 0 && !got.includes("区财政局"), `after “${sep}”: ${got.join()}`);
  }
  assert.ok(labels("1. 任务\n   责任：区财政局、\n         区文$0\n").includes("区文旅局"));
});

test("the replace range covers the whole word typed, before and after the cursor", () => {
  const { model, offset, text } = at("1. 任务\n   牵头：区发$0改\n");
  const item = complete(model, offset, index, settings).items[0];
  assert.equal(text.slice(item.replace.start, item.replace.end), "区发改");
  assert.ok(item.filterText.includes("qfgj") && item.filterText.includes("区发改局"));
});

test("field labels where a field may start, numbers at the margin, team snippets", () => {
  const l = labels("1. 任务\n   牵头：区财政局\n   时$0\n");
  assert.ok(l.includes("时限："), l.join());
  assert.deepEqual(labels("一、部分\n（一）小节\n1. 任务\n2. 任务\n$0\n").slice(0, 3), ["3.", "（二）", "二、"]);
  assert.deepEqual(labels("一、部分\n（一）小节\n$0\n").slice(0, 3), ["（二）", "1.", "二、"]);
  assert.ok(labels("一、部分\n$0\n").includes("rw"), "snippets from the config");
});

test("per-subsection numbering: the next task after a heading is 1", () => {
  const got = labels("（一）甲\n1. 任务\n2. 任务\n（二）乙\n1. 任务\n（三）丙\n$0\n");
  assert.ok(got.includes("1."), got.join());
});

test("the outline: section > subsection > task > item, with lead units", () => {
  const text = readFileSync(join(ROOT, "examples", "siming-district-2021.tasktable"), "utf8");
  const model = buildModel(parse(text), settings);
  const render = (s: OutlineSymbol[], depth = 0): string =>
    s.map((x) => `${"  ".repeat(depth)}${x.kind} ${x.name.slice(0, 30)}${x.detail ? ` [${x.detail}]` : ""} @${x.line + 1}\n${render(x.children, depth + 1)}`).join("");
  golden(join(ROOT, "test/golden/outline-siming.txt"), render(outline(model)));
  const tasks = outline(model).flatMap((s) => s.children.flatMap((c) => c.children));
  assert.equal(tasks.length, 37, "39 numbers with 37 and 38 lost");
});

test("folding ranges cover sections, subsections, tasks, notes and comment runs", () => {
  const { model } = at("$0一、部分\n（一）小节\n1. 任务\n   牵头：甲\n   责任：乙\n// 一\n// 二\n二、部分\n");
  const f = foldingRanges(model).map((r) => `${r.startLine}-${r.endLine}${r.kind ? ":" + r.kind : ""}`);
  assert.deepEqual(f, ["0-4", "1-4", "2-4", "5-6:comment"]);
});

test("selection ranges grow from a unit to its field, task, subsection, section and document", () => {
  const { model, offset, text } = at("一、部分\n（一）小节\n1. 任务\n   牵头：区财$0政局、区文旅局\n");
  const rs = selectionRanges(model, offset).map((r) => text.slice(r.start, r.end));
  assert.deepEqual(rs.slice(0, 3), ["区财政局", "区财政局、区文旅局", "牵头：区财政局、区文旅局"]);
  assert.equal(rs[rs.length - 1], text);
});

test("hover: a unit's names and counts; a number's place", () => {
  const { model, offset } = at("一、部分\n1. 任务\n   牵头：发$0改局\n2. 任务\n   牵头：同上\n   责任：区发改局\n");
  const h = hover(model, offset, settings.registry)!;
  assert.match(h.contents, /\*\*区发改局\*\*/);
  assert.match(h.contents, /简称/);
  assert.match(h.contents, /本表：牵头 2 项，配合 1 项/);
  const n = at("一、部分\n（一）小节\n1. 任务\n2$0. 任务\n");
  assert.match(hover(n.model, n.offset, settings.registry)!.contents, /同级第 2 个，共 2 个/);
});

test("references and rename: every name a unit is written by", () => {
  const { model, text } = at("$01. 任务\n   牵头：发改局\n   责任：区财政局\n2. 任务\n   牵头：同上\n3. 任务\n   责任：区发展计划局、区发改局\n");
  assert.equal(unitOccurrences(model, "区发改局").length, 3, "abbreviation, alias and name; not the 同上 copy");
  const renamed = applyEdits(text, renameUnitEdits(model, "区发改局", "区发展改革局"));
  assert.equal(renamed, "1. 任务\n   牵头：区发展改革局\n   责任：区财政局\n2. 任务\n   牵头：同上\n3. 任务\n   责任：区发展改革局、区发展改革局\n");
  const cfg = '{"units": [{"name": "区发改局", "abbreviations": ["发改局"]}, "区财政局"], "overrides": [{"files": ["a"], "units": ["区发改局"]}]}';
  assert.equal(applyEdits(cfg, renameInRegistryText(cfg, "区发改局", "区发展改革局")).split("区发展改革局").length - 1, 2);
});

test("semantic tokens: registered, unregistered and collective units, and 同上 copies", () => {
  const { model, text } = at("$01. 任务\n   牵头：区财政局、某某局、各街道\n2. 任务\n   牵头：同上\n");
  const toks = semanticTokens(model).map((t) => `${text.slice(t.start, t.end)}:${t.type}${t.modifiers.length ? "." + t.modifiers.join(".") : ""}`);
  assert.deepEqual(toks, ["区财政局:unit.registered", "某某局:unit.unregistered", "各街道:unit.collective", "同上:inherited"]);
});

test("the owner of every line (task, field) is what a line-by-line map of every block says", async () => {
  const { lineOwner } = await import("../server/src/core/index.js");
  const { allTasks } = await import("../server/src/core/rules/util.js");
  const { readdirSync } = await import("node:fs");
  const settings = settingsFrom("{}");
  const texts = readdirSync(join(ROOT, "examples"))
    .filter((f) => f.endsWith(".tasktable"))
    .map((f) => readFileSync(join(ROOT, "examples", f), "utf8"));
  // Items, items outside a task, blank lines and comments inside blocks, continuation lines.
  // A block that starts with a field, under a heading and at the start.
  texts.push("牵头：区财政局\n一、甲\n牵头：区财政局、区\n   责任：区教育局\n");
  texts.push("1. 任务\n   （1）子项\n      牵头：甲\n\n      // 注\n   （2）子项二\n   牵头：乙\n         丙\n（3）孤项\n   牵头：丁\n2. 任务二\n   继续标题\n   责任：戊\n");
  for (const text of texts) {
    const model = buildModel(parse(text), settings);
    const want: ({ task: unknown; field: unknown } | undefined)[] = [];
    for (const t of allTasks(model)) {
      for (const s of t.node.titleSegments) want[s.line] = { task: t, field: null };
      want[t.line] = { task: t, field: null };
      for (const f of t.fields) for (let li = f.node.line; li <= f.node.endLine; li++) want[li] = { task: t, field: f };
    }
    for (let li = 0; li < model.tree.lines.lineCount; li++) {
      const got = lineOwner(model, li);
      assert.equal(got?.task, want[li]?.task, `task of line ${li + 1}`);
      assert.equal(got?.field ?? null, want[li]?.field ?? null, `field of line ${li + 1}`);
    }
  }
});

test("numbers, labels and snippets are offered only while what is typed could become one: a title, note or comment is never replaced", () => {
  for (const src of [
    "1. 任务\n   牵头：区财政局\n2. 主动公开规划，$0\n",
    "一、紧扣“十四五”，$0\n",
    "# 分解表 $0\n",
    "// 网页上的表$0\n",
    "> 说明，$0\n",
    "1. 任务\n   要求：做好公开\n         并按要求，$0\n",
  ]) {
    assert.deepEqual(labels(src), [], src);
  }
  assert.deepEqual(labels("1. 任务\n   牵头：区财政局\n2$0\n").slice(0, 1), ["2."], "a number being typed");
  assert.deepEqual(labels("一、部分\n（$0\n").slice(0, 1), ["（一）"], "a bracket that starts a subsection number");
  assert.deepEqual(labels("一、部分\n($0\n").slice(0, 1), ["（一）"], "in either width");
  {
    const { model, offset } = at("一、部分\n($0\n");
    const item = complete(model, offset, index, settings).items[0];
    assert.ok(item.filterText.startsWith("("), "what was typed leads the filter text, which the client matches against it");
  }
  assert.deepEqual(labels("1. 任务\n   牵头：区财政局\n２$0\n").slice(0, 1), ["2."], "a full-width digit");
  assert.ok(labels("1. 任务\n   牵头：区财政局\n   时限$0\n").includes("时限："), "a label being typed");
  assert.ok(labels("一、部分\nr$0\n").includes("rw"), "a snippet's prefix being typed");
});

test("hover on a top-level number gives its place among its siblings", () => {
  for (const [src, want] of [
    ["一$0、甲\n1. 任务\n二、乙\n2. 任务\n", "同级第 1 个，共 2 个"],
    ["一、甲\n1. 任务\n二$0、乙\n2. 任务\n", "同级第 2 个，共 2 个"],
    ["1. 任务\n2$0. 任务\n3. 任务\n", "同级第 2 个，共 3 个"],
  ]) {
    const { model, offset } = at(src);
    assert.match(hover(model, offset, settings.registry)!.contents, new RegExp(want), src);
  }
});

test("a task's outline entry, fold and selection cover its items and their fields", () => {
  const src = "1. 任务\n   牵头：区财政局\n   （1）事项\n      牵头：区财政局\n      责任：区文$0旅局\n2. 任务\n   牵头：区财政局\n";
  const { model, offset, text } = at(src);
  const [first] = outline(model);
  assert.equal(text.slice(first.range.start, first.range.end), text.slice(0, text.indexOf("\n2. ")), "the task runs to its item's last field");
  assert.equal(model.tree.lines.lineAt(first.children[0].range.end), 4);
  assert.deepEqual(
    foldingRanges(model).map((r) => `${r.startLine}-${r.endLine}`),
    ["0-4", "2-4", "5-6"],
  );
  const rs = selectionRanges(model, offset).map((r) => text.slice(r.start, r.end));
  assert.deepEqual(rs.slice(0, 3), ["区文旅局", "责任：区文旅局", text.slice(text.indexOf("（1）"), text.indexOf("\n2. "))]);
  const outer = at("$0一、部分\n1. 任务\n   （1）事项\n      牵头：区财政局\n二、部分\n");
  assert.equal(outer.model.tree.lines.lineAt(outline(outer.model)[0].range.end), 3, "the section runs to the end of its last task's item");
});

test("同上 with a stop after it (同上。) copies the cell above, in text fields as in unit fields", () => {
  const { model } = at("$01. 任务\n   牵头：区财政局\n   时限：2021年底前\n2. 任务\n   牵头：同上。\n   时限：同上。\n");
  assert.equal(model.tasks[1].deadline, "2021年底前");
  assert.deepEqual(model.tasks[1].lead.map((u) => u.canonical), ["区财政局"]);
});

test("hover speaks English where the settings say so", () => {
  const { model, offset } = at("一、部分\n1. 任务\n   牵头：发$0改局\n2. 任务\n   牵头：同上\n");
  const h = hover(model, offset, settings.registry, () => ({ files: 2, leads: 3, joins: 1 }), "en")!;
  assert.match(h.contents, /written “发改局”: an abbreviation/);
  assert.match(h.contents, /This table: leads 2, joins 0/);
  assert.match(h.contents, /Workspace, 2 files: leads 3, joins 1/);
  assert.doesNotMatch(h.contents, /本表|工作区|写作|简称|别名/);
  const n = at("一、部分\n1. 任务\n2$0. 任务\n");
  assert.match(hover(n.model, n.offset, settings.registry, undefined, "en")!.contents, /2 of 2 at this level/);
  const d = at("1. 任务\n   牵头：区财政局、区文旅局\n2. 任务\n   牵头：同$0上\n");
  assert.match(hover(d.model, d.offset, settings.registry)!.contents, /\*\*同上\*\*：沿用第 1 行任务1的“牵头”：区财政局、区文旅局/, "on 同上: what it copies");
  assert.match(hover(d.model, d.offset, settings.registry, undefined, "en")!.contents, /as above\): the “牵头” of task 1 on line 1: 区财政局、区文旅局/);
});
