// VS Code commands for import and export: Import task table…, Paste as task table, Export
// task table…. The import and export code is its own bundle, dist/transfer.js, loaded the
// first time one of these commands runs.

import * as vscode from "vscode";
import type { ExportFormat } from "./transfer.js";

type Transfer = typeof import("./transfer.js");
let loaded: Transfer | null = null;
let bundlePath = "";
function transfer(): Transfer {
  // A computed path: the bundler leaves this require to run time.
  loaded ??= require(bundlePath) as Transfer;
  return loaded;
}

const EXPORT_FORMATS = ["json", "docx", "xlsx", "html", "csv", "md"] as const satisfies readonly ExportFormat[];

export function registerImportExport(context: vscode.ExtensionContext): void {
  bundlePath = context.asAbsolutePath("dist/transfer.js");
  context.subscriptions.push(
    vscode.commands.registerCommand("tasktable.import", importCommand),
    vscode.commands.registerCommand("tasktable.pasteAsTaskTable", pasteCommand),
    vscode.commands.registerCommand("tasktable.export", exportCommand),
  );
}

async function importCommand(): Promise<void> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: vscode.l10n.t("Import"),
    filters: { [vscode.l10n.t("Tables")]: ["txt", "md", "docx", "xlsx", "csv", "tsv", "html", "htm"], [vscode.l10n.t("All files")]: ["*"] },
  });
  const src = picked?.[0];
  if (!src) return;
  try {
    const result = await transfer().importFile(src.fsPath);
    const target = src.with({ path: src.path.replace(/\.[^./]*$/, "") + ".tasktable" });
    let exists = false;
    try {
      await vscode.workspace.fs.stat(target);
      exists = true;
    } catch {
      /* a new file */
    }
    if (exists) {
      const overwrite = vscode.l10n.t("Overwrite");
      const answer = await vscode.window.showWarningMessage(vscode.l10n.t("{0} exists. Overwrite it?", target.fsPath), { modal: true }, overwrite);
      if (answer !== overwrite) return;
    }
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
    await vscode.window.showTextDocument(target);
    if (result.guesses > 0)
      void vscode.window.showInformationMessage(vscode.l10n.t("Imported as {0}; {1} guesses are marked with // comments.", result.layout, result.guesses));
  } catch (e) {
    void vscode.window.showErrorMessage(e instanceof transfer().ImportError ? e.message : vscode.l10n.t("Import failed: {0}", (e as Error).message));
  }
}

async function pasteCommand(): Promise<void> {
  const clip = await vscode.env.clipboard.readText();
  if (!clip.trim()) {
    void vscode.window.showWarningMessage(vscode.l10n.t("The clipboard holds no text."));
    return;
  }
  const { text, guesses } = transfer().importText(clip);
  const editor = vscode.window.activeTextEditor;
  if (editor && editor.document.languageId === "tasktable") {
    await editor.edit((b) => {
      for (const sel of editor.selections) b.replace(sel, text);
    });
  } else {
    const doc = await vscode.workspace.openTextDocument({ language: "tasktable", content: text });
    await vscode.window.showTextDocument(doc);
  }
  if (guesses > 0) void vscode.window.showInformationMessage(vscode.l10n.t("{0} guesses are marked with // comments.", guesses));
}

async function exportCommand(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== "tasktable") {
    void vscode.window.showWarningMessage(vscode.l10n.t("Open a task table first."));
    return;
  }
  const format = (await vscode.window.showQuickPick(
    EXPORT_FORMATS.map((f) => ({ label: f, description: DESCRIPTIONS[f] })),
    { placeHolder: vscode.l10n.t("Export as") },
  ))?.label as ExportFormat | undefined;
  if (!format) return;
  const doc = editor.document;
  const base = doc.uri.scheme === "file" ? doc.uri.with({ path: doc.uri.path.replace(/\.tasktable$/, "") + "." + format }) : undefined;
  const target = await vscode.window.showSaveDialog({ defaultUri: base, filters: { [format]: [format] } });
  if (!target) return;
  // The editor's own settings (registry, labels) live in the server; defaults suffice for layout.
  const t = transfer();
  const settings = t.defaultSettings();
  const model = t.buildModel(t.parse(doc.getText(), { labels: settings.labels }), settings);
  const body = await t.exportModel(model, settings, format);
  await vscode.workspace.fs.writeFile(target, typeof body === "string" ? new TextEncoder().encode(body) : new Uint8Array(body));
  void vscode.window.showInformationMessage(vscode.l10n.t("Exported {0}.", target.fsPath));
}

const DESCRIPTIONS: Record<ExportFormat, string> = {
  json: "JSON (model)",
  docx: "Word",
  xlsx: "Excel",
  html: "HTML",
  csv: "CSV (UTF-8, BOM)",
  md: "Markdown",
};
