// A soak: a client process sends 10,000 random edits, completions, symbol and hover
// requests (some cancelled) to the bundled server over stdio. At the end the server's
// diagnostics equal a fresh check of the final text, and its memory has not grown
// without bound.

import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, CancellationTokenSource } from "vscode-jsonrpc/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { analyze, defaultSettings, LineIndex } from "../server/src/core/index.js";
import { ROOT } from "./helpers.js";

const OPS = 10_000;

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = ["\n", "\n   牵头：区财政局", "、区发改局", "\n2. 新任务", "\n（三）小节", "\n三、部分", "同上", "（", "）", "《条例》", "〔2021〕20号", "202110月", "公开公开", "   ", "\r\n", "𠀀", "要求：", "，", "fgj", "\n// 注释", "\n> 引用"];

test(`soak: ${OPS} random operations, then diagnostics equal a fresh check`, { timeout: 180_000 }, async () => {
  const child = spawn(process.execPath, [join(ROOT, "dist", "server.js"), "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  conn.onRequest(() => null);
  conn.listen();
  const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))![1]) / 1024;
  try {
    await conn.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: { textDocument: { diagnostic: {} } } });
    await conn.sendNotification("initialized", {});
    const uri = "file:///soak/table.tasktable";
    let doc = TextDocument.create(uri, "tasktable", 1, readFileSync(join(ROOT, "examples", "siming-district-2021.tasktable"), "utf8"));
    await conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "tasktable", version: 1, text: doc.getText() } });
    const rand = rng(20261124);
    const pos = () => doc.positionAt(Math.floor(rand() * (doc.getText().length + 1)));
    let early = 0;
    let compared = 0;
    let unchanged = 0;
    type Item = { code: string; range: { start: { line: number; character: number } } };
    type Report = { kind: "full" | "unchanged"; resultId?: string; items?: Item[] };
    let held: { resultId: string; items: Item[] } | undefined;
    const keys = (items: { code: string; range: { start: { line: number; character: number } } }[]) => items.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`);
    const freshKeys = (text: string) => {
      const lines = new LineIndex(text);
      return analyze(text, defaultSettings()).findings.map((f) => `${f.code}@${lines.positionAt(f.range.start).line}:${lines.positionAt(f.range.start).character}`);
    };
    let cancelled = 0;
    for (let i = 0; i < OPS; i++) {
      const r = rand();
      if (r < 0.6) {
        // An edit: insert a piece, or delete a short run, at a random place; one time in five
        // two or three of them in one notification, as an editor sends a multi-cursor edit.
        const changes: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[] = [];
        const n = rand() < 0.2 ? 2 + Math.floor(rand() * 2) : 1;
        const version = doc.version + 1;
        for (let c = 0; c < n; c++) {
          const a = pos();
          const del = rand() < 0.4;
          const start = doc.offsetAt(a);
          const end = del ? Math.min(doc.getText().length, start + 1 + Math.floor(rand() * 8)) : start;
          const range = { start: a, end: doc.positionAt(end) };
          const text = del ? "" : PIECES[Math.floor(rand() * PIECES.length)];
          doc = TextDocument.update(doc, [{ range, text }], version);
          changes.push({ range, text });
        }
        await conn.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: changes });
      } else if (r < 0.8) {
        const source = new CancellationTokenSource();
        const p = conn.sendRequest("textDocument/completion", { textDocument: { uri }, position: pos() }, source.token);
        if (rand() < 0.2) {
          source.cancel();
          cancelled++;
        }
        // Answered or cancelled, never a crash.
        await p.catch((e: { code?: number }) => assert.equal(e.code, -32800, `only cancellation may fail a request: ${JSON.stringify(e)}`));
      } else if (r < 0.9) {
        await conn.sendRequest("textDocument/documentSymbol", { textDocument: { uri } });
      } else if (r < 0.97) {
        await conn.sendRequest("textDocument/hover", { textDocument: { uri }, position: pos() });
      } else {
        // Every answer along the way, not only the last, equals a fresh check of the text.
        // Half the pulls name the result held, as VS Code does: "unchanged" must then be true.
        const previousResultId = rand() < 0.5 ? held?.resultId : undefined;
        const r = (await conn.sendRequest("textDocument/diagnostic", { textDocument: { uri }, previousResultId })) as Report;
        if (r.kind === "unchanged") {
          assert.ok(held && r.resultId === held.resultId && previousResultId === held.resultId);
          unchanged++;
        } else held = { resultId: r.resultId!, items: r.items! };
        assert.deepEqual(keys(held!.items), freshKeys(doc.getText()), `diagnostics after operation ${i}`);
        compared++;
      }
      if (i === 1000) early = rss();
    }
    const late = rss();
    const final = (await conn.sendRequest("textDocument/diagnostic", { textDocument: { uri } })) as { items: { code: string; range: { start: { line: number; character: number } } }[] };
    const text = doc.getText();
    const fresh = analyze(text, defaultSettings()).findings;
    const lines = new LineIndex(text);
    const want = fresh.map((f) => `${f.code}@${lines.positionAt(f.range.start).line}:${lines.positionAt(f.range.start).character}`);
    const got = final.items.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`);
    assert.deepEqual(got, want, "the server's diagnostics after the soak equal a fresh check of the final text");
    assert.ok(doc.version > OPS / 2, `only ${doc.version} versions`);
    assert.ok(want.length > 10, "the final text still has findings to compare");
    assert.ok(cancelled > 0);
    assert.ok(compared > OPS / 50, `compared along the way only ${compared} times`);
    assert.ok(unchanged > 0, "no pull was answered unchanged");
    assert.ok(late - early < 80, `memory grew from ${early.toFixed(0)} MB to ${late.toFixed(0)} MB`);
  } finally {
    await conn.sendRequest("shutdown").catch(() => undefined);
    await conn.sendNotification("exit").catch(() => undefined);
    conn.dispose();
    if (child.exitCode === null) child.kill();
  }
});
