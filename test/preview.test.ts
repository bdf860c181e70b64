// The reviewer's preview: the renderer's HTML for each example, escaping, and the per-unit
// workload the chart draws.

import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { ConfigFiles } from "../server/src/host/config-files.js";
import { analyze, renderPreview, unitWorkload, previewColumns, type Model, type Finding, type PreviewResult } from "../server/src/core/index.js";
import { settingsFrom, ROOT } from "./helpers.js";

const configs = new ConfigFiles();

/** An example with its own config (registry), as the CLI checks it. */
export function example(name: string): { text: string; model: Model; findings: Finding[]; preview: PreviewResult } {
  const file = join(ROOT, "examples", name);
  const text = readFileSync(file, "utf8");
  const { model, findings } = analyze(text, configs.settingsFor(file));
  return { text, model, findings, preview: renderPreview(model, findings) };
}

/** The HTML of the block whose data-line is `line` (its opening tag up to the next block). */
function rowAt(html: string, line: number): string {
  const i = html.search(new RegExp(`<(tr|p|h1)[^>]*data-line="${line}"`));
  assert.ok(i >= 0, `a block at line ${line}`);
  const next = html.slice(i + 1).search(/<(tr|p|h1|\/tbody)[ >]/);
  return html.slice(i, i + 1 + next);
}

const textOf = (html: string) => html.replace(/<[^>]*>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

function contentChecks(name: string) {
  const { model, preview, findings } = example(name);
  const html = preview.html;
  const plain = textOf(html);
  assert.ok(model.title && html.includes(`<h1 class="tt-title`) && plain.includes(model.title), "the title");
  for (const s of model.sections) {
    const row = rowAt(html, s.line);
    assert.match(row, /class="tt-section/, `section ${s.title} is a section row`);
    assert.match(row, /colspan="\d+"/);
    assert.ok(textOf(row).includes(s.title), s.title);
  }
  for (const s of model.subsections) {
    const row = rowAt(html, s.line);
    assert.match(row, /class="tt-subsection/, `subsection ${s.title}`);
    assert.ok(textOf(row).includes(s.title), s.title);
  }
  for (const t of model.tasks) {
    const row = rowAt(html, t.line);
    assert.match(row, /class="tt-task/);
    if (t.number !== null) assert.ok(textOf(row).startsWith(`${t.number}.`), `task ${t.number}: ${textOf(row).slice(0, 20)}`);
    for (const it of t.items) assert.match(rowAt(html, it.line), /class="tt-item/);
  }
  // Every finding at or above info is on a marked block, with its message.
  for (const f of findings) {
    if (f.severity === "hint") continue;
    const line = model.tree.lines.lineAt(f.range.start);
    const mark = preview.marks.find((m) => m.line <= line && m.messages.some((x) => x === `${f.code} ${f.message}`));
    assert.ok(mark, `${f.code} at line ${line + 1} is marked`);
  }
  return { model, preview, html, plain };
}

test("Siming: title, columns, rows, lead units, the marks", () => {
  const { model, preview, html } = contentChecks("siming-district-2021.tasktable");
  assert.deepEqual(
    preview.columns.map((c) => c.heading),
    ["工作任务", "工作要求", "牵头单位", "责任单位"],
  );
  const task = (n: number) => model.tasks.find((t) => t.number === n)!;
  // Lead units in their column (the third cell).
  const cells = (n: number) => rowAt(html, task(n).line).split("<td").slice(1).map(textOf);
  assert.match(cells(1)[2], /区发改局/);
  assert.match(cells(1)[3], /区政务信息中心/);
  assert.match(cells(10)[2], /区卫健局/);
  assert.match(cells(17)[2], /区新闻办/);
  // 备注 has no column: it is shown under the task's title.
  assert.match(cells(1)[0], /备注：1\. 区政务信息中心负责开设专栏/);
  // Task 39: the numbering jumps from 36; marked as an error with the message.
  const row39 = rowAt(html, task(39).line);
  assert.match(row39, /class="tt-task tt-marked tt-error"/);
  assert.match(row39, /data-line="236"/);
  const mark39 = preview.marks.find((m) => m.line === 236)!;
  assert.equal(mark39.severity, "error");
  assert.ok(mark39.messages.some((m) => m.startsWith("TT101") && m.includes("37")), mark39.messages.join("\n"));
  assert.match(html, /<tr class="tt-findings tt-error" data-line="236"><td colspan="4"><ul><li>TT101 编号跳号：此处应为 37/);
  assert.match(row39, /title="[^"]*TT101 编号跳号/);
  // Task 13's empty lead cell: marked.
  assert.match(rowAt(html, task(13).line), /tt-marked tt-error/);
  // Unmarked task.
  assert.doesNotMatch(rowAt(html, task(10).line), /tt-marked/);
  // The workload chart: 区卫健局 leads tasks 10–12.
  assert.match(html, /<svg class="tt-chart"/);
  assert.match(html, /data-unit="区卫健局" data-leads="3"/);
});

test("Xiamen finance: 牵头处室 and 协办单位 columns, notes before and after the table", () => {
  const { model, preview, html } = contentChecks("xiamen-finance-2021.tasktable");
  assert.deepEqual(
    preview.columns.map((c) => c.heading),
    ["工作任务", "工作要求", "牵头处室", "协办单位"],
  );
  const t4 = model.tasks.find((t) => t.number === 4)!;
  const cells = rowAt(html, t4.line).split("<td").slice(1).map(textOf);
  assert.match(cells[2], /预算处、政府采购处、基建处/);
  assert.match(cells[3], /国库处/);
  // Notes in document order: the page header before the table, the footer after it.
  const table = html.indexOf("<table");
  const end = html.indexOf("</table>");
  assert.ok(html.indexOf("发布时间") > 0 && html.indexOf("发布时间") < table);
  assert.ok(html.indexOf("扫一扫在手机上查看当前页面") > end);
  // 各业务处室 twice in task 11's lead: a duplicate-unit warning on its row.
  const t11 = model.tasks.find((t) => t.number === 11)!;
  const mark = preview.marks.find((m) => m.line === t11.line);
  assert.ok(mark && mark.messages.some((m) => m.includes("各业务处室")), JSON.stringify(mark));
});

test("Shijiazhuang finance: 责任单位 is the lead, a deadline column, notes inside and after the table", () => {
  const { model, preview, html } = contentChecks("shijiazhuang-finance-2020.tasktable");
  assert.deepEqual(
    preview.columns.map((c) => [c.heading, c.effective]),
    [["工作任务", null], ["工作要求", "requirement"], ["责任单位", "lead"], ["配合单位", "partners"], ["公开时限", "deadline"]],
  );
  const t = model.tasks.find((x) => x.title.startsWith("财政预决算公开"))!;
  const cells = rowAt(html, t.line).split("<td").slice(1).map(textOf);
  assert.match(cells[2], /预算处、国库处/);
  assert.match(cells[3], /办公室、信息中心/);
  assert.match(cells[4], /20个工作日内公开/);
  // The preamble before the table, 指导思想's paragraph as a row in it, 具体要求 after it.
  const table = html.indexOf("<table");
  assert.ok(html.indexOf("为进一步做好我局政务公开工作") < table);
  assert.match(html, /<tr class="tt-note-row"[^>]*><td colspan="5"><p class="tt-note">以习近平/);
  assert.ok(html.indexOf("三、具体要求") > html.indexOf("</table>"));
});

test("every block has a data-line; the lines are the blocks' first lines", () => {
  const { preview, model } = example("siming-district-2021.tasktable");
  const html = preview.html;
  const rows = html.match(/<(tr|p|h1)\b[^>]*>/g)!;
  for (const r of rows) assert.match(r, /data-line="\d+"/, r);
  assert.ok(preview.lines.includes(model.tasks[0].line));
  const columnsLine = model.tree.nodes.find((n) => n.kind === "columns")!.line;
  assert.match(html, new RegExp(`<tr class="tt-head" data-line="${columnsLine}">`));
});

test("everything is escaped", () => {
  const settings = settingsFrom();
  const src = [
    "# <script>alert(1)</script> & 年度表",
    "列：工作任务 | 工作要求 | 牵头单位 | 责任单位",
    "一、<b>部分</b> & 其他",
    "1. 任务 <img src=x onerror=alert(1)> & “引号”",
    "   要求：a < b && c > d \"q\" 'q'",
    "   牵头：<单位>&甲",
    "   责任：乙",
    "3. 跳号 <i>",
    "   牵头：丙",
    "结尾 <script>x</script>",
  ].join("\n");
  const { model, findings } = analyze(src, settings);
  const { html } = renderPreview(model, findings);
  assert.doesNotMatch(html, /<script|<img|<b>|<i>|<单位>/);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; 年度表/);
  assert.match(html, /&lt;b&gt;部分&lt;\/b&gt; &amp; 其他/);
  assert.match(html, /a &lt; b &amp;&amp; c &gt; d &quot;q&quot; &#39;q&#39;/);
  assert.match(html, /&lt;单位&gt;&amp;甲/);
  assert.match(html, /data-unit="&lt;单位&gt;&amp;甲"/);
  // Messages quote the source: escaped in the list and in the title attribute.
  assert.ok(findings.length > 0);
  for (const m of html.matchAll(/title="([^"]*)"/g)) assert.doesNotMatch(m[1], /[<>]/);
});

test("unitWorkload: leads and joins per canonical unit, 同上 counted, units that lead nothing", () => {
  const settings = settingsFrom(JSON.stringify({ units: [{ name: "区发改局", abbreviations: ["发改局"] }, "区财政局", "区文旅局", "区科信局"] }));
  const src = [
    "# 表",
    "1. 甲",
    "   牵头：区发改局",
    "   责任：区财政局、文旅局",
    "2. 乙",
    "   牵头：同上",
    "   责任：同上、区科信局",
    "3. 丙",
    "   牵头：发改局、区财政局",
    "   责任：区科信局",
    "   （1）子项",
    "      牵头：区文旅局",
    "      责任：区科信局",
  ].join("\n");
  const { model } = analyze(src, settings);
  const loads = unitWorkload(model);
  const by = new Map(loads.map((l) => [l.unit, l]));
  const fgj = by.get("区发改局")!;
  assert.equal(fgj.leads, 3, "tasks 1, 2 (同上) and 3 (发改局)");
  assert.equal(fgj.joins, 0);
  assert.deepEqual(fgj.names, ["区发改局", "发改局"]);
  assert.deepEqual(fgj.leadTasks.map((t) => t.number), [1, 2, 3]);
  const cz = by.get("区财政局")!;
  assert.deepEqual([cz.leads, cz.joins], [1, 2], "joins 1 and 2 (同上), leads 3");
  const wl = by.get("区文旅局")!;
  assert.deepEqual([wl.leads, wl.joins], [1, 2], "written 文旅局 after 区财政局; leads 3 through its item");
  assert.deepEqual(wl.names, ["文旅局", "区文旅局"]);
  const kx = by.get("区科信局")!;
  assert.deepEqual([kx.leads, kx.joins], [0, 2], "task 3 and its item count once");
  assert.deepEqual(kx.joinTasks.map((t) => t.number), [2, 3]);
  // Sorted by total, then leads.
  assert.deepEqual(loads.map((l) => l.unit), ["区发改局", "区财政局", "区文旅局", "区科信局"]);
  // The chart: one bar group per unit, the one that leads nothing stands out.
  const { html } = renderPreview(model, []);
  assert.match(html, /<g class="tt-unit-bar tt-nolead" data-unit="区科信局" data-leads="0" data-joins="2">/);
  assert.match(html, /<g class="tt-unit-bar" data-unit="区发改局" data-leads="3" data-joins="0">/);
  assert.match(html, /<title>区发改局：牵头 3 项，参与 0 项；写作 区发改局、发改局<\/title>/);
  assert.doesNotMatch(html, /https?:\/\/(?!www\.w3\.org\/2000\/svg)/, "no remote content");
});

test("columns without a 列： line: the labels the tasks use, or the usual four", () => {
  const s = settingsFrom();
  const cols = (src: string) => previewColumns(analyze(src, s).model).map((c) => c.heading);
  assert.deepEqual(cols("# 表\n1. 甲\n"), ["工作任务", "工作要求", "牵头单位", "责任单位"]);
  assert.deepEqual(cols("# 表\n1. 甲\n   要求：x\n   牵头处室：甲\n   协办：乙\n   时限：6月\n"), ["工作任务", "工作要求", "牵头处室", "协办单位", "时限"]);
  assert.deepEqual(cols("# 表\n1. 甲\n   责任：甲\n"), ["工作任务", "责任单位"]);
});

test("English UI words; the table stays the document's", () => {
  const { model, findings } = example("siming-district-2021.tasktable");
  const { html } = renderPreview(model, findings, { locale: "en" });
  assert.match(html, /Tasks per unit/);
  assert.match(html, /<th scope="col">牵头单位/);
});
