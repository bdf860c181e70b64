// Bundles every front (CLI, language server, VS Code client, benchmarks) with esbuild, after
// writing the generated pinyin table the core imports.
import { build } from "esbuild";
import { existsSync } from "node:fs";
import { writePinyinTable } from "./write-pinyin.mjs";

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: true,
  logLevel: "warning",
  // jsonc-parser's UMD build hides its requires from the bundler; take the ES module build.
  mainFields: ["module", "main"],
};

const entries = [
  { in: "server/src/cli/main.ts", out: "dist/cli.js" },
  { in: "server/src/lsp/main.ts", out: "dist/server.js" },
  { in: "client/src/extension.ts", out: "dist/client.js", external: ["vscode"] },
  { in: "client/src/transfer.ts", out: "dist/transfer.js" },
  { in: "bench/main.ts", out: "dist/bench.js" },
  { in: "bench/lsp.ts", out: "dist/bench-lsp.js" },
];

// Written on every build, from the pinyin-pro the lock file names, so it is never stale.
writePinyinTable();

const minify = process.argv.includes("--minify");
await Promise.all(
  entries
    .filter((e) => existsSync(e.in))
    .map((e) =>
      build({ ...common, entryPoints: [e.in], outfile: e.out, external: e.external ?? [], minify }),
    ),
);
