// Rules about how the server's code is written, checked over its sources. Both keep a
// document version's tree and model from outliving it. A version that lives on is copied by
// each young-generation collection while the next versions are checked, and only a full
// collection frees it. Measured here: a 1,000-line table checked 2,000 times took 4.8 s with
// one getter in an object literal (the numbering analysis), 2.7 s with it in a class; a
// WeakMap whose keys died kept all its values through young collections, 10 ms each.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { ROOT } from "./helpers.js";

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (name.endsWith(".ts")) out.push(p);
  }
  return out;
}

const files = sources(join(ROOT, "server", "src")).map((p) => ({ name: relative(ROOT, p), lines: readFileSync(p, "utf8").split("\n") }));

test("no WeakMap keyed by a tree, model or analysis: the engine's young collector holds its values", () => {
  assert.ok(files.length > 50);
  const hits = files.flatMap((f) => f.lines.flatMap((l, i) => (/new WeakMap\b/.test(l) ? [`${f.name}:${i + 1}`] : [])));
  assert.deepEqual(hits, [], "keep what is computed from an object on it (core/memo.ts)");
});

test("getters are written in classes, not in object literals", () => {
  const hits: string[] = [];
  let inClasses = 0;
  for (const f of files) {
    f.lines.forEach((l, i) => {
      // A getter inside a literal on one line: { get x() { … } } or , get [k]() …
      if (/[{,]\s*get\s+[\w$[\]"']+\s*\(/.test(l)) hits.push(`${f.name}:${i + 1}`);
      const m = /^(\s*)(?:static\s+)?get\s+[\w$[\]"']+\s*\(/.exec(l);
      if (!m) return;
      // The enclosing block: the nearest line above that is indented less.
      let k = i - 1;
      while (k >= 0 && (f.lines[k].trim() === "" || /^\s*/.exec(f.lines[k])![0].length >= m[1].length)) k--;
      if (k >= 0 && /^\s*(?:export\s+)?(?:default\s+)?(?:abstract\s+)?class\s/.test(f.lines[k])) inClasses++;
      else hits.push(`${f.name}:${i + 1}`);
    });
  }
  assert.ok(inClasses >= 10, `the getters of the model's classes are seen (${inClasses})`);
  assert.deepEqual(hits, []);
});

test("no tagged template holds text that is not ASCII: the build escapes such text elsewhere, and would change a template's raw text", async () => {
  const { default: ts } = await import("typescript");
  const all = [...sources(join(ROOT, "server", "src")), ...sources(join(ROOT, "client", "src"))];
  const hits: string[] = [];
  for (const p of all) {
    const code = readFileSync(p, "utf8");
    if (!code.includes("`")) continue;
    const sf = ts.createSourceFile(p, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    const visit = (node: import("typescript").Node) => {
      if (ts.isTaggedTemplateExpression(node)) {
        const t = node.template;
        if (/[^\x00-\x7f]/.test(code.slice(t.pos, t.end))) hits.push(`${relative(ROOT, p)}:${sf.getLineAndCharacterOfPosition(t.pos).line + 1}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  assert.deepEqual(hits, [], "write the text as \\u escapes, or build it without a tag");
  // The check finds tagged templates at all: one written here is found.
  const probe = ts.createSourceFile("probe.ts", "const s = String.raw`中`;", ts.ScriptTarget.Latest);
  let found = false;
  const look = (n: import("typescript").Node) => {
    if (ts.isTaggedTemplateExpression(n)) found = true;
    ts.forEachChild(n, look);
  };
  look(probe);
  assert.ok(found);
});
