// The server never outlives the editor that started it, however the editor goes: VS Code
// forks it over IPC and names itself with --clientProcessId; other editors speak over
// stdio. A server left behind would hold memory and file handles until the next reboot.

import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import { ROOT } from "./helpers.js";

const SERVER = join(ROOT, "dist", "server.js");
const TABLE = "1. 主动公开规划。\n   牵头：\n";

// A stand-in for the extension host: it forks the server with the arguments
// vscode-languageclient gives it, initializes it, opens a table, then prints the server's
// pid. The server inherits its stdout, so that pipe closes only when both have exited.
const EDITOR = `
const { fork } = require("node:child_process");
const server = fork(process.argv[1], ["--node-ipc", "--clientProcessId=" + process.pid], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
server.on("message", (m) => {
  if (m.id !== 1) return;
  server.send({ jsonrpc: "2.0", method: "initialized", params: {} });
  server.send({ jsonrpc: "2.0", method: "textDocument/didOpen", params: { textDocument: { uri: "untitled:a.tasktable", languageId: "tasktable", version: 1, text: ${JSON.stringify(TABLE)} } } });
  console.log(server.pid);
});
server.send({ jsonrpc: "2.0", id: 1, method: "initialize", params: { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {} } });
`;

/** Resolves when `ready` does, or fails with `what` after `ms`. */
async function within<T>(what: string, ms: number, ready: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took more than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([ready, late]);
  } finally {
    clearTimeout(timer);
  }
}

test("the editor killed: the server it forked over IPC exits within seconds", async () => {
  const editor = spawn(process.execPath, ["-e", EDITOR, SERVER], { stdio: ["ignore", "pipe", "inherit"] });
  let open = true;
  const closed = once(editor.stdout, "close").then(() => (open = false));
  let out = "";
  const printed = new Promise<void>((resolve) => editor.stdout.setEncoding("utf8").on("data", (d: string) => (out += d).includes("\n") && resolve()));
  let pid = 0;
  try {
    await within("the server's initialization", 10_000, printed);
    assert.match(out, /^\d+\n/, `the stand-in editor printed ${JSON.stringify(out)}, not the server's pid`);
    pid = Number.parseInt(out, 10);
    editor.kill("SIGKILL");
    // The server checks its editor every 3 seconds; the pipe closes when it has exited.
    await within(`the server (pid ${pid}) to exit after its editor was killed`, 10_000, closed);
  } finally {
    // A server that outlived the test would hold the pipe, and so the test run, open. While
    // the pipe is open the pid is still the server's, so killing it hits nothing else.
    editor.kill("SIGKILL");
    if (pid && open) killQuietly(pid);
  }
});

function killQuietly(pid: number) {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // It exited just now; the test has already failed with the reason.
  }
}

test("the editor gone without a shutdown: the server over stdio exits when its input closes", async () => {
  const server = spawn(process.execPath, [SERVER, "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  const exited = once(server, "exit");
  const conn = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  conn.listen();
  try {
    await conn.sendRequest("initialize", { processId: null, rootUri: null, workspaceFolders: null, capabilities: {} });
    await conn.sendNotification("initialized", {});
    await conn.sendNotification("textDocument/didOpen", { textDocument: { uri: "untitled:a.tasktable", languageId: "tasktable", version: 1, text: TABLE } });
    server.stdin.end();
    const [code] = await within("the server to exit after its input closed", 10_000, exited);
    // Exiting without a shutdown request is an error exit, as LSP asks.
    assert.equal(code, 1);
  } finally {
    conn.dispose();
    if (server.exitCode === null) server.kill();
  }
});
