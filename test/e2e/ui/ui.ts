// The UI suite: drives the workbench in Chromium as a person would (keyboard, clicks) and
// reads what is on the screen. Each step saves a screenshot in test/e2e/screenshots/.

import { join } from "node:path";
import type { Locator, Page } from "playwright-core";

export interface UiOptions {
  page: Page;
  url: string;
  screenshots: string;
  log: (line: string) => void;
}
export interface UiResult {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
  screenshot?: string;
}

const T = 30_000;

/** The text of the editor's visible line that starts with `prefix` (spaces normalised). */
async function visibleLine(page: Page, test: (text: string) => boolean): Promise<string | undefined> {
  const lines = await page.locator(".editor-instance .monaco-editor .view-lines .view-line").allTextContents();
  return lines.map((l) => l.replace(/\u00a0/g, " ")).find(test);
}

async function poll<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = T): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget .quick-input-box input");
  await input.waitFor({ state: "visible", timeout: T });
  await input.fill(">" + title);
  const row = page.locator(".quick-input-widget .monaco-list-row", { hasText: title }).first();
  await row.waitFor({ state: "visible", timeout: T });
  await page.keyboard.press("Enter");
  await input.waitFor({ state: "hidden", timeout: T });
}

async function goToLine(page: Page, line: number): Promise<void> {
  await page.keyboard.press("Control+G");
  const input = page.locator(".quick-input-widget .quick-input-box input");
  await input.waitFor({ state: "visible", timeout: T });
  await page.keyboard.type(String(line));
  await page.keyboard.press("Enter");
  await input.waitFor({ state: "hidden", timeout: T });
  await poll(`the cursor on line ${line}`, async () => {
    const status = await page.locator("#status\\.editor\\.selection").textContent();
    return status && new RegExp(`Ln ${line},`).test(status) ? true : undefined;
  });
}

export async function runUi(o: UiOptions): Promise<UiResult[]> {
  const { page } = o;
  const results: UiResult[] = [];
  let n = 0;
  const step = async (name: string, fn: () => Promise<void>) => {
    const started = Date.now();
    const shot = join(o.screenshots, `${String(++n).padStart(2, "0")}-${name.replace(/[^a-z0-9]+/gi, "-").toLowerCase().replace(/^-|-$/g, "")}.png`);
    try {
      await fn();
      await page.screenshot({ path: shot });
      results.push({ name, ok: true, ms: Date.now() - started, screenshot: shot });
      o.log(`[ui] ok   ${name} (${Date.now() - started} ms) ${shot}`);
    } catch (e) {
      await page.screenshot({ path: shot }).catch(() => undefined);
      const error = e instanceof Error ? e.message : String(e);
      results.push({ name, ok: false, ms: Date.now() - started, error, screenshot: shot });
      o.log(`[ui] FAIL ${name}: ${error} (screenshot ${shot})`);
    }
  };
  const editor: Locator = page.locator(".editor-instance .monaco-editor").first();

  await step("workbench loads", async () => {
    await page.goto(o.url);
    await page.locator(".monaco-workbench").waitFor({ state: "visible", timeout: 60_000 });
    await page.locator(".explorer-folders-view .monaco-list-row", { hasText: "siming-district-2021.tasktable" }).waitFor({ state: "visible", timeout: 60_000 });
  });

  await step("open an example with quick open", async () => {
    await page.locator(".monaco-workbench").click({ position: { x: 600, y: 300 } }).catch(() => undefined);
    await page.keyboard.press("Control+P");
    const input = page.locator(".quick-input-widget .quick-input-box input");
    await input.waitFor({ state: "visible", timeout: T });
    await page.keyboard.type("siming-district");
    await page.locator(".quick-input-widget .monaco-list-row", { hasText: "siming-district-2021.tasktable" }).first().waitFor({ state: "visible", timeout: T });
    await page.keyboard.press("Enter");
    await page.locator(".tabs-container .tab.active", { hasText: "siming-district-2021.tasktable" }).waitFor({ state: "visible", timeout: T });
    await editor.locator(".view-line", { hasText: "思明区政务公开工作主要任务分解表" }).first().waitFor({ state: "visible", timeout: T });
    // The status bar item the extension adds once the server answers.
    await page.locator(".statusbar-item", { hasText: /tasks/ }).first().waitFor({ state: "visible", timeout: T });
  });

  await step("problems panel lists the defects", async () => {
    await page.keyboard.press("Control+Shift+M");
    const panel = page.locator(".markers-panel");
    await panel.waitFor({ state: "visible", timeout: T });
    await panel.locator(".monaco-list-row", { hasText: "TT201" }).first().waitFor({ state: "visible", timeout: T });
    const rows = await panel.locator(".monaco-list-row").allTextContents();
    if (!rows.some((r) => r.includes("siming-district-2021.tasktable"))) throw new Error("the Problems panel has no row for the file");
    if (!rows.some((r) => /missing|lead|牵头/i.test(r))) throw new Error(`no missing-lead message among: ${rows.slice(0, 5).join(" / ")}`);
  });

  await step("typing fgj after a lead label lists units", async () => {
    await editor.click({ position: { x: 300, y: 100 } });
    await goToLine(page, 92);
    await page.keyboard.press("End");
    await page.keyboard.type("fgj", { delay: 80 });
    const widget = page.locator(".editor-widget.suggest-widget.visible");
    await widget.waitFor({ state: "visible", timeout: T });
    await widget.locator(".monaco-list-row", { hasText: "区发改局" }).first().waitFor({ state: "visible", timeout: T });
  });

  await step("accepting the completion writes the unit", async () => {
    await page.keyboard.press("Enter");
    await poll("the line 牵头：区发改局 on screen", () => visibleLine(page, (t) => /^\s*牵头：区发改局\s*$/.test(t)));
    // Put the file back as it was and see the missing lead of line 92 listed again.
    await runCommand(page, "File: Revert File");
    await page.locator(".markers-panel .monaco-list-row", { hasText: "[Ln 92, Col 4]" }).first().waitFor({ state: "visible", timeout: T });
  });

  await step("the outline view shows sections, subsections and tasks", async () => {
    await runCommand(page, "Explorer: Focus on Outline View");
    const outline = page.locator(".pane", { has: page.locator(".pane-header", { hasText: /outline/i }) });
    await outline.locator(".monaco-list-row", { hasText: "一、" }).first().waitFor({ state: "visible", timeout: T });
    const rows = await outline.locator(".monaco-list-row").allTextContents();
    if (!rows.some((r) => /^（[一二三四五六七八九十]+）/.test(r.trim()))) throw new Error(`no subsection among the outline rows: ${rows.slice(0, 6).join(" / ")}`);
    if (!rows.some((r) => /^\d+[.．]/.test(r.trim()))) throw new Error(`no task among the outline rows: ${rows.slice(0, 8).join(" / ")}`);
  });

  await step("the light bulb offers the renumbering", async () => {
    await editor.click({ position: { x: 300, y: 100 } });
    await goToLine(page, 237);
    const bulb = page.locator(".lightBulbWidget .codicon, .lightBulbWidget").first();
    await bulb.waitFor({ state: "visible", timeout: T });
    await bulb.click();
    const menu = page.locator(".action-widget");
    await menu.locator(".monaco-list-row", { hasText: /Renumber|重新编号/ }).first().waitFor({ state: "visible", timeout: T });
  });

  await step("applying the quick fix renumbers 39 to 37", async () => {
    // The menu's pointer guard swallows synthetic clicks; choose with the keyboard instead.
    const rows = page.locator(".action-widget .monaco-list-row.action");
    const count = await rows.count();
    for (let i = 0; ; i++) {
      const focused = await page.locator(".action-widget .monaco-list-row.action.focused").getAttribute("aria-label").catch(() => null);
      if (focused && /Renumber these|重新编号本组/.test(focused)) break;
      if (i > count) throw new Error(`no “Renumber these …” entry in the light bulb menu (${count} entries)`);
      await page.keyboard.press("ArrowDown");
      await poll("the focus to move in the menu", async () => ((await page.locator(".action-widget .monaco-list-row.action.focused").getAttribute("aria-label")) !== focused ? true : undefined), 5_000).catch(() => undefined);
    }
    await page.keyboard.press("Enter");
    await poll("task 37 on screen", () => visibleLine(page, (t) => t.startsWith("37. 强化政务公开体制机制保障")));
    if (await visibleLine(page, (t) => t.startsWith("39. 强化政务公开"))) throw new Error("39. is still on screen");
  });

  await step("the preview shows the published table with problem rows marked", async () => {
    await runCommand(page, "Task Table: Open Preview to the Side");
    const page2 = page.frameLocator("iframe.webview.ready").frameLocator("iframe#active-frame");
    await page2.locator("tr.tt-marked").first().waitFor({ state: "visible", timeout: T });
    const title = (await page2.locator("h1").first().textContent()) ?? "";
    if (!title.includes("思明区")) throw new Error(`the preview's title is “${title}”`);
    const rows = await page2.locator("tr[data-line]").count();
    if (rows < 40) throw new Error(`only ${rows} rows in the preview`);
  });

  await step("the by-unit view lists each unit with the tasks it leads", async () => {
    await runCommand(page, "Explorer: Focus on Task Table: By Unit View");
    const pane = page.locator(".pane", { has: page.locator(".pane-header", { hasText: /by unit|按单位/i }) });
    // The busiest unit comes first: open it and see the tasks it leads.
    const unit = pane.locator(".monaco-list-row", { hasText: /leads \d+ · joins \d+|牵头 \d+ · 参与 \d+/ }).first();
    await unit.waitFor({ state: "visible", timeout: T });
    await unit.click();
    await page.keyboard.press("ArrowRight");
    await pane.locator(".monaco-list-row", { hasText: /Leads \(\d+\)|牵头（\d+）/ }).first().waitFor({ state: "visible", timeout: T });
    await pane.locator(".monaco-list-row", { hasText: /^\s*\d+\. / }).first().waitFor({ state: "visible", timeout: T });
  });

  return results;
}
