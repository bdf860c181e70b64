// The server's IPC writer: it sends as vscode-jsonrpc's does and reports failures, holding no
// message once sent.

import { test } from "node:test";
import assert from "node:assert/strict";
import { EventEmitter } from "node:events";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { Message } from "vscode-languageserver/node";
import { IpcWriter } from "../server/src/lsp/ipc.js";

const answer = (id: number, result: unknown): Message => ({ jsonrpc: "2.0", id, result }) as Message;

class FakeChannel extends EventEmitter {
  sent: unknown[] = [];
  callbacks: ((error: Error | null) => void)[] = [];
  send = (message: unknown, _handle?: unknown, _options?: unknown, callback?: (error: Error | null) => void): boolean => {
    this.sent.push(message);
    if (callback) this.callbacks.push(callback);
    return true;
  };
}

test("the IPC writer hands each message to the channel and reports failed writes, counting them", async () => {
  const channel = new FakeChannel();
  const writer = new IpcWriter(channel as unknown as NodeJS.Process);
  const errors: [Error, unknown, number | undefined][] = [];
  writer.onError(([error, message, count]) => errors.push([error, message, count]));
  const message = answer(1, { items: [1, 2, 3] });
  await writer.write(message);
  await writer.write(answer(2, null));
  assert.deepEqual(channel.sent, [message, answer(2, null)]);
  assert.equal(channel.callbacks.length, 2);
  channel.callbacks[0](new Error("pipe closed"));
  channel.callbacks[1](new Error("pipe closed again"));
  assert.deepEqual(errors.map(([e, m, n]) => [e.message, m, n]), [["pipe closed", undefined, 1], ["pipe closed again", undefined, 2]]);
  // A write that succeeds starts the count again.
  await writer.write(answer(3, null));
  channel.callbacks[2](null);
  await writer.write(answer(4, null));
  channel.callbacks[3](new Error("later"));
  assert.deepEqual(errors[2].slice(2), [1]);
});

test("the IPC writer reports a channel that throws, with the message, and passes on the channel's close", async () => {
  const channel = new FakeChannel();
  channel.send = () => {
    throw new Error("channel closed");
  };
  const writer = new IpcWriter(channel as unknown as NodeJS.Process);
  const errors: unknown[] = [];
  let closed = 0;
  writer.onError(([error, message]) => errors.push([(error as Error).message, message]));
  writer.onClose(() => closed++);
  const message = { jsonrpc: "2.0", method: "window/logMessage", params: {} } as Message;
  await assert.rejects(writer.write(message), /channel closed/);
  assert.deepEqual(errors, [["channel closed", message]]);
  channel.emit("close");
  assert.equal(closed, 1);
});

test("the IPC writer keeps no message while the channel's write is pending", async () => {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  const channel = new FakeChannel();
  // The channel forgets what it was given; only the pending write's callback stays.
  channel.send = (_message, _handle, _options, callback) => {
    if (callback) channel.callbacks.push(callback);
    return true;
  };
  const writer = new IpcWriter(channel as unknown as NodeJS.Process);
  const sent = await (async () => {
    const message = answer(1, { items: Array.from({ length: 1000 }, (_, i) => ({ label: `区单位${i}` })) });
    await writer.write(message);
    return new WeakRef(message);
  })();
  for (let i = 0; i < 3 && sent.deref(); i++) {
    await new Promise((r) => setImmediate(r));
    gc();
  }
  assert.equal(channel.callbacks.length, 1, "the write is still pending");
  assert.equal(sent.deref(), undefined, "the message was collected while its write was pending");
  channel.callbacks[0](null);
});
