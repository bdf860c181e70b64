// The "by unit" view in the explorer: every unit of the registry and the workspace's
// tables, with the tasks it leads and joins. A unit that leads nothing, or goes by more
// than one name, stands out.

import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { UNITS_REQUEST, type UnitSummary, type UnitTaskRef } from "../../server/src/lsp/protocol.js";

export const UNITS_VIEW = "tasktable.units";

type Node = { kind: "unit"; unit: UnitSummary } | { kind: "group"; unit: UnitSummary; role: "leads" | "joins" } | { kind: "task"; ref: UnitTaskRef };

class UnitsProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private units: UnitSummary[] = [];

  constructor(private readonly client: () => LanguageClient | undefined) {}

  async refresh() {
    const c = this.client();
    if (!c) return;
    this.units = (await c.sendRequest<UnitSummary[]>(UNITS_REQUEST)) ?? [];
    this.changed.fire();
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.units.map((unit) => ({ kind: "unit", unit }));
    if (node.kind === "unit") {
      const out: Node[] = [];
      if (node.unit.leads.length) out.push({ kind: "group", unit: node.unit, role: "leads" });
      if (node.unit.joins.length) out.push({ kind: "group", unit: node.unit, role: "joins" });
      return out;
    }
    if (node.kind === "group") return node.unit[node.role].map((ref) => ({ kind: "task", ref }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === "unit") {
      const u = node.unit;
      const item = new vscode.TreeItem(u.unit, u.leads.length + u.joins.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.description = vscode.l10n.t("leads {0} · joins {1}", u.leads.length, u.joins.length);
      const others = u.names.filter((n) => n !== u.unit);
      const notes: string[] = [];
      if (u.leads.length === 0) notes.push(vscode.l10n.t("leads no task"));
      if (others.length) notes.push(vscode.l10n.t("also written as {0}", others.join("、")));
      if (!u.registered) notes.push(vscode.l10n.t("not in the unit registry"));
      item.tooltip = [u.unit, ...notes].join("\n");
      item.iconPath = new vscode.ThemeIcon(
        others.length || u.leads.length === 0 ? "warning" : "organization",
        others.length || u.leads.length === 0 ? new vscode.ThemeColor("list.warningForeground") : undefined,
      );
      item.contextValue = "unit";
      return item;
    }
    if (node.kind === "group") {
      const n = node.unit[node.role].length;
      const item = new vscode.TreeItem(node.role === "leads" ? vscode.l10n.t("Leads ({0})", n) : vscode.l10n.t("Joins ({0})", n), vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = new vscode.ThemeIcon(node.role === "leads" ? "star-full" : "people");
      return item;
    }
    const uri = vscode.Uri.parse(node.ref.uri);
    const item = new vscode.TreeItem(node.ref.label, vscode.TreeItemCollapsibleState.None);
    item.description = uri.path.split("/").pop();
    item.iconPath = new vscode.ThemeIcon("symbol-event");
    item.command = {
      command: "vscode.open",
      title: vscode.l10n.t("Open"),
      arguments: [uri, { selection: new vscode.Range(node.ref.line, 0, node.ref.line, 0) }],
    };
    return item;
  }
}

export function registerUnitsView(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const provider = new UnitsProvider(client);
  const view = vscode.window.createTreeView(UNITS_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  let timer: NodeJS.Timeout | undefined;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void provider.refresh().catch(() => undefined), 500);
  };
  context.subscriptions.push(
    view,
    vscode.languages.onDidChangeDiagnostics(later),
    vscode.workspace.onDidSaveTextDocument(later),
    vscode.commands.registerCommand("tasktable.refreshUnits", () => provider.refresh()),
  );
  later();
}
