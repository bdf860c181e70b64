// The TextMate grammar (syntaxes/tasktable.tmLanguage.json), token by token: every kind of
// line, the wrong and broken forms of heading numbers, the spans inside a line, that an
// unclosed 《 or “ stays on its line, and every line of examples/ against what the parser
// makes of it.

import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import * as textmateNs from "vscode-textmate";
import * as onigNs from "vscode-oniguruma";
import type { IGrammar, IToken, StateStack } from "vscode-textmate";
import { parse } from "../server/src/core/syntax/parser.js";
import { scanMarker } from "../server/src/core/syntax/markers.js";
import { DEFAULT_LABELS, type Role } from "../server/src/core/syntax/labels.js";
import type { FieldNode, TaskNode } from "../server/src/core/syntax/nodes.js";

// Both packages are CommonJS bundles: under ESM their exports sit on `default`, under
// tsx's CommonJS transform on the namespace itself.
const vsctm = ((textmateNs as unknown as { default?: typeof textmateNs }).default ?? textmateNs) as typeof textmateNs;
const onig = ((onigNs as unknown as { default?: typeof onigNs }).default ?? onigNs) as typeof onigNs;

const ROOT = join(import.meta.dirname, "..");
const GRAMMAR_PATH = join(ROOT, "syntaxes/tasktable.tmLanguage.json");
const EXAMPLES = join(ROOT, "examples");

let grammar: IGrammar;

before(async () => {
  await onig.loadWASM(readFileSync(join(ROOT, "node_modules/vscode-oniguruma/release/onig.wasm")));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new onig.OnigScanner(patterns),
      createOnigString: (s: string) => new onig.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === "source.tasktable" ? vsctm.parseRawGrammar(readFileSync(GRAMMAR_PATH, "utf8"), GRAMMAR_PATH) : null,
  });
  const g = await registry.loadGrammar("source.tasktable");
  assert.ok(g, "the grammar loads");
  grammar = g;
});

// ---------------------------------------------------------------------------------------
// Helpers

interface Tokenized {
  text: string;
  tokens: IToken[];
  state: StateStack;
}

/** Tokenizes lines in order, each from the state the one before it left. */
function tokenizeLines(lines: string[], state: StateStack = vsctm.INITIAL): Tokenized[] {
  const out: Tokenized[] = [];
  for (const text of lines) {
    const r = grammar.tokenizeLine(text, state);
    state = r.ruleStack;
    out.push({ text, tokens: r.tokens, state });
  }
  return out;
}

function describe(t: Tokenized): string {
  return t.tokens
    .map((k) => `  [${t.text.slice(k.startIndex, k.endIndex)}] ${k.scopes.slice(1).join(" ")}`)
    .join("\n");
}

/** The token of a tokenized line that covers [start, end); fails when several tokens do. */
function tokenCovering(t: Tokenized, start: number, end: number, what: string): IToken {
  const tok = t.tokens.find((k) => k.startIndex <= start && start < k.endIndex);
  assert.ok(tok, `no token at ${start} in ${JSON.stringify(t.text)}`);
  assert.ok(
    tok.endIndex >= end,
    `${JSON.stringify(what)} is split over several tokens in ${JSON.stringify(t.text)}:\n${describe(t)}`,
  );
  return tok;
}

interface At {
  /** Lines tokenized before this one (a field line above a continuation line). */
  before?: string[];
  /** Which occurrence of the substring, 0-based. */
  nth?: number;
}

/** The scopes of the token covering `substring` in `line`. */
function scopesAt(line: string, substring: string, at: At = {}): string[] {
  const all = tokenizeLines([...(at.before ?? []), line]);
  const t = all[all.length - 1];
  let i = -1;
  for (let k = 0; k <= (at.nth ?? 0); k++) {
    i = line.indexOf(substring, i + 1);
    assert.ok(i >= 0, `${JSON.stringify(substring)} (occurrence ${at.nth ?? 0}) not in ${JSON.stringify(line)}`);
  }
  return tokenCovering(t, i, i + substring.length, substring).scopes;
}

/** `scope` itself or a more specific one (`constant.numeric` matches `constant.numeric.task.tasktable`). */
function matches(s: string, scope: string) {
  return s === scope || s.startsWith(scope + ".");
}
function has(scopes: string[], scope: string, msg = ""): void {
  assert.ok(scopes.some((s) => matches(s, scope)), `${msg ? msg + ": " : ""}expected ${scope} in [${scopes.join(", ")}]`);
}
function hasNot(scopes: string[], scope: string, msg = ""): void {
  assert.ok(!scopes.some((s) => matches(s, scope)), `${msg ? msg + ": " : ""}did not expect ${scope} in [${scopes.join(", ")}]`);
}
/** Only the grammar's own scopes: the root scope is on every token. */
function own(scopes: string[]) {
  return scopes.filter((s) => s !== "source.tasktable");
}

// Scope names the extension refers to (kept here so a rename breaks the test).
const TITLE = "entity.name.section.title.tasktable";
const SECTION_NUMBER = "constant.numeric.section.tasktable";
const SECTION_TEXT = "entity.name.section.section.tasktable";
const SUBSECTION_NUMBER = "constant.numeric.subsection.tasktable";
const SUBSECTION_TEXT = "entity.name.section.subsection.tasktable";
const TASK_NUMBER = "constant.numeric.task.tasktable";
const ITEM_NUMBER = "constant.numeric.item.tasktable";
const LABEL = "support.type.property-name.label";
const COLON = "punctuation.separator.key-value.tasktable";
const UNIT_SEPARATOR = "punctuation.separator.unit.tasktable";
const DITTO = "constant.language.ditto.tasktable";
const DATE = "constant.numeric.date.tasktable";
const DOC_NUMBER = "constant.other.document-number.tasktable";
const BOOK_TITLE = "string.quoted.other.book-title.tasktable";
const QUOTE = "string.quoted.double.tasktable";
const COMMENT = "comment.line.double-slash.tasktable";
const QUOTED_NOTE = "markup.quote.tasktable";
const WRONG = "invalid.deprecated.marker-form.tasktable";
const BROKEN = "invalid.illegal.broken-marker.tasktable";
const FIELD = "meta.field";

// ---------------------------------------------------------------------------------------
// The grammar file itself

test("the grammar file: scope name, and every regular expression compiles", () => {
  const raw = JSON.parse(readFileSync(GRAMMAR_PATH, "utf8"));
  assert.equal(raw.scopeName, "source.tasktable");
  let count = 0;
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== "object") return;
    for (const [k, x] of Object.entries(v)) {
      if ((k === "match" || k === "begin" || k === "end" || k === "while") && typeof x === "string") {
        // \1 in a while rule refers to the begin rule's capture; compile it without.
        const src = k === "while" || k === "end" ? x.replace(/\\[1-9]/g, "") : x;
        assert.doesNotThrow(() => new onig.OnigScanner([src]), `${k}: ${x}`);
        count++;
      } else walk(x);
    }
  };
  walk(raw);
  assert.ok(count > 20, `${count} expressions`);
  // Every include points at a repository entry.
  const includes = JSON.stringify(raw).match(/"include":"#[^"]+"/g) ?? [];
  for (const inc of includes) {
    const name = inc.slice('"include":"#'.length, -1);
    assert.ok(name in raw.repository, `#${name} is in the repository`);
  }
});

// ---------------------------------------------------------------------------------------
// Structural lines

test("title line", () => {
  const line = "# 2021年思明区政务公开工作主要任务分解表";
  has(scopesAt(line, "#"), "punctuation.definition.heading.title.tasktable");
  has(scopesAt(line, "#"), "markup.heading");
  const text = scopesAt(line, "2021年思明区政务公开工作主要任务分解表");
  has(text, TITLE);
  has(text, "markup.heading.title.tasktable");
  hasNot(text, DATE, "the title stays one heading-coloured span");
  has(scopesAt("＃ 标题", "＃"), "punctuation.definition.heading");
  has(scopesAt("＃ 标题", "标题"), TITLE);
  hasNot(scopesAt("   # 不是标题", "不是标题"), TITLE, "indented three: a continuation line");
});

test("columns line: keyword, colon, separators and column names", () => {
  const line = "列：工作任务 | 工作要求 | 牵头单位 | 责任单位";
  has(scopesAt(line, "列"), "keyword.other.columns.tasktable");
  has(scopesAt(line, "："), COLON);
  has(scopesAt(line, "|"), "punctuation.separator.columns.tasktable");
  has(scopesAt(line, "|", { nth: 2 }), "punctuation.separator.columns.tasktable");
  for (const cell of ["工作任务", "工作要求", "牵头单位", "责任单位"]) {
    has(scopesAt(line, cell), "support.type.property-name.column.tasktable", cell);
  }
  // 表头, a half-width colon, a full-width bar
  const half = "表头:工作任务｜配合单位";
  has(scopesAt(half, "表头"), "keyword.other.columns.tasktable");
  has(scopesAt(half, ":"), COLON);
  has(scopesAt(half, "｜"), "punctuation.separator.columns.tasktable");
  has(scopesAt(half, "配合单位"), "support.type.property-name.column.tasktable");
  // not a columns line: 列 inside a sentence
  hasNot(scopesAt("列入计划：明年", "列"), "keyword.other.columns.tasktable");
});

test("sections: 一、 with its heading text; wrong forms 一. 一． 一，", () => {
  const line = "一、紧扣“十四五”开好局起好步，进一步深化政务公开";
  has(scopesAt(line, "一"), SECTION_NUMBER);
  has(scopesAt(line, "、"), "punctuation.definition.heading.section.tasktable");
  hasNot(scopesAt(line, "、"), "invalid");
  const text = scopesAt(line, "紧扣“十四五”开好局起好步，进一步深化政务公开");
  has(text, SECTION_TEXT);
  has(text, "markup.heading.section.tasktable");
  has(scopesAt("十二、标题", "十二"), SECTION_NUMBER);
  has(scopesAt("一百零五、标题", "一百零五"), SECTION_NUMBER);
  for (const p of [".", "．", "，", ","]) {
    const wrong = `二${p}紧扣宏观政策`;
    has(scopesAt(wrong, "二"), SECTION_NUMBER, wrong);
    has(scopesAt(wrong, p), WRONG, wrong);
    has(scopesAt(wrong, "紧扣宏观政策"), SECTION_TEXT, wrong);
  }
  // not sections
  for (const s of ["一.5倍的增长", "一二、不是数字", "一是要加强领导", "二〇二一年，全面推进"]) {
    for (const t of tokenizeLines([s])[0].tokens) hasNot(t.scopes, "markup.heading", s);
  }
});

test("subsections: （一） (一); wrong forms （一）、 (一). （一) (一）", () => {
  for (const line of ["（一）做好各类规划主动公开", "(一)做好各类规划主动公开", "（十二）做好各类规划主动公开"]) {
    const num = line.startsWith("（十二") ? "十二" : "一";
    has(scopesAt(line, num), SUBSECTION_NUMBER, line);
    has(scopesAt(line, line[0]), "punctuation.definition.heading.subsection.begin.tasktable", line);
    hasNot(scopesAt(line, line[0]), "invalid", line);
    has(scopesAt(line, "做好各类规划主动公开"), SUBSECTION_TEXT, line);
    has(scopesAt(line, "做好各类规划主动公开"), "markup.heading.subsection.tasktable", line);
  }
  has(scopesAt("（一）、做好", "、"), WRONG);
  hasNot(scopesAt("（一）、做好", "）"), "invalid", "the brackets are right, the 、 is not");
  has(scopesAt("(一).做好", "."), WRONG);
  has(scopesAt("（一)做好", "（"), WRONG);
  has(scopesAt("（一)做好", ")"), WRONG);
  has(scopesAt("（一)做好", "一"), SUBSECTION_NUMBER);
  has(scopesAt("(一）做好", "）"), WRONG);
  has(scopesAt("(一）做好", "做好"), SUBSECTION_TEXT);
  // not a subsection: a bracketed phrase
  for (const t of tokenizeLines(["（此件公开发布）"])[0].tokens) hasNot(t.scopes, "markup.heading");
});

test("tasks: 1. 1． １． ; wrong forms 1、 1，; 1.5倍 and indented lines are not tasks", () => {
  const line = "1. 主动公开“十四五”规划纲要、国土空间规划、专项规划和区域规划等。";
  has(scopesAt(line, "1"), TASK_NUMBER);
  has(scopesAt(line, "."), "punctuation.definition.list.task.tasktable");
  hasNot(scopesAt(line, "."), "invalid");
  has(scopesAt(line, "主动公开"), "meta.task.title.tasktable");
  has(scopesAt(line, "十四五"), QUOTE, "inline spans in a task title");
  has(scopesAt("12．归集整理", "12"), TASK_NUMBER);
  has(scopesAt("１２．归集整理", "１２"), TASK_NUMBER);
  has(scopesAt("１２．归集整理", "．"), "punctuation.definition.list.task.tasktable");
  has(scopesAt("3.主动公开", "3"), TASK_NUMBER, "no space after the dot");
  has(scopesAt("1.", "1"), TASK_NUMBER, "a task without a title yet");
  for (const p of ["、", "，"]) {
    const wrong = `7${p}稳步扩大预决算公开范围`;
    has(scopesAt(wrong, "7"), TASK_NUMBER, wrong);
    has(scopesAt(wrong, p), WRONG, wrong);
    has(scopesAt(wrong, p), "punctuation.definition.list.task.tasktable", wrong);
  }
  // Tables with thousands of tasks exist: N. takes up to five digits; 1、 stays short.
  has(scopesAt("1000. 一千号任务", "1000"), TASK_NUMBER);
  for (const s of ["1.5倍的增长", "2021、全年", "   1. 区政务信息中心负责开设专栏；", "123456. 太长"]) {
    for (const t of tokenizeLines([s])[0].tokens) hasNot(t.scopes, TASK_NUMBER, s);
  }
});

test("items: （1） (1); wrong forms （1）、 （1) 1） 1)", () => {
  for (const line of ["   （1）建立台账", "   (1)建立台账", "（12）建立台账"]) {
    const num = line.includes("12") ? "12" : "1";
    has(scopesAt(line, num), ITEM_NUMBER, line);
    has(scopesAt(line, line.trim()[0]), "punctuation.definition.list.item.begin.tasktable", line);
    hasNot(scopesAt(line, line.trim()[0]), "invalid", line);
    has(scopesAt(line, "建立台账"), "meta.item.title.tasktable", line);
  }
  has(scopesAt("   （1）、建立台账", "、"), WRONG);
  has(scopesAt("   （1)建立台账", ")"), WRONG);
  has(scopesAt("   1）建立台账", "1"), ITEM_NUMBER);
  has(scopesAt("   1）建立台账", "）"), WRONG);
  has(scopesAt("   1)建立台账", ")"), WRONG);
  has(scopesAt("   1)建立台账", "建立台账"), "meta.item.title.tasktable");
});

test("broken numbers: ）推进 )推进 四）推进 、紧扣 .主动公开", () => {
  has(scopesAt(")推进减税降费信息公开", ")"), BROKEN);
  has(scopesAt(")推进减税降费信息公开", "推进减税降费信息公开"), SUBSECTION_TEXT);
  has(scopesAt("）推进减税降费信息公开", "）"), BROKEN);
  has(scopesAt("四）推进减税降费信息公开", "四"), SUBSECTION_NUMBER);
  has(scopesAt("四）推进减税降费信息公开", "）"), BROKEN);
  has(scopesAt("、紧扣“十四五”开好局起好步", "、"), BROKEN);
  has(scopesAt("、紧扣“十四五”开好局起好步", "紧扣“十四五”开好局起好步"), SECTION_TEXT);
  has(scopesAt(".主动公开规划", "."), BROKEN);
  has(scopesAt(".主动公开规划", "主动公开规划"), "meta.task.title.tasktable");
  has(scopesAt("．主动公开规划", "．"), BROKEN);
  for (const s of ["...省略", ". 空格之后", ") 空格之后"]) {
    for (const t of tokenizeLines([s])[0].tokens) hasNot(t.scopes, BROKEN, s);
  }
});

test("heading numbers are read as scanMarker reads them", () => {
  const samples = [
    "一、紧扣", "十二、标题", "一.标题", "一．标题", "一，标题", "一,标题", "一.5倍", "一二、标题", "二〇二一年",
    "（一）做好", "(三)做好", "(一)、做好", "（一）.做好", "（一)做好", "(一）做好", "（一", "（甲）做好",
    "1.主动", "1. 主动", "１．主动", "12．主动", "1、主动", "1，主动", "1.5倍", "2021．全年", "1000.太长", "20211、太长", "123456.太长", "1,主动",
    "（1）子项", "(2)子项", "（1）、子项", "（1)子项", "1）子项", "1)子项", "（１）子项",
    ")推进", "）推进", "四）推进", "、紧扣", ".主动", "．主动", "..省略", ". 空格", ") 空格",
    "普通段落", "“十四五”规划", "《条例》", "2021年10月底前",
  ];
  const levelOf: [string, number][] = [
    ["markup.heading.section.tasktable", 1],
    ["markup.heading.subsection.tasktable", 2],
    ["meta.task.tasktable", 3],
    ["meta.item.tasktable", 4],
  ];
  for (const s of samples) {
    const m = scanMarker(s, 0, s.length);
    const want = m ? { level: m.level, form: m.form } : null;
    const [t] = tokenizeLines([s]);
    const first = own(t.tokens[0].scopes);
    const level = levelOf.find(([scope]) => first.includes(scope))?.[1];
    let got: { level: number; form: string } | null = null;
    if (level !== undefined) {
      const marker = t.tokens.filter(
        (k) => !k.scopes.some((x) => x.startsWith("entity.name.section") || x.startsWith("meta.task.title") || x.startsWith("meta.item.title")),
      );
      const scopes = marker.flatMap((k) => k.scopes);
      const form = scopes.includes(BROKEN) ? "broken" : scopes.includes(WRONG) ? "wrong" : "canonical";
      got = { level, form };
    }
    assert.deepEqual(got, want, `${s}:\n${describe(t)}`);
  }
});

// ---------------------------------------------------------------------------------------
// Fields

const ROLE_OF = DEFAULT_LABELS as Readonly<Record<string, Role>>;

test("every label of labels.ts is a label of its role, with either colon", () => {
  for (const [label, role] of Object.entries(ROLE_OF)) {
    for (const colon of ["：", ":"]) {
      const line = `   ${label}${colon}区发改局`;
      const s = scopesAt(line, label);
      has(s, `${LABEL}.${role}.tasktable`, line);
      has(s, `${FIELD}.${role}.tasktable`, line);
      has(scopesAt(line, colon), COLON, line);
      hasNot(scopesAt(line, "区发改局"), LABEL, line);
    }
    // deeper than an open field but short of its value column: the next field, not a continuation
    for (const open of ["   要求：做好", "   牵头：区发改局", "   主办单位：某局"]) {
      const [, next] = tokenizeLines([open, `      ${label}：区财政局`]);
      const s = tokenCovering(next, 6, 6 + label.length, label).scopes;
      has(s, `${LABEL}.${role}.tasktable`, `${label} after ${open}`);
      has(s, `${FIELD}.${role}.tasktable`, `${label} after ${open}`);
    }
  }
});

test("labels: the longest wins, spaces before the colon, any indentation, only at the start of a line", () => {
  // 牵头单位 is one label, not 牵头 + 单位
  has(scopesAt("   牵头单位：区发改局", "牵头单位"), `${LABEL}.lead`);
  has(scopesAt("   完成时限：2021年底前", "完成时限"), `${LABEL}.deadline`);
  has(scopesAt("   牵头 ：区发改局", "牵头"), `${LABEL}.lead`);
  has(scopesAt("   牵头 ：区发改局", "："), COLON);
  has(scopesAt("牵头：区发改局", "牵头"), `${LABEL}.lead`, "unindented, directly under a task");
  has(scopesAt("      责任：区财政局", "责任"), `${LABEL}.responsible`, "an item's field");
  has(scopesAt("\t要求：做好", "要求"), `${LABEL}.requirement`, "a tab");
  has(scopesAt("\u3000\u3000时限：2021年底前", "时限"), `${LABEL}.deadline`, "ideographic spaces");
  // not labels
  hasNot(scopesAt("1. 明确牵头：区发改局", "牵头"), LABEL, "inside a task title");
  hasNot(scopesAt("   牵头单位负责统筹", "牵头单位"), LABEL, "no colon");
  hasNot(scopesAt("责任编辑:财政局信息公开", "责任编辑"), LABEL, "a note line with a colon");
  hasNot(scopesAt("发布时间:2020-06-04", "时间"), LABEL, "时间 after 发布 is not at the start");
  hasNot(
    scopesAt("         各部门要求：加强", "各部门要求", { before: ["   要求：做好以下工作"] }),
    LABEL,
    "a label-like word inside a continuation",
  );
  // a label the configuration may add: indented label-like word
  has(scopesAt("   主办单位：厦门市财政局", "主办单位"), `${LABEL}.unknown`);
  has(scopesAt("   主办单位：厦门市财政局", "："), COLON);
  hasNot(scopesAt("主办单位:厦门市财政局", "主办单位"), LABEL, "unindented: a note");
});

test("unit lists: 、，,；; separate units in lead, responsible and partner fields", () => {
  const line = "   责任：区政务信息中心、区科信局，文旅局；教育局;卫健局,人社局";
  for (const sep of ["、", "，", "；", ";", ","]) has(scopesAt(line, sep), UNIT_SEPARATOR, sep);
  for (const unit of ["区政务信息中心", "区科信局", "文旅局", "人社局"]) {
    const s = scopesAt(line, unit);
    hasNot(s, UNIT_SEPARATOR, unit);
    has(s, "meta.field.responsible.tasktable", unit);
  }
  has(scopesAt("   牵头：预算处、国库处", "、"), UNIT_SEPARATOR);
  has(scopesAt("   配合：办公室、信息中心", "、"), UNIT_SEPARATOR);
  has(scopesAt("   协办单位:办公室,信息中心", ","), UNIT_SEPARATOR);
  // a separator inside brackets does not split
  hasNot(scopesAt("   责任：各处（室、科）单位、办公室", "、"), UNIT_SEPARATOR);
  has(scopesAt("   责任：各处（室、科）单位、办公室", "、", { nth: 1 }), UNIT_SEPARATOR);
  // a continuation line of a unit field
  const cont = "         区科信局、文旅局、教育局，思明生态环境局";
  has(scopesAt(cont, "、", { before: ["   责任：区政务信息中心"] }), UNIT_SEPARATOR);
  has(scopesAt(cont, "，", { before: ["   责任：区政务信息中心"] }), UNIT_SEPARATOR);
  has(scopesAt(cont, "区科信局", { before: ["   责任：区政务信息中心"] }), "meta.field.responsible.tasktable");
  // not in requirement text, and not past the field
  hasNot(scopesAt("   要求：公开透明、科学规范", "、"), UNIT_SEPARATOR);
  hasNot(scopesAt("         公开透明、科学规范", "、", { before: ["   要求：坚持依法发布"] }), UNIT_SEPARATOR);
  hasNot(scopesAt("2. 加强重大政务舆情回应、新闻发布", "、", { before: ["   责任：办公室、信息中心"] }), UNIT_SEPARATOR);
});

test("同上 is a constant in unit lists and as a whole requirement or deadline", () => {
  has(scopesAt("   牵头：同上", "同上"), DITTO);
  has(scopesAt("   责任：同上、区财政局", "同上"), DITTO);
  has(scopesAt("   责任：区财政局、同上", "同上"), DITTO);
  has(scopesAt("   要求：同上", "同上"), DITTO);
  has(scopesAt("   时限：同上。", "同上"), DITTO);
  has(scopesAt("   备注:同上", "同上"), DITTO);
  hasNot(scopesAt("   要求：同上级部门保持一致", "同上"), DITTO, "the start of a word");
  hasNot(scopesAt("各部门同上级部门保持一致", "同上"), DITTO, "in a note");
});

test("deadlines and dates", () => {
  for (const d of ["2021年10月底前", "2021年10月", "2018年底前", "2021年6月30日前", "2021年底", "2021年第三季度", "２０２１年１０月底前"]) {
    const line = `   时限：${d}`;
    const s = scopesAt(line, d);
    has(s, DATE, d);
    has(s, "meta.field.deadline.tasktable", d);
  }
  has(scopesAt("   完成时间：2021年10月底前完成", "2021年10月底前"), DATE);
  // in requirement text too
  has(scopesAt("   要求：2021年10月前，将现行有效的区级规范性文件集中公开", "2021年10月前"), DATE);
  has(scopesAt("发布时间:2020-06-04", "2020-06-04"), DATE);
  // a date that lost its 年 (rule malformed-date)
  const bad = scopesAt("   要求：202110月前,将现行有效的政府规章集中公开", "202110月");
  has(bad, "invalid.illegal.date.tasktable");
  // a period in a deadline field
  has(scopesAt("   公开时限：信息形成或变更之日起20个工作日内", "20个工作日内"), "constant.numeric.duration.tasktable");
  hasNot(scopesAt("   要求：提前3天报送", "3天"), "constant.numeric", "periods only in deadline fields");
  // not dates
  hasNot(scopesAt("   要求：12345政务服务热线", "12345"), "constant.numeric");
});

test("《…》, “…”, ‘…’ and document numbers in one requirement line", () => {
  const line =
    "   要求：按照《福建省人民政府办公厅关于“进一步加强”政策文件解读发布工作的通知》（闽政办函〔2021〕20号）和“谁起草、谁解读”原则，‘三同步’，(闽政办函〔202120号)";
  has(scopesAt(line, "《"), "punctuation.definition.string.begin.tasktable");
  has(scopesAt(line, "《"), BOOK_TITLE);
  has(scopesAt(line, "福建省人民政府办公厅关于"), BOOK_TITLE);
  has(scopesAt(line, "进一步加强"), QUOTE, "a quote inside a title");
  has(scopesAt(line, "进一步加强"), BOOK_TITLE, "still inside the title");
  has(scopesAt(line, "》"), "punctuation.definition.string.end.tasktable");
  const doc = scopesAt(line, "闽政办函〔2021〕20号");
  has(doc, DOC_NUMBER);
  hasNot(doc, "invalid");
  hasNot(scopesAt(line, "（"), DOC_NUMBER, "the bracket around the number is not part of it");
  has(scopesAt(line, "谁起草、谁解读"), QUOTE);
  has(scopesAt(line, "“", { nth: 1 }), "punctuation.definition.string.begin.tasktable");
  has(scopesAt(line, "三同步"), "string.quoted.single.tasktable");
  has(scopesAt(line, "原则，"), "meta.field.requirement.tasktable");
  hasNot(scopesAt(line, "原则，"), "string");
  const broken = scopesAt(line, "闽政办函〔202120号");
  has(broken, "invalid.illegal.document-number.tasktable");
  has(broken, "constant.other.document-number");
  // other forms of the number
  has(scopesAt("   要求：落实《通知》厦思财〔2021〕55号要求", "厦思财〔2021〕55号"), DOC_NUMBER);
  has(scopesAt("   要求：按照〔2021〕20号文件", "〔2021〕20号"), DOC_NUMBER, "without 代字");
  // the 代字 is where the run of Han characters starts, after a lead-in word such as 按照
  const lead = "   要求：按照国办发〔2021〕12号和省财政厅要求";
  has(scopesAt(lead, "国办发〔2021〕12号"), DOC_NUMBER);
  hasNot(scopesAt(lead, "按照"), DOC_NUMBER);
  // after a longer run of prose only the bracketed part is certain
  const prose = "   要求：全面推进政务公开工作国办发〔2021〕12号";
  has(scopesAt(prose, "〔2021〕12号"), DOC_NUMBER);
  hasNot(scopesAt(prose, "国办发"), DOC_NUMBER);
  has(scopesAt("   要求：见厦府办(2021)22号", "(2021)22号"), "invalid.illegal.document-number.tasktable");
  has(scopesAt("   要求：见(闽政办函2021〕20号)", "闽政办函2021〕20号"), "invalid.illegal.document-number.tasktable");
  hasNot(scopesAt("   要求：见第20号文件", "20号"), DOC_NUMBER);
});

test("comments and quoted notes", () => {
  has(scopesAt("// 原文粘贴时此处丢失了小节标题", "原文粘贴时此处丢失了小节标题"), COMMENT);
  has(scopesAt("// 原文粘贴时此处丢失了小节标题", "//"), "punctuation.definition.comment.tasktable");
  has(scopesAt("         // 续行之间的注释", "续行之间的注释", { before: ["   要求：做好工作"] }), COMMENT);
  has(scopesAt("   // 缩进的注释", "缩进的注释"), COMMENT);
  hasNot(scopesAt("   要求：见 http://www.gov.cn/ 网站", "//"), "comment", "// inside a line is text");
  hasNot(scopesAt("1. 任务 // 不是注释", "不是注释"), "comment");
  const q = "> 三、具体要求";
  has(scopesAt(q, ">"), "punctuation.definition.quote.begin.tasktable");
  has(scopesAt(q, "三、具体要求"), QUOTED_NOTE);
  hasNot(scopesAt(q, "三、具体要求"), SECTION_NUMBER, "a quoted note is never a heading");
  const q2 = "＞ （一）各处（室）单位要对各自分管的主动公开信息内容进行梳理，填报《备案表》";
  has(scopesAt(q2, "＞"), "punctuation.definition.quote.begin.tasktable");
  hasNot(scopesAt(q2, "一"), SUBSECTION_NUMBER);
  has(scopesAt(q2, "备案表"), BOOK_TITLE, "inline spans in a quoted note");
  has(scopesAt(q2, "备案表"), QUOTED_NOTE);
});

test("a long requirement: continuation lines stay in the field, and a list inside it is not a task", () => {
  const head = "   要求：除法律法规另有规定或内容涉密外，“十四五”发展规划和专项规划及时通过";
  const long =
    "         " +
    "政府门户网站设立专题，并在政府信息公开专栏集中展示，更好地引导全社会关心、支持、监督规划实施。".repeat(40) +
    "按照“谁起草、谁解读”的原则，2021年10月底前完成。";
  const list = "         1. 区政务信息中心负责开设专栏；";
  const lines = tokenizeLines([head, long, list, "   牵头：区发改局"]);
  const [, l, li, lead] = lines;
  for (const t of l.tokens) has(t.scopes, "meta.field.requirement.tasktable", "every token of the continuation line");
  const qi = long.indexOf("谁起草、谁解读");
  has(tokenCovering(l, qi, qi + 7, "谁起草、谁解读").scopes, QUOTE);
  const di = long.indexOf("2021年10月底前");
  has(tokenCovering(l, di, di + 10, "2021年10月底前").scopes, DATE);
  for (const t of li.tokens) {
    hasNot(t.scopes, TASK_NUMBER, "a numbered list inside a requirement");
    has(t.scopes, "meta.field.requirement.tasktable");
  }
  // the next field, at the label's indentation, ends the requirement
  hasNot(lead.tokens[1].scopes, "meta.field.requirement", "牵头 is its own field");
  has(lead.tokens[1].scopes, `${LABEL}.lead`);
});

// ---------------------------------------------------------------------------------------
// Nothing swallows the lines after it

function sameTokens(a: Tokenized, b: Tokenized, msg: string) {
  const strip = (t: Tokenized) => t.tokens.map((k) => ({ from: k.startIndex, to: k.endIndex, scopes: k.scopes }));
  assert.deepEqual(strip(a), strip(b), `${msg}\n--- got\n${describe(a)}\n--- want\n${describe(b)}`);
}

test("an unclosed 《, “ or ‘ ends with its line", () => {
  const opens = ["按照《福建省人民政府办公厅关于进一步加强", "坚持“公开为原则、不公开为例外", "做到‘三同步", "见《关于“六稳", "（闽政办函〔2021"];
  const nexts = [
    "2. 归集整理和主动公开历史规划（计划）。",
    "   牵头：区发改局、区财政局",
    "一、紧扣宏观政策落地见效",
    "（一）持续加强重大政策发布解读",
    "政府门户网站设立专题，并在政府信息公开专栏集中展示》。",
    "// 注释",
  ];
  // the state after a line that opens nothing
  const plainState = tokenizeLines(["普通段落"])[0].state;
  for (const open of opens) {
    for (const next of nexts) {
      // a note line, a task title, a quoted note: nothing is left open at the end of the line
      for (const first of [open, `1. ${open}`, `> ${open}`, `（1）${open}`, `# ${open}`]) {
        const [a, b] = tokenizeLines([first, next]);
        assert.ok(a.state.equals(plainState), `nothing stays open after ${JSON.stringify(first)}`);
        sameTokens(b, tokenizeLines([next])[0], `${JSON.stringify(next)} after ${JSON.stringify(first)}`);
      }
      // inside a field: the next line is read as after the same field with the pair closed
      const closed = open + "”》’";
      const cont = "         " + next.trim();
      for (const label of ["要求", "牵头", "时限", "备注"]) {
        for (const n of [next, cont]) {
          const [, b] = tokenizeLines([`   ${label}：${open}`, n]);
          const [, c] = tokenizeLines([`   ${label}：${closed}`, n]);
          sameTokens(b, c, `${JSON.stringify(n)} after an unclosed pair in ${label}`);
        }
      }
    }
  }
});

test("a field ends at the first line that is not indented deeper than its label", () => {
  const [, , task] = tokenizeLines(["   牵头：区发改局", "         区财政局", "2. 下一项任务"]);
  for (const t of task.tokens) hasNot(t.scopes, FIELD);
  has(task.tokens[0].scopes, TASK_NUMBER);
  const [, , , , note] = tokenizeLines(["   要求：做好", "", "         继续", "   // 注释", "普通段落"]);
  for (const t of note.tokens) hasNot(t.scopes, FIELD);
  // an item at the field's indentation is an item, its fields deeper
  const [, item, field] = tokenizeLines(["   要求：做好", "   （1）建立台账", "      牵头：区发改局"]);
  has(item.tokens.map((t) => t.scopes).flat(), ITEM_NUMBER);
  hasNot(item.tokens[0].scopes, FIELD);
  has(field.tokens[1].scopes, `${LABEL}.lead`);
  // a known label deeper than the open one, before its value column, opens the next field
  const [, next] = tokenizeLines(["   要求：做好", "      责任：区财政局"]);
  has(next.tokens[1].scopes, `${LABEL}.responsible`);
  hasNot(next.tokens[1].scopes, "meta.field.requirement");
});

// ---------------------------------------------------------------------------------------
// The examples, line by line, against the parser

function allTasks(nodes: readonly unknown[]): TaskNode[] {
  const out: TaskNode[] = [];
  const walk = (t: TaskNode) => {
    out.push(t);
    t.items.forEach(walk);
  };
  for (const n of nodes as { kind: string }[]) if (n.kind === "task") walk(n as TaskNode);
  return out;
}

const exampleFiles = readdirSync(EXAMPLES).filter((f) => f.endsWith(".tasktable")).sort();

test("examples/ exist", () => {
  assert.ok(exampleFiles.length >= 3, exampleFiles.join(", "));
});

for (const file of exampleFiles) {
  test(`examples/${file}: every line tokenizes, and tasks, headings and fields get their scopes`, () => {
    let text = readFileSync(join(EXAMPLES, file), "utf8");
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const lines = text.split(/\r\n|\r|\n/);
    const tokenized: Tokenized[] = [];
    let state = vsctm.INITIAL;
    lines.forEach((line, i) => {
      assert.doesNotThrow(() => {
        const r = grammar.tokenizeLine(line, state);
        state = r.ruleStack;
        tokenized.push({ text: line, tokens: r.tokens, state });
      }, `line ${i + 1}`);
      assert.equal(tokenized[i].tokens[tokenized[i].tokens.length - 1].endIndex >= line.length, true, `line ${i + 1} is covered`);
    });

    const tree = parse(text);
    const starts = tree.lines.starts;
    const scopesOf = (line: number, from: number, to: number, what: string) =>
      tokenCovering(tokenized[line], from - starts[line], to - starts[line], what).scopes;
    const where = (line: number) => `${file}:${line + 1} ${JSON.stringify(lines[line])}`;

    const tasks = allTasks(tree.nodes);
    const taskLines = new Set<number>();
    const itemLines = new Set<number>();
    let numbered = 0;
    for (const t of tasks) {
      const m = t.marker;
      if (!m) continue;
      numbered++;
      (t.level === 3 ? taskLines : itemLines).add(t.line);
      if (m.form === "broken") {
        has(scopesOf(t.line, m.numeralEnd, m.end, "marker"), BROKEN, where(t.line));
      } else {
        has(scopesOf(t.line, m.numeralStart, m.numeralEnd, "number"), t.level === 3 ? TASK_NUMBER : ITEM_NUMBER, where(t.line));
        if (m.form === "wrong") {
          const marker = tokenized[t.line].tokens.filter((k) => k.startIndex < m.end - starts[t.line] && k.endIndex > m.start - starts[t.line]);
          assert.ok(marker.some((k) => k.scopes.includes(WRONG)), `wrong form marked: ${where(t.line)}`);
        }
      }
    }
    assert.ok(numbered >= 15, `${file}: ${numbered} numbered tasks`);

    const headingLines = new Map<number, 1 | 2>();
    for (const n of tree.nodes) {
      if (n.kind === "heading") {
        headingLines.set(n.line, n.level);
        const m = n.marker;
        if (m.form === "broken") {
          // what is left: the punctuation, and the numeral when only the bracket was lost (四）)
          has(scopesOf(n.line, m.numeralEnd, m.end, "marker"), BROKEN, where(n.line));
          if (m.numeralEnd > m.numeralStart) has(scopesOf(n.line, m.numeralStart, m.numeralEnd, "number"), SUBSECTION_NUMBER, where(n.line));
        } else has(scopesOf(n.line, m.numeralStart, m.numeralEnd, "number"), n.level === 1 ? SECTION_NUMBER : SUBSECTION_NUMBER, where(n.line));
        if (n.title.end > n.title.start) {
          has(scopesOf(n.line, n.title.start, n.title.end, "heading text"), n.level === 1 ? SECTION_TEXT : SUBSECTION_TEXT, where(n.line));
        }
      } else if (n.kind === "title") {
        has(scopesOf(n.line, n.text.start, n.text.end, "title"), TITLE, where(n.line));
      } else if (n.kind === "columns") {
        has(scopesOf(n.line, n.label.start, n.label.end, "列"), "keyword.other.columns.tasktable", where(n.line));
        for (const c of n.cells) has(scopesOf(n.line, c.start, c.end, "cell"), "support.type.property-name.column.tasktable", where(n.line));
      } else if (n.kind === "note" && n.quoted) {
        for (const { line: l } of n.segments) for (const k of tokenized[l].tokens) has(k.scopes, QUOTED_NOTE, where(l));
      }
    }

    const fieldRole = new Map<number, Role>();
    let known = 0;
    for (const t of tasks) {
      for (const f of t.fields as FieldNode[]) {
        const lbl = scopesOf(f.line, f.label.start, f.label.end, f.labelText);
        if (f.role) {
          known++;
          fieldRole.set(f.line, f.role);
          has(lbl, `${LABEL}.${f.role}.tasktable`, where(f.line));
          has(scopesOf(f.line, f.colon.start, f.colon.end, "colon"), COLON, where(f.line));
        } else if (f.indent > 0) {
          has(lbl, `${LABEL}.unknown.tasktable`, where(f.line));
        }
      }
    }
    assert.ok(known >= 30, `${file}: ${known} fields`);

    for (const c of tree.comments) {
      has(scopesOf(c.line, c.range.start, c.range.start + 2, "//"), "punctuation.definition.comment.tasktable", where(c.line));
      has(scopesOf(c.line, c.range.start + 2, c.range.end, "comment"), COMMENT, where(c.line));
    }

    // And the other way round: the grammar marks nothing the parser reads otherwise.
    tokenized.forEach((t, i) => {
      for (const k of t.tokens) {
        if (k.scopes.includes(TASK_NUMBER)) assert.ok(taskLines.has(i), `task number on a line that is not a task: ${where(i)}`);
        if (k.scopes.includes(ITEM_NUMBER)) assert.ok(itemLines.has(i), `item number on a line that is not an item: ${where(i)}`);
        if (k.scopes.includes(SECTION_NUMBER)) assert.equal(headingLines.get(i), 1, `section number: ${where(i)}`);
        if (k.scopes.includes(SUBSECTION_NUMBER)) assert.equal(headingLines.get(i), 2, `subsection number: ${where(i)}`);
        const label = k.scopes.find((s) => s.startsWith(LABEL + ".") && !s.startsWith(`${LABEL}.unknown`));
        if (label) assert.equal(label, `${LABEL}.${fieldRole.get(i)}.tasktable`, `label of the parser's role: ${where(i)}`);
      }
    });
  });
}

// ---------------------------------------------------------------------------------------
// The files that go with the grammar: language configuration and snippets

test("language-configuration.json: Enter after a task, item or field line; words stop at 、，", () => {
  const conf = JSON.parse(readFileSync(join(ROOT, "language-configuration.json"), "utf8"));
  assert.equal(conf.comments.lineComment, "//");
  for (const key of ["brackets", "surroundingPairs"]) {
    const pairs = (conf[key] as [string, string][]).map((p) => p.join(""));
    for (const p of ["（）", "()", "《》", "“”", "‘’", "〔〕", "【】", "[]"]) assert.ok(pairs.includes(p), `${key} has ${p}`);
  }
  const auto = (conf.autoClosingPairs as { open: string; close: string }[]).map((p) => p.open + p.close);
  for (const p of ["（）", "()", "《》", "“”", "‘’", "〔〕", "【】", "[]"]) assert.ok(auto.includes(p), `autoClosingPairs has ${p}`);

  const words = (s: string) => s.match(new RegExp(conf.wordPattern, "g"));
  assert.deepEqual(words("区发改局、区财政局，文旅局"), ["区发改局", "区财政局", "文旅局"]);
  assert.deepEqual(words("各处(室)单位"), ["各处", "室", "单位"]);
  assert.deepEqual(words("H5等形式"), ["H5", "等形式"]);

  const rules = (conf.onEnterRules as { beforeText: string; action: { indent: string; appendText?: string } }[]).map((r) => ({
    re: new RegExp(r.beforeText),
    action: r.action,
  }));
  /** What Enter adds after the current line's indentation (VS Code takes the first rule that matches). */
  const enter = (before: string) => rules.find((r) => r.re.test(before))?.action.appendText ?? "";
  assert.equal(enter("1. 主动公开规划"), "   ");
  assert.equal(enter("１２．主动公开规划"), "   ");
  assert.equal(enter("   （1）建立台账"), "   ", "an item's fields go under it");
  assert.equal(enter("1.5倍"), "");
  assert.equal(enter("一、紧扣"), "");
  assert.equal(enter("（一）做好"), "");
  assert.equal(enter("   要求：做好"), "", "the next field stays at the field column");
  for (const label of Object.keys(ROLE_OF)) {
    assert.equal(enter(`${label}：区发改局`), "   ", `an unindented ${label} field moves the next line to the field column`);
    assert.ok(rules.some((r) => r.re.test(`   ${label}:x`)), `${label} is a field line`);
  }
});

test("snippets: every one has prefixes and a description, and the task and document ones read as they should", () => {
  const snippets = JSON.parse(readFileSync(join(ROOT, "snippets/tasktable.json"), "utf8")) as Record<
    string,
    { prefix: string[]; body: string[]; description: string }
  >;
  const prefixes = new Set<string>();
  for (const [name, s] of Object.entries(snippets)) {
    assert.ok(s.prefix.length >= 2, `${name}: pinyin and English prefixes`);
    for (const p of s.prefix) {
      assert.ok(!prefixes.has(p), `prefix ${p} used once`);
      prefixes.add(p);
    }
    assert.match(s.description, /[\u4e00-\u9fff]/, `${name}: a Chinese description`);
  }
  // Expands placeholders to their defaults.
  const expand = (body: string[]) => {
    let t = body.join("\n").replace(/\$\{CURRENT_YEAR\}/g, "2021");
    for (let prev = ""; prev !== t; ) {
      prev = t;
      t = t.replace(/\$\{\d+:([^${}]*)\}/g, "$1");
    }
    return t.replace(/\$\d+/g, "").split("\n");
  };
  const task = tokenizeLines(expand(snippets["任务"].body));
  has(task[0].tokens[0].scopes, TASK_NUMBER);
  const roles = task.slice(1).flatMap((l) => l.tokens.flatMap((k) => k.scopes.filter((s) => s.startsWith(LABEL))));
  assert.deepEqual(
    roles,
    ["requirement", "lead", "responsible", "deadline"].map((r) => `${LABEL}.${r}.tasktable`),
  );
  has(task[4].tokens[task[4].tokens.length - 1].scopes, DATE, "the deadline's default is a date");
  const doc = tokenizeLines(expand(snippets["任务分解表"].body));
  has(doc[0].tokens[doc[0].tokens.length - 1].scopes, TITLE);
  has(doc[1].tokens[0].scopes, "keyword.other.columns.tasktable");
  has(doc[3].tokens[0].scopes, SECTION_NUMBER);
});
