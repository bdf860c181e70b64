// When the language server dies, the client starts it again: the server keeps nothing that
// the open editors and the workspace cannot give the next one, so the user loses nothing.
// But a server that dies on the text it is sent would die again at once, so after a few
// deaths in a short time the client gives up, says so, and offers to try again.

import * as vscode from "vscode";
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult } from "vscode-languageclient/node";

/** vscode-languageclient's own figures: four restarts in three minutes. */
const MAX_RESTARTS = 4;
const WINDOW_MINUTES = 3;

export const RESTART_COMMAND = "tasktable.restartServer";
export const SHOW_OUTPUT_COMMAND = "tasktable.showOutput";

export class RestartOnCrash implements ErrorHandler {
  private deaths: number[] = [];

  /** As vscode-languageclient does: a few unreadable messages pass, a run of them stops the server. */
  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    return { action: count && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.deaths = [...this.deaths.filter((t) => now - t < WINDOW_MINUTES * 60_000), now];
    if (this.deaths.length <= MAX_RESTARTS) {
      return {
        action: CloseAction.Restart,
        handled: true,
        message: vscode.l10n.t("The language server stopped unexpectedly and is being restarted ({0} of {1} restarts in {2} minutes). Open tables and unsaved edits are kept.", this.deaths.length, MAX_RESTARTS, WINDOW_MINUTES),
      };
    }
    const message = vscode.l10n.t("The Task Table language server stopped {0} times in {1} minutes and will not be restarted automatically. Unsaved edits are kept in the editor.", this.deaths.length, WINDOW_MINUTES);
    void offerRestart(message);
    return { action: CloseAction.DoNotRestart, handled: true, message };
  }

  /** A restart the user asks for starts the count again. */
  reset(): void {
    this.deaths = [];
  }
}

async function offerRestart(message: string): Promise<void> {
  const restart = vscode.l10n.t("Restart");
  const output = vscode.l10n.t("Show Output");
  const choice = await vscode.window.showErrorMessage(message, restart, output);
  if (choice === restart) await vscode.commands.executeCommand(RESTART_COMMAND);
  else if (choice === output) await vscode.commands.executeCommand(SHOW_OUTPUT_COMMAND);
}
