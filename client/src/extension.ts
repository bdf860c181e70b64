// The VS Code side: starts the language server over IPC and adds what only the editor can
// do (status bar, commands). No knowledge of the format lives here.

import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { registerImportExport } from "./import-export.js";
import { registerPreview } from "./preview.js";
import { RESTART_COMMAND, RestartOnCrash, SHOW_OUTPUT_COMMAND } from "./restart.js";
import { messageLanguage } from "./locale.js";
import { registerUnitsView } from "./units-view.js";
import { registerWorkspaceCheck } from "./workspace-check.js";
import { STATS_REQUEST, type Stats } from "../../server/src/lsp/protocol.js";
import { SERVER_NODE_FLAGS, serverEnvironment } from "../../server/src/lsp/launch.js";

let client: LanguageClient | undefined;

/** What the extension gives other extensions and its tests: how long activation took. */
export interface TaskTableApi {
  readonly activation: {
    /** From the call of `activate` to its end, in milliseconds. */
    readonly ms: number;
    /**
     * From the server's launch to its answer to `initialize`, in milliseconds, once it has
     * answered (null if it could not start). Activation does not wait for it.
     */
    readonly server: Promise<number | null>;
  };
}

export async function activate(context: vscode.ExtensionContext): Promise<TaskTableApi> {
  const started = performance.now();
  const serverModule = context.asAbsolutePath("dist/server.js");
  const restarts = new RestartOnCrash();
  // The client adds this environment to the editor's own.
  const env = serverEnvironment(process.env);
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS], env } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, "--nolazy", "--inspect=6010"], env } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "tasktable" },
      { scheme: "untitled", language: "tasktable" },
      // The config, so its problems show on it and edits apply as they are typed.
      { scheme: "file", pattern: "**/tasktable.json" },
    ],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/*.{tasktable,json}") },
    initializationOptions: { locale: messageLanguage() },
    errorHandler: restarts,
  };
  client = new LanguageClient("tasktable", vscode.l10n.t("Task Table language server"), serverOptions, clientOptions);
  // The server starts while the rest is set up: activation does not wait for it, and what
  // needs it (requests, the status bar, the views) waits inside the client. A server that
  // cannot start is reported by the client itself.
  const serverStarted = performance.now();
  const server = client.start().then(
    () => performance.now() - serverStarted,
    () => null,
  );

  const status = vscode.window.createStatusBarItem("tasktable.stats", vscode.StatusBarAlignment.Left, 100);
  status.name = vscode.l10n.t("Task table counts");
  status.command = "workbench.actions.view.problems";
  context.subscriptions.push(status);

  const refresh = async () => {
    const editor = vscode.window.activeTextEditor;
    if (!client || !editor || editor.document.languageId !== "tasktable" || !vscode.workspace.getConfiguration("tasktable").get("statusBar.enabled", true)) {
      status.hide();
      return;
    }
    const s = await client.sendRequest<Stats | null>(STATS_REQUEST, { uri: editor.document.uri.toString() });
    if (!s) return status.hide();
    status.text = `$(list-tree) ${vscode.l10n.t("{0} tasks", s.tasks)}${s.withoutLead ? ` · ${vscode.l10n.t("{0} without lead", s.withoutLead)}` : ""} · $(error) ${s.errors} $(warning) ${s.warnings}`;
    status.tooltip = vscode.l10n.t("{0} sections, {1} subsections, {2} tasks; {3} tasks without a lead unit. Click to open the Problems panel.", s.sections, s.subsections, s.tasks, s.withoutLead);
    status.show();
  };
  let timer: NodeJS.Timeout | undefined;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh().catch(() => status.hide()), 150);
  };
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(later),
    vscode.languages.onDidChangeDiagnostics(later),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration("tasktable") && later()),
  );
  later();

  context.subscriptions.push(
    vscode.commands.registerCommand("tasktable.fixAll", async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== "tasktable") return;
      await vscode.commands.executeCommand("editor.action.codeAction", { kind: "source.fixAll.tasktable", apply: "first" });
    }),
    vscode.commands.registerCommand(RESTART_COMMAND, async () => {
      restarts.reset();
      await client?.restart();
      later();
    }),
    vscode.commands.registerCommand("tasktable.openConfig", async () => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (!folder) {
        void vscode.window.showWarningMessage(vscode.l10n.t("Open a folder first: tasktable.json lives at the root of the workspace."));
        return;
      }
      const uri = vscode.Uri.joinPath(folder.uri, "tasktable.json");
      try {
        await vscode.workspace.fs.stat(uri);
      } catch {
        const body = JSON.stringify({ units: [], rules: {} }, null, 2) + "\n";
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(body));
      }
      await vscode.window.showTextDocument(uri);
    }),
    vscode.commands.registerCommand(SHOW_OUTPUT_COMMAND, () => client?.outputChannel.show()),
  );
  registerImportExport(context);
  const current = () => client;
  registerPreview(context, current);
  registerUnitsView(context, current);
  registerWorkspaceCheck(context, current);
  void vscode.commands.executeCommand("setContext", "tasktable.active", true);
  const ms = performance.now() - started;
  void server.then((serverMs) => {
    if (serverMs !== null) client?.info(`Activated in ${ms.toFixed(0)} ms; the language server answered initialize ${serverMs.toFixed(0)} ms after its launch.`, undefined, false);
  });
  return { activation: { ms, server } };
}


export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
