// The language server: LSP requests answered from one analysis per document version.
// Everything about the format lives in the core; this file converts and routes.

import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import {
  CodeActionKind,
  CompletionItemKind,
  TextDocumentSyncKind,
  type CodeAction,
  type CompletionItem,
  type Connection,
  type Diagnostic,
  type DocumentSymbol,
  type InitializeParams,
  type InitializeResult,
  type Location,
  type SymbolInformation,
  type WorkspaceEdit,
  SemanticTokensBuilder,
} from "vscode-languageserver/node";
import { URI } from "vscode-uri";
import {
  LineIndex,
  TOKEN_MODIFIERS,
  TOKEN_TYPES,
  UnitIndex,
  complete,
  fixAllText,
  replacementEdit,
  safeFixEdits,
  completesFromBlock,
  foldingRanges,
  formatEdits,
  hover,
  outline,
  renameInRegistryText,
  renameUnitEdits,
  selectionRanges,
  semanticTokens,
  unitAt,
  unitOccurrences,
  unitUsage,
  type Edit,
  type Finding,
  type OutlineSymbol,
  type Settings,
} from "../core/index.js";
import { CONFIG_NAME, ConfigFiles } from "../host/config-files.js";
import { Analysis } from "./analysis.js";
import { SYMBOL_KIND, documentSymbols } from "./symbols.js";
import type { Documents } from "./documents.js";
import { toDiagnostics, toOffset, toRange, toTextEdit } from "./convert.js";
import { DiagnosticReports } from "./reports.js";
import { EXTENSION, WorkspaceIndex } from "./workspace.js";
import { CHECK_WORKSPACE_REQUEST, PREVIEW_REQUEST, STATS_REQUEST, UNITS_REQUEST, type Stats, type UnitSummary, type WorkspaceCheck } from "./protocol.js";
import { renderPreview } from "../core/features/preview.js";
import { unitWorkload } from "../core/features/lookup.js";
import { MemoKey } from "../core/memo.js";

const USAGE = new MemoKey<ReturnType<typeof unitUsage>>("unit usage");

export const FIX_ALL = `${CodeActionKind.SourceFixAll}.tasktable`;

export class TaskTableServer {
  private readonly open = new Map<string, Analysis>();
  private configs: ConfigFiles;
  private readonly index: WorkspaceIndex;
  private folders: string[] = [];
  private pull = false;
  private insertReplace = false;
  private hierarchical = true;
  private readonly docsBase = URI.file(join(__dirname, "..", "docs", "rules")).toString();
  private readonly unitIndexes = new Map<string, { generation: number; registry: Settings["registry"]; index: UnitIndex }>();
  /** An open table changed since the unit index was built: it is built again when idle. */
  private usageChanged = false;
  private lastUnitIndex: UnitIndex | undefined;
  /** The table last opened or edited: an idle warm-up builds the unit index for its settings. */
  private lastTable: string | undefined;
  private warmTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly pushTimers = new Map<string, NodeJS.Timeout>();
  private readonly reports = new DiagnosticReports();
  private semanticRefresh = false;
  /** The client resolves a code action's edit when it is taken. */
  private resolveEdit = false;
  private configProblemsTimer: ReturnType<typeof setTimeout> | undefined;
  private configProblemsShown = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: Documents,
  ) {
    this.configs = new ConfigFiles({ read: (p) => this.readFile(p) });
    this.index = new WorkspaceIndex(
      (p) => this.configs.settingsFor(p),
      (uri) => (this.documents.get(uri) && this.isTable(uri) ? this.analysis(uri) : undefined),
    );
    this.register();
  }

  /** Open buffers first, then disk: a config being edited takes effect as it is typed. */
  private readFile(path: string): string | null {
    const doc = this.documents.get(URI.file(path).toString());
    if (doc) return doc.getText();
    try {
      return readFileSync(path, "utf8");
    } catch {
      return null;
    }
  }

  settingsFor(uri: string): Settings {
    const path = this.pathOf(uri);
    return path === null ? this.configs.defaults() : this.configs.settingsFor(path);
  }

  /**
   * The path a document's config is found from: its own, or for a document not saved yet
   * (untitled), a place in the first workspace folder, so that the team's config applies;
   * null for an untitled one with no folder open (the defaults apply).
   */
  private pathOf(uri: string): string | null {
    const u = URI.parse(uri);
    if (u.scheme !== "untitled") return u.fsPath;
    return this.folders.length ? join(this.folders[0], basename(u.path) || "untitled") : null;
  }

  /** A task table: a .tasktable file, or a document the editor says is one (untitled ones). */
  private isTable(uri: string): boolean {
    return isTable(uri) || this.documents.get(uri)?.languageId === LANGUAGE_ID;
  }

  /**
   * Which registry a table's units are names in, as the lists it is read from (see
   * `registryLists`). Workspace-wide answers (references, completion counts, hover) stay
   * within tables of one scope: 办公室 in one office's table is not 办公室 in another's.
   */
  private scopeOf(uri: string): string {
    return this.registryLists(uri).join("\u0000");
  }

  /**
   * The unit lists a table's registry is read from: its config's list in force (the
   * top-level one, or the last matching override's) and the unit files of the layer in
   * force. Tables with the same lists have the same registry. None without a config.
   */
  private registryLists(uri: string): string[] {
    const path = this.pathOf(uri);
    const src = path === null ? null : this.configs.registrySources(path);
    if (!src) return [];
    return [src.top ? `${src.config}#units` : `${src.config}#overrides/${src.overrides[0]}/units`, ...src.unitFiles];
  }

  /** Every table of a scope, open or not. */
  private *inScope(scope: string): Iterable<Analysis> {
    for (const a of this.allAnalyses()) if (this.scopeOf(a.uri) === scope) yield a;
  }

  /** The analysis of an open document at its current version (built once per version). */
  analysis(uri: string): Analysis | undefined {
    return this.analysisReaching(uri, Infinity);
  }

  /**
   * An analysis of the current version that has parsed the block at `offset`: the whole one
   * if it is built, else one that stops at the first heading after the offset.
   */
  private analysisReaching(uri: string, offset: number): Analysis | undefined {
    const doc = this.documents.get(uri);
    if (!doc) return this.index.get(uri);
    const settings = this.settingsFor(uri);
    const cached = this.open.get(uri);
    const current = cached && cached.version === doc.version && cached.settings === settings;
    if (current && cached.reaches(offset)) return cached;
    let previous: { analysis: Analysis; editStart: number; unchangedTail?: number } | undefined;
    if (current) {
      // The same text, parsed further: everything the partial analysis parsed stands.
      previous = { analysis: cached, editStart: doc.getText().length };
    } else {
      const edits = this.documents.takeEdits(uri);
      // The previous analysis is handed over to the new one, which may take its end over.
      if (cached && edits !== undefined && cached.version < doc.version) previous = { analysis: cached, editStart: edits.start, unchangedTail: edits.unchangedTail };
    }
    const a = new Analysis(uri, doc.version, doc.getText(), settings, previous, offset === Infinity ? undefined : offset);
    this.open.set(uri, a);
    return a;
  }

  private usage(a: Analysis) {
    return a.model.memo.get(USAGE, () => unitUsage(a.model));
  }

  /**
   * Registry units and every unit the tables of a scope use, ranked by use; rebuilt on change.
   * One index a scope, for the few in use (a workspace of several folders or offices may have
   * one each), so that tables of two scopes do not rebuild each other's.
   */
  unitIndex(uri: string, settings: Settings): UnitIndex {
    const registry = settings.registry;
    const scope = this.scopeOf(uri);
    const c = this.unitIndexes.get(scope);
    if (c && c.generation === this.index.generation && c.registry === registry) return c.index;
    const counts = new Map<string, number>();
    for (const a of this.inScope(scope)) {
      for (const [name, n] of this.usage(a)) {
        // Letters alone are pinyin an input method had not yet turned into characters.
        if (isLatinWord(name)) continue;
        counts.set(name, (counts.get(name) ?? 0) + n.leads + n.joins);
      }
    }
    // Pinyin keys depend on names only: any index at hand gives those of unchanged units.
    const index = new UnitIndex(registry, counts, c?.index ?? this.lastUnitIndex);
    this.unitIndexes.delete(scope);
    this.unitIndexes.set(scope, { generation: this.index.generation, registry, index });
    // A registry replaced by a config change is dropped here, the least recently built first.
    if (this.unitIndexes.size > 4) this.unitIndexes.delete(this.unitIndexes.keys().next().value!);
    this.lastUnitIndex = index;
    return index;
  }

  /**
   * Builds the unit index for a table's settings while the server is idle (after a table opens,
   * the workspace is read or the config changes), so that the first unit completion does not
   * wait for the pinyin of the whole registry. A request that comes first builds it itself.
   * `uri`: the table to build it for; by default the table last opened or edited.
   */
  private warmUnitIndex(uri?: string) {
    if (uri) this.lastTable = uri;
    clearTimeout(this.warmTimer);
    this.warmTimer = setTimeout(() => {
      this.warmTimer = undefined;
      // While the workspace is being read the counts still change: wait for it.
      if (this.index.busy) return this.warmUnitIndex();
      if (this.usageChanged) {
        this.usageChanged = false;
        for (const c of this.unitIndexes.values()) c.generation = -1;
      }
      const table = this.lastTable && this.documents.get(this.lastTable) ? this.lastTable : this.documents.all().find((d) => this.isTable(d.uri))?.uri;
      if (table) this.unitIndex(table, this.settingsFor(table)).prepare();
    }, 300);
    this.warmTimer.unref?.();
  }

  /** The counts changed: each index is built again when next asked, from the keys it has. */
  private staleUnitIndex() {
    for (const c of this.unitIndexes.values()) c.generation = -1;
    this.warmUnitIndex();
  }

  private *allAnalyses(): Iterable<Analysis> {
    const seen = new Set<string>();
    for (const a of this.index.analyses()) {
      seen.add(a.uri);
      yield a;
    }
    for (const doc of this.documents.all()) if (this.isTable(doc.uri) && !seen.has(doc.uri)) yield this.analysis(doc.uri)!;
  }

  stats(uri: string): Stats | null {
    const a = this.analysis(uri);
    if (!a) return null;
    const f = a.findings;
    return {
      sections: a.model.sections.length,
      subsections: a.model.subsections.length,
      tasks: a.model.tasks.length,
      withoutLead: a.model.tasks.filter((t) => t.lead.length === 0).length,
      errors: f.filter((x) => x.severity === "error").length,
      warnings: f.filter((x) => x.severity === "warning").length,
      notes: f.filter((x) => x.severity === "info" || x.severity === "hint").length,
    };
  }

  private diagnostics(uri: string): Diagnostic[] {
    if (isConfigFile(uri) || this.isUnitFile(uri)) return this.configDiagnostics(uri);
    if (!this.isTable(uri)) return [];
    const a = this.analysis(uri);
    if (!a) return [];
    return this.toDiagnostics(a);
  }

  private toDiagnostics(a: Analysis): Diagnostic[] {
    return toDiagnostics(a.lines, a.uri, a.findings, this.docsBase);
  }

  private configDiagnostics(uri: string): Diagnostic[] {
    const path = URI.parse(uri).fsPath;
    // Reading the settings of any table loads the config; make sure this one is loaded.
    if (isConfigFile(uri)) this.configs.config(path);
    const f = this.configs.loaded().get(path);
    if (!f) return [];
    const lines = new LineIndex(f.text);
    return f.problems.map((p) => ({
      range: toRange(lines, p),
      severity: 1,
      source: "tasktable",
      message: f.stale ? `${p.message}（配置无法解析，仍使用上一次有效的配置）` : p.message,
    }));
  }

  /** After a config change: every analysis is stale, and so is every published diagnostic. */
  private configChanged(path?: string) {
    this.configs.invalidate(path);
    this.staleUnitIndex();
    this.index.reindexAll();
    this.refreshDiagnostics();
    this.scheduleConfigProblems();
  }

  private refreshDiagnostics() {
    if (this.pull) void this.connection.languages.diagnostics.refresh();
    else for (const doc of this.documents.all()) this.schedulePush(doc.uri, 0);
    // Registered or not: the colours of unit names follow the registry.
    if (this.semanticRefresh) void this.connection.languages.semanticTokens.refresh();
  }

  /**
   * The problems of config and unit files, published for those not open (an open one's are
   * pulled like a table's): a unit file that is not JSON shows in the Problems panel whether
   * or not anyone opens it. Files whose problems went away are cleared.
   */
  private scheduleConfigProblems() {
    clearTimeout(this.configProblemsTimer);
    this.configProblemsTimer = setTimeout(() => {
      // Loads the configs of the open tables, if nothing has yet.
      for (const doc of this.documents.all()) if (this.isTable(doc.uri)) this.settingsFor(doc.uri);
      const now = new Set<string>();
      for (const [path, f] of this.configs.loaded()) {
        const uri = URI.file(path).toString();
        if (this.pull && this.documents.get(uri)) continue;
        if (f.problems.length) {
          now.add(uri);
          void this.connection.sendDiagnostics({ uri, diagnostics: this.configDiagnostics(uri) });
        }
      }
      for (const uri of this.configProblemsShown) if (!now.has(uri) && !(this.pull && this.documents.get(uri))) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      this.configProblemsShown = now;
    }, 50);
    this.configProblemsTimer.unref?.();
  }

  private schedulePush(uri: string, delay = 50) {
    clearTimeout(this.pushTimers.get(uri));
    this.pushTimers.set(
      uri,
      setTimeout(() => {
        this.pushTimers.delete(uri);
        const doc = this.documents.get(uri);
        if (doc) void this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics: this.diagnostics(uri) });
      }, delay),
    );
  }

  private register() {
    const c = this.connection;
    c.onInitialize((p) => this.initialize(p));
    c.onInitialized(() => {
      this.index.scan(this.folders, () => {
        this.staleUnitIndex();
        this.scheduleConfigProblems();
      });
    });

    this.documents.onDidChangeContent((e) => {
      // The units a table names may have changed: the index follows once the typing stops (a
      // warm-up waits until then), not on every keystroke.
      if (this.isTable(e.document.uri)) {
        this.usageChanged = true;
        this.warmUnitIndex(e.document.uri);
      } else if (this.warmTimer) this.warmUnitIndex();
      if (isConfigFile(e.document.uri) || this.isUnitFile(e.document.uri)) {
        this.configChanged(URI.parse(e.document.uri).fsPath);
        if (!this.pull || isConfigFile(e.document.uri)) this.schedulePush(e.document.uri);
        return;
      }
      if (!this.pull) this.schedulePush(e.document.uri);
    });
    this.documents.onDidOpen((e) => {
      this.index.opened(e.document.uri);
      if (this.isTable(e.document.uri)) {
        // The buffer may differ from the file on disk the index counted.
        this.usageChanged = true;
        this.warmUnitIndex(e.document.uri);
        this.scheduleConfigProblems();
      }
    });
    this.documents.onDidClose((e) => {
      const uri = e.document.uri;
      this.open.delete(uri);
      this.reports.forget(uri);
      if (!this.pull) void c.sendDiagnostics({ uri, diagnostics: [] });
      if (isConfigFile(uri) || this.isUnitFile(uri)) {
        // Closed without saving: the file on disk is the config again.
        this.configChanged(URI.parse(uri).fsPath);
        return;
      }
      if (isTable(uri) || e.document.languageId === LANGUAGE_ID) {
        // Read from disk again if it is there; a table never saved no longer counts.
        this.index.closed(uri);
        this.usageChanged = true;
        this.warmUnitIndex();
      }
    });
    c.onDidChangeWatchedFiles((e) => {
      let config = false;
      for (const ch of e.changes) {
        const path = URI.parse(ch.uri).fsPath;
        if (isConfigFile(ch.uri) || this.isUnitFile(ch.uri)) config = true;
        else if (path.endsWith(EXTENSION)) {
          if (ch.type === 3) this.index.remove(path);
          else this.index.indexFile(path);
        }
      }
      if (config) this.configChanged();
    });

    c.languages.diagnostics.on((p) => {
      const uri = p.textDocument.uri;
      // Result ids for open tables only: they are forgotten when the table closes.
      const a = this.isTable(uri) && this.documents.get(uri) ? this.analysis(uri) : undefined;
      if (!a) return { kind: "full", items: this.diagnostics(uri) };
      return this.reports.report(uri, p.previousResultId, a.lines, a.findings, () => this.toDiagnostics(a));
    });

    c.onCompletion((p) => {
      const uri = p.textDocument.uri;
      if (!this.isTable(uri)) return null;
      // Unit names need only the text above the cursor and the block it is in: a long table
      // is parsed only that far when nothing else has asked for the whole of this version.
      // Labels and numbers follow the whole table, and wait for the whole analysis.
      const doc = this.documents.get(uri);
      let a = doc ? this.analysisReaching(uri, doc.offsetAt(p.position)) : this.analysis(uri);
      if (!a) return null;
      const offset = toOffset(a.lines, p.position);
      if (!a.whole && !completesFromBlock(a.model, offset)) a = this.analysis(uri)!;
      const r = complete(a.model, offset, this.unitIndex(uri, a.settings), a.settings, a.settings.snippets);
      const items: CompletionItem[] = r.items.map((it) => {
        const replace = toRange(a.lines, it.replace);
        const insert = { start: replace.start, end: p.position };
        return {
          label: it.label,
          kind: it.kind === "unit" ? CompletionItemKind.Unit : it.kind === "label" ? CompletionItemKind.Property : it.kind === "number" ? CompletionItemKind.EnumMember : CompletionItemKind.Snippet,
          detail: it.detail,
          documentation: it.documentation,
          filterText: it.filterText,
          sortText: it.sortText,
          insertTextFormat: it.snippet ? 2 : 1,
          textEdit: this.insertReplace ? { newText: it.insertText, insert, replace } : { newText: it.insertText, range: replace },
        };
      });
      return { isIncomplete: r.isIncomplete, items };
    });

    c.onHover((p) => {
      const a = this.tableAnalysis(p.textDocument.uri);
      if (!a) return null;
      const h = hover(a.model, toOffset(a.lines, p.position), a.settings.registry, (canonical) => this.workspaceCounts(this.scopeOf(a.uri), canonical), a.settings.locale);
      return h && { range: toRange(a.lines, h.range), contents: { kind: "markdown", value: h.contents } };
    });

    c.onDocumentSymbol((p) => {
      const a = this.tableAnalysis(p.textDocument.uri);
      if (!a) return [];
      const tree = documentSymbols(a.model, a.lines);
      if (this.hierarchical) return tree;
      const flat: SymbolInformation[] = [];
      const walk = (xs: DocumentSymbol[], container?: string) => {
        for (const x of xs) {
          flat.push({ name: x.name, kind: x.kind, location: { uri: p.textDocument.uri, range: x.range }, containerName: container });
          walk(x.children ?? [], x.name);
        }
      };
      walk(tree);
      return flat;
    });

    c.onWorkspaceSymbol((p) => {
      const q = p.query.toLowerCase();
      const out: SymbolInformation[] = [];
      for (const a of this.allAnalyses()) {
        const walk = (xs: OutlineSymbol[], container?: string) => {
          for (const s of xs) {
            if (!q || s.name.toLowerCase().includes(q) || s.detail.includes(p.query)) {
              out.push({ name: s.name, kind: SYMBOL_KIND[s.kind], location: { uri: a.uri, range: toRange(a.lines, s.selectionRange) }, containerName: container });
            }
            walk(s.children, s.name);
          }
        };
        walk(outline(a.model));
        if (out.length > 2000) break;
      }
      return out;
    });

    c.onFoldingRanges((p) => {
      const a = this.tableAnalysis(p.textDocument.uri);
      return a ? foldingRanges(a.model) : [];
    });

    c.onSelectionRanges((p) => {
      const a = this.tableAnalysis(p.textDocument.uri);
      if (!a) return [];
      return p.positions.map((pos) => {
        const rs = selectionRanges(a.model, toOffset(a.lines, pos));
        let parent: { range: ReturnType<typeof toRange>; parent?: unknown } | undefined;
        for (let i = rs.length - 1; i >= 0; i--) parent = { range: toRange(a.lines, rs[i]), parent };
        return (parent ?? { range: { start: pos, end: pos } }) as never;
      });
    });

    c.onReferences((p) => {
      const a = this.tableAnalysis(p.textDocument.uri);
      if (!a) return [];
      const u = unitAt(a.model, toOffset(a.lines, p.position));
      if (!u) return [];
      const out: Location[] = [];
      if (p.context.includeDeclaration) out.push(...this.registryLocations(a.uri, u.canonical));
      for (const b of this.inScope(this.scopeOf(a.uri))) {
        for (const o of unitOccurrences(b.model, u.canonical)) out.push({ uri: b.uri, range: toRange(b.lines, o.range) });
      }
      return out;
    });

    c.onPrepareRename((p) => {
      const a = this.tableAnalysis(p.textDocument.uri);
      if (!a) return null;
      const u = unitAt(a.model, toOffset(a.lines, p.position));
      if (!u || u.inheritedFrom) return null;
      return { range: toRange(a.lines, u.range), placeholder: u.canonical };
    });

    c.onRenameRequest((p) => {
      const a = this.tableAnalysis(p.textDocument.uri);
      if (!a) return null;
      const u = unitAt(a.model, toOffset(a.lines, p.position));
      if (!u || u.inheritedFrom) return null;
      const newName = p.newName.trim();
      if (!newName) return null;
      const changes: WorkspaceEdit["changes"] = {};
      const registry = this.registryEdits(a.uri, u.canonical, newName);
      for (const { path, text, edits } of registry) {
        const lines = new LineIndex(text);
        changes[URI.file(path).toString()] = edits.map((e) => toTextEdit(lines, e));
      }
      // The tables of this scope, and every other table that reads a list renamed here (a
      // top-level list or a unit file several offices share): left out, they would name a
      // unit the list no longer has.
      const renamed = new Set(registry.map((r) => r.list));
      const scope = this.scopeOf(a.uri);
      for (const b of this.allAnalyses()) {
        if (this.scopeOf(b.uri) !== scope && !this.registryLists(b.uri).some((l) => renamed.has(l))) continue;
        const edits = renameUnitEdits(b.model, u.canonical, newName);
        if (edits.length) changes[b.uri] = edits.map((e) => toTextEdit(b.lines, e));
      }
      return { changes };
    });

    c.onCodeAction((p) => {
      const a = this.tableAnalysis(p.textDocument.uri);
      if (!a) return [];
      const only = p.context.only;
      const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(o + "."));
      const out: CodeAction[] = [];
      if (wants(CodeActionKind.QuickFix)) {
        for (const d of p.context.diagnostics) {
          // The diagnostic the client holds may come from an earlier version whose findings
          // were the same: the finding is found again by its code and place in this one.
          if (d.source !== "tasktable") continue;
          const f = findingAt(a, d.code, toOffset(a.lines, d.range.start), toOffset(a.lines, d.range.end));
          if (!f) continue;
          f.fixes.forEach((fix, i) => {
            out.push({
              title: fix.title,
              kind: CodeActionKind.QuickFix,
              diagnostics: [d],
              isPreferred: i === 0 && fix.safe,
              edit: { changes: { [a.uri]: fix.edits.map((e) => toTextEdit(a.lines, e)) } },
            });
          });
        }
      }
      if (wants(FIX_ALL)) {
        const edits = fixAllEdits(a);
        if (edits.length) {
          const title = a.settings.locale === "en" ? "Fix all safe problems" : "修复全部可安全修复的问题";
          // Offered on every cursor move: the passes after the first (another analysis each)
          // run only when the action is taken, where the client can resolve it then.
          if (this.resolveEdit) out.push({ title, kind: FIX_ALL, data: { uri: a.uri } });
          else out.push({ title, kind: FIX_ALL, edit: { changes: { [a.uri]: edits.map((e) => toTextEdit(a.lines, e)) } } });
        }
      }
      return out;
    });

    c.onCodeActionResolve((action) => {
      const uri = (action.data as { uri?: string } | undefined)?.uri;
      const a = action.kind === FIX_ALL && uri ? this.tableAnalysis(uri) : undefined;
      if (!a) return action;
      const e = fixAllPassesEdit(a);
      return { ...action, edit: { changes: { [a.uri]: e ? [toTextEdit(a.lines, e)] : [] } } };
    });

    c.onDocumentFormatting((p) => {
      const a = this.tableAnalysis(p.textDocument.uri);
      if (!a) return [];
      return formatEdits(a.model.tree, { labels: a.settings.format.labels }).map((e) => toTextEdit(a.lines, e));
    });

    c.onDocumentRangeFormatting((p) => {
      const a = this.tableAnalysis(p.textDocument.uri);
      if (!a) return [];
      return formatEdits(a.model.tree, { labels: a.settings.format.labels }, { startLine: p.range.start.line, endLine: p.range.end.line }).map((e) => toTextEdit(a.lines, e));
    });

    c.languages.semanticTokens.on((p) => {
      const a = this.tableAnalysis(p.textDocument.uri);
      const b = new SemanticTokensBuilder();
      if (!a) return b.build();
      for (const t of semanticTokens(a.model)) {
        const pos = a.lines.positionAt(t.start);
        let mods = 0;
        for (const m of t.modifiers) mods |= 1 << TOKEN_MODIFIERS.indexOf(m);
        b.push(pos.line, pos.character, t.end - t.start, TOKEN_TYPES.indexOf(t.type), mods);
      }
      return b.build();
    });

    c.onRequest(STATS_REQUEST, (p: { uri: string }) => this.stats(p.uri));
    c.onRequest(CHECK_WORKSPACE_REQUEST, () => this.checkWorkspace());
    c.onRequest(UNITS_REQUEST, () => this.units());
    c.onRequest(PREVIEW_REQUEST, (p: { uri: string }) => {
      const a = this.tableAnalysis(p.uri);
      return a ? renderPreview(a.model, a.findings, { locale: a.settings.locale }).html : null;
    });
    c.onRequest("tasktable/fixAll", (p: { uri: string }) => {
      const a = this.tableAnalysis(p.uri);
      return a ? fixAllText(a.text, a.settings, a.findings) : null;
    });
  }

  /**
   * Every table in the workspace, open or not, checked into the Problems panel. Open
   * documents keep their own (pulled) diagnostics; the others are pushed.
   */
  private async checkWorkspace(): Promise<WorkspaceCheck> {
    await new Promise<void>((resolve) => {
      const wait = () => (this.index.busy ? setTimeout(wait, 20) : resolve());
      wait();
    });
    let files = 0;
    let errors = 0;
    let warnings = 0;
    for (const a of this.allAnalyses()) {
      files++;
      const f = a.findings;
      errors += f.filter((x) => x.severity === "error").length;
      warnings += f.filter((x) => x.severity === "warning").length;
      if (this.documents.get(a.uri) && this.pull) continue;
      void this.connection.sendDiagnostics({ uri: a.uri, diagnostics: this.toDiagnostics(a) });
    }
    return { files, errors, warnings };
  }

  /** Every unit of the registries and the tables, with the tasks it leads and joins. */
  private units(): UnitSummary[] {
    const byUnit = new Map<string, UnitSummary>();
    const get = (unit: string, registered: boolean) => {
      let e = byUnit.get(unit);
      if (!e) byUnit.set(unit, (e = { unit, names: [], registered, leads: [], joins: [] }));
      return e;
    };
    const registries = new Set<Settings["registry"]>();
    for (const a of this.allAnalyses()) {
      registries.add(a.settings.registry);
      for (const w of unitWorkload(a.model)) {
        const e = get(w.unit, !!a.settings.registry.lookup(w.unit));
        for (const n of w.names) if (!e.names.includes(n)) e.names.push(n);
        const ref = (t: (typeof w.leadTasks)[number]) => ({ uri: a.uri, line: t.line, label: `${t.number ?? ""}${t.number !== null ? ". " : ""}${t.title}` });
        e.leads.push(...w.leadTasks.map(ref));
        e.joins.push(...w.joinTasks.map(ref));
      }
    }
    // Registered units that no table names yet: they lead nothing, and that stands out.
    for (const r of registries) for (const entry of r.entries) get(entry.name, true);
    return [...byUnit.values()].sort((a, b) => b.leads.length + b.joins.length - (a.leads.length + a.joins.length) || (a.unit < b.unit ? -1 : 1));
  }

  private tableAnalysis(uri: string): Analysis | undefined {
    return this.isTable(uri) ? this.analysis(uri) : undefined;
  }

  private isUnitFile(uri: string): boolean {
    const path = URI.parse(uri).fsPath;
    return uri.endsWith(".json") && this.configs.loaded().has(path) && !isConfigFile(uri);
  }

  /**
   * Where the registry in force for a table names a unit: its config's list and its unit
   * files. `list`: which of the table's `registryLists` each edit is in.
   */
  private registryEdits(uri: string, canonical: string, newName: string): { path: string; list: string; text: string; edits: Edit[] }[] {
    const path = this.pathOf(uri);
    const src = path === null ? null : this.configs.registrySources(path);
    if (!src) return [];
    const lists = this.registryLists(uri);
    const out: { path: string; list: string; text: string; edits: Edit[] }[] = [];
    const add = (path: string, list: string, layers?: { top: boolean; overrides: readonly number[] }) => {
      const f = this.configs.loaded().get(path);
      if (!f) return;
      const edits = renameInRegistryText(f.text, canonical, newName, layers);
      if (edits.length) out.push({ path, list, text: f.text, edits });
    };
    add(src.config, lists[0], src);
    for (const file of src.unitFiles) add(file, file);
    return out;
  }

  private registryLocations(uri: string, canonical: string): Location[] {
    const out: Location[] = [];
    for (const { path, text, edits } of this.registryEdits(uri, canonical, canonical)) {
      const lines = new LineIndex(text);
      for (const e of edits) out.push({ uri: URI.file(path).toString(), range: toRange(lines, e) });
    }
    return out;
  }

  private workspaceCounts(scope: string, canonical: string) {
    let files = 0;
    let leads = 0;
    let joins = 0;
    for (const a of this.inScope(scope)) {
      const u = this.usage(a).get(canonical);
      if (!u) continue;
      files++;
      leads += u.leads;
      joins += u.joins;
    }
    return { files, leads, joins };
  }

  private initialize(p: InitializeParams): InitializeResult {
    const caps = p.capabilities;
    this.pull = !!caps.textDocument?.diagnostic;
    this.insertReplace = !!caps.textDocument?.completion?.completionItem?.insertReplaceSupport;
    this.semanticRefresh = !!caps.workspace?.semanticTokens?.refreshSupport;
    this.resolveEdit = !!caps.textDocument?.codeAction?.resolveSupport?.properties.includes("edit");
    this.hierarchical = caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport !== false;
    this.folders = (p.workspaceFolders ?? []).map((f) => URI.parse(f.uri).fsPath);
    if (this.folders.length === 0 && p.rootUri) this.folders = [URI.parse(p.rootUri).fsPath];
    const locale = (p.initializationOptions as { locale?: string } | undefined)?.locale ?? p.locale;
    if (locale && !locale.toLowerCase().startsWith("zh")) this.configs = new ConfigFiles({ read: (x) => this.readFile(x), locale: "en" });
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        // What input methods actually commit: Chinese separators and the colon after a label.
        completionProvider: { triggerCharacters: ["、", "，", ",", "；", ";", "：", ":", " ", "　"] },
        hoverProvider: true,
        documentSymbolProvider: { label: "tasktable" },
        workspaceSymbolProvider: true,
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL], resolveProvider: true },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        semanticTokensProvider: { legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] }, full: true },
      },
      serverInfo: { name: "tasktable", version: "0.1.0" },
    };
    if (this.pull) result.capabilities.diagnosticProvider = { interFileDependencies: true, workspaceDiagnostics: false };
    return result;
  }
}

/** The finding with this code and range; findings are sorted by where they start. */
function findingAt(a: Analysis, code: unknown, start: number, end: number): Finding | undefined {
  const fs = a.findings;
  let lo = 0;
  let hi = fs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (fs[mid].range.start < start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < fs.length && fs[i].range.start === start; i++) if (fs[i].code === code && fs[i].range.end === end) return fs[i];
  return undefined;
}

/** Every safe fix of every finding above hint level, without overlaps: one pass. */
export function fixAllEdits(a: Analysis): Edit[] {
  return safeFixEdits(a.findings);
}

/**
 * Every safe fix, in as many passes as it takes (a fix may bring another finding to light),
 * as one edit; null when there is nothing to fix.
 */
export function fixAllPassesEdit(a: Analysis): Edit | null {
  return replacementEdit(a.text, fixAllText(a.text, a.settings, a.findings));
}

const LANGUAGE_ID = "tasktable";

export function isTable(uri: string): boolean {
  return uri.endsWith(EXTENSION);
}

/** Only letters (and the ' that splits syllables), as an input method leaves pinyin before it turns it into characters. */
function isLatinWord(name: string): boolean {
  return /^[A-Za-z']+$/.test(name);
}

export function isConfigFile(uri: string): boolean {
  return uri.endsWith("/" + CONFIG_NAME);
}

