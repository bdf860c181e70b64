// The Siming preview as a standalone page in headless Chromium: the same body and style
// sheet as the webview, with fixed colours for VS Code's theme variables and the same
// content security policy. Checks the table through the DOM and saves a screenshot to
// test/e2e/screenshots/preview-siming.png (git-ignored).
//
// Needs Debian's Chromium at /usr/bin/chromium (apt-get install chromium); fails, with
// that advice, where it is missing.

import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { ConfigFiles } from "../server/src/host/config-files.js";
import { analyze, previewStyles, renderPreview, unitWorkload } from "../server/src/core/index.js";
import { ROOT } from "./helpers.js";

const CHROMIUM = "/usr/bin/chromium";

/** A light theme: what VS Code's Light+ gives these variables, near enough. */
const FIXED_THEME: Record<string, string> = {
  "--vscode-editor-background": "#ffffff",
  "--vscode-editor-foreground": "#1f1f1f",
  "--vscode-font-family": "system-ui, sans-serif",
  "--vscode-descriptionForeground": "#5f5f5f",
  "--vscode-editorWidget-background": "#f3f3f3",
  "--vscode-editorWidget-border": "#8a8a8a",
  "--vscode-panel-border": "#8a8a8a",
  "--vscode-list-hoverBackground": "#f0f0f0",
  "--vscode-focusBorder": "#005fb8",
  "--vscode-inputValidation-errorBackground": "#fbe5e5",
  "--vscode-inputValidation-warningBackground": "#fbf3dc",
  "--vscode-inputValidation-infoBackground": "#e3eefb",
  "--vscode-editorError-foreground": "#c9252d",
  "--vscode-editorWarning-foreground": "#b37a00",
  "--vscode-editorInfo-foreground": "#1a73d9",
  "--vscode-charts-blue": "#1a73d9",
  "--vscode-charts-green": "#388a34",
  "--vscode-charts-orange": "#c25400",
};

function page(body: string, nonce: string): string {
  const css = previewStyles();
  const vars = `:root { ${Object.entries(FIXED_THEME).map(([k, v]) => `${k}: ${v};`).join(" ")} }`;
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src data:;">
<style nonce="${nonce}">${vars}\n${css}</style>
</head><body>${body}</body></html>`;
}

test("every theme variable the style sheet uses has a fixed colour here", () => {
  const used = new Set([...previewStyles().matchAll(/var\((--vscode-[\w-]+)/g)].map((m) => m[1]));
  for (const v of used) assert.ok(v in FIXED_THEME, `${v} has no fixed colour in the browser test`);
});

test("the Siming preview in Chromium: content, marks, fonts, chart; screenshot", { timeout: 60_000 }, async () => {
  assert.ok(
    existsSync(CHROMIUM),
    `Chromium is missing at ${CHROMIUM}: install Debian's package (apt-get update && apt-get install -y --no-install-recommends chromium) to run the browser test.`,
  );
  const file = join(ROOT, "examples/siming-district-2021.tasktable");
  const text = readFileSync(file, "utf8");
  const { model, findings } = analyze(text, new ConfigFiles().settingsFor(file));
  const preview = renderPreview(model, findings);
  const html = page(preview.html, "dGVzdC1ub25jZQ");

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    p.on("console", (m) => (m.type() === "error" || m.type() === "warning") && problems.push(m.text()));
    p.on("pageerror", (e) => problems.push(String(e)));
    const requests: string[] = [];
    p.on("request", (r) => !r.url().startsWith("data:") && !r.url().startsWith("about:") && requests.push(r.url()));
    await p.setContent(html, { waitUntil: "load" });

    assert.equal(await p.locator("h1.tt-title").innerText(), model.title);
    assert.deepEqual(await p.locator("thead th").allInnerTexts(), ["工作任务", "工作要求", "牵头单位", "责任单位"]);
    assert.equal(await p.locator("tr.tt-section").count(), model.sections.length);
    assert.equal(await p.locator("tr.tt-subsection").count(), model.subsections.length);
    assert.equal(await p.locator("tr.tt-task").count(), model.tasks.length);
    for (const s of model.sections) {
      const th = p.locator(`tr.tt-section[data-line="${s.line}"] th`);
      assert.ok((await th.innerText()).includes(s.title));
      assert.equal(await th.getAttribute("colspan"), "4");
    }

    // Section rows are bold across the table, in 黑体; the body is 仿宋/宋体.
    // (Page code as strings: the tests are type-checked without the DOM library.)
    const style = (await p.evaluate(`(() => {
      const th = document.querySelector("tr.tt-section th");
      const table = document.querySelector("table.tt-table");
      const cs = getComputedStyle(th);
      return {
        weight: cs.fontWeight,
        sectionFont: cs.fontFamily,
        bodyFont: getComputedStyle(document.body).fontFamily,
        width: th.getBoundingClientRect().width,
        tableWidth: table.getBoundingClientRect().width,
        border: getComputedStyle(document.querySelector("tr.tt-task td")).borderTopStyle,
      };
    })()`)) as { weight: string; sectionFont: string; bodyFont: string; width: number; tableWidth: number; border: string };
    assert.equal(style.weight, "700");
    assert.match(style.sectionFont, /SimHei|黑体/);
    assert.match(style.bodyFont, /FangSong|仿宋/);
    assert.ok(style.width > style.tableWidth - 4, "the section row spans the table");
    assert.equal(style.border, "solid");

    // Task 1: its lead unit; task 39: an error with the number-gap message, listed under it.
    const t1 = model.tasks.find((t) => t.number === 1)!;
    const cells1 = await p.locator(`tr.tt-task[data-line="${t1.line}"] td`).allInnerTexts();
    assert.equal(cells1[2], "区发改局");
    const t39 = model.tasks.find((t) => t.number === 39)!;
    const row39 = p.locator(`tr.tt-task[data-line="${t39.line}"]`);
    assert.match((await row39.getAttribute("class"))!, /\btt-error\b/);
    assert.match((await row39.getAttribute("title"))!, /编号跳号/);
    assert.match(await row39.locator(".tt-badge-error").innerText(), /错误/);
    const list39 = await p.locator(`tr.tt-findings[data-line="${t39.line}"]`).innerText();
    assert.match(list39, /TT101 编号跳号：此处应为 37/);
    const bg = await row39.evaluate((el) => (globalThis as any).getComputedStyle(el).backgroundColor as string);
    assert.equal(bg, "rgb(251, 229, 229)", "the error background");
    // Every marked block in the DOM is one the renderer reported, and the other way round.
    const marked = await p.locator(".tt-marked").evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-line"))));
    assert.deepEqual(marked.sort((a, b) => a - b), preview.marks.map((m) => m.line).sort((a, b) => a - b));

    // The chart: one bar group per unit; the ones that lead nothing are flagged.
    const loads = unitWorkload(model);
    assert.equal(await p.locator("svg.tt-chart g.tt-unit-bar").count(), loads.length);
    assert.equal(await p.locator("svg.tt-chart g.tt-nolead").count(), loads.filter((l) => l.leads === 0).length);
    assert.ok((await p.locator("svg.tt-chart rect.tt-bar-lead").first().boundingBox())!.width > 0);

    assert.deepEqual(requests, [], "no request leaves the page");
    assert.deepEqual(problems, [], "no console errors (such as content security policy violations)");

    const dir = join(ROOT, "test/e2e/screenshots");
    mkdirSync(dir, { recursive: true });
    await p.screenshot({ path: join(dir, "preview-siming.png"), fullPage: true });
  } finally {
    await browser.close();
  }
});
