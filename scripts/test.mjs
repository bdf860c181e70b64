// Runs every test/**/*.test.ts with node's own test runner through tsx.
// `--update` rewrites golden files instead of comparing with them.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === "e2e" || name === "fixtures") continue;
    if (statSync(p).isDirectory()) find(p, out);
    else if (name.endsWith(".test.ts")) out.push(p);
  }
  return out;
}

// Browser tests need Debian's chromium, which a fresh machine lacks: `npm run test:browser`
// runs them (CI installs chromium first); `npm test` runs everything else.
const browser = process.argv.includes("--browser");
const files = find("test")
  .filter((f) => f.endsWith("-browser.test.ts") === browser)
  .sort();
const env = { ...process.env };
if (process.argv.includes("--update")) env.TASKTABLE_UPDATE_GOLDEN = "1";
const r = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", "--test-concurrency=2", ...files],
  { stdio: "inherit", env },
);
process.exit(r.status ?? 1);
