// Every rule has a fixture in test/fixtures/rules/ with cases that fire, annotated
// `// expect: rule-name`, and after a `// quiet` line, cases that must not fire.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { RULES, analyze, LineIndex, applyEdits, parse, buildModel, check } from "../server/src/core/index.js";
import { readExpectations, settingsFrom } from "./helpers.js";

const DIR = join(import.meta.dirname, "fixtures", "rules");
const files = readdirSync(DIR).filter((f) => f.endsWith(".tasktable"));

for (const rule of RULES) {
  const file = files.find((f) => f.startsWith(`${rule.code}-${rule.name}.`));
  test(`${rule.code} ${rule.name}: fixture fires where annotated and nowhere else`, () => {
    assert.ok(file, `test/fixtures/rules/${rule.code}-${rule.name}.tasktable is missing`);
    const text = readFileSync(join(DIR, file), "utf8");
    const { expectations, quietFrom, config, extraRules } = readExpectations(text);
    const settings = settingsFrom(config ?? "{}");
    const { findings } = analyze(text, settings);
    const lines = new LineIndex(text);
    const watched = new Set([rule.name, ...extraRules]);
    const mine = findings.filter((f) => watched.has(f.name));

    assert.ok(expectations.some((e) => e.rule === rule.name), "the fixture has a case where the rule fires");
    assert.ok(quietFrom !== null, "the fixture has a `// quiet` part with cases where it must not fire");
    assert.ok(text.split("\n").slice(quietFrom! + 1).some((l) => l.trim() && !l.trim().startsWith("//")), "the quiet part has content");

    const unmatched = [...mine];
    for (const e of expectations) {
      const i = unmatched.findIndex(
        (f) => f.name === e.rule && lines.positionAt(f.range.start).line === e.line && (e.at === undefined || text.slice(f.range.start, f.range.end) === e.at),
      );
      assert.ok(i >= 0, `expected ${e.rule}${e.at ? ` at "${e.at}"` : ""} on line ${e.line + 1} (annotation line ${e.annotationLine}); got: ${describe(mine, lines, text)}`);
      unmatched.splice(i, 1);
    }
    assert.deepEqual(describe(unmatched, lines, text), [], "findings nobody expected");
  });

  test(`${rule.code} ${rule.name}: every fix applies cleanly, and safe fixes remove their finding`, () => {
    if (!file) return assert.fail("fixture missing");
    const text = readFileSync(join(DIR, file), "utf8");
    const { config } = readExpectations(text);
    const settings = settingsFrom(config ?? "{}");
    const { findings } = analyze(text, settings);
    for (const f of findings.filter((x) => x.name === rule.name)) {
      for (const fix of f.fixes) {
        for (const e of fix.edits) assert.ok(e.start >= 0 && e.end <= text.length && e.start <= e.end, "edit inside the text");
        const after = applyEdits(text, fix.edits);
        const again = check(buildModel(parse(after, { labels: settings.labels }), settings), settings);
        if (fix.safe) {
          const still = again.filter((g) => g.name === rule.name && g.message === f.message);
          assert.equal(still.length, 0, `safe fix “${fix.title}” leaves “${f.message}”`);
        }
      }
    }
  });
}

function describe(fs: { name: string; range: { start: number; end: number }; message: string }[], lines: LineIndex, text: string) {
  return fs.map((f) => `${f.name} line ${lines.positionAt(f.range.start).line + 1} at "${text.slice(f.range.start, f.range.end)}": ${f.message}`);
}

test("the missing-lead fix writes the label the document uses most for its lead", () => {
  const text = ["一、甲", "1. 任务一", "   牵头单位：区财政局", "2. 任务二", "   牵头单位：区审计局", "3. 任务三", "   牵头：区统计局", "4. 任务四", "   要求：按时完成", ""].join("\n");
  const { findings } = analyze(text, settingsFrom("{}"));
  const f = findings.find((x) => x.code === "TT201");
  assert.ok(f);
  assert.equal(f.fixes[0].edits[0].newText, "\n   牵头单位：");
  assert.match(f.fixes[0].title, /牵头单位：/);
});

test("the missing-lead fix adds its line with the file's own line break", () => {
  for (const eol of ["\n", "\r\n", "\r"]) {
    const text = ["一、甲", "1. 任务一", "   牵头：区财政局", "2. 任务二", "   要求：按时完成", ""].join(eol);
    const { findings } = analyze(text, settingsFrom("{}"));
    const f = findings.find((x) => x.code === "TT201");
    assert.ok(f, `TT201 fires (${JSON.stringify(eol)})`);
    const [fix] = f.fixes;
    assert.equal(fix.edits[0].newText, `${eol}   牵头：`);
    const fixed = applyEdits(text, fix.edits);
    assert.equal(fixed, ["一、甲", "1. 任务一", "   牵头：区财政局", "2. 任务二", "   要求：按时完成", "   牵头：", ""].join(eol));
  }
});

test("removing a list item takes its separator, and with one of two units joined by 及 the 及 too", async () => {
  const { removeListItem } = await import("../server/src/core/rules/util.js");
  const cut = (src: string, unit: string, joined = false, nth = 0) => {
    let at = -1;
    for (let i = 0; i <= nth; i++) at = src.indexOf(unit, at + 1);
    return applyEdits(src, [removeListItem(src, { start: at, end: at + unit.length }, joined)]);
  };
  assert.equal(cut("牵头：甲局、乙局、丙局", "丙局"), "牵头：甲局、乙局");
  assert.equal(cut("牵头：甲局、乙局", "甲局"), "牵头：乙局");
  assert.equal(cut("牵头：甲局、\n         乙局", "乙局"), "牵头：甲局");
  assert.equal(cut("牵头：甲局、乙局及丙局", "丙局", true), "牵头：甲局、乙局");
  assert.equal(cut("牵头：乙局和丙局、甲局", "乙局", true), "牵头：丙局、甲局");
  assert.equal(cut("牵头：甲局 乙局", "乙局"), "牵头：甲局", "no space is left at the end of the line");
  assert.equal(cut("牵头：甲局 乙局", "甲局"), "牵头：乙局", "nor before the next item");
});

test("taking out a unit writes out in full a shortened one after it that took its prefix from it", () => {
  const settings = settingsFrom(JSON.stringify({ units: ["区财政局", "区市场监管局", "区科信局", "区文旅局"] }));
  const fixed = (text: string, code: string) => {
    const { findings } = analyze(text, settings);
    const f = findings.find((x) => x.code === code);
    assert.ok(f, `${code} in ${text}: ${findings.map((x) => x.code).join()}`);
    const out = applyEdits(text, f.fixes[0].edits);
    return { out, after: analyze(out, settings).findings.map((x) => x.code) };
  };
  const a = fixed("1. 任务\n   牵头：区财政局\n   配合：区财政局和市场监管局\n", "TT203");
  assert.deepEqual(a, { out: "1. 任务\n   牵头：区财政局\n   配合：区市场监管局\n", after: [] });
  const b = fixed("1. 任务\n   牵头：区科信局、区科信局、各街道、文旅局\n", "TT204");
  assert.deepEqual(b, { out: "1. 任务\n   牵头：区科信局、各街道、区文旅局\n", after: [] }, "written out even where another 区科信局 stands before it");
  const c = fixed("1. 任务\n   牵头：区科信局\n   配合：区科信局、各街道、文旅局\n", "TT203");
  assert.deepEqual(c, { out: "1. 任务\n   牵头：区科信局\n   配合：各街道、区文旅局\n", after: [] });
});

test("fix-all takes, in passes, the safe fixes that earlier fixes bring to light", async () => {
  const { fixAllText, safeFixEdits, replacementEdit } = await import("../server/src/core/index.js");
  const settings = settingsFrom("{}");
  const text = "1．任务\n   牵头：区财政局\n2、任务\n   牵头：区财政局\n";
  const once = applyEdits(text, safeFixEdits(analyze(text, settings).findings));
  assert.deepEqual(analyze(once, settings).findings.map((f) => f.code), ["TT108"], "one pass leaves the widths mixed");
  const all = fixAllText(text, settings);
  assert.deepEqual(analyze(all, settings).findings, []);
  const e = replacementEdit(text, all)!;
  assert.equal(applyEdits(text, [e]), all);
  assert.deepEqual(replacementEdit("甲𠀀乙", "甲𠀁乙"), { start: 1, end: 3, newText: "𠀁" }, "a surrogate pair is replaced whole");
  assert.equal(replacementEdit("同", "同"), null);
});
