// The bundled server as a child process, spoken to over stdio as an editor would:
// initialize, open, edit, diagnostics, completion (pinyin), symbols, hover, references,
// rename, code actions, formatting, config changes, shutdown.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { MessageConnection } from "vscode-jsonrpc/node";
import { spawnServer, until, type ServerProcess } from "./lsp-server.js";

let server: ServerProcess;
let conn: MessageConnection;
let dir: string;
const published = new Map<string, string[]>();


const uri = (name: string) => pathToFileURL(join(dir, name)).toString();

const TABLE = [
  "# 测试表",
  "列：工作任务 | 工作要求 | 牵头单位 | 责任单位",
  "一、第一部分",
  "（一）小节",
  "1. 主动公开规划。",
  "   牵头：区发改局",
  "   责任：区财政局、文旅局",
  "3. 跳了一个号。",
  "   牵头：",
  "",
].join("\n");

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "tasktable-lsp-"));
  writeFileSync(join(dir, "tasktable.json"), JSON.stringify({ units: [{ name: "区发改局", abbreviations: ["发改局"] }, "区财政局", "区文旅局", "区审批管理局"] }));
  mkdirSync(join(dir, "other"));
  writeFileSync(join(dir, "other", "b.tasktable"), "1. 另一个表的任务\n   牵头：区发改局\n   责任：区发改局\n");
  server = spawnServer();
  conn = server.conn;
  conn.onNotification("textDocument/publishDiagnostics", (p: { uri: string; diagnostics: { code: string }[] }) => {
    published.set(p.uri, p.diagnostics.map((d) => d.code));
  });
  conn.onRequest("workspace/diagnostic/refresh", () => null);
  conn.onRequest("client/registerCapability", () => null);
  conn.listen();
  const init = (await conn.sendRequest("initialize", {
    processId: process.pid,
    rootUri: pathToFileURL(dir).toString(),
    workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: "ws" }],
    capabilities: {
      textDocument: {
        diagnostic: {},
        completion: { completionItem: { insertReplaceSupport: true, snippetSupport: true } },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      },
    },
  })) as { capabilities: Record<string, unknown> };
  assert.ok(init.capabilities.diagnosticProvider, "pull diagnostics offered to a client that has them");
  assert.deepEqual((init.capabilities.completionProvider as { triggerCharacters: string[] }).triggerCharacters.slice(0, 2), ["、", "，"]);
  await conn.sendNotification("initialized", {});
  await conn.sendNotification("textDocument/didOpen", { textDocument: { uri: uri("a.tasktable"), languageId: "tasktable", version: 1, text: TABLE } });
});

after(() => server.stop());

type Diag = { code: string; message: string; range: { start: { line: number; character: number } }; data?: unknown; codeDescription?: { href: string } };
const diagnose = async (name: string) => ((await conn.sendRequest("textDocument/diagnostic", { textDocument: { uri: uri(name) } })) as { items: Diag[] }).items;

test("diagnostics: codes, pages, places", async () => {
  const items = await diagnose("a.tasktable");
  const codes = items.map((d) => `${d.code}@${d.range.start.line}`);
  assert.ok(codes.includes("TT101@7"), codes.join());
  assert.ok(codes.includes("TT201@8"), codes.join());
  const gap = items.find((d) => d.code === "TT101")!;
  assert.match(gap.codeDescription!.href, /docs\/rules\/TT101-number-gap\.md$/);
});

test("an incremental edit is reflected in the next diagnostics", async () => {
  await conn.sendNotification("textDocument/didChange", {
    textDocument: { uri: uri("a.tasktable"), version: 2 },
    contentChanges: [{ range: { start: { line: 7, character: 0 }, end: { line: 7, character: 1 } }, text: "2" }],
  });
  const items = await diagnose("a.tasktable");
  assert.ok(!items.some((d) => d.code === "TT101"), "the gap is gone once 3 became 2");
  assert.ok(items.some((d) => d.code === "TT201"));
});

const completeAt = async (line: number, character: number) =>
  (await conn.sendRequest("textDocument/completion", { textDocument: { uri: uri("a.tasktable") }, position: { line, character } })) as {
    isIncomplete: boolean;
    items: { label: string; filterText: string; textEdit: { insert: { start: { character: number } }; replace: { end: { character: number } } } }[];
  };

test("completion of unit names: by pinyin initials, with a replace range over the word typed", async () => {
  // Type “fgj” after 牵头： on the task with the empty lead.
  await conn.sendNotification("textDocument/didChange", {
    textDocument: { uri: uri("a.tasktable"), version: 3 },
    contentChanges: [{ range: { start: { line: 8, character: 6 }, end: { line: 8, character: 6 } }, text: "fgj" }],
  });
  const r = await completeAt(8, 9);
  assert.equal(r.items[0].label, "区发改局");
  assert.equal(r.items[0].textEdit.insert.start.character, 6, "replaces from the start of what was typed");
  assert.ok(r.items[0].filterText.includes("fgj"));
  // After a separator, Chinese typed through an input method.
  await conn.sendNotification("textDocument/didChange", {
    textDocument: { uri: uri("a.tasktable"), version: 4 },
    contentChanges: [{ range: { start: { line: 8, character: 6 }, end: { line: 8, character: 9 } }, text: "区发改局、区审" }],
  });
  const r2 = await completeAt(8, 13);
  assert.equal(r2.items[0].label, "区审批管理局");
  assert.equal(r2.items[0].textEdit.insert.start.character, 11);
  assert.ok(!r2.items.some((i) => i.label === "区发改局"), "units already in the task are not offered again");
});

test("completion of labels and of the next number", async () => {
  await conn.sendNotification("textDocument/didChange", {
    textDocument: { uri: uri("a.tasktable"), version: 5 },
    contentChanges: [{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, text: "   时\n" }],
  });
  const labels = await completeAt(9, 4);
  assert.ok(labels.items.some((i) => i.label === "时限："));
  await conn.sendNotification("textDocument/didChange", {
    textDocument: { uri: uri("a.tasktable"), version: 6 },
    contentChanges: [{ range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } }, text: "\n" }],
  });
  const numbers = await completeAt(10, 0);
  assert.deepEqual(numbers.items.slice(0, 3).map((i) => i.label), ["3.", "（二）", "二、"]);
});

test("document symbols: section > subsection > task, lead units as detail", async () => {
  const syms = (await conn.sendRequest("textDocument/documentSymbol", { textDocument: { uri: uri("a.tasktable") } })) as {
    name: string;
    detail?: string;
    children?: { name: string; children?: { name: string; detail?: string }[] }[];
  }[];
  assert.equal(syms[0].name, "一、第一部分");
  assert.equal(syms[0].children![0].name, "（一）小节");
  assert.equal(syms[0].children![0].children![0].name, "1. 主动公开规划。");
  assert.equal(syms[0].children![0].children![0].detail, "区发改局");
});

test("hover on a unit shows its names and its load in the table and the workspace", async () => {
  const h = (await conn.sendRequest("textDocument/hover", { textDocument: { uri: uri("a.tasktable") }, position: { line: 6, character: 13 } })) as { contents: { value: string } };
  assert.match(h.contents.value, /区文旅局/);
  assert.match(h.contents.value, /省略前缀/);
});

test("references and rename reach every table in the workspace and the registry", async () => {
  const at = { textDocument: { uri: uri("a.tasktable") }, position: { line: 5, character: 8 } };
  const refs = (await until("the workspace index", async () => {
    const r = (await conn.sendRequest("textDocument/references", { ...at, context: { includeDeclaration: true } })) as { uri: string }[];
    return r.some((x) => x.uri.endsWith("b.tasktable")) && r;
  })) as { uri: string }[];
  assert.ok(refs.some((r) => r.uri.endsWith("tasktable.json")), "the registry entry is the declaration");
  const edit = (await conn.sendRequest("textDocument/rename", { ...at, newName: "区发展改革局" })) as { changes: Record<string, { newText: string }[]> };
  const files = Object.keys(edit.changes).map((u) => u.split("/").pop());
  assert.deepEqual(files.sort(), ["a.tasktable", "b.tasktable", "tasktable.json"]);
  assert.equal(edit.changes[uri("other/b.tasktable")].length, 2);
  assert.equal(edit.changes[uri("tasktable.json")][0].newText, '"区发展改革局"');
});

test("units across the workspace: what each leads and joins, names and registration", async () => {
  const units = (await conn.sendRequest("tasktable/units")) as { unit: string; names: string[]; registered: boolean; leads: { uri: string }[]; joins: unknown[] }[];
  const fgj = units.find((u) => u.unit === "区发改局")!;
  assert.ok(fgj.registered);
  assert.ok(fgj.leads.some((r) => r.uri.endsWith("b.tasktable")), "leads in the unopened table too");
  const unused = units.find((u) => u.unit === "区审批管理局")!;
  assert.equal(unused.leads.length + unused.joins.length, 0, "a registered unit no table names is listed, leading nothing");
});

test("the preview of a table comes from the server's own analysis", async () => {
  const html = (await conn.sendRequest("tasktable/preview", { uri: uri("a.tasktable") })) as string;
  assert.match(html, /<table/);
  assert.match(html, /data-line="0"/);
});

test("code actions: the fixes of a diagnostic, and fix-all", async () => {
  await conn.sendNotification("textDocument/didChange", {
    textDocument: { uri: uri("a.tasktable"), version: 7 },
    contentChanges: [{ text: "1. 任务\n   牵头：区财政局、区财政局\n3. 任务\n   牵头：区财政局\n" }],
  });
  const items = await diagnose("a.tasktable");
  const dup = items.find((d) => d.code === "TT204")!;
  const actions = (await conn.sendRequest("textDocument/codeAction", {
    textDocument: { uri: uri("a.tasktable") },
    range: dup.range,
    context: { diagnostics: [dup] },
  })) as { title: string; kind: string; edit: { changes: Record<string, { newText: string }[]> } }[];
  assert.ok(actions.some((a) => a.kind === "quickfix" && a.title.includes("区财政局")));
  const gap = items.find((d) => d.code === "TT101")!;
  const renumber = (await conn.sendRequest("textDocument/codeAction", { textDocument: { uri: uri("a.tasktable") }, range: gap.range, context: { diagnostics: [gap] } })) as { title: string; edit: { changes: Record<string, { newText: string }[]> } }[];
  assert.equal(renumber[0].edit.changes[uri("a.tasktable")][0].newText, "2");
  const all = (await conn.sendRequest("textDocument/codeAction", {
    textDocument: { uri: uri("a.tasktable") },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ["source.fixAll"] },
  })) as { kind: string }[];
  assert.deepEqual(all.map((a) => a.kind), ["source.fixAll.tasktable"]);
});

test("formatting returns edits that keep the text", async () => {
  await conn.sendNotification("textDocument/didChange", { textDocument: { uri: uri("a.tasktable"), version: 8 }, contentChanges: [{ text: "1.任务\n牵头:区财政局\n" }] });
  const edits = (await conn.sendRequest("textDocument/formatting", { textDocument: { uri: uri("a.tasktable") }, options: { tabSize: 4, insertSpaces: true } })) as { newText: string }[];
  assert.deepEqual(edits.map((e) => e.newText), ["1. 任务", "   牵头：区财政局"]);
});

test("a broken config is reported on the config and the last good one stays in force", async () => {
  const cfg = uri("tasktable.json");
  await conn.sendNotification("textDocument/didOpen", { textDocument: { uri: cfg, languageId: "json", version: 1, text: '{"units": ["区财政局"], "rules": {"duplicate-unit": "off"}}' } });
  await conn.sendNotification("textDocument/didChange", { textDocument: { uri: uri("a.tasktable"), version: 9 }, contentChanges: [{ text: "1. 任务\n   牵头：区财政局、区财政局\n" }] });
  assert.ok(!(await diagnose("a.tasktable")).some((d) => d.code === "TT204"), "the config applies as it is typed");
  await conn.sendNotification("textDocument/didChange", { textDocument: { uri: cfg, version: 2 }, contentChanges: [{ text: '{"units": ["区财政局"], "rules": {"duplicate-unit": "off"' }] });
  const onConfig = await diagnose("tasktable.json");
  assert.ok(onConfig.length > 0, "the config's own problems are reported on it");
  assert.ok(!(await diagnose("a.tasktable")).some((d) => d.code === "TT204"), "the last good config stays in force");
  await conn.sendNotification("textDocument/didChange", { textDocument: { uri: cfg, version: 3 }, contentChanges: [{ text: '{"units": ["区财政局"], "rules": {"duplicate-unit": "loud"}}' }] });
  assert.ok((await diagnose("a.tasktable")).some((d) => d.code === "TT204"), "a bad value falls back to its default");
});

test("a client without pull diagnostics gets them pushed after each change", async () => {
  const second = spawnServer();
  const conn2 = second.conn;
  try {
    const got = new Map<number, string[]>();
    conn2.onNotification("textDocument/publishDiagnostics", (p: { version?: number; diagnostics: { code: string }[] }) => {
      got.set(p.version ?? -1, p.diagnostics.map((d) => d.code));
    });
    conn2.listen();
    const init = (await conn2.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: {} })) as { capabilities: Record<string, unknown> };
    assert.equal(init.capabilities.diagnosticProvider, undefined);
    await conn2.sendNotification("initialized", {});
    const u = uri("push.tasktable");
    await conn2.sendNotification("textDocument/didOpen", { textDocument: { uri: u, languageId: "tasktable", version: 1, text: "1. 任务\n   牵头：区财政局\n3. 任务\n   牵头：区财政局\n" } });
    assert.deepEqual(await until("diagnostics for version 1", () => got.get(1)), ["TT101"]);
    await conn2.sendNotification("textDocument/didChange", { textDocument: { uri: u, version: 2 }, contentChanges: [{ text: "1. 任务\n   牵头：区财政局\n2. 任务\n   牵头：区财政局\n" }] });
    assert.deepEqual(await until("diagnostics for version 2", () => got.get(2)), []);
  } finally {
    await second.stop();
  }
});

test("check workspace: every table, open or not, into the Problems panel", async () => {
  const r = (await conn.sendRequest("tasktable/checkWorkspace")) as { files: number; errors: number; warnings: number };
  assert.ok(r.files >= 2, `files: ${r.files}`);
  const other = await until("diagnostics of the unopened table", () => published.get(uri("other/b.tasktable")));
  assert.ok(other.includes("TT203"), other.join());
});

test("a table deleted while open: the buffer is still served, and nothing breaks", async () => {
  const u = uri("gone.tasktable");
  writeFileSync(join(dir, "gone.tasktable"), "1. 任务\n   牵头：区财政局\n3. 任务\n   牵头：区财政局\n");
  await conn.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: u, type: 1 }] });
  await conn.sendNotification("textDocument/didOpen", { textDocument: { uri: u, languageId: "tasktable", version: 1, text: "1. 任务\n   牵头：区财政局\n3. 任务\n   牵头：区财政局\n" } });
  rmSync(join(dir, "gone.tasktable"));
  await conn.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: u, type: 3 }] });
  assert.ok((await diagnose("gone.tasktable")).some((d) => d.code === "TT101"), "the open buffer is still checked");
  await conn.sendNotification("textDocument/didClose", { textDocument: { uri: u } });
  const syms = await conn.sendRequest("workspace/symbol", { query: "任务" });
  assert.ok(Array.isArray(syms));
});

test("result ids: unchanged diagnostics are not sent again, and their quick fixes still apply", async () => {
  type Report = { kind: string; resultId?: string; items?: Diag[] };
  const pull = (previousResultId?: string) => conn.sendRequest("textDocument/diagnostic", { textDocument: { uri: uri("a.tasktable") }, previousResultId }) as Promise<Report>;
  const edit = (version: number, line: number, character: number, text: string, remove = 0) =>
    conn.sendNotification("textDocument/didChange", {
      textDocument: { uri: uri("a.tasktable"), version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character: character + remove } }, text }],
    });
  await conn.sendNotification("textDocument/didChange", { textDocument: { uri: uri("a.tasktable"), version: 20 }, contentChanges: [{ text: "1. 任务\n   牵头：区财政局、区财政局\n3. 任务\n   牵头：区财政局\n" }] });
  const first = await pull();
  assert.equal(first.kind, "full");
  assert.ok(first.resultId);
  const dup = first.items!.find((d) => d.code === "TT204")!;
  // A word typed into the first title moves nothing that is reported.
  await edit(21, 0, 5, "主要");
  const second = await pull(first.resultId);
  assert.deepEqual(second, { kind: "unchanged", resultId: first.resultId });
  // Without the id the client holds, the list comes whole.
  assert.equal((await pull()).kind, "full");
  // The quick fix of the diagnostic from version 20 is found again in version 21.
  const actions = (await conn.sendRequest("textDocument/codeAction", { textDocument: { uri: uri("a.tasktable") }, range: dup.range, context: { diagnostics: [dup] } })) as { kind: string; title: string }[];
  assert.ok(actions.some((a) => a.kind === "quickfix" && a.title.includes("区财政局")), JSON.stringify(actions));
  // A space typed before a reported unit moves it: the full list again, at its new place.
  const before = await pull();
  await edit(22, 1, 0, " ");
  const moved = await pull(before.resultId);
  assert.equal(moved.kind, "full");
  assert.notEqual(moved.resultId, before.resultId);
  const dup2 = moved.items!.find((d) => d.code === "TT204")!;
  assert.equal(dup2.range.start.character, dup.range.start.character + 1);
  // A diagnostic whose place no longer holds that finding gets no fix.
  const stale = (await conn.sendRequest("textDocument/codeAction", { textDocument: { uri: uri("a.tasktable") }, range: dup.range, context: { diagnostics: [dup], only: ["quickfix"] } })) as unknown[];
  assert.deepEqual(stale, []);
  const fresh = (await conn.sendRequest("textDocument/codeAction", { textDocument: { uri: uri("a.tasktable") }, range: dup2.range, context: { diagnostics: [dup2], only: ["quickfix"] } })) as unknown[];
  assert.ok(fresh.length > 0, "the moved diagnostic has its fix");
});

test("completion gives the same answer whether or not the whole of the version was analysed first", async () => {
  const u = uri("numbers.tasktable");
  const text = "一、甲\n1. 任务一\n   牵头：区财政局\n2. 任务二\n   牵头：区财政局\n二、乙\n\n三、丙\n1. 任务三\n   牵头：区财政局\n2. 任务四\n   牵头：区财政局、区\n";
  await conn.sendNotification("textDocument/didOpen", { textDocument: { uri: u, languageId: "tasktable", version: 1, text } });
  const labels = async (line: number, character: number) =>
    ((await conn.sendRequest("textDocument/completion", { textDocument: { uri: u }, position: { line, character } })) as { items: { label: string }[] }).items.map((i) => i.label);
  // Before anything else asked about version 1: the next number under 二、乙 (numbers restart
  // in each section here, which only the whole table shows), and a unit after 、.
  const numberFirst = await labels(6, 0);
  const unitFirst = await labels(11, 14);
  await conn.sendRequest("textDocument/diagnostic", { textDocument: { uri: u } });
  assert.deepEqual(await labels(6, 0), numberFirst);
  assert.deepEqual(await labels(11, 14), unitFirst);
  assert.ok(numberFirst.includes("1.") && !numberFirst.includes("3."), numberFirst.join(" "));
  assert.ok(unitFirst.length > 0);
  await conn.sendNotification("textDocument/didClose", { textDocument: { uri: u } });
});

test("tables under two configs complete from their own registries, however the two alternate", async () => {
  // Two team folders with a config each: the nearest tasktable.json governs.
  for (const [team, unit] of [["team1", "区甲审批局"], ["team2", "市乙审批局"]]) {
    mkdirSync(join(dir, team), { recursive: true });
    writeFileSync(join(dir, team, "tasktable.json"), JSON.stringify({ units: [unit] }));
  }
  const here = uri("team1/d.tasktable");
  const there = uri("team2/c.tasktable");
  for (const u of [here, there]) await conn.sendNotification("textDocument/didOpen", { textDocument: { uri: u, languageId: "tasktable", version: 1, text: "1. 任务\n   牵头：审批\n" } });
  const names = async (u: string) =>
    ((await conn.sendRequest("textDocument/completion", { textDocument: { uri: u }, position: { line: 1, character: 8 } })) as { items: { label: string }[] }).items.map((i) => i.label);
  for (let round = 0; round < 2; round++) {
    const there1 = await names(there);
    assert.ok(there1.includes("市乙审批局") && !there1.includes("区甲审批局"), there1.join(" "));
    const here1 = await names(here);
    assert.ok(here1.includes("区甲审批局") && !here1.includes("市乙审批局"), here1.join(" "));
  }
  for (const u of [here, there]) await conn.sendNotification("textDocument/didClose", { textDocument: { uri: u } });
});
