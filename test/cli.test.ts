import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { run, ROOT } from "./helpers.js";

function tmp(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "tasktable-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const CLEAN = "# 表\n一、部分\n1. 任务\n   牵头：区财政局\n";
const BROKEN = "# 表\n一、部分\n1. 任务\n   牵头：区财政局\n3. 任务\n   牵头：区财政局\n";

test("exit codes: 0 clean, 1 error findings, 2 usage and I/O", async () => {
  const d = tmp({ "a.tasktable": CLEAN, "b.tasktable": BROKEN });
  assert.equal((await run(["check", join(d, "a.tasktable")])).code, 0);
  assert.equal((await run(["check", join(d, "b.tasktable")])).code, 1);
  assert.equal((await run(["check", join(d, "nope.tasktable")])).code, 2);
  assert.equal((await run(["check"])).code, 2);
  assert.equal((await run(["check", d, "--format", "xml"])).code, 2);
  assert.equal((await run(["frobnicate"])).code, 2);
  assert.equal((await run(["check", d, "--bogus"])).code, 2);
});

test("--format json: 1-based lines and UTF-16 columns", async () => {
  const d = tmp({ "b.tasktable": "# 表\n1. 任务\n   牵头：区财政局、区财政局\n" });
  const r = await run(["check", d, "--format", "json"]);
  const [f] = JSON.parse(r.out);
  assert.deepEqual(Object.keys(f).sort(), ["code", "column", "endColumn", "endLine", "file", "line", "message", "name", "severity"]);
  assert.equal(f.name, "duplicate-unit");
  assert.equal(f.line, 3);
  assert.equal(f.column, 12, "3 spaces + 牵头： + 区财政局、 = 11 UTF-16 units before it");
  assert.equal(f.endColumn, 16);
});

test("--format sarif and --format github", async () => {
  const d = tmp({ "b.tasktable": BROKEN });
  const s = JSON.parse((await run(["check", d, "--format", "sarif"])).out);
  assert.equal(s.version, "2.1.0");
  const res = s.runs[0].results[0];
  assert.equal(res.ruleId, "TT101");
  assert.equal(res.level, "error");
  assert.equal(res.locations[0].physicalLocation.region.startLine, 5);
  assert.ok(s.runs[0].tool.driver.rules.length >= 20);
  const g = (await run(["check", d, "--format", "github"])).out;
  assert.match(g, /^::error file=.*b\.tasktable,line=5,col=1,endLine=5,endColumn=3,title=TT101 number-gap::/m);
});

test("--locale en and the English summary", async () => {
  const d = tmp({ "b.tasktable": BROKEN });
  const r = await run(["check", d, "--locale", "en", "--no-color"]);
  assert.match(r.out, /error TT101\/number-gap Numbering skips: expected 2 here, found “3\.”/);
  assert.match(r.out, /1 file checked: 1 problem \(1 error, 0 warnings, 0 notes\)\./);
});

test("a broken tasktable.json is reported at its place and the defaults apply", async () => {
  const d = tmp({ "tasktable.json": '{\n  "rules": {"number-gap": "loud"},\n  "units": ["区财政局"]\n}\n', "b.tasktable": BROKEN });
  const r = await run(["check", d, "--no-color"]);
  assert.match(r.err, /tasktable\.json:2:\d+: rules\.number-gap: /);
  assert.equal(r.code, 1, "number-gap keeps its default level, error");
});

test("--config names the config explicitly", async () => {
  const d = tmp({ "cfg.json": '{"rules": {"number-gap": "off"}}', "b.tasktable": BROKEN });
  const r = await run(["check", join(d, "b.tasktable"), "--config", join(d, "cfg.json")]);
  assert.equal(r.code, 0);
});

test("fmt --check reports and changes nothing; fmt rewrites and keeps the BOM", async () => {
  const d = tmp({ "a.tasktable": "\ufeff1.任务\n牵头:甲\n" });
  const file = join(d, "a.tasktable");
  const c = await run(["fmt", "--check", file]);
  assert.equal(c.code, 1);
  assert.equal(readFileSync(file, "utf8"), "\ufeff1.任务\n牵头:甲\n");
  assert.equal((await run(["fmt", file])).code, 0);
  assert.equal(readFileSync(file, "utf8"), "\ufeff1. 任务\n   牵头：甲\n");
  assert.equal((await run(["fmt", "--check", file])).code, 0);
});

test("the installed bin runs (npx tasktable)", () => {
  const r = spawnSync(process.execPath, [join(import.meta.dirname, "..", "bin", "tasktable.js"), "rules"], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /TT201  missing-lead/);
});

test("a missing unit file is reported on the config and the check goes on", async () => {
  const d = tmp({ "tasktable.json": JSON.stringify({ unitFiles: ["units/missing.json"] }), "a.tasktable": CLEAN });
  const r = await run(["check", d]);
  assert.equal(r.code, 0);
  assert.match(r.err, /tasktable\.json:1:15: cannot read the unit file units\/missing\.json/);
});

test("a huge unit file (100,000 units) is read and used", async () => {
  const units = Array.from({ length: 100_000 }, (_, i) => `单位${i}`);
  units.push("区财政局");
  const d = tmp({ "tasktable.json": JSON.stringify({ unitFiles: ["units.json"] }), "units.json": JSON.stringify(units), "a.tasktable": "1. 任务\n   牵头：区财政局、区财正局\n" });
  const t0 = Date.now();
  const r = await run(["check", d, "--format", "json"]);
  const took = Date.now() - t0;
  const f = JSON.parse(r.out) as { name: string; message: string }[];
  assert.ok(f.some((x) => x.name === "unknown-unit" && x.message.includes("区财政局")), "did-you-mean still finds the near name");
  assert.ok(took < 10_000, `took ${took} ms`);
});

test("a file that is not UTF-8 is refused, named with its line, and fmt leaves it as it is", async () => {
  const { firstInvalidUtf8 } = await import("../server/src/host/files.js");
  const d = tmp({ "ok.tasktable": CLEAN });
  const gbk = Buffer.from([0x31, 0x2e, 0x20, 0xc8, 0xce, 0xce, 0xf1, 0x0a]); // 1. 任务 in GBK
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("1. 任务\n", "utf16le")]);
  const stray = Buffer.concat([Buffer.from("1. 任务\n   牵头："), Buffer.from([0xff]), Buffer.from("\n")]);
  for (const [name, bytes, why] of [
    ["gbk.tasktable", gbk, /line 1 is not UTF-8/],
    ["utf16.tasktable", utf16, /UTF-16/],
    ["stray.tasktable", stray, /line 2 is not UTF-8/],
  ] as const) {
    writeFileSync(join(d, name), bytes);
    const f = await run(["fmt", join(d, name), join(d, "ok.tasktable")]);
    assert.equal(f.code, 2, name);
    assert.match(f.err, why);
    assert.deepEqual(readFileSync(join(d, name)), bytes, `${name} is left as it was`);
    assert.equal((await run(["check", join(d, name)])).code, 2);
  }
  assert.equal(firstInvalidUtf8(Buffer.from("任务 𠀀 ok")), -1);
  assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0x80])), 1, "an overlong form");
  assert.equal(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80])), 0, "a surrogate");
  assert.equal(firstInvalidUtf8(Buffer.from([0xe4, 0xbb])), 0, "cut short at the end");
});

test("folders: a folder reached again through a link is searched once; pipes are left out; a missing --config is an error", async () => {
  const { mkdirSync, symlinkSync } = await import("node:fs");
  const d = tmp({});
  mkdirSync(join(d, "sub"));
  writeFileSync(join(d, "sub", "a.tasktable"), CLEAN);
  symlinkSync("..", join(d, "sub", "up"));
  symlinkSync("../sub", join(d, "sub", "again"));
  const mk = spawnSync("mkfifo", [join(d, "sub", "pipe.tasktable")]);
  assert.equal(mk.status, 0, "mkfifo");
  // In a process of its own: reading a pipe would wait for ever.
  const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, "dist", "cli.js"), ...args], { encoding: "utf8", timeout: 20_000 });
  const r = cli("check", d, "--format", "json");
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).length, 0);
  const p = cli("check", join(d, "sub", "pipe.tasktable"));
  assert.equal(p.status, 2);
  assert.match(p.stderr, /not a file or folder/);
  const { collectFiles } = await import("../server/src/host/files.js");
  assert.deepEqual(collectFiles([d]).files, [join(d, "sub", "a.tasktable")]);
  const c = await run(["check", join(d, "sub", "a.tasktable"), "--config", join(d, "typo.json")]);
  assert.equal(c.code, 2);
  assert.match(c.err, /cannot read the config/);
  assert.equal((await run(["check", join(d, "sub", "a.tasktable"), "--config", d])).code, 2, "a folder is no config");
});

test("text output: the caret stands under the range on a line indented with a tab", async () => {
  const d = tmp({ "t.tasktable": "1. 任务\n\t牵头：区财政局、、乙\n" });
  const r = await run(["check", join(d, "t.tasktable"), "--no-color"]);
  const lines = r.out.split("\n");
  const src = lines.findIndex((l) => l.includes("牵头："));
  const { displayWidth } = await import("../server/src/core/text.js");
  const caretAt = lines[src + 1].indexOf("^");
  const barAt = lines[src].indexOf("| ") + 2;
  // The caret's column is the display width of the source line up to the second 、.
  const upTo = lines[src].slice(barAt, lines[src].lastIndexOf("、"));
  assert.equal(displayWidth(lines[src + 1].slice(0, caretAt)) - displayWidth(lines[src].slice(0, barAt)), displayWidth(upTo));
});

test("SARIF artifact URIs are percent-encoded", async () => {
  const { sarifUri } = await import("../server/src/cli/report.js");
  assert.equal(sarifUri("a,b:c 思明.tasktable"), "a%2Cb%3Ac%20%E6%80%9D%E6%98%8E.tasktable");
  assert.equal(sarifUri("dir\\sub\\a.tasktable"), "dir/sub/a.tasktable");
  assert.equal(sarifUri("/srv/表/a.tasktable"), "file:///srv/%E8%A1%A8/a.tasktable");
});
