// The bundled language server as a child process spoken to over stdio, for the suites that
// drive it as an editor would; and waiting on what it does without sleeping on a guess.

import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node";
import { ROOT } from "./helpers.js";

/** Polls until the condition holds, or fails after a deadline. */
export async function until<T>(what: string, get: () => T | undefined | false | Promise<T | undefined | false>, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (v) return v;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export interface ServerProcess {
  child: ChildProcess;
  /** Not yet listening: handlers are registered first, then `listen()`. */
  conn: MessageConnection;
  /** Shutdown and exit, as an editor closes it; killed if it does not go. */
  stop(): Promise<void>;
}

export function spawnServer(options: { cwd?: string } = {}): ServerProcess {
  const child = spawn(process.execPath, [join(ROOT, "dist", "server.js"), "--stdio"], { cwd: options.cwd, stdio: ["pipe", "pipe", "inherit"] });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  return {
    child,
    conn,
    async stop() {
      try {
        await conn.sendRequest("shutdown");
        await conn.sendNotification("exit");
        await until("the server to exit", () => child.exitCode !== null);
      } finally {
        conn.dispose();
        if (child.exitCode === null) child.kill();
      }
    },
  };
}
