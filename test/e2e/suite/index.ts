// Entry point the extension host loads through `extensionTestsPath`: it runs the suite and
// resolves (all passed) or rejects (something failed), which the workbench turns into the
// exit code it hands to `codeAutomationExit`.

import { join } from "node:path";
import * as vscode from "vscode";
import { runTests } from "./harness.js";
import { tests } from "./extension.js";

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const resultsFile = folder ? join(folder.uri.fsPath, "..", "host-results.json") : undefined;
  const results = await runTests(tests, resultsFile);
  const failed = results.filter((r) => !r.ok);
  console.log(`[e2e] ${results.length - failed.length} passed, ${failed.length} failed`);
  if (failed.length) throw new Error(`${failed.length} extension-host test(s) failed: ${failed.map((f) => f.name).join(", ")}`);
}
