// The outline as LSP has it. An editor asks for it after every edit (the outline view, the
// breadcrumbs, sticky scroll), so what was made of a task is kept and given again while the
// task stands where it stood: a task taken over by a later version has the same text, and if
// it begins on the same line at the same column, every position in it is the same too.

import { SymbolKind, type DocumentSymbol } from "vscode-languageserver/node";
import { isHeading, outlineEntries, taskSymbol, type LineIndex, type Model, type OutlineEntry, type OutlineSymbol, type Task } from "../core/index.js";
import { toRange } from "./convert.js";

export const SYMBOL_KIND: Record<OutlineSymbol["kind"], SymbolKind> = {
  title: SymbolKind.File,
  section: SymbolKind.Namespace,
  subsection: SymbolKind.Module,
  task: SymbolKind.Event,
  item: SymbolKind.Field,
};

/** An outline entry as LSP has it; empty details and child lists are left out of the answer. */
export function documentSymbol(lines: LineIndex, s: OutlineSymbol): DocumentSymbol {
  const d: DocumentSymbol = { name: s.name || " ", kind: SYMBOL_KIND[s.kind], range: toRange(lines, s.range), selectionRange: toRange(lines, s.selectionRange) };
  if (s.detail) d.detail = s.detail;
  if (s.children.length) d.children = s.children.map((c) => documentSymbol(lines, c));
  return d;
}

interface Made {
  line: number;
  column: number;
  symbol: DocumentSymbol;
}

function taskDocumentSymbol(model: Model, lines: LineIndex, t: Task): DocumentSymbol {
  const start = t.node.range.start;
  const line = t.line;
  const column = start - lines.starts[line];
  // Kept on the task, not in a map beside it, so it goes with the task (see core/memo.ts).
  const kept = t.shown as Made | null;
  if (kept && kept.line === line && kept.column === column) return kept.symbol;
  const symbol = documentSymbol(lines, taskSymbol(model, t));
  t.shown = { line, column, symbol } satisfies Made;
  return symbol;
}

/**
 * The document's outline, tasks given again from what was made of them before where they
 * stand where they stood. The answer is shared: whoever reads it must not change it.
 */
export function documentSymbols(model: Model, lines: LineIndex): DocumentSymbol[] {
  const convert = (e: OutlineEntry): DocumentSymbol => {
    if (!isHeading(e)) return taskDocumentSymbol(model, lines, e);
    const d: DocumentSymbol = { name: e.name || " ", kind: SYMBOL_KIND[e.kind], range: toRange(lines, e.range), selectionRange: toRange(lines, e.selectionRange) };
    if (e.children.length) d.children = e.children.map(convert);
    return d;
  };
  return outlineEntries(model).map(convert);
}
