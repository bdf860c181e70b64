// Export: the text formats, and .docx and .xlsx written then read back with the importer
// to the same model (titles, numbers, units).

import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildModel, modelToJson, parse, type ModelJson } from "../server/src/core/index.js";
import { ConfigFiles } from "../server/src/host/config-files.js";
import { importFile } from "../server/src/import/files.js";
import { ROOT, run } from "./helpers.js";

const NAMES = ["xiamen-finance-2021", "siming-district-2021", "shijiazhuang-finance-2020"];
const dir = mkdtempSync(join(tmpdir(), "tasktable-export-"));

function modelOf(text: string, file: string): ModelJson {
  const s = new ConfigFiles({}).settingsFor(file);
  return modelToJson(buildModel(parse(text, { labels: s.labels }), s));
}
const essence = (m: ModelJson) => ({
  title: m.title,
  sections: m.sections.map((s) => `${s.number} ${s.title}`),
  tasks: m.tasks.map((t) => `${t.section}/${t.subsection}/${t.number} ${t.title} | ${t.lead.join("、")} | ${t.partners.join("、")}`),
});

for (const name of NAMES) {
  for (const to of ["docx", "xlsx"] as const) {
    test(`${name}: exported to .${to} and imported back, the same titles, numbers and units`, async () => {
      const src = join(ROOT, "examples", `${name}.tasktable`);
      const out = join(dir, `${name}.${to}`);
      const r = await run(["export", `examples/${name}.tasktable`, "--to", to, "-o", out]);
      assert.equal(r.code, 0, r.err);
      const back = await importFile(out);
      assert.equal(back.layout, to);
      const want = essence(modelOf(readFileSync(src, "utf8"), src));
      const got = essence(modelOf(back.text, src));
      assert.deepEqual(got, want);
    });
  }
}

test("binary formats need -o; unknown formats are usage errors", async () => {
  const r = await run(["export", "examples/siming-district-2021.tasktable", "--to", "docx"]);
  assert.equal(r.code, 2);
  assert.match(r.err, /writes a binary file: give it with -o FILE/);
  assert.equal((await run(["export", "examples/siming-district-2021.tasktable", "--to", "pdf"])).code, 2);
});

test("csv: RFC 4180 with a BOM, quoted cells, CRLF", async () => {
  const r = await run(["export", "examples/siming-district-2021.tasktable", "--to", "csv"]);
  assert.equal(r.code, 0);
  assert.ok(r.out.startsWith("\ufeff工作任务,工作要求,牵头单位,责任单位"));
  assert.match(r.out, /\r\n1\. 主动公开“十四五”规划纲要、国土空间规划、专项规划和区域规划等。,/);
  assert.match(r.out, /,"区发改局\n区政务信息中心",/, "a cell over two lines is quoted");
  assert.ok(r.out.endsWith("\r\n"));
});

test("md and html: the table, escaped, nothing remote", async () => {
  const md = (await run(["export", "examples/xiamen-finance-2021.tasktable", "--to", "md"])).out;
  assert.match(md, /^# 2021年厦门市财政局政务公开任务分解表\n/);
  assert.match(md, /\n\| 工作任务 \| 工作要求 \| 牵头处室 \| 协办单位 \|\n\| --- \| --- \| --- \| --- \|\n/);
  assert.match(md, /\n\| \*\*一、紧扣“十四五”开好局起好步,进一步深化政务公开\*\* \| \| \| \|\n/);
  const html = (await run(["export", "examples/xiamen-finance-2021.tasktable", "--to", "html"])).out;
  assert.match(html, /^<!DOCTYPE html>/);
  assert.match(html, /<td colspan="4">一、紧扣/);
  assert.doesNotMatch(html, /(src|href)=|@import|url\(/, "no remote content");
  const d = mkdtempSync(join(tmpdir(), "tasktable-html-"));
  const f = join(d, "x.tasktable");
  (await import("node:fs")).writeFileSync(f, "# <script>alert(1)</script>\n1. a & b\n   牵头：甲\n");
  const h = (await run(["export", f, "--to", "html"])).out;
  assert.match(h, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.doesNotMatch(h, /<script>/);
  assert.match(h, /a &amp; b/);
});

test("export keeps items, items under a heading and fields of unknown labels, in the table and in JSON", async () => {
  const { buildModel, parse, modelToJson } = await import("../server/src/core/index.js");
  const { publishedTable } = await import("../server/src/export/table.js");
  const { settingsFrom } = await import("./helpers.js");
  const settings = settingsFrom("{}");
  const text = "（一）做好规划公开\n（1）归集历史规划。\n   牵头：区发改局\n1. 任务\n   牵头：区财政局\n   （1）事项一\n      牵头：区文旅局\n2. 任务二\n   牵头：区财政局\n   分管领导：张三\n";
  const model = buildModel(parse(text), settings);
  const t = publishedTable(model, settings);
  assert.ok(t.columns.includes("分管领导"), t.columns.join());
  const rows = t.rows.filter((r) => r.kind === "task").map((r) => (r.kind === "task" ? r.cells.map((c) => c.text).join("|") : ""));
  assert.deepEqual(rows, ["（1）归集历史规划。|区发改局|", "1. 任务|区财政局|", "（1）事项一|区文旅局|", "2. 任务二|区财政局|张三"]);
  const json = modelToJson(model);
  assert.deepEqual(json.orphanItems.map((i) => [i.title, i.lead]), [["归集历史规划。", ["区发改局"]]]);
  assert.deepEqual(json.tasks[0].items.map((i) => i.lead), [["区文旅局"]]);
  assert.deepEqual(json.tasks[1].other, [{ label: "分管领导", text: "张三" }]);
});

test("同上 in the published table copies the task above, not an item between, and merges only with the row right above", async () => {
  const { buildModel, parse } = await import("../server/src/core/index.js");
  const { publishedTable } = await import("../server/src/export/table.js");
  const { settingsFrom } = await import("./helpers.js");
  const settings = settingsFrom("{}");
  const text = "一、部分\n1. 任务\n   牵头：区财政局\n   （1）事项一\n      牵头：区文旅局\n2. 任务二\n   牵头：同上\n3. 任务三\n   牵头：同上\n二、部分\n4. 任务四\n   牵头：同上\n";
  const t = publishedTable(buildModel(parse(text), settings), settings);
  const lead = t.rows.filter((r) => r.kind === "task").map((r) => (r.kind === "task" ? `${r.cells[1].text}${r.cells[1].ditto ? "↑" : ""}` : ""));
  assert.deepEqual(lead, ["区财政局", "区文旅局", "区财政局", "区财政局↑", "区财政局"]);
});

test("the published table: an item's 同上 copies what the model says, an unknown label's column holds only its own fields, a note after leading items stays after them", async () => {
  const { buildModel, parse } = await import("../server/src/core/index.js");
  const { publishedTable } = await import("../server/src/export/table.js");
  const { settingsFrom } = await import("./helpers.js");
  const settings = settingsFrom("{}");
  const table = (text: string) => publishedTable(buildModel(parse(text), settings), settings);
  const cells = (text: string) => table(text).rows.flatMap((r) => (r.kind === "task" ? [r.cells.map((c) => c.text + (c.ditto ? "↑" : "")).join("|")] : []));
  // 事项一 has no lead: 事项二's 同上 reaches its task, as the model reads it.
  assert.deepEqual(cells("1. 任务一\n   牵头：区财政局\n   （1）事项一\n      要求：做好\n   （2）事项二\n      牵头：同上\n"), ["1. 任务一|区财政局|", "（1）事项一||做好", "（2）事项二|区财政局|"]);
  assert.deepEqual(cells("1. 任务一\n   牵头：区财政局\n   备注：备注一\n2. 任务二\n   牵头：区财政局\n   分管领导：张三\n"), ["1. 任务一|区财政局|备注一|", "2. 任务二|区财政局||张三"]);
  const t = table("（1）孤项一\n   牵头：区发改局\n这里是一段说明。\n1. 任务一\n   牵头：区财政局\n");
  assert.deepEqual([t.before, t.after], [[], ["这里是一段说明。"]]);
});

test("a table imported with columns of its own exports to the same columns", async () => {
  const { buildModel, parse, importText } = await import("../server/src/core/index.js");
  const { publishedTable } = await import("../server/src/export/table.js");
  const { settingsFrom } = await import("./helpers.js");
  const settings = settingsFrom("{}");
  const imported = importText("序号\t工作任务\t具体措施\t责任单位（部门）\t完成情况\n1\t主动公开规划。\t做好公开\t区发改局\t已完成\n", {}).text;
  const t = publishedTable(buildModel(parse(imported), settings), settings);
  assert.deepEqual(t.columns, ["序号", "工作任务", "具体措施", "责任单位（部门）", "完成情况"]);
  assert.deepEqual(t.rows.flatMap((r) => (r.kind === "task" ? [r.cells.map((c) => c.text)] : [])), [["1", "主动公开规划。", "做好公开", "区发改局", "已完成"]]);
});
