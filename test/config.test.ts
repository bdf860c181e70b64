import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parseConfig, parseUnitFile, toSettings, effectiveLayer, analyze, LineIndex } from "../server/src/core/index.js";
import { schemaText } from "../server/src/core/config/schema-text.js";

test("the committed JSON schema is the one the zod schema generates (npm run schema)", () => {
  const committed = readFileSync(new URL("../schemas/tasktable.schema.json", import.meta.url), "utf8");
  assert.equal(committed, schemaText());
});

test("a valid config gives no problems and its values", () => {
  const { config, problems } = parseConfig(`{
    // comments and trailing commas are allowed
    "locale": "en",
    "units": ["区财政局", {"name": "区应急管理局", "abbreviations": ["区应急局"]}],
    "rules": {"number-gap": "warning", "TT306": "off", "empty-field": false},
    "numbering": {"tasks": "per-subsection"},
  }`);
  assert.deepEqual(problems, []);
  const s = toSettings(effectiveLayer(config, null));
  assert.equal(s.locale, "en");
  assert.equal(s.registry.lookup("区应急局")?.canonical, "区应急管理局");
  assert.equal(s.rules["number-gap"], "warning");
  assert.equal(s.rules["TT306"], "off");
  assert.equal(s.rules["empty-field"], "off");
  assert.equal(s.numbering.tasks, "per-subsection");
});

test("true keeps a rule's default level, whatever another key for it says", () => {
  const { config } = parseConfig(JSON.stringify({ rules: { TT306: true, "repeated-word": "off" } }));
  const s = toSettings(effectiveLayer(config, null));
  assert.equal(analyze("1. 任务\n   牵头：区财政局\n   要求：公开公开\n", s).findings.filter((f) => f.name === "repeated-word").length, 1);
});

test("a bad value is reported where it was written, and only it falls back", () => {
  const text = `{
  "locale": "fr",
  "units": ["区财政局", 42, {"name": ""}],
  "rules": {"no-such-rule": "error", "number-gap": "loud"},
  "numbering": {"tasks": "continuous"},
  "colour": true
}`;
  const { config, problems } = parseConfig(text);
  const lines = new LineIndex(text);
  const at = (needle: string) => lines.positionAt(text.indexOf(needle)).line;
  const lineOf = (msg: string) => {
    const p = problems.find((x) => x.message.startsWith(msg));
    assert.ok(p, `a problem for ${msg}: ${problems.map((x) => x.message).join(" | ")}`);
    return lines.positionAt(p.start).line;
  };
  assert.equal(lineOf("locale"), at('"fr"'));
  assert.equal(lineOf("units[1]"), at("42"));
  assert.equal(lineOf("colour"), at('"colour"'));
  assert.equal(lineOf("rules"), at('"no-such-rule"'));
  // What was good stays; what was bad takes its default.
  assert.equal(config.locale, undefined);
  assert.deepEqual(config.units, ["区财政局"]);
  assert.equal(config.numbering?.tasks, "continuous");
  const s = toSettings(effectiveLayer(config, null));
  assert.equal(s.locale, "zh-CN");
});

test("a config that is not JSON is reported and gives the defaults", () => {
  const { config, problems, ok } = parseConfig(`{"locale": "en",,, `);
  assert.equal(ok, false);
  assert.ok(problems.length > 0);
  assert.deepEqual(config, {});
});

test("overrides apply to matching files only, and merge with the top level", () => {
  const { config } = parseConfig(
    JSON.stringify({
      rules: { "repeated-word": "off" },
      overrides: [{ files: ["siming-*.tasktable"], units: ["区发改局"], rules: { "number-gap": "warning" } }, { files: ["sub/**/*.tasktable"], locale: "en" }],
    }),
  );
  const a = toSettings(effectiveLayer(config, "siming-district-2021.tasktable"));
  assert.equal(a.registry.size, 1);
  assert.equal(a.rules["repeated-word"], "off");
  assert.equal(a.rules["number-gap"], "warning");
  const b = toSettings(effectiveLayer(config, "xiamen.tasktable"));
  assert.equal(b.registry.size, 0);
  assert.equal(b.rules["number-gap"], undefined);
  assert.equal(toSettings(effectiveLayer(config, "sub/deep/x.tasktable")).locale, "en");
  assert.equal(toSettings(effectiveLayer(config, "sub/x.tasktable")).locale, "en");
});

test("unit files: an array or {units: [...]}; bad entries are dropped and reported", () => {
  assert.deepEqual(parseUnitFile(`["甲", {"name": "乙"}]`).units, ["甲", { name: "乙" }]);
  assert.deepEqual(parseUnitFile(`{"units": ["甲"]}`).units, ["甲"]);
  const r = parseUnitFile(`["甲", {"nme": "乙"}]`);
  assert.deepEqual(r.units, ["甲"]);
  assert.equal(r.problems.length > 0, true);
});

test("configured labels change what the parser reads as a field", () => {
  const { config } = parseConfig(JSON.stringify({ fields: { labels: { 主办单位: "lead", 时间: "none" } } }));
  const s = toSettings(effectiveLayer(config, null));
  const { model } = analyze("1. 任务\n   主办单位：区财政局\n   时间：三月\n", s);
  assert.deepEqual(model.tasks[0].lead.map((u) => u.name), ["区财政局"]);
  assert.equal(model.tasks[0].fields.find((f) => f.label === "时间")?.role, null);
});
