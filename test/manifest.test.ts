// The extension's manifest holds together: what it names exists, every title and message
// has both languages, the problem matchers read the CLI's own output.

import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT, run } from "./helpers.js";

const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const nls = JSON.parse(readFileSync(join(ROOT, "package.nls.json"), "utf8"));
const nlsZh = JSON.parse(readFileSync(join(ROOT, "package.nls.zh-cn.json"), "utf8"));
const l10nZh = JSON.parse(readFileSync(join(ROOT, "l10n", "bundle.l10n.zh-cn.json"), "utf8"));

test("every file the manifest names exists", () => {
  const c = pkg.contributes;
  const paths = [
    ...c.languages.map((l: { configuration: string }) => l.configuration),
    ...c.grammars.map((g: { path: string }) => g.path),
    ...c.snippets.map((s: { path: string }) => s.path),
    ...c.jsonValidation.map((j: { url: string }) => j.url),
  ];
  for (const p of paths) assert.ok(existsSync(join(ROOT, p)), p);
  assert.match(pkg.engines.vscode, /^\^1\.(\d+)\./);
  assert.ok(Number(/^\^1\.(\d+)\./.exec(pkg.engines.vscode)![1]) <= 100, "the VS Code that runs here (1.100) can load it");
});

test("every %key% in the manifest has an English and a Chinese text", () => {
  const keys = [...JSON.stringify(pkg.contributes).matchAll(/%([\w.]+)%/g)].map((m) => m[1]);
  keys.push("displayName", "description");
  for (const k of keys) {
    assert.ok(nls[k], `package.nls.json lacks ${k}`);
    assert.ok(nlsZh[k], `package.nls.zh-cn.json lacks ${k}`);
  }
});

test("every message the client shows has a Chinese text", () => {
  const dir = join(ROOT, "client", "src");
  for (const f of readdirSync(dir).filter((x) => x.endsWith(".ts"))) {
    const src = readFileSync(join(dir, f), "utf8");
    for (const m of src.matchAll(/l10n\.t\(\s*"((?:[^"\\]|\\.)*)"/g)) assert.ok(l10nZh[JSON.parse(`"${m[1]}"`)], `${f}: no Chinese for “${m[1]}”`);
  }
});

test("the problem matchers read the CLI's text output, in both languages", async () => {
  const matchers = pkg.contributes.problemMatchers as { severity: string; pattern: { regexp: string } }[];
  for (const locale of ["zh-CN", "en"]) {
    const r = await run(["check", "examples/", "--no-color", "--locale", locale]);
    const lines = r.out.split("\n").filter((l) => /:\d+:\d+: /.test(l));
    assert.ok(lines.length > 20);
    for (const l of lines) {
      const hits = matchers.filter((m) => new RegExp(m.pattern.regexp).test(l));
      assert.equal(hits.length, 1, `exactly one matcher for: ${l}`);
      const word = /: (\S+) TT/.exec(l)![1];
      const expected = /错误|error/.test(word) ? "error" : /警告|warning/.test(word) ? "warning" : "info";
      assert.equal(hits[0].severity, expected, l);
    }
  }
});

test("every command the client registers is in the manifest, and the other way round", () => {
  const declared = new Set<string>(pkg.contributes.commands.map((c: { command: string }) => c.command));
  const dir = join(ROOT, "client", "src");
  const registered = new Set<string>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith(".ts"))) {
    for (const m of readFileSync(join(dir, f), "utf8").matchAll(/registerCommand\(\s*(?:"([\w.]+)"|(\w+))/g)) registered.add(m[1] ?? m[2]);
  }
  // Constants such as OPEN_PREVIEW_COMMAND name their command in the same file.
  for (const name of [...registered]) {
    if (name.includes(".")) continue;
    registered.delete(name);
    for (const f of readdirSync(dir)) {
      const m = new RegExp(`${name}\\s*=\\s*"([\\w.]+)"`).exec(readFileSync(join(dir, f), "utf8"));
      if (m) registered.add(m[1]);
    }
  }
  for (const c of declared) assert.ok(registered.has(c), `declared but not registered: ${c}`);
  for (const c of registered) assert.ok(declared.has(c), `registered but not declared: ${c}`);
});

test("the engine flags the client starts the server with are ones Node accepts", async () => {
  const { SERVER_NODE_FLAGS } = await import("../server/src/lsp/launch.js");
  const { spawnSync } = await import("node:child_process");
  const r = spawnSync(process.execPath, [...SERVER_NODE_FLAGS, "-e", "0"], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const bad = spawnSync(process.execPath, ["--max-semi-space-sise=8", "-e", "0"], { encoding: "utf8" });
  assert.notEqual(bad.status, 0, "a misspelt flag is refused, so the check above means something");
});

test("the server's environment limits the C library's arenas unless the user has set them", async () => {
  const { serverEnvironment } = await import("../server/src/lsp/launch.js");
  assert.deepEqual(serverEnvironment({ PATH: "/bin" }), { MALLOC_ARENA_MAX: "2" });
  assert.deepEqual(serverEnvironment({ MALLOC_ARENA_MAX: "8" }), { MALLOC_ARENA_MAX: "8" });
  // The client hands it to the server with its options, beside the engine flags, when it
  // runs it and when it debugs it.
  const client = readFileSync(join(ROOT, "client", "src", "extension.ts"), "utf8");
  const options = client.match(/execArgv: \[\.\.\.SERVER_NODE_FLAGS[^\]\n]*\], env \}/g) ?? [];
  assert.equal(options.length, 2, "the run and debug options each pass the environment");
});

test("the bundles are ASCII, so the engine keeps the source of each at one byte a character", () => {
  for (const f of ["server.js", "cli.js", "client.js", "transfer.js"]) {
    const code = readFileSync(join(ROOT, "dist", f), "utf8");
    const at = code.search(/[^\x00-\x7f]/);
    assert.equal(at, -1, `dist/${f}: “${code.slice(Math.max(0, at - 30), at + 10)}”`);
  }
  // The server still reads a Chinese list marker written in one of its regular expressions.
  assert.match(readFileSync(join(ROOT, "dist", "server.js"), "utf8"), /\\u3001/);
});
