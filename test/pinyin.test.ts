// Pinyin search keys come from a per-character table generated out of pinyin-pro at build
// time. These tests hold the table to pinyin-pro, character by character, and the keys of
// real names to pinyin-pro's phrase-aware conversion, which the server no longer loads.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pinyin } from "pinyin-pro";
import { UnitIndex, buildModel, parse, searchKeys, unitUsage } from "../server/src/core/index.js";
import { MAX_READINGS, readingChoices } from "../server/src/core/features/unit-index.js";
import { readingsOf } from "../server/src/core/features/pinyin.js";
import { COUNTS, SOURCE_VERSION } from "../server/src/core/generated/pinyin-table.js";
import { ROOT, settingsFrom } from "./helpers.js";

test("the table was generated from the pinyin-pro the lock file names", () => {
  const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8"));
  const installed = JSON.parse(readFileSync(join(ROOT, "node_modules", "pinyin-pro", "package.json"), "utf8"));
  assert.equal(SOURCE_VERSION, lock.packages["node_modules/pinyin-pro"].version);
  assert.equal(SOURCE_VERSION, installed.version);
});

test("every character's readings are pinyin-pro's, in its order; nothing else has any", () => {
  let withReadings = 0;
  let polyphonic = 0;
  for (let cp = 0x80; cp <= 0x323af; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const ch = String.fromCodePoint(cp);
    const theirs = pinyin(ch, { multiple: true, toneType: "none", type: "array", v: true });
    const expected = theirs.length === 1 && theirs[0] === ch ? [] : [...new Set(theirs)];
    const ours = readingsOf(cp);
    // Compare cheaply first: a full deepEqual on 200,000 code points is slow.
    if (ours.join(" ") !== expected.join(" ")) assert.deepEqual(ours, expected, `U+${cp.toString(16).toUpperCase()} ${ch}`);
    if (ours.length) withReadings++;
    if (ours.length > 1) polyphonic++;
  }
  assert.deepEqual({ characters: withReadings, polyphonic }, COUNTS);
  assert.ok(withReadings > 20_900, `${withReadings}: the unified ideographs at least`);
});

test("readings of single characters: most common first, ü as v, duplicates dropped", () => {
  const r = (ch: string) => readingsOf(ch.codePointAt(0)!);
  assert.deepEqual(r("重"), ["zhong", "chong"]);
  assert.deepEqual(r("行"), ["xing", "hang", "heng"]);
  assert.deepEqual(r("厦"), ["sha", "xia"]);
  assert.deepEqual(r("局"), ["ju"]);
  assert.deepEqual(r("绿"), ["lv", "lu"]);
  // 落 is luò, là, lào and luō in pinyin-pro: four readings, three without tones.
  assert.deepEqual(r("落"), ["luo", "la", "lao"]);
  assert.deepEqual(r("〇"), ["ling"]);
  assert.deepEqual(r("A"), []);
  assert.deepEqual(r("、"), []);
});

test("search keys of real unit names: full pinyin and initials, polyphones both ways", () => {
  const has = (name: string, full: string, initials: string) => {
    const k = searchKeys(name);
    assert.ok(k.pinyin.includes(full), `${name}: ${full} not in ${k.pinyin.join(" ")}`);
    assert.ok(k.initials.includes(initials), `${name}: ${initials} not in ${k.initials.join(" ")}`);
  };
  assert.deepEqual(searchKeys("区发改局"), { name: "区发改局", pinyin: ["qufagaiju", "oufagaiju"], initials: ["qfgj", "ofgj"] }, "区 is qū, and ōu as a surname");
  has("区政务信息中心", "quzhengwuxinxizhongxin", "qzwxxzx");
  has("市财政局", "shicaizhengju", "sczj");
  has("区科信局", "qukexinju", "qkxj");
  has("重庆市", "chongqingshi", "cqs");
  has("重庆市", "zhongqingshi", "zqs");
  has("中国人民银行", "zhongguorenminyinhang", "zgrmyh");
  has("行政服务中心", "xingzhengfuwuzhongxin", "xzfwzx");
  has("厦门市财政局", "xiamenshicaizhengju", "xmsczj");
  has("厦门市财政局", "shamenshicaizhengju", "smsczj");
  has("区妇女联合会", "qufunvlianhehui", "qfnlhh");
  // The most common reading of every character comes first.
  assert.equal(searchKeys("重庆市").pinyin[0], "zhongqingshi");
  assert.equal(searchKeys("银行").pinyin[0], "yinxing");
  assert.deepEqual(searchKeys("银行").pinyin, ["yinxing", "yinhang", "yinheng"]);
  assert.deepEqual(searchKeys("银行").initials, ["yx", "yh"], "initials without repeats");
});

test("runs of other characters stay whole; white space is dropped", () => {
  assert.deepEqual(searchKeys("12345热线"), { name: "12345热线", pinyin: ["12345rexian"], initials: ["1rx"] });
  assert.deepEqual(searchKeys("区 发改局").initials, ["qfgj", "ofgj"]);
  assert.deepEqual(searchKeys("ABC 办公室"), { name: "abc 办公室", pinyin: ["abcbangongshi"], initials: ["abgs"] });
  assert.deepEqual(searchKeys("公文起草处(室)单位").pinyin[0], "gongwenqicaochu(shi)danwei");
  assert.deepEqual(searchKeys("Ｗｉｆｉ"), { name: "ｗｉｆｉ", pinyin: ["ｗｉｆｉ"], initials: ["ｗ"] });
  assert.deepEqual(searchKeys(""), { name: "", pinyin: [""], initials: [""] });
});

test("reading choices: cheapest first, capped however many characters are polyphonic", () => {
  assert.deepEqual(readingChoices([], 8), [[]]);
  assert.deepEqual(readingChoices([1, 2], 8), [[0, 0], [1, 0], [0, 1], [1, 1], [0, 2], [1, 2]]);
  assert.deepEqual(readingChoices([1, 2], 3), [[0, 0], [1, 0], [0, 1]]);
  const many = readingChoices(new Array(40).fill(3), MAX_READINGS);
  assert.equal(many.length, MAX_READINGS);
  assert.ok(many[0].every((r) => r === 0));
  assert.ok(many.slice(1).every((c) => c.reduce((a, b) => a + b) === 1), "single departures before pairs");
  const long = "重庆长乐行会调度处".repeat(4);
  const t = performance.now();
  const k = searchKeys(long);
  assert.ok(performance.now() - t < 50, "a long name of polyphones is cheap");
  assert.equal(k.pinyin.length, MAX_READINGS);
  assert.ok(k.initials.length <= MAX_READINGS);
});

/** What pinyin-pro makes of a whole name, phrases considered, as keys. */
function referenceKeys(name: string): { full: string; initials: string } {
  const parts = pinyin(name, { toneType: "none", type: "array", nonZh: "consecutive", v: true })
    .map((p) => p.replace(/\s+/g, "").toLowerCase())
    .filter((p) => p !== "");
  return { full: parts.join(""), initials: parts.map((p) => p.charAt(0)).join("") };
}

/**
 * Names from examples/: every unit its tables and registries name, and every run of Chinese
 * characters in its tables of name length (2 to 14), which brings in place names, offices
 * and the vocabulary of the tables with their polyphones.
 */
function exampleNames(): string[] {
  const dir = join(ROOT, "examples");
  const names = new Set<string>();
  const settings = settingsFrom("{}");
  for (const f of readdirSync(dir).filter((x) => x.endsWith(".tasktable"))) {
    const text = readFileSync(join(dir, f), "utf8");
    for (const name of unitUsage(buildModel(parse(text), settings)).keys()) names.add(name);
    for (const run of text.match(/[\u3007\u3400-\u9fff]{2,}/g) ?? []) if (run.length <= 14) names.add(run);
  }
  for (const f of readdirSync(join(dir, "units"))) {
    for (const e of JSON.parse(readFileSync(join(dir, "units", f), "utf8")) as (string | { name: string; aliases?: string[]; abbreviations?: string[] })[]) {
      if (typeof e === "string") names.add(e);
      else for (const n of [e.name, ...(e.aliases ?? []), ...(e.abbreviations ?? [])]) names.add(n);
    }
  }
  return [...names];
}

/**
 * Names whose phrase reading is not among their keys, with the reason. None is known: in the
 * examples a name departs from the most common readings at one character at most, and the
 * cap leaves room for several.
 */
const EXCEPTIONS: Record<string, string> = {};

test("for the names in examples/, pinyin-pro's phrase reading is always among the keys", () => {
  const names = exampleNames();
  assert.ok(names.length >= 300, `${names.length} names`);
  assert.ok(names.includes("区发改局") && names.includes("会计处") && names.includes("厦门市信息中心"));
  const missed: string[] = [];
  let needVariants = 0;
  for (const name of names) {
    const ref = referenceKeys(name);
    const k = searchKeys(name);
    if (!k.pinyin.includes(ref.full) || !k.initials.includes(ref.initials)) missed.push(`${name}: ${ref.full} ${ref.initials}`);
    if (k.pinyin[0] !== ref.full) needVariants++;
  }
  assert.deepEqual(
    missed.map((m) => m.split(":")[0]),
    Object.keys(EXCEPTIONS),
    `missed: ${missed.join("; ")}`,
  );
  // 会计 is kuàijì, 厦门 Xiàmén, 调查 diàochá: without the other readings these would be missed.
  assert.ok(needVariants >= 10, `${needVariants} names are read with a less common reading`);
});

test("unit search ranks a name prefix, then a pinyin prefix, then inside, then initials inside", () => {
  const settings = settingsFrom(JSON.stringify({ units: ["市财政局", "区CZ中心", "财政局", "CZ办公室", "重庆市财政局", "厦门市信息中心", "中国人民银行厦门市分行"] }));
  // The worse matches are used more: quality comes before use.
  const index = new UnitIndex(settings.registry, new Map([["市财政局", 9], ["区CZ中心", 5], ["财政局", 1]]));
  const found = (typed: string) => index.search(typed, 10).matches.map((m) => `${m.info.canonical}:${m.quality}`);
  assert.deepEqual(found("cz"), ["CZ办公室:0", "财政局:1", "区CZ中心:2", "市财政局:3", "重庆市财政局:3"]);
  assert.deepEqual(found("chongqing"), ["重庆市财政局:1"], "a less common reading still finds it");
  assert.deepEqual(found("zhongqing"), ["重庆市财政局:1"]);
  assert.deepEqual(found("xiamen"), ["厦门市信息中心:1", "中国人民银行厦门市分行:2"]);
  assert.deepEqual(found("yinhang"), ["中国人民银行厦门市分行:2"]);
  assert.deepEqual(found("xmsxxzx"), ["厦门市信息中心:1"]);
  const u = index.get("重庆市财政局")!;
  assert.deepEqual(u.keys.slice(0, u.pinyinAt), ["重庆市财政局"]);
  assert.ok(u.keys.slice(u.pinyinAt, u.initialsAt).includes("chongqingshicaizhengju"));
  assert.ok(u.keys.slice(u.initialsAt).includes("cqsczj"));
});

test("unit search returns what a scan of every key of every unit returns, and says when it cut the list", async () => {
  const fc = await import("fast-check");
  const chars = "区市县财政发改局中心办公室信息厦门重庆银行";
  const name = fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 6 }).map((a) => a.join(""));
  await fc.assert(
    fc.property(
      fc.uniqueArray(name, { minLength: 1, maxLength: 40 }),
      fc.array(fc.nat(5)),
      fc.oneof(name, fc.constantFrom("q", "qu", "cz", "j", "zx", "shi", "u", "ju", "x"), fc.string({ maxLength: 3 })),
      fc.integer({ min: 1, max: 12 }),
      (units, uses, typed, limit) => {
        const settings = settingsFrom(JSON.stringify({ units }));
        const index = new UnitIndex(settings.registry, new Map(units.map((u, i) => [u, uses[i] ?? 0])));
        const t = typed.toLowerCase();
        // Every unit, its best match over all its keys, then rank order for ties.
        const scored = index.units
          .map((info) => {
            let q = 9;
            info.keys.forEach((key, i) => {
              const at = key.indexOf(t);
              if (at < 0) return;
              q = Math.min(q, at === 0 ? (i < info.pinyinAt ? 0 : 1) : i < info.initialsAt ? 2 : 3);
            });
            return { info, q };
          })
          .filter((m) => m.q < 9)
          .sort((a, b) => a.q - b.q || b.info.uses - a.info.uses || a.info.canonical.length - b.info.canonical.length || (a.info.canonical < b.info.canonical ? -1 : 1));
        const r = index.search(typed, limit);
        assert.deepEqual(
          r.matches.map((m) => `${m.info.canonical}:${m.quality}`),
          scored.slice(0, limit).map((m) => `${m.info.canonical}:${m.q}`),
        );
        assert.equal(r.more, scored.length > limit);
      },
    ),
    { numRuns: 300 },
  );
});

test("an index built over the last one takes the keys of unchanged units from it, and searches as a fresh one does", () => {
  const before = settingsFrom(JSON.stringify({ units: [{ name: "区发展和改革局", aliases: ["区发改局"] }, "区财政局", { name: "区科技和信息化局", abbreviations: ["区科信局"] }] }));
  const after = settingsFrom(JSON.stringify({ units: [{ name: "区发展和改革局", aliases: ["区发改局"] }, "区财政局", { name: "区科技和信息化局", abbreviations: ["区科信局", "科信局"] }] }));
  const first = new UnitIndex(before.registry, new Map([["文旅局", 2]]));
  const next = new UnitIndex(after.registry, new Map([["文旅局", 3], ["教育局", 1]]), first);
  const fresh = new UnitIndex(after.registry, new Map([["文旅局", 3], ["教育局", 1]]));
  assert.equal(next.get("区财政局")!.keys, first.get("区财政局")!.keys, "same names: the keys are taken over");
  assert.equal(next.get("区发展和改革局")!.keys, first.get("区发展和改革局")!.keys);
  assert.equal(next.get("文旅局")!.keys, first.get("文旅局")!.keys);
  assert.notEqual(next.get("区科技和信息化局")!.keys, first.get("区科技和信息化局")!.keys, "an abbreviation added: worked out again");
  assert.ok(next.get("区科技和信息化局")!.keys.includes("科信局"));
  for (const u of fresh.units) assert.deepEqual(next.get(u.canonical), u);
  for (const typed of ["kxj", "fgj", "qu", "文", "jiaoyu", "czj"]) {
    assert.deepEqual(next.search(typed, 10), fresh.search(typed, 10), typed);
  }
});
