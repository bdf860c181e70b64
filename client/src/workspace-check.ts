// Checking the whole workspace: a command that asks the server to check every table
// (open or not) into the Problems panel, and a VS Code task that runs the bundled CLI
// with a problem matcher, for those who prefer tasks or want it in a build.

import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { CHECK_WORKSPACE_REQUEST, type WorkspaceCheck } from "../../server/src/lsp/protocol.js";

export const TASK_TYPE = "tasktable";

export function registerWorkspaceCheck(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand("tasktable.checkWorkspace", async () => {
      const c = client();
      if (!c) return;
      const r = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: vscode.l10n.t("Checking every task table in the workspace…") },
        () => c.sendRequest<WorkspaceCheck>(CHECK_WORKSPACE_REQUEST),
      );
      void vscode.commands.executeCommand("workbench.actions.view.problems");
      void vscode.window.setStatusBarMessage(vscode.l10n.t("{0} tables checked: {1} errors, {2} warnings", r.files, r.errors, r.warnings), 5000);
    }),
    vscode.tasks.registerTaskProvider(TASK_TYPE, {
      provideTasks: () => (vscode.workspace.workspaceFolders ?? []).map((f) => checkTask(context, f)),
      resolveTask: (task) => {
        const folder = task.scope && typeof task.scope === "object" ? (task.scope as vscode.WorkspaceFolder) : vscode.workspace.workspaceFolders?.[0];
        return folder ? checkTask(context, folder, task.definition) : undefined;
      },
    }),
  );
}

function checkTask(context: vscode.ExtensionContext, folder: vscode.WorkspaceFolder, definition?: vscode.TaskDefinition): vscode.Task {
  const def = definition ?? { type: TASK_TYPE, command: "check" };
  // The editor's own runtime runs the bundled CLI: no Node installation is needed.
  const exec = new vscode.ProcessExecution(process.execPath, [context.asAbsolutePath("dist/cli.js"), "check", ".", "--no-color"], {
    cwd: folder.uri.fsPath,
    env: { ELECTRON_RUN_AS_NODE: "1" },
  });
  const task = new vscode.Task(def, folder, vscode.l10n.t("check workspace"), "tasktable", exec, "$tasktable");
  task.group = vscode.TaskGroup.Test;
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent };
  return task;
}
