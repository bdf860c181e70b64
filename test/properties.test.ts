// Properties over arbitrary text: the parser never throws, every range lies inside the
// document, formatting is idempotent and keeps the user's text, fixes apply cleanly.

import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { parse, buildModel, check, format, applyEdits, defaultSettings, type TopNode } from "../server/src/core/index.js";
import { Registry } from "../server/src/core/model/registry.js";
import { userText } from "./helpers.js";

// Pieces real tables are made of, so random documents reach deep into the parser.
const piece = fc.constantFrom(
  "一、", "二、", "十、", "一.", "（一）", "(二)", "（三)", "(一)、", ")", "）", "四）", "、", ".", "1.", "2．", "１．", "12.", "1、",
  "（1）", "(2)", "1）", "# ", "列：", "> ", "//", "牵头：", "牵头单位:", "责任：", "配合：", "要求：", "时限：", "备注：", "主办单位：",
  "同上", "区财政局", "文旅局", "各街道", "、", "，", ",", "；", ";", "。", "（", "）", "(", ")", "《", "》", "“", "”", "〔", "〕",
  "闽政办函〔202120号", "〔2021〕20号", "202110月", "公开公开", "𠀀", "\t", "　", " ", "   ", "         ", "\n", "\r\n", "\r", "\n\n",
);
const doc = fc.tuple(fc.boolean(), fc.array(fc.oneof({ weight: 5, arbitrary: piece }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) }), { maxLength: 60 }))
  .map(([bom, parts]) => (bom ? "\ufeff" : "") + parts.join(""));

const settings = (() => {
  const s = { ...defaultSettings() };
  s.registry = new Registry([{ name: "区财政局" }, { name: "区文旅局" }]);
  return s;
})();

function ranges(n: TopNode): { start: number; end: number }[] {
  const out = [n.range];
  if (n.kind === "task") {
    const walk = (t: typeof n) => {
      out.push(t.range, ...t.titleSegments);
      for (const f of t.fields) out.push(f.range, f.label, ...f.segments);
      t.items.forEach(walk);
    };
    walk(n);
  }
  if (n.kind === "note") out.push(...n.segments);
  return out;
}

const RUNS = { numRuns: Number(process.env.TASKTABLE_PROPERTY_RUNS ?? 400) };

test("parse, build and check never throw, and every range lies inside the text", () => {
  fc.assert(
    fc.property(fc.oneof(doc, fc.string({ maxLength: 200 }), fc.string({ unit: "binary", maxLength: 100 })), (text) => {
      const tree = parse(text);
      for (const n of tree.nodes) for (const r of ranges(n)) assert.ok(0 <= r.start && r.start <= r.end && r.end <= text.length, `range ${r.start}-${r.end} of ${text.length}`);
      const model = buildModel(tree, settings);
      for (const f of check(model, settings)) {
        assert.ok(0 <= f.range.start && f.range.start <= f.range.end && f.range.end <= text.length);
        for (const fix of f.fixes) for (const e of fix.edits) assert.ok(0 <= e.start && e.start <= e.end && e.end <= text.length);
      }
    }),
    RUNS,
  );
});

test("formatting is idempotent and keeps every character of the user's text", () => {
  fc.assert(
    fc.property(doc, (text) => {
      const once = format(parse(text), { labels: "keep" });
      const twice = format(parse(once), { labels: "keep" });
      assert.equal(twice, once);
      assert.equal(userText(parse(once)), userText(parse(text)));
    }),
    RUNS,
  );
});

test("every fix keeps the document parseable and changes only what its edits say", () => {
  fc.assert(
    fc.property(doc, (text) => {
      const findings = check(buildModel(parse(text), settings), settings);
      for (const f of findings) {
        for (const fix of f.fixes) {
          const after = applyEdits(text, fix.edits);
          const removed = fix.edits.reduce((n, e) => n + (e.end - e.start), 0);
          const added = fix.edits.reduce((n, e) => n + e.newText.length, 0);
          assert.equal(after.length, text.length - removed + added);
          check(buildModel(parse(after), settings), settings);
        }
      }
    }),
    { numRuns: 200 },
  );
});
