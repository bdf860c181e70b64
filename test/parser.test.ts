import { test } from "node:test";
import assert from "node:assert/strict";
import { lineBreak, parse, buildModel, defaultSettings, type TaskNode } from "../server/src/core/index.js";
import { scanMarker } from "../server/src/core/syntax/markers.js";
import { parseChineseNumeral, toChineseNumeral } from "../server/src/core/syntax/numerals.js";

const model = (text: string) => buildModel(parse(text), defaultSettings());
const slice = (text: string, r: { start: number; end: number }) => text.slice(r.start, r.end);

test("Chinese numerals both ways", () => {
  const cases: [string, number][] = [["一", 1], ["九", 9], ["十", 10], ["十一", 11], ["二十", 20], ["二十三", 23], ["九十九", 99], ["一百", 100], ["一百零五", 105], ["两", 2]];
  for (const [s, n] of cases) assert.equal(parseChineseNumeral(s), n, s);
  for (const [s, n] of cases.filter(([s]) => s !== "两")) assert.equal(toChineseNumeral(n), s);
  assert.ok(Number.isNaN(parseChineseNumeral("一二")));
  assert.ok(Number.isNaN(parseChineseNumeral("")));
});

test("markers: canonical, wrong and broken forms at every level", () => {
  const m = (s: string) => {
    const r = scanMarker(s, 0, s.length);
    return r && { level: r.level, form: r.form, value: r.value, width: r.width, text: s.slice(r.start, r.end) };
  };
  assert.deepEqual(m("一、紧扣"), { level: 1, form: "canonical", value: 1, width: null, text: "一、" });
  assert.deepEqual(m("十二、标题"), { level: 1, form: "canonical", value: 12, width: null, text: "十二、" });
  assert.deepEqual(m("一.标题"), { level: 1, form: "wrong", value: 1, width: null, text: "一." });
  assert.deepEqual(m("（一）做好"), { level: 2, form: "canonical", value: 1, width: "full", text: "（一）" });
  assert.deepEqual(m("(三)做好"), { level: 2, form: "canonical", value: 3, width: "half", text: "(三)" });
  assert.deepEqual(m("(一)、做好"), { level: 2, form: "wrong", value: 1, width: "half", text: "(一)、" });
  assert.deepEqual(m("（一)做好"), { level: 2, form: "wrong", value: 1, width: "mixed", text: "（一)" });
  assert.deepEqual(m("1.主动"), { level: 3, form: "canonical", value: 1, width: "half", text: "1." });
  assert.deepEqual(m("12．主动"), { level: 3, form: "canonical", value: 12, width: "full", text: "12．" });
  assert.deepEqual(m("１．主动"), { level: 3, form: "canonical", value: 1, width: "full", text: "１．" });
  assert.deepEqual(m("1、主动"), { level: 3, form: "wrong", value: 1, width: null, text: "1、" });
  assert.deepEqual(m("（1）事项"), { level: 4, form: "canonical", value: 1, width: "full", text: "（1）" });
  assert.deepEqual(m("1）事项"), { level: 4, form: "wrong", value: 1, width: "full", text: "1）" });
  assert.deepEqual(m(")推进减税降费信息公开"), { level: 2, form: "broken", value: null, width: "half", text: ")" });
  assert.deepEqual(m("四）推进"), { level: 2, form: "broken", value: 4, width: "full", text: "四）" });
  assert.deepEqual(m("、紧扣"), { level: 1, form: "broken", value: null, width: null, text: "、" });
  assert.deepEqual(m(".主动公开"), { level: 3, form: "broken", value: null, width: "half", text: "." });
  // Not numbers at all.
  for (const s of ["一是加强", "十四五规划", "2021年", "1.5倍", "12345政务服务热线", "（一般情况下）", "两岸融合", "2021，全年"]) assert.equal(m(s), null, s);
});

test("a task block: fields, continuation lines, a wrapped title, blank lines and comments inside", () => {
  const text = [
    "1. 主动公开规划纲要、",
    "   专项规划和区域规划等。",
    "   要求：除法律法规另有规定外，",
    "         及时设立专题。",
    "",
    "   // 备忘",
    "   牵头：区发改局",
    "   责任：区政务信息中心、区科信局，",
    "         文旅局",
    "2. 下一个任务",
  ].join("\n");
  const tree = parse(text);
  const tasks = tree.nodes.filter((n) => n.kind === "task") as TaskNode[];
  assert.equal(tasks.length, 2);
  const t = tasks[0];
  assert.deepEqual(t.titleSegments.map((r) => slice(text, r)), ["主动公开规划纲要、", "专项规划和区域规划等。"]);
  assert.deepEqual(t.fields.map((f) => [f.labelText, f.role, f.segments.map((r) => slice(text, r)).join("|")]), [
    ["要求", "requirement", "除法律法规另有规定外，|及时设立专题。"],
    ["牵头", "lead", "区发改局"],
    ["责任", "responsible", "区政务信息中心、区科信局，|文旅局"],
  ]);
  assert.equal(tree.comments.length, 1);
  const m = buildModel(tree, defaultSettings());
  assert.equal(m.leadSource, "lead");
  assert.deepEqual(m.tasks[0].partners.map((u) => u.name), ["区政务信息中心", "区科信局", "文旅局"]);
  assert.equal(m.tasks[0].requirement, "除法律法规另有规定外，及时设立专题。");
});

test("a line deeper than its field's label continues it, even if it looks like a field or a number", () => {
  const text = "1. 任务\n   要求：总体要求：\n         1. 第一点\n         牵头：不是栏目\n   牵头：区财政局\n";
  const t = model(text).tasks;
  assert.equal(t.length, 1);
  assert.equal(t[0].requirement, "总体要求：1. 第一点牵头：不是栏目");
  assert.deepEqual(t[0].lead.map((u) => u.name), ["区财政局"]);
});

test("a field written without indentation under a task still belongs to it", () => {
  const t = model("1. 任务\n牵头：区财政局\n责任：各街道\n2. 任务二\n").tasks;
  assert.equal(t.length, 2);
  assert.deepEqual(t[0].lead.map((u) => u.name), ["区财政局"]);
  assert.deepEqual(t[0].partners.map((u) => u.name), ["各街道"]);
});

test("items: inside a task's block and at the task's own indentation", () => {
  const nested = model("1. 任务\n   （1）子项一\n        牵头：甲\n   （2）子项二\n   牵头：乙\n").tasks[0];
  assert.deepEqual(nested.items.map((i) => [i.number, i.title, i.lead.map((u) => u.name).join()]), [
    [1, "子项一", "甲"],
    [2, "子项二", ""],
  ]);
  assert.deepEqual(nested.lead.map((u) => u.name), ["乙"]);
  const flat = model("1. 任务\n（1）子项一\n   牵头：甲\n（2）子项二\n2. 下一个\n");
  assert.equal(flat.tasks.length, 2);
  assert.deepEqual(flat.tasks[0].items.map((i) => i.title), ["子项一", "子项二"]);
  const orphan = model("（一）小节\n（1）没有任务的事项\n");
  assert.equal(orphan.orphanItems.length, 1);
});

test("notes: a preamble, a closing paragraph, quoted numbered paragraphs", () => {
  const text = [
    "# 标题",
    "为进一步做好政务公开工作，制定本方案。",
    "第二行仍是同一段。",
    "",
    "一、工作任务",
    "1. 任务",
    "   牵头：办公室",
    "",
    "> 三、具体要求",
    "> （一）各处室要梳理。",
  ].join("\n");
  const m = model(text);
  assert.equal(m.title, "标题");
  assert.equal(m.sections.length, 1, "a quoted 三、 is not a section");
  assert.equal(m.notes.length, 2);
  assert.equal(m.notes[0].segments.length, 2);
  assert.equal(m.notes[1].quoted, true);
  assert.deepEqual(m.notes[1].segments.map((r) => slice(text, r)), ["三、具体要求", "（一）各处室要梳理。"]);
});

test("a paragraph with fields under it is a task without a number; without fields it is a note", () => {
  const m = model("（五）细化推进\n人教处负责牵头建立清单。\n   责任：人教处\n\n一段说明文字。\n   缩进的续行。\n");
  assert.equal(m.tasks.length, 1);
  assert.equal(m.tasks[0].number, null);
  assert.equal(m.tasks[0].title, "人教处负责牵头建立清单。");
  assert.equal(m.notes.length, 1);
});

test("责任 is the lead where the table has no 牵头 column, and the partners where it has", () => {
  const a = model("1. 任务\n   责任：办公室\n   配合：信息中心\n");
  assert.equal(a.leadSource, "responsible");
  assert.deepEqual(a.tasks[0].lead.map((u) => u.name), ["办公室"]);
  const b = model("列：工作任务 | 牵头单位 | 责任单位\n1. 任务\n   责任：办公室\n");
  assert.equal(b.leadSource, "lead");
  assert.deepEqual(b.tasks[0].lead, []);
  assert.deepEqual(b.tasks[0].partners.map((u) => u.name), ["办公室"]);
});

test("unit lists: every separator, brackets protect, a final 。 is not part of a name", () => {
  const m = model("1. 任务\n   牵头：甲、乙，丙,丁；戊;己 庚　辛、各业务处(室)单位、《某》办公室。\n");
  assert.deepEqual(m.tasks[0].lead.map((u) => u.name), ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "各业务处(室)单位", "《某》办公室"]);
});

test("同上 copies the units of the task above, and adds to them", () => {
  const m = model("1. 一\n   牵头：甲\n   责任：乙\n   时限：年底\n2. 二\n   牵头：同上\n   责任：同上、丙\n   时限：同上\n3. 三\n   牵头：同上\n");
  const [, b, c] = m.tasks;
  assert.deepEqual(b.lead.map((u) => u.canonical), ["甲"]);
  assert.equal(b.lead[0].inheritedFrom, m.tasks[0]);
  assert.deepEqual(b.partners.map((u) => u.canonical), ["乙", "丙"]);
  assert.equal(b.deadline, "年底");
  assert.deepEqual(c.lead.map((u) => u.canonical), ["甲"], "同上 of 同上 still reaches the units");
});

test("shortened names and conjunctions resolve against the registry", () => {
  const s = { ...defaultSettings() };
  const { Registry } = require("../server/src/core/model/registry.js") as typeof import("../server/src/core/model/registry.js");
  s.registry = new Registry([{ name: "区科信局" }, { name: "区文旅局" }, { name: "国库处" }, { name: "各业务处室" }, { name: "区应急管理局", abbreviations: ["区应急局"] }]);
  const m = buildModel(parse("1. 任务\n   牵头：区科信局、文旅局、应急局、国库处及各业务处室、不存在局\n"), s);
  assert.deepEqual(
    m.tasks[0].lead.map((u) => [u.name, u.canonical, u.resolution]),
    [
      ["区科信局", "区科信局", "exact"],
      ["文旅局", "区文旅局", "prefix"],
      ["应急局", "区应急管理局", "prefix"],
      ["国库处", "国库处", "conjunction"],
      ["各业务处室", "各业务处室", "conjunction"],
      ["不存在局", "不存在局", "unknown"],
    ],
  );
});

test("CRLF, a BOM and surrogate pairs: offsets are UTF-16 and lines are right", () => {
  const text = "\ufeff# 标题\r\n一、𠀀部分\r\n1. 任务\r\n   牵头：甲\r\n";
  const tree = parse(text);
  assert.equal(tree.bom, true);
  assert.equal(lineBreak(tree), "\r\n");
  const m = buildModel(tree, defaultSettings());
  assert.equal(m.title, "标题");
  assert.equal(m.sections[0].title, "𠀀部分");
  assert.equal(m.tasks[0].line, 2);
  const u = m.tasks[0].lead[0];
  assert.equal(text.slice(u.range.start, u.range.end), "甲");
  assert.equal(tree.lines.positionAt(u.range.start).line, 3);
});

test("headings: section and subsection numbers and titles; tasks know their section", () => {
  const m = model("一、第一部分\n（一）小节\n1. 任务\n二、第二部分\n2. 任务二\n");
  assert.deepEqual(m.sections.map((s) => [s.number, s.title]), [[1, "第一部分"], [2, "第二部分"]]);
  assert.equal(m.tasks[0].subsection?.number, 1);
  assert.equal(m.tasks[1].section?.number, 2);
  assert.equal(m.tasks[1].subsection, null);
});
