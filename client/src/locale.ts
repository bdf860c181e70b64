// The language of the checker's messages: the tasktable.messages.language setting, or
// VS Code's display language when it says auto.

import * as vscode from "vscode";

export function messageLanguage(): string {
  const setting = vscode.workspace.getConfiguration("tasktable").get<string>("messages.language", "auto");
  return setting === "auto" ? vscode.env.language : setting;
}
