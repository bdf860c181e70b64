// The reviewer's preview: the active table as it will be published, in a webview beside
// the editor. The page is the core's renderer, asked of the language server (which renders
// it with the workspace's settings); when the server does not answer (not running yet, or
// failing), it is rendered here in the extension host with the core's default settings.
// This file keeps it in step with the editor: updates as the drafter types, scrolls both
// ways, reveals a row's line on a click.

import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { parse } from "../../server/src/core/syntax/parser.js";
import { buildModel } from "../../server/src/core/model/build.js";
import { check } from "../../server/src/core/check.js";
import { defaultSettings, type Locale, type Settings } from "../../server/src/core/settings.js";
import { escapeHtml, previewStyles, renderPreview } from "../../server/src/core/features/preview.js";
import { PREVIEW_REQUEST } from "../../server/src/lsp/protocol.js";
import { messageLanguage } from "./locale.js";

export const OPEN_PREVIEW_COMMAND = "tasktable.openPreview";
const VIEW_TYPE = "tasktable.preview";
const UPDATE_DELAY = 200;
/** How long a scroll we caused ourselves is not echoed back. */
const ECHO_GUARD = 300;

/**
 * Adds the `tasktable.openPreview` command. The page comes from the language server, which
 * checks with the team's settings, so the marks match the Problems panel; without a server
 * the preview checks with the defaults.
 */
export function registerPreview(context: vscode.ExtensionContext, client?: () => LanguageClient | undefined): vscode.Disposable {
  let preview: Preview | undefined;
  const disposable = vscode.Disposable.from(
    vscode.commands.registerCommand(OPEN_PREVIEW_COMMAND, async (uri?: vscode.Uri) => {
      const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (!document || document.languageId !== "tasktable") {
        void vscode.window.showInformationMessage(vscode.l10n.t("Open a task table (.tasktable) to preview it."));
        return;
      }
      if (preview) preview.show(document);
      else {
        preview = new Preview(document, client);
        preview.onDispose(() => (preview = undefined));
      }
    }),
    { dispose: () => preview?.dispose() },
  );
  context.subscriptions.push(disposable);
  return disposable;
}

function previewLocale(): Locale {
  return messageLanguage().toLowerCase().startsWith("zh") ? "zh-CN" : "en";
}

function nonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString("base64").replace(/[+/=]/g, "");
}

type FromWebview = { type: "ready" } | { type: "scroll"; line: number } | { type: "reveal"; line: number };

class Preview {
  private readonly panel: vscode.WebviewPanel;
  private document: vscode.TextDocument;
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** The page in the webview is stale (updated while hidden). */
  private stale = false;
  /** Until then, the editor's scrolling is ours (from the webview) and is not sent back. */
  private editorScrollOursUntil = 0;
  private readonly disposeListeners: (() => void)[] = [];

  constructor(
    document: vscode.TextDocument,
    private readonly client?: () => LanguageClient | undefined,
  ) {
    this.document = document;
    this.panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      this.title(),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [] },
    );
    this.subscriptions.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.webview.onDidReceiveMessage((m: FromWebview) => this.receive(m)),
      this.panel.onDidChangeViewState(() => {
        if (this.panel.visible && this.stale) void this.load();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document) this.later();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        // Like Markdown's preview: follow the table being edited.
        if (editor && editor.document.languageId === "tasktable" && editor.document !== this.document) this.show(editor.document, false);
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (e.textEditor.document !== this.document || Date.now() < this.editorScrollOursUntil) return;
        const top = e.visibleRanges[0]?.start.line;
        if (top !== undefined) void this.panel.webview.postMessage({ type: "scroll", line: top });
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document === this.document) void this.panel.webview.postMessage({ type: "cursor", line: e.selections[0].active.line });
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration("tasktable.messages.language")) void this.load();
      }),
    );
    void this.load();
  }

  onDispose(f: () => void) {
    this.disposeListeners.push(f);
  }

  show(document: vscode.TextDocument, reveal = true) {
    if (document !== this.document) {
      this.document = document;
      this.panel.title = this.title();
      void this.load();
    }
    if (reveal) this.panel.reveal(undefined, true);
  }

  private title(): string {
    const name = this.document.uri.path.split("/").pop() ?? "";
    return vscode.l10n.t("Preview {0}", name);
  }

  private async body(): Promise<string> {
    const c = this.client?.();
    if (c) {
      try {
        const html = await c.sendRequest<string | null>(PREVIEW_REQUEST, { uri: this.document.uri.toString() });
        if (html !== null) return html;
      } catch {
        // fall through to the local rendering
      }
    }
    try {
      const settings: Settings = { ...defaultSettings(), locale: previewLocale() };
      const tree = parse(this.document.getText(), { labels: settings.labels });
      const model = buildModel(tree, settings);
      return renderPreview(model, check(model, settings), { locale: settings.locale }).html;
    } catch (e) {
      return `<p class="tt-muted">${escapeHtml(String(e instanceof Error ? e.message : e))}</p>`;
    }
  }

  /** Loads the whole page (first time, other document, or back from hidden). */
  private async load() {
    const body = await this.body();
    const n = nonce();
    const csp = `default-src 'none'; style-src 'nonce-${n}'; script-src 'nonce-${n}'; img-src data:;`;
    this.stale = false;
    this.panel.webview.html = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${n}">${previewStyles()}</style>
</head>
<body>
<div id="tt-root">${body}</div>
<script nonce="${n}">${WEBVIEW_SCRIPT}</script>
</body>
</html>`;
  }

  /** Debounced update as the drafter types: the body only, the scroll position kept. */
  private later() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (!this.panel.visible) {
        this.stale = true;
        return;
      }
      void this.body().then((html) => this.panel.webview.postMessage({ type: "update", html }));
    }, UPDATE_DELAY);
  }

  private editorFor(): vscode.TextEditor | undefined {
    return vscode.window.visibleTextEditors.find((e) => e.document === this.document);
  }

  private async receive(m: FromWebview) {
    switch (m.type) {
      case "ready": {
        const editor = this.editorFor();
        if (editor) {
          const top = editor.visibleRanges[0]?.start.line ?? 0;
          void this.panel.webview.postMessage({ type: "scroll", line: top });
          void this.panel.webview.postMessage({ type: "cursor", line: editor.selection.active.line });
        }
        break;
      }
      case "scroll": {
        const editor = this.editorFor();
        if (!editor) return;
        this.editorScrollOursUntil = Date.now() + ECHO_GUARD;
        const pos = new vscode.Position(Math.max(0, m.line), 0);
        editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.AtTop);
        break;
      }
      case "reveal": {
        const pos = new vscode.Position(Math.max(0, m.line), 0);
        const column = this.editorFor()?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
        const editor = await vscode.window.showTextDocument(this.document, { viewColumn: column, preserveFocus: false });
        this.editorScrollOursUntil = Date.now() + ECHO_GUARD;
        editor.selection = new vscode.Selection(pos, pos);
        editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        break;
      }
    }
  }

  dispose() {
    clearTimeout(this.timer);
    for (const s of this.subscriptions.splice(0)) s.dispose();
    this.panel.dispose();
    for (const f of this.disposeListeners.splice(0)) f();
  }
}

/**
 * Runs in the webview. Blocks carry data-line; the top visible block's line goes to the
 * editor as the page scrolls, and the editor's top line scrolls the page, each side
 * ignoring the scroll it caused itself.
 */
const WEBVIEW_SCRIPT = String.raw`(function () {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById("tt-root");
  let blocks = [];
  let ignoreUntil = 0;
  let lastSent = -1;
  let current = null;

  function index() {
    blocks = Array.from(root.querySelectorAll("[data-line]"))
      .filter((el) => !el.classList.contains("tt-findings") && !el.classList.contains("tt-findings-list"))
      .map((el) => ({ el, line: Number(el.getAttribute("data-line")) }))
      .sort((a, b) => a.line - b.line);
  }
  function blockAt(line) {
    let lo = 0, hi = blocks.length - 1, found = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (blocks[mid].line <= line) { found = blocks[mid]; lo = mid + 1; } else hi = mid - 1;
    }
    return found || blocks[0] || null;
  }
  function scrollToLine(line) {
    const b = blockAt(line);
    if (!b) return;
    ignoreUntil = Date.now() + 200;
    const y = line <= 0 ? 0 : b.el.getBoundingClientRect().top + window.scrollY - 4;
    window.scrollTo(0, Math.max(0, y));
    lastSent = b.line;
  }
  function markCurrent(line) {
    const b = blockAt(line);
    if (current) current.classList.remove("tt-current");
    current = b ? b.el : null;
    if (current) current.classList.add("tt-current");
  }
  function topLine() {
    for (const b of blocks) {
      const r = b.el.getBoundingClientRect();
      if (r.bottom > 1 && r.height > 0) return b.line;
    }
    return null;
  }

  window.addEventListener("message", (event) => {
    const m = event.data;
    if (m.type === "update") {
      const y = window.scrollY;
      const currentLine = current ? Number(current.getAttribute("data-line")) : null;
      root.innerHTML = m.html;
      index();
      ignoreUntil = Date.now() + 200;
      window.scrollTo(0, y);
      if (currentLine !== null) markCurrent(currentLine);
    } else if (m.type === "scroll") {
      scrollToLine(m.line);
    } else if (m.type === "cursor") {
      markCurrent(m.line);
    }
  });

  let pending = false;
  window.addEventListener("scroll", () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      if (Date.now() < ignoreUntil) return;
      const line = window.scrollY <= 0 ? 0 : topLine();
      if (line === null || line === lastSent) return;
      lastSent = line;
      vscode.postMessage({ type: "scroll", line });
    });
  }, { passive: true });

  document.addEventListener("click", (e) => {
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return;
    const el = e.target instanceof Element ? e.target.closest("[data-line]") : null;
    if (!el) return;
    const line = Number(el.getAttribute("data-line"));
    markCurrent(line);
    vscode.postMessage({ type: "reveal", line });
  });

  index();
  vscode.postMessage({ type: "ready" });
})();`;
