// The bundled server over stdio, in a workspace of two offices that share one config through
// overrides: what spans the workspace (rename, references, completion counts) stays within
// one office's tables; the unit index follows open buffers; untitled tables, unit files and
// configs closed without saving behave as an editor's user expects.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { MessageConnection } from "vscode-jsonrpc/node";
import { spawnServer, until, type ServerProcess } from "./lsp-server.js";

let server: ServerProcess;
let conn: MessageConnection;
let dir: string;
const published = new Map<string, string[]>();
let tokenRefreshes = 0;
const uri = (name: string) => pathToFileURL(join(dir, name)).toString();

const CONFIG = JSON.stringify({
  // Read by every table the west override does not replace it for: north and east.
  units: ["共享办"],
  overrides: [
    { files: ["east-*.tasktable"], unitFiles: ["units/east.json"] },
    { files: ["west-*.tasktable"], units: ["办公室", "西区财政局"] },
  ],
});

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "tasktable-lsp-ws-"));
  mkdirSync(join(dir, "units"));
  writeFileSync(join(dir, "tasktable.json"), CONFIG);
  writeFileSync(join(dir, "units", "east.json"), JSON.stringify(["办公室", "东区财政局", "东区审批局"]));
  writeFileSync(join(dir, "east-1.tasktable"), "1. 任务\n   牵头：办公室\n   责任：东区财政局\n");
  writeFileSync(join(dir, "north-1.tasktable"), "1. 任务\n   牵头：共享办\n");
  writeFileSync(join(dir, "east-5.tasktable"), "1. 任务\n   牵头：共享办\n");
  writeFileSync(join(dir, "west-1.tasktable"), "1. 任务\n   牵头：办公室\n2. 任务\n   牵头：西区财政局、西区专有办\n3. 任务\n   牵头：西区专有办\n");
  server = spawnServer();
  conn = server.conn;
  conn.onNotification("textDocument/publishDiagnostics", (p: { uri: string; diagnostics: { message: string }[] }) => {
    published.set(p.uri, p.diagnostics.map((d) => d.message));
  });
  conn.onRequest("workspace/diagnostic/refresh", () => null);
  conn.onRequest("workspace/semanticTokens/refresh", () => {
    tokenRefreshes++;
    return null;
  });
  conn.listen();
  await conn.sendRequest("initialize", {
    processId: process.pid,
    rootUri: pathToFileURL(dir).toString(),
    workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: "ws" }],
    capabilities: { textDocument: { diagnostic: {}, codeAction: { resolveSupport: { properties: ["edit"] } } }, workspace: { semanticTokens: { refreshSupport: true } } },
  });
  await conn.sendNotification("initialized", {});
});

after(() => server.stop());

let version = 1;
const open = (name: string, text: string, languageId = "tasktable") =>
  conn.sendNotification("textDocument/didOpen", { textDocument: { uri: name.includes(":") ? name : uri(name), languageId, version: 1, text } });
const edit = (name: string, line: number, from: number, to: number, text: string) =>
  conn.sendNotification("textDocument/didChange", { textDocument: { uri: uri(name), version: ++version }, contentChanges: [{ range: { start: { line, character: from }, end: { line, character: to } }, text }] });
const names = async (u: string, line: number, character: number) =>
  (((await conn.sendRequest("textDocument/completion", { textDocument: { uri: u }, position: { line, character } })) as { items: { label: string }[] } | null)?.items ?? []).map((i) => i.label);

test("rename and references stay within the tables and the registry of one office", async () => {
  await open("east-1.tasktable", "1. 任务\n   牵头：办公室\n   责任：东区财政局\n");
  const at = { textDocument: { uri: uri("east-1.tasktable") }, position: { line: 1, character: 7 } };
  // The west table is read in the background: wait until it is, then check it is left out.
  await until("the workspace index", async () => ((await conn.sendRequest("workspace/symbol", { query: "" })) as { location: { uri: string } }[]).some((s) => s.location.uri.endsWith("west-1.tasktable")));
  const refs = (await conn.sendRequest("textDocument/references", { ...at, context: { includeDeclaration: true } })) as { uri: string }[];
  assert.deepEqual([...new Set(refs.map((r) => r.uri))].sort(), [uri("east-1.tasktable"), uri("units/east.json")].sort());
  const e = (await conn.sendRequest("textDocument/rename", { ...at, newName: "综合办公室" })) as { changes: Record<string, { newText: string }[]> };
  assert.deepEqual(Object.keys(e.changes).sort(), [uri("east-1.tasktable"), uri("units/east.json")].sort(), "not the west table, nor the west list in the config");
});

/** An empty lead field in a table of the east office: every unit it may name is offered. */
const EAST_EMPTY = "east-4.tasktable";
test("completion counts the units of tables under the same registry only", async () => {
  await open(EAST_EMPTY, "1. 任务\n   牵头：\n");
  const got = await names(uri(EAST_EMPTY), 1, 6);
  assert.ok(got.includes("东区审批局"), got.join(" "));
  assert.ok(!got.includes("西区专有办") && !got.includes("西区财政局"), got.join(" "));
  await open("west-2.tasktable", "1. 任务\n   牵头：\n");
  const west = await names(uri("west-2.tasktable"), 1, 6);
  assert.ok(west.includes("西区专有办") && !west.includes("东区审批局"), west.join(" "));
});

test("a unit typed in an open table is offered elsewhere once the typing stops; pinyin left in the text is not a unit", async () => {
  await open("east-2.tasktable", "1. 任务一\n   牵头：\n2. 任务二\n   牵头：\n");
  // Pinyin as an input method shows it, a pause while a candidate is chosen, then the name.
  await edit("east-2.tasktable", 1, 6, 6, "xsj");
  await new Promise((r) => setTimeout(r, 500));
  await edit("east-2.tasktable", 1, 6, 9, "东区新设局");
  const got = await until("the new unit to be offered", async () => {
    const n = await names(uri("east-2.tasktable"), 3, 6);
    return n.includes("东区新设局") && n;
  });
  assert.ok(!got.includes("xsj"), got.join(" "));
});

test("a table never saved counts while it is open, and no longer once closed", async () => {
  await open("east-draft.tasktable", "1. 任务\n   牵头：东区幽灵局\n");
  await until("the draft's unit to be offered", async () => (await names(uri(EAST_EMPTY), 1, 6)).includes("东区幽灵局"));
  await conn.sendNotification("textDocument/didClose", { textDocument: { uri: uri("east-draft.tasktable") } });
  await until("the draft's unit to go", async () => !(await names(uri(EAST_EMPTY), 1, 6)).includes("东区幽灵局"));
});

test("an untitled task table gets diagnostics, outline and completion", async () => {
  const u = "untitled:Untitled-1";
  await open(u, "1. 任务\n   牵头：\n3. 任务\n   牵头：共享办\n");
  const d = (await conn.sendRequest("textDocument/diagnostic", { textDocument: { uri: u } })) as { items: { code: string }[] };
  assert.deepEqual(d.items.map((x) => x.code).sort(), ["TT101", "TT201"]);
  const syms = (await conn.sendRequest("textDocument/documentSymbol", { textDocument: { uri: u } })) as { name: string }[];
  assert.deepEqual(syms.map((s) => s.name), ["1. 任务", "3. 任务"]);
  assert.deepEqual((await names(u, 4, 0)).slice(0, 1), ["4."]);
  await conn.sendNotification("textDocument/didClose", { textDocument: { uri: u } });
});

test("a unit file's problems are published where it is written, and cleared once it is fixed", async () => {
  writeFileSync(join(dir, "units", "east.json"), '["办公室", "东区财政局"');
  await conn.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: uri("units/east.json"), type: 2 }] });
  const problems = await until("the unit file's problems", () => (published.get(uri("units/east.json"))?.length ?? 0) > 0 && published.get(uri("units/east.json")));
  assert.match(problems.join(), /JSON/);
  writeFileSync(join(dir, "units", "east.json"), JSON.stringify(["办公室", "东区财政局", "东区审批局"]));
  await conn.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: uri("units/east.json"), type: 2 }] });
  await until("the problems to be cleared", () => published.get(uri("units/east.json"))?.length === 0);
});

test("a config closed without saving gives way to the one on disk; unit colours are asked for again", async () => {
  const before = tokenRefreshes;
  const cfg = uri("tasktable.json");
  await open("east-3.tasktable", "1. 任务\n   牵头：东区审批局\n");
  const codes = async () => ((await conn.sendRequest("textDocument/diagnostic", { textDocument: { uri: uri("east-3.tasktable") } })) as { items: { code: string }[] }).items.map((x) => x.code);
  assert.deepEqual(await codes(), []);
  await open("tasktable.json", JSON.stringify({ units: ["办公室"] }), "json");
  assert.deepEqual(await codes(), ["TT205"], "the buffer's config applies while it is open");
  await conn.sendNotification("textDocument/didClose", { textDocument: { uri: cfg } });
  assert.deepEqual(await codes(), [], "closed unsaved: the config on disk applies again");
  await until("a semantic tokens refresh", () => tokenRefreshes > before);
});

test("a rename in a list several offices read reaches the tables of each of them", async () => {
  await open("north-1.tasktable", "1. 任务\n   牵头：共享办\n");
  const at = { textDocument: { uri: uri("north-1.tasktable") }, position: { line: 1, character: 7 } };
  await until("the workspace index", async () => ((await conn.sendRequest("workspace/symbol", { query: "" })) as { location: { uri: string } }[]).some((x) => x.location.uri.endsWith("east-5.tasktable")));
  const e = (await conn.sendRequest("textDocument/rename", { ...at, newName: "共享办公室" })) as { changes: Record<string, { newText: string }[]> };
  assert.deepEqual(Object.keys(e.changes).sort(), [uri("east-5.tasktable"), uri("north-1.tasktable"), uri("tasktable.json")].sort());
});

test("an untitled table with no folder open gets the defaults, not a config where the server happens to run", async () => {
  const cwd = mkdtempSync(join(tmpdir(), "tasktable-cwd-"));
  writeFileSync(join(cwd, "tasktable.json"), JSON.stringify({ rules: { "missing-lead": "off" } }));
  const second = spawnServer({ cwd });
  const conn2 = second.conn;
  try {
    conn2.listen();
    await conn2.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: { textDocument: { diagnostic: {} } } });
    await conn2.sendNotification("initialized", {});
    const u = "untitled:Untitled-2";
    await conn2.sendNotification("textDocument/didOpen", { textDocument: { uri: u, languageId: "tasktable", version: 1, text: "1. 任务\n   要求：做好\n" } });
    const d = (await conn2.sendRequest("textDocument/diagnostic", { textDocument: { uri: u } })) as { items: { code: string }[] };
    assert.deepEqual(d.items.map((x) => x.code), ["TT201"]);
  } finally {
    await second.stop();
  }
});

test("fix-all is offered without its edit and resolved when taken, every pass applied", async () => {
  const u = uri("east-fix.tasktable");
  const text = "1．任务\n   牵头：东区财政局\n2、任务\n   牵头：东区财政局\n";
  await open("east-fix.tasktable", text);
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const actions = (await conn.sendRequest("textDocument/codeAction", { textDocument: { uri: u }, range, context: { diagnostics: [], only: ["source.fixAll.tasktable"] } })) as { kind: string; edit?: unknown; data?: unknown }[];
  assert.equal(actions.length, 1);
  assert.equal(actions[0].edit, undefined, "no edit until it is taken");
  const resolved = (await conn.sendRequest("codeAction/resolve", actions[0])) as { edit: { changes: Record<string, { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]> } };
  const [edit] = resolved.edit.changes[u];
  const lines = text.split("\n");
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const fixed = text.slice(0, offset(edit.range.start)) + edit.newText + text.slice(offset(edit.range.end));
  assert.equal(fixed, "1.任务\n   牵头：东区财政局\n2.任务\n   牵头：东区财政局\n");
  assert.equal(await conn.sendRequest("tasktable/fixAll", { uri: u }), fixed);
});
