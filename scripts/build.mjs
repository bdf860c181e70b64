// Bundles every front (CLI, language server, VS Code client, benchmarks) with esbuild, after
// writing the generated pinyin table the core imports.
import { build } from "esbuild";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { Script } from "node:vm";
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

// esbuild escapes what is not ASCII in strings and names, but keeps it in comments and in
// regular expressions (/牵头|责任/). One such character makes the engine keep the whole
// bundle's source as two bytes a character: 1.5 MB more in every server process, 4.6 MB more
// in the command line. Both places take \uXXXX with the same meaning; the result is compiled
// once to be sure it still parses. (A source map's columns move on the few lines changed.)
// A tagged template (String.raw`…`) is the one other place esbuild keeps such characters,
// and there an escape would change the raw text the code reads: none of the bundles has one
// today, and test/source.test.ts keeps them out of the project's own code.
for (const e of entries) {
  if (!existsSync(e.out)) continue;
  const code = readFileSync(e.out, "utf8");
  if (!/[^\x00-\x7f]/.test(code)) continue;
  // A character escaped for no reason (\（) is the character: its backslash goes.
  const ascii = code.replace(/(\\*)([^\x00-\x7f])/g, (_, bs, c) => bs.slice(bs.length % 2) + "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
  new Script(ascii, { filename: e.out });
  writeFileSync(e.out, ascii);
}
