// End-to-end tests in a real VS Code workbench: code-server (VS Code 1.100.3's workbench and
// server, installed once into .vscode-test/code-server/) driven by Debian's Chromium through
// playwright-core. Runs the extension-host suite (test/e2e/suite/) and the UI suite
// (test/e2e/ui/), stops everything it started and exits non-zero on any failure.
//
//   npm run test:e2e            (E2E_KEEP=1 keeps .vscode-test/e2e/ for a look afterwards)
import { spawn, spawnSync, execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { chromium } from "playwright-core";

const CODE_SERVER_VERSION = "4.100.3";
const RIPGREP_PKG_VERSION = "1.15.11"; // @vscode/ripgrep as code-server 4.100.3 pins it
const RIPGREP_ASSET = "ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz";
const ROOT = resolve(import.meta.dirname, "..");
const CACHE = join(ROOT, ".vscode-test");
const CS_DIR = join(CACHE, "code-server");
const CS_BIN = join(CS_DIR, "node_modules", "code-server", "out", "node", "entry.js");
const RUN = join(CACHE, "e2e");
const SHOTS = join(ROOT, "test", "e2e", "screenshots");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const t0 = Date.now();
const secs = (since = t0) => ((Date.now() - since) / 1000).toFixed(1) + " s";
const log = (s) => console.log(`[e2e ${secs()}] ${s}`);

/** Polls `probe` until it returns something other than undefined; throws at the deadline. */
async function waitFor(what, probe, timeoutMs, everyMs = 100) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await Promise.resolve().then(probe).catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: "inherit", ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited with ${r.status ?? r.signal}`);
}

// ---- 1. code-server, once -------------------------------------------------------------
function installCodeServer() {
  const marker = join(CS_DIR, `.installed-${CODE_SERVER_VERSION}`);
  if (existsSync(marker) && existsSync(CS_BIN)) return;
  const started = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} into ${CS_DIR} (once)`);
  const rg = spawnSync("sh", ["-c", "command -v rg"], { encoding: "utf8" }).stdout.trim();
  if (!rg) throw new Error("ripgrep is missing: apt-get install -y ripgrep");
  if (!existsSync("/usr/include/gssapi/gssapi.h") && !existsSync("/usr/include/krb5.h"))
    throw new Error("Kerberos headers are missing (code-server builds the kerberos module): apt-get install -y libkrb5-dev");
  rmSync(CS_DIR, { recursive: true, force: true });
  mkdirSync(CS_DIR, { recursive: true });
  // @vscode/ripgrep's postinstall looks in $TMPDIR/vscode-ripgrep-cache-<version>/ before it
  // downloads; the tar.gz holds `rg` at its top level (it runs `tar xvf … -C bin/`).
  const tmp = join(CACHE, "tmp");
  const rgCache = join(tmp, `vscode-ripgrep-cache-${RIPGREP_PKG_VERSION}`);
  const stage = join(tmp, "rg-stage");
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  mkdirSync(rgCache, { recursive: true });
  copyFileSync(rg, join(stage, "rg"));
  run("tar", ["czf", join(rgCache, RIPGREP_ASSET), "-C", stage, "rg"]);
  writeFileSync(join(CS_DIR, "package.json"), JSON.stringify({ name: "tasktable-e2e-code-server", private: true }) + "\n");
  run("npm", ["install", "--no-save", "--no-audit", "--no-fund", `code-server@${CODE_SERVER_VERSION}`], {
    cwd: CS_DIR,
    env: { ...process.env, TMPDIR: tmp, npm_config_unsafe_perm: "true", npm_config_yes: "true" },
  });
  if (!existsSync(join(CS_DIR, "node_modules", "code-server", "lib", "vscode", "node_modules.asar")))
    throw new Error("code-server's postinstall did not run (no lib/vscode/node_modules.asar)");
  writeFileSync(marker, new Date().toISOString() + "\n");
  log(`code-server installed in ${secs(started)}`);
}

// ---- 2. builds ------------------------------------------------------------------------
async function buildAll() {
  run(process.execPath, ["scripts/build.mjs"], { cwd: ROOT });
  // The suite lives inside the extension's folder (out/ is ignored), so that its
  // require("vscode") gets the same API object as the extension.
  await build({
    entryPoints: ["test/e2e/suite/index.ts"], outfile: "out/e2e/suite.js", absWorkingDir: ROOT,
    bundle: true, platform: "node", target: "node20", format: "cjs", sourcemap: "inline", external: ["vscode"], logLevel: "warning",
  });
  await build({
    entryPoints: ["test/e2e/ui/ui.ts"], outfile: "out/e2e/ui.mjs", absWorkingDir: ROOT,
    bundle: true, platform: "node", target: "node20", format: "esm", packages: "external", logLevel: "warning",
  });
}

// ---- 3. workspaces and what the CLI says about them ------------------------------------
function cli(args, cwd) {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "tasktable.js"), ...args], { cwd, encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`tasktable ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}
function prepareWorkspaces() {
  rmSync(RUN, { recursive: true, force: true });
  const host = join(RUN, "host", "ws");
  const ui = join(RUN, "ui", "ws");
  for (const ws of [host, ui]) cpSync(join(ROOT, "examples"), ws, { recursive: true });
  const tables = readdirSync(host).filter((f) => f.endsWith(".tasktable")).sort();
  const check = JSON.parse(cli(["check", ".", "--format", "json", "--min-severity", "hint"], host));
  const models = Object.fromEntries(tables.map((f) => [f, JSON.parse(cli(["export", f, "--to", "json"], host))]));
  const fmtDir = join(RUN, "fmt");
  cpSync(join(ROOT, "examples"), fmtDir, { recursive: true });
  cli(["fmt", ...tables], fmtDir);
  const formatted = Object.fromEntries(tables.map((f) => [f, readFileSync(join(fmtDir, f), "utf8")]));
  const importFixture = join(ROOT, "test", "fixtures", "import", "tab.txt");
  writeFileSync(join(RUN, "host", "expected.json"), JSON.stringify({ check, models, formatted, importFixture }, null, 1));
  return { host, ui };
}

// ---- 4. the server --------------------------------------------------------------------
function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once("error", rej);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

async function startCodeServer(port) {
  const home = join(RUN, "home");
  const userData = join(RUN, "user-data");
  mkdirSync(join(userData, "User"), { recursive: true });
  mkdirSync(join(RUN, "extensions"), { recursive: true });
  mkdirSync(home, { recursive: true });
  writeFileSync(join(RUN, "config.yaml"), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  writeFileSync(join(userData, "User", "settings.json"), JSON.stringify({
    "workbench.startupEditor": "none",
    "security.workspace.trust.enabled": false,
    "telemetry.telemetryLevel": "off",
    "update.mode": "none",
    "extensions.autoCheckUpdates": false,
    "extensions.autoUpdate": false,
    "extensions.ignoreRecommendations": true,
    "workbench.tips.enabled": false,
    "workbench.enableExperiments": false,
    "window.restoreWindows": "none",
    "files.hotExit": "off",
    "git.enabled": false,
    "chat.commandCenter.enabled": false,
    "workbench.secondarySideBar.defaultVisibility": "hidden",
  }, null, 1));
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, ".config"), XDG_DATA_HOME: join(home, ".local/share"), XDG_CACHE_HOME: join(home, ".cache"), VSCODE_CLI: undefined };
  // E2E_VSIX: install the packaged extension, so the UI suite drives what a user installs.
  if (process.env.E2E_VSIX) {
    const r = spawnSync(process.execPath, [CS_BIN, "--config", join(RUN, "config.yaml"), "--user-data-dir", userData, "--extensions-dir", join(RUN, "extensions"), "--install-extension", resolve(process.env.E2E_VSIX)], { env, encoding: "utf8" });
    if (r.status !== 0 || !/successfully installed/.test(r.stdout + r.stderr)) throw new Error(`installing ${process.env.E2E_VSIX} failed:\n${r.stdout}${r.stderr}`);
    log(`installed ${process.env.E2E_VSIX} into the workbench`);
  }
  const out = [];
  const child = spawn(process.execPath, [
    CS_BIN, "--config", join(RUN, "config.yaml"), "--bind-addr", `127.0.0.1:${port}`, "--auth", "none",
    "--user-data-dir", userData, "--extensions-dir", join(RUN, "extensions"),
    "--disable-telemetry", "--disable-update-check", "--disable-workspace-trust", "--disable-getting-started-override",
    "--ignore-last-opened", "--locale", "en",
  ], {
    cwd: RUN,
    detached: true, // its own process group, ended as a whole
    stdio: ["ignore", "pipe", "pipe"],
    env,
  });
  for (const s of [child.stdout, child.stderr]) s.on("data", (d) => out.push(String(d)));
  let exited = null;
  child.on("exit", (code, signal) => (exited = { code, signal }));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`code-server on ${url}/healthz`, async () => {
    if (exited) throw new Error(`code-server exited early: ${JSON.stringify(exited)}\n${out.join("")}`);
    const r = await fetch(`${url}/healthz`);
    return r.ok ? true : undefined;
  }, 60_000).catch((e) => {
    throw new Error(`${e.message}\n${out.join("")}`);
  });
  const stop = async () => {
    if (exited) return;
    try { process.kill(-child.pid, "SIGTERM"); } catch { /* gone */ }
    try {
      await waitFor("code-server to exit", () => (exited ? true : undefined), 10_000);
    } catch {
      try { process.kill(-child.pid, "SIGKILL"); } catch { /* gone */ }
    }
  };
  return { url, stop, output: () => out.join("") };
}

function workbenchUrl(base, port, folder, payload) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const q = new URLSearchParams({ folder, payload: JSON.stringify(payload.map(([k, v]) => [k, remote(v)])) });
  return `${base}/?${q}`;
}

// ---- 5. the suites --------------------------------------------------------------------
async function hostSuite(browser, base, port, ws) {
  const started = Date.now();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  let exitCode;
  await page.exposeFunction("codeAutomationExit", (code) => { exitCode = code; });
  page.on("console", (m) => { const t = m.text(); if (t.includes("[e2e]")) console.log("  " + t.replace(/^.*?\[e2e\]/, "[host]")); });
  await page.goto(workbenchUrl(base, port, ws, [["extensionDevelopmentPath", ROOT], ["extensionTestsPath", join(ROOT, "out", "e2e", "suite.js")]]));
  try {
    await waitFor("the extension-host suite to finish (codeAutomationExit)", () => exitCode, 300_000);
  } finally {
    await page.screenshot({ path: join(SHOTS, "00-extension-host-suite.png") }).catch(() => undefined);
    await page.close();
  }
  const file = join(RUN, "host", "host-results.json");
  const results = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : [];
  log(`extension-host suite: exit code ${exitCode}, ${results.filter((r) => r.ok).length}/${results.length} passed in ${secs(started)}`);
  for (const r of results.filter((r) => !r.ok)) console.log(`  FAIL ${r.name}\n    ${r.error.split("\n").slice(0, 6).join("\n    ")}`);
  return exitCode === 0 && results.length > 0 && results.every((r) => r.ok);
}

async function uiSuite(browser, base, port, ws) {
  const started = Date.now();
  const { runUi } = await import(join(ROOT, "out", "e2e", "ui.mjs"));
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    const results = await runUi({
      page, screenshots: SHOTS, log: (s) => console.log("  " + s),
      // With E2E_VSIX the installed package is what runs; otherwise the working tree.
      url: workbenchUrl(base, port, ws, process.env.E2E_VSIX ? [] : [["extensionDevelopmentPath", ROOT]]),
    });
    log(`UI suite: ${results.filter((r) => r.ok).length}/${results.length} passed in ${secs(started)}`);
    return results.every((r) => r.ok);
  } finally {
    await page.close();
  }
}

// ---- main -----------------------------------------------------------------------------
let server;
let browser;
let ok = false;
try {
  installCodeServer();
  log("building");
  await buildAll();
  const { host, ui } = prepareWorkspaces();
  mkdirSync(SHOTS, { recursive: true });
  for (const f of readdirSync(SHOTS)) if (f.endsWith(".png")) rmSync(join(SHOTS, f));
  const port = await freePort();
  server = await startCodeServer(port);
  log(`code-server ${CODE_SERVER_VERSION} on ${server.url}`);
  browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const only = process.env.E2E_ONLY; // "host" or "ui"
  const hostOk = only === "ui" ? true : await hostSuite(browser, server.url, port, host);
  const uiOk = only === "host" ? true : await uiSuite(browser, server.url, port, ui);
  ok = hostOk && uiOk;
} catch (e) {
  console.error(`[e2e] ${e.stack ?? e}`);
  if (server) console.error(server.output().split("\n").slice(-30).join("\n"));
} finally {
  await browser?.close().catch(() => undefined);
  await server?.stop();
  if (!process.env.E2E_KEEP && ok) rmSync(RUN, { recursive: true, force: true });
}
log(ok ? "all e2e suites passed" : "e2e FAILED");
process.exit(ok ? 0 : 1);
