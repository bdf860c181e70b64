// A tiny test runner for the extension host: named async tests run in order, each with a
// deadline; the results go to the console (which the workbench forwards to the driver) and
// to a JSON file the driver reads.

import { writeFileSync } from "node:fs";

export interface TestCase {
  name: string;
  fn: () => Promise<void>;
  timeoutMs?: number;
}

export interface TestResult {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

export async function runTests(tests: TestCase[], resultsFile: string | undefined): Promise<TestResult[]> {
  const results: TestResult[] = [];
  for (const t of tests) {
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        t.fn(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out after ${t.timeoutMs ?? 60_000} ms`)), t.timeoutMs ?? 60_000);
        }),
      ]);
      results.push({ name: t.name, ok: true, ms: Date.now() - started });
      console.log(`[e2e] ok   ${t.name} (${Date.now() - started} ms)`);
    } catch (e) {
      const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
      results.push({ name: t.name, ok: false, ms: Date.now() - started, error });
      console.log(`[e2e] FAIL ${t.name}: ${error}`);
    } finally {
      clearTimeout(timer);
    }
    if (resultsFile) writeFileSync(resultsFile, JSON.stringify(results, null, 2));
  }
  return results;
}

/** Polls `probe` until it returns something other than undefined, or throws with `what` at the deadline. */
export async function waitFor<T>(what: string | (() => string), probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      const msg = typeof what === "function" ? what() : what;
      throw new Error(`waited ${timeoutMs} ms for ${msg}${last ? ` (last error: ${(last as Error).message})` : ""}`);
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

export function assertEqual<T>(actual: T, expected: T, message: string): void {
  const a = JSON.stringify(actual, null, 1);
  const b = JSON.stringify(expected, null, 1);
  if (a !== b) throw new Error(`${message}\n  expected: ${b}\n  actual:   ${a}`);
}
