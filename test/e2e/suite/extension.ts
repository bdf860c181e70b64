// The extension in the real extension host, over a copy of examples/: every check compares
// what VS Code's own API commands return with what the CLI says about the same files.

import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import * as vscode from "vscode";
import { assert, assertEqual, waitFor, type TestCase } from "./harness.js";
import type { TaskTableApi } from "../../../client/src/extension.js";

interface CliFinding {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
  name: string;
  message: string;
}
interface ModelTask {
  line: number;
  lead: string[];
  partners: string[];
}
interface Model {
  title: string;
  sections: { title: string; line: number }[];
  subsections: { title: string; line: number }[];
  tasks: ModelTask[];
}
interface Expected {
  check: CliFinding[];
  models: Record<string, Model>;
  formatted: Record<string, string>;
  importFixture: string;
}

const EXAMPLES = ["shijiazhuang-finance-2020.tasktable", "siming-district-2021.tasktable", "xiamen-finance-2021.tasktable"];

function ws(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error("no workspace folder is open");
  return f.uri;
}
let expectedCache: Expected | undefined;
function expected(): Expected {
  expectedCache ??= JSON.parse(readFileSync(join(ws().fsPath, "..", "expected.json"), "utf8")) as Expected;
  return expectedCache;
}
const fileUri = (name: string) => vscode.Uri.joinPath(ws(), name);

async function open(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fileUri(name));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** "line:code" keys of the extension's diagnostics for a file (1-based lines), sorted. */
function diagnosticKeys(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === "tasktable")
    .map((d) => `${d.range.start.line + 1}:${typeof d.code === "object" ? d.code.value : d.code}`)
    .sort();
}
function cliKeys(name: string): string[] {
  return expected()
    .check.filter((f) => f.file.replace(/^\.\//, "") === name)
    .map((f) => `${f.line}:${f.code}`)
    .sort();
}

async function waitForDiagnostics(uri: vscode.Uri, want: string[], what: string, timeoutMs = 30_000): Promise<void> {
  await waitFor(
    () => `${what}\n  expected: ${JSON.stringify(want)}\n  actual:   ${JSON.stringify(diagnosticKeys(uri))}`,
    () => (JSON.stringify(diagnosticKeys(uri)) === JSON.stringify(want) ? true : undefined),
    timeoutMs,
  );
}

async function revert(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document, { preview: false });
  await vscode.commands.executeCommand("workbench.action.files.revert");
  await waitFor("the document to be reverted", () => (editor.document.isDirty ? undefined : true));
}

function applyTextEdits(text: string, doc: vscode.TextDocument, edits: readonly vscode.TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, doc.offsetAt(e.range.start)) + e.newText + out.slice(doc.offsetAt(e.range.end));
  return out;
}

function lineIndexOf(doc: vscode.TextDocument, test: (text: string) => boolean): number {
  for (let i = 0; i < doc.lineCount; i++) if (test(doc.lineAt(i).text)) return i;
  throw new Error(`no line matches in ${doc.uri.fsPath}`);
}

/**
 * Pids of the language servers this extension host runs: its children whose command line
 * runs the extension's dist/server.js. A killed one that is not reaped yet shows as
 * defunct, without its command line, and so is not counted.
 */
function serverPids(): number[] {
  const ext = vscode.extensions.getExtension("tasktable.tasktable");
  assert(ext, "the extension tasktable.tasktable is not known to the extension host");
  const server = join(ext.extensionPath, "dist", "server.js");
  return execFileSync("ps", ["-A", "-o", "pid=,ppid=,args="], { encoding: "utf8" })
    .split("\n")
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => !!m && Number(m[2]) === process.pid && m[3]!.includes(server))
    .map((m) => Number(m[1]));
}

/** The one running server's pid, once there is exactly one and it is not `old`. */
async function serverPid(old?: number): Promise<number> {
  return waitFor(
    () => `one language server process${old ? ` other than the killed ${old}` : ""} (running: ${serverPids().join(" ") || "none"})`,
    () => {
      const pids = serverPids();
      return pids.length === 1 && pids[0] !== old ? pids[0] : undefined;
    },
  );
}

export const tests: TestCase[] = [
  {
    name: "activates when an example is opened",
    fn: async () => {
      const ext = vscode.extensions.getExtension("tasktable.tasktable");
      assert(ext, "the extension tasktable.tasktable is not known to the extension host");
      const editor = await open("siming-district-2021.tasktable");
      assertEqual(editor.document.languageId, "tasktable", "language of a .tasktable file");
      await waitFor("the extension to activate", () => (ext.isActive ? true : undefined), 30_000);
      const { activation } = ext.exports as TaskTableApi;
      const serverMs = await activation.server;
      assert(activation.ms > 0 && serverMs !== null && serverMs > 0, `activation: ${activation.ms} ms, the server's start: ${serverMs}`);
      console.log(`[e2e] activation: ${activation.ms.toFixed(0)} ms; the language server answered initialize ${serverMs.toFixed(0)} ms after its launch`);
    },
  },
  ...EXAMPLES.map(
    (name): TestCase => ({
      name: `diagnostics of ${name} equal the CLI's (codes and lines)`,
      timeoutMs: 45_000,
      fn: async () => {
        const editor = await open(name);
        const want = cliKeys(name);
        assert(want.length > 0, `the CLI finds nothing in ${name}; the comparison would be empty`);
        await waitForDiagnostics(editor.document.uri, want, `the diagnostics of ${name} to equal the CLI's`);
      },
    }),
  ),
  {
    name: "completion at a lead field offers registry units; pinyin fgj finds 区发改局",
    fn: async () => {
      const editor = await open("siming-district-2021.tasktable");
      const doc = editor.document;
      const line = lineIndexOf(doc, (t) => /^\s*牵头：\s*$/.test(t));
      const at = new vscode.Position(line, doc.lineAt(line).text.indexOf("：") + 1);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>("vscode.executeCompletionItemProvider", doc.uri, at);
      const labels = list.items.map((i) => (typeof i.label === "string" ? i.label : i.label.label));
      for (const unit of ["区发改局", "区政务信息中心", "区应急管理局"]) assert(labels.includes(unit), `completion after 牵头： lacks ${unit}; got ${labels.slice(0, 30).join(" ")}`);

      // Type the pinyin initials and ask again: the item must survive VS Code's filter on "fgj".
      assert(await editor.edit((b) => b.insert(at, "fgj")), "the edit inserting fgj was refused");
      try {
        const after = new vscode.Position(line, at.character + 3);
        const list2 = await vscode.commands.executeCommand<vscode.CompletionList>("vscode.executeCompletionItemProvider", doc.uri, after);
        const item = list2.items.find((i) => (typeof i.label === "string" ? i.label : i.label.label) === "区发改局");
        assert(item, "no 区发改局 in the completion after typing fgj");
        const filter = (item.filterText ?? (typeof item.label === "string" ? item.label : item.label.label)).toLowerCase();
        assert(isSubsequence("fgj", filter), `the filter text of 区发改局 (${filter}) does not match fgj`);
        const range = item.range && "inserting" in item.range ? item.range.replacing : (item.range as vscode.Range | undefined);
        if (range) assert(range.start.character <= at.character, `the completion of 区发改局 would not replace the typed fgj (range starts at ${range.start.character})`);
      } finally {
        await revert(editor);
      }
    },
  },
  {
    name: "document symbols are the section > subsection > task tree",
    fn: async () => {
      const name = "xiamen-finance-2021.tasktable";
      const editor = await open(name);
      const model = expected().models[name]!;
      const roots = await waitFor("document symbols", async () => {
        const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>("vscode.executeDocumentSymbolProvider", editor.document.uri);
        return s && s.length ? s : undefined;
      });
      const sections = roots.filter((s) => s.children.length > 0 || /^[一二三四五六七八九十]+、/.test(s.name));
      assertEqual(sections.length, model.sections.length, "sections at the root of the outline");
      const subsections = sections.flatMap((s) => s.children);
      assertEqual(subsections.length, model.subsections.length, "subsections under the sections");
      const tasks = subsections.flatMap((s) => s.children);
      assertEqual(tasks.length, model.tasks.length, "tasks under the subsections");
      assertEqual(sections.map((s) => s.range.start.line + 1), model.sections.map((s) => s.line), "lines of the sections");
      assertEqual(tasks.map((s) => s.range.start.line + 1), model.tasks.map((t) => t.line), "lines of the tasks");
      for (const s of sections) assert(s.range.contains(s.children[0]?.range ?? s.range), `subsection outside its section ${s.name}`);
    },
  },
  {
    name: "the quick fix of a number gap renumbers",
    fn: async () => {
      const name = "siming-district-2021.tasktable";
      const editor = await open(name);
      const doc = editor.document;
      const gap = expected().check.find((f) => f.file.endsWith(name) && f.code === "TT101");
      assert(gap, "the CLI reports no TT101 in siming");
      const diag = await waitFor("the TT101 diagnostic", () =>
        vscode.languages.getDiagnostics(doc.uri).find((d) => d.range.start.line === gap.line - 1 && String(typeof d.code === "object" ? d.code.value : d.code) === "TT101"),
      );
      const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>("vscode.executeCodeActionProvider", doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
      const fixes = actions.filter((a): a is vscode.CodeAction => "edit" in a && !!a.edit && /^Renumber these/.test(a.title));
      assert(fixes.length > 0, `no “Renumber these …” quick fix with an edit for TT101; got ${actions.map((a) => a.title).join(" | ")}`);
      const before = doc.lineAt(gap.line - 1).text;
      try {
        assert(await vscode.workspace.applyEdit(fixes[0]!.edit!), `applying “${fixes[0]!.title}” failed`);
        const now = doc.lineAt(gap.line - 1).text;
        assert(now !== before, "the quick fix left the line as it was");
        assert(/^37[.．]/.test(now), `after the fix the line reads “${now.slice(0, 20)}”, not 37.`);
        await waitFor("the TT101 diagnostic to go away", () => (diagnosticKeys(doc.uri).includes(`${gap.line}:TT101`) ? undefined : true));
      } finally {
        await revert(editor);
      }
    },
  },
  {
    name: "formatting keeps every character (equals tasktable fmt)",
    fn: async () => {
      for (const name of EXAMPLES) {
        const editor = await open(name);
        const doc = editor.document;
        const edits = (await vscode.commands.executeCommand<vscode.TextEdit[] | undefined>("vscode.executeFormatDocumentProvider", doc.uri, { tabSize: 3, insertSpaces: true })) ?? [];
        const out = applyTextEdits(doc.getText(), doc, edits);
        const want = expected().formatted[name]!;
        if (out !== want) {
          let i = 0;
          while (i < out.length && out[i] === want[i]) i++;
          throw new Error(`${name}: the editor's formatting differs from tasktable fmt at offset ${i}: editor “${out.slice(i, i + 30)}” fmt “${want.slice(i, i + 30)}”`);
        }
        const strip = (s: string) => s.replace(/[\s0-9０-９.．、一二三四五六七八九十（）()]/g, "");
        assert(strip(out) === strip(doc.getText()), `${name}: formatting changed characters other than numbers and spacing`);
      }
    },
  },
  {
    name: "a broken tasktable.json is reported on it, and tables keep the last good config",
    timeoutMs: 60_000,
    fn: async () => {
      const configUri = fileUri("tasktable.json");
      const configDoc = await vscode.workspace.openTextDocument(configUri);
      await vscode.window.showTextDocument(configDoc, { preview: false });
      const good = configDoc.getText();
      const table = await open("xiamen-finance-2021.tasktable");
      const line = lineIndexOf(table.document, (t) => /^\s*牵头：办公室\s*$/.test(t));
      try {
        const broken = new vscode.WorkspaceEdit();
        broken.replace(configUri, new vscode.Range(0, 0, configDoc.lineCount, 0), good.replace(/\]\s*\}\s*$/, "],\n  \"rules\": {\n"));
        assert(await vscode.workspace.applyEdit(broken), "could not break the config");
        await configDoc.save();
        await waitFor("a tasktable diagnostic on the broken tasktable.json", () =>
          vscode.languages.getDiagnostics(configUri).some((d) => d.source === "tasktable") ? true : undefined,
        );
        // With the registry of the last good config, an abbreviation is a hint (TT206); with
        // no registry it would not be.
        const doc = table.document;
        const s = doc.lineAt(line).text.indexOf("办公室");
        assert(await table.edit((b) => b.replace(new vscode.Range(line, s, line, s + 3), "采购处")), "could not edit the table");
        await waitFor(
          () => `TT206 at line ${line + 1} with the last good registry (diagnostics there: ${diagnosticKeys(doc.uri).filter((k) => k.startsWith(`${line + 1}:`)).join(" ")})`,
          () => (diagnosticKeys(doc.uri).includes(`${line + 1}:TT206`) ? true : undefined),
        );
        const others = diagnosticKeys(doc.uri).filter((k) => !k.startsWith(`${line + 1}:`));
        assertEqual(others, cliKeys("xiamen-finance-2021.tasktable").filter((k) => !k.startsWith(`${line + 1}:`)), "the other diagnostics of xiamen under the broken config");
      } finally {
        await revert(table);
        const restore = new vscode.WorkspaceEdit();
        restore.replace(configUri, new vscode.Range(0, 0, configDoc.lineCount, 0), good);
        await vscode.workspace.applyEdit(restore);
        await configDoc.save();
        await waitFor("the config's diagnostics to clear", () =>
          vscode.languages.getDiagnostics(configUri).some((d) => d.source === "tasktable") ? undefined : true,
        );
      }
    },
  },
  {
    name: "export writes every format; import writes a .tasktable and opens it",
    timeoutMs: 60_000,
    fn: async () => {
      // The commands ask through dialogs; answer them by replacing the window functions on the
      // API object this extension shares with the test (both live in the extension's folder).
      const w = vscode.window as unknown as Record<string, unknown>;
      const saved = { showQuickPick: w.showQuickPick, showSaveDialog: w.showSaveDialog, showOpenDialog: w.showOpenDialog, showInformationMessage: w.showInformationMessage, showErrorMessage: w.showErrorMessage };
      const out = join(ws().fsPath, "..", "exported");
      mkdirSync(out, { recursive: true });
      const messages: string[] = [];
      let format = "";
      try {
        w.showQuickPick = async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>) => (await items).find((i) => i.label === format);
        w.showSaveDialog = async () => vscode.Uri.file(join(out, `siming.${format}`));
        w.showInformationMessage = async (m: string) => void messages.push(m);
        w.showErrorMessage = async (m: string) => void messages.push(`error: ${m}`);
        assert(vscode.window.showSaveDialog === w.showSaveDialog, "the API object refused the stand-in dialogs");
        await open("siming-district-2021.tasktable");
        for (format of ["json", "md", "html", "csv", "docx", "xlsx"]) {
          await vscode.commands.executeCommand("tasktable.export");
          const file = join(out, `siming.${format}`);
          assert(existsSync(file) && statSync(file).size > 0, `export to ${format} wrote nothing (messages: ${messages.join(" | ")})`);
          const head = readFileSync(file).subarray(0, 4).toString("latin1");
          if (format === "docx" || format === "xlsx") assert(head.startsWith("PK"), `${format} is not a zip`);
          if (format === "json") {
            const model = JSON.parse(readFileSync(file, "utf8")) as Model;
            assertEqual(model.tasks.length, expected().models["siming-district-2021.tasktable"]!.tasks.length, "tasks in the exported JSON");
          }
          if (format === "md" || format === "html") assert(readFileSync(file, "utf8").includes("思明区"), `${format} lacks the title`);
        }

        const src = join(out, "imported.txt");
        copyFileSync(expected().importFixture, src);
        const target = join(out, "imported.tasktable");
        w.showOpenDialog = async () => [vscode.Uri.file(src)];
        await vscode.commands.executeCommand("tasktable.import");
        assert(existsSync(target), `import wrote no ${target} (messages: ${messages.join(" | ")})`);
        const text = readFileSync(target, "utf8");
        assert(/^\s*1[.．]/m.test(text), "the imported table has no task 1.");
        await waitFor("the imported table to be the active editor", () => (vscode.window.activeTextEditor?.document.uri.fsPath === target ? true : undefined));
      } finally {
        Object.assign(w, saved);
      }
    },
  },
  // The restart tests come before the rename: the registry files it edits are still being
  // saved when it ends, and diagnostics taken then would change under the test.
  {
    name: "the server killed: the client restarts it, it diagnoses the unsaved text, and the editor keeps every edit",
    timeoutMs: 60_000,
    fn: async () => {
      const editor = await open("siming-district-2021.tasktable");
      const doc = editor.document;
      const line = lineIndexOf(doc, (t) => /^\s*牵头：区发改局\s*$/.test(t));
      const missingLead = `${line + 1}:TT201`;
      const killed = await serverPid();
      try {
        // An unsaved edit that empties a lead field: its defect is in the editor's text only.
        const colon = doc.lineAt(line).text.indexOf("：") + 1;
        assert(await editor.edit((b) => b.delete(new vscode.Range(line, colon, line, doc.lineAt(line).text.length))), "the edit emptying the lead was refused");
        await waitFor(`${missingLead} from the unsaved edit`, () => (diagnosticKeys(doc.uri).includes(missingLead) ? true : undefined));
        const want = diagnosticKeys(doc.uri);
        const text = doc.getText();
        const version = doc.version;

        process.kill(killed, "SIGKILL");
        await serverPid(killed);
        // The client drops the dead server's diagnostics before it starts the next server, so
        // what shows from here on was computed by the new one from the text the editor sent it.
        await waitForDiagnostics(doc.uri, want, `the restarted server's diagnostics to equal those before the kill, ${missingLead} included`);
        assert(doc.isDirty, "the document is no longer dirty after the restart");
        assert(doc.getText() === text, "the document's text changed across the restart");
        assertEqual(doc.version, version, "the document's version across the restart");
      } finally {
        await revert(editor);
      }
    },
  },
  {
    name: "a server that keeps dying: the client gives up, says so, and its Restart button brings the server back",
    timeoutMs: 90_000,
    fn: async () => {
      // The message is answered by hand, once the test has seen that no server runs.
      const w = vscode.window as unknown as Record<string, unknown>;
      const saved = w.showErrorMessage;
      const shown: string[] = [];
      let answer: (choice: string) => void = () => undefined;
      w.showErrorMessage = (message: string, ...items: string[]) => {
        shown.push(message);
        return new Promise<string | undefined>((resolve) => (answer = (choice) => resolve(items.find((i) => i === choice))));
      };
      try {
        const doc = (await open("xiamen-finance-2021.tasktable")).document;
        const want = await waitFor("the diagnostics of xiamen", () => (diagnosticKeys(doc.uri).length ? diagnosticKeys(doc.uri) : undefined));
        // The client restarts four times in three minutes; the deaths of earlier tests count.
        // Each server is killed once it has diagnosed the table, as after a crash at work.
        let pid = await serverPid();
        for (let kills = 1; ; kills++) {
          process.kill(pid, "SIGKILL");
          const next = await waitFor(`a new server, or the client giving up, after kill ${kills}`, () => (shown.length ? 0 : serverPids().find((p) => p !== pid)));
          if (!next) break;
          assert(kills < 5, `the client restarted the server after ${kills} kills in a row`);
          pid = next;
          await waitForDiagnostics(doc.uri, want, `the diagnostics of xiamen after restart ${kills}`);
        }
        assert(/stopped \d+ times in 3 minutes and will not be restarted automatically/.test(shown[0]!), `the message on giving up: ${shown.join(" | ")}`);
        await waitFor(() => `no server to run (running: ${serverPids().join(" ")})`, () => (serverPids().length ? undefined : true));
        await waitFor("the dead server's diagnostics to go", () => (diagnosticKeys(doc.uri).length ? undefined : true));

        answer("Restart");
        pid = await serverPid(pid);
        await waitForDiagnostics(doc.uri, want, "the diagnostics of xiamen after Restart");
        // Restart starts the count again: the next death is restarted without a word.
        process.kill(pid, "SIGKILL");
        await serverPid(pid);
        await waitForDiagnostics(doc.uri, want, "the diagnostics of xiamen after one more kill");
        assertEqual(shown.length, 1, `messages shown once the count started again (${shown.join(" | ")})`);
      } finally {
        w.showErrorMessage = saved;
        // A prompt left open by a failure still brings a server back for the tests after.
        answer("Restart");
      }
    },
  },
  {
    name: "rename of a unit changes the tables and the unit list of its office, and leaves another office's alone",
    fn: async () => {
      const name = "xiamen-finance-2021.tasktable";
      const editor = await open(name);
      const doc = editor.document;
      const line = lineIndexOf(doc, (t) => /^\s*牵头：办公室\s*$/.test(t));
      const pos = new vscode.Position(line, doc.lineAt(line).text.indexOf("办公室") + 1);
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>("vscode.executeDocumentRenameProvider", doc.uri, pos, "综合办公室");
      assert(edit, "no rename edit");
      const touched = new Set(edit.entries().map(([u]) => vscode.workspace.asRelativePath(u, false)));
      const naming = Object.entries(expected().models)
        .filter(([, m]) => m.tasks.some((t) => [...t.lead, ...t.partners].includes("办公室")))
        .map(([f]) => f);
      // The examples' config gives each office its own unit list (overrides): 办公室 in the
      // Shijiazhuang table is another office's.
      const others = naming.filter((f) => f !== name);
      assert(naming.includes(name) && others.length >= 1, `the examples name 办公室 in only ${naming.join(", ")}`);
      assert(touched.has(name), `rename does not touch ${name}; it touches ${[...touched].join(", ")}`);
      assert(touched.has("units/xiamen-finance.json"), `rename does not touch the office's unit list; it touches ${[...touched].join(", ")}`);
      for (const f of others) assert(!touched.has(f), `rename reaches ${f}, another office's table`);
      assert(![...touched].some((f) => f.startsWith("units/") && f !== "units/xiamen-finance.json"), `rename reaches another office's unit list: ${[...touched].join(", ")}`);
      assert(await vscode.workspace.applyEdit(edit), "applying the rename failed");
      const renamed = await vscode.workspace.openTextDocument(fileUri(name));
      assert(!/(^|[：、，,；;])办公室(?=$|[、，,；;])/m.test(renamed.getText()), `${name} still names 办公室 after the rename`);
      assert(renamed.getText().includes("综合办公室"), `${name} lacks 综合办公室 after the rename`);
      for (const f of others) {
        const d = await vscode.workspace.openTextDocument(fileUri(f));
        assert(!d.getText().includes("综合办公室"), `${f} was renamed too`);
      }
      await vscode.workspace.saveAll(false);
    },
  },
];

function isSubsequence(needle: string, hay: string): boolean {
  let i = 0;
  for (const ch of hay) if (ch === needle[i]) i++;
  return i === needle.length;
}
