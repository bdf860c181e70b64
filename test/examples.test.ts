// The three seed documents, rewritten by hand in examples/, checked with their own
// config: the real defects are found at their lines.

import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { golden, run } from "./helpers.js";

const ROOT = join(import.meta.dirname, "..");

interface J {
  file: string;
  line: number;
  column: number;
  name: string;
  message: string;
}

let all: J[] = [];
test("check examples/ --format json", async () => {
  const r = await run(["check", "examples/", "--format", "json", "--min-severity", "hint"]);
  assert.equal(r.code, 1, "the examples have error-level defects");
  assert.equal(r.err, "", "no config problems");
  all = JSON.parse(r.out);
  golden(join(ROOT, "test/golden/check-examples.json"), r.out);
});

const at = (file: string, line: number, name: string) =>
  all.some((f) => f.file.endsWith(file) && f.line === line && f.name === name);

test("Siming: the numbering jumps from 36 to 39, and tasks have empty lead cells", () => {
  const f = "siming-district-2021.tasktable";
  assert.ok(at(f, 237, "number-gap"), "39 after 36");
  const gap = all.find((x) => x.file.endsWith(f) && x.name === "number-gap")!;
  assert.match(gap.message, /37/);
  for (const line of [92, 97, 104, 109, 119, 131, 151, 181, 188, 193, 198, 207, 218]) assert.ok(at(f, line, "missing-lead"), `empty 牵头 at line ${line}`);
  assert.ok(at(f, 237, "missing-lead"), "39 has no lead at all");
  assert.ok(at(f, 27, "unknown-unit"), "区级规划编制牵头部门 is not a registered unit");
  // Shortened names resolve: 文旅局 after 区科信局 is 区文旅局, not an unknown unit.
  assert.ok(!all.some((x) => x.file.endsWith(f) && x.name === "unknown-unit" && x.message.includes("“文旅局”")));
  assert.ok(all.some((x) => x.file.endsWith(f) && x.name === "non-canonical-unit" && x.message.includes("区应急管理局")), "应急局 is the abbreviation of 区应急管理局");
});

test("Xiamen: a unit twice in one cell, broken document numbers, a lost 年, a doubled word", () => {
  const f = "xiamen-finance-2021.tasktable";
  assert.ok(at(f, 76, "duplicate-unit"), "task 11");
  assert.ok(at(f, 86, "duplicate-unit"), "task 13");
  assert.equal(all.filter((x) => x.file.endsWith(f) && x.line === 63 && x.name === "doc-number").length, 2, "〔202120号 and 〔202122号");
  assert.ok(at(f, 169, "doc-number"), "〔20211号");
  assert.ok(at(f, 116, "malformed-date"), "202110月");
  assert.ok(at(f, 14, "repeated-word"), "主动公开公开");
  assert.ok(all.some((x) => x.file.endsWith(f) && x.name === "non-canonical-unit" && x.message.includes("政府采购处")), "采购处 is 政府采购处");
});

test("Shijiazhuang: a task with no unit, a task paragraph without a number, numbering per subsection", () => {
  const f = "shijiazhuang-finance-2020.tasktable";
  assert.ok(at(f, 74, "missing-lead"), "(二)6 names no unit");
  assert.ok(at(f, 103, "task-without-number"), "(五) has no number");
  assert.ok(!all.some((x) => x.file.endsWith(f) && x.name.startsWith("number-")), "numbers restart in each subsection: no numbering findings");
});

test("check examples/ as text, like a compiler", async () => {
  const r = await run(["check", "examples/", "--no-color"]);
  assert.equal(r.code, 1);
  golden(join(ROOT, "test/golden/check-examples.txt"), r.out);
  assert.match(r.out, /^examples\/siming-district-2021\.tasktable:237:1: 错误 TT101\/number-gap /m);
});

for (const name of ["siming-district-2021", "xiamen-finance-2021", "shijiazhuang-finance-2020"]) {
  test(`export ${name} --to json`, async () => {
    const r = await run(["export", `examples/${name}.tasktable`, "--to", "json"]);
    assert.equal(r.code, 0);
    const j = JSON.parse(r.out);
    for (const k of ["title", "sections", "tasks"]) assert.ok(k in j, k);
    for (const t of j.tasks) {
      for (const k of ["number", "title", "section", "subsection", "requirement", "lead", "partners", "deadline", "line"]) assert.ok(k in t, `task has ${k}`);
    }
    golden(join(ROOT, `test/golden/export/${name}.json`), r.out);
  });
}

