// The outline as LSP has it. An editor asks for it after every edit (the outline view, the
// breadcrumbs, sticky scroll), so what was made of a task is kept and made again from what
// was kept while the task stands where it stood: a task taken over by a later version has
// the same text, and if it begins on the same line at the same column, every position in it
// is the same too.

import { SymbolKind, type DocumentSymbol, type Range } from "vscode-languageserver/node";
import { isHeading, outlineEntries, taskOutlineName, taskSymbol, type LineIndex, type Model, type OutlineEntry, type OutlineSymbol, type Task } from "../core/index.js";
import { PositionValue, RangeValue, toRange } from "./convert.js";

export const SYMBOL_KIND: Record<OutlineSymbol["kind"], SymbolKind> = {
  title: SymbolKind.File,
  section: SymbolKind.Namespace,
  subsection: SymbolKind.Module,
  task: SymbolKind.Event,
  item: SymbolKind.Field,
};

/**
 * An entry of the answer, made by a class for the reason `convert.ts` gives: with a large
 * table's outline asked after every edit, entries made by literals went to the old
 * generation once the first answer had survived its sending (at 30,000 lines, about 1.2 MB a
 * request and a full collection every 20).
 */
class SymbolValue implements DocumentSymbol {
  declare detail?: string;
  declare children?: DocumentSymbol[];
  constructor(
    readonly name: string,
    readonly kind: SymbolKind,
    readonly range: Range,
    readonly selectionRange: Range,
  ) {}
}

/** An outline entry as LSP has it; empty details and child lists are left out of the answer. */
export function documentSymbol(lines: LineIndex, s: OutlineSymbol): DocumentSymbol {
  const d = new SymbolValue(s.name || " ", SYMBOL_KIND[s.kind], toRange(lines, s.range), toRange(lines, s.selectionRange));
  if (s.detail) d.detail = s.detail;
  if (s.children.length) d.children = s.children.map((c) => documentSymbol(lines, c));
  return d;
}

/**
 * What a task keeps of its outline entry: its detail, kind and positions. The entry is made
 * again from them and the task (seven small objects and the name): kept whole, it held about
 * 450 bytes a task; this holds about 100.
 */
class Shown {
  constructor(
    readonly detail: string | undefined,
    readonly kind: SymbolKind,
    readonly line: number,
    readonly column: number,
    readonly endLine: number,
    readonly endColumn: number,
    readonly selectionEndLine: number,
    readonly selectionEndColumn: number,
    /** The task's items', in order. */
    readonly children: Shown[] | undefined,
  ) {}
  static of(d: DocumentSymbol): Shown {
    const { start, end } = d.range;
    const sel = d.selectionRange.end;
    return new Shown(d.detail, d.kind, start.line, start.character, end.line, end.character, sel.line, sel.character, d.children?.map(Shown.of));
  }
  symbol(text: string, t: Task): DocumentSymbol {
    const start = new PositionValue(this.line, this.column);
    const d = new SymbolValue(
      taskOutlineName(text, t) || " ",
      this.kind,
      new RangeValue(start, new PositionValue(this.endLine, this.endColumn)),
      new RangeValue(start, new PositionValue(this.selectionEndLine, this.selectionEndColumn)),
    );
    if (this.detail !== undefined) d.detail = this.detail;
    if (this.children) d.children = this.children.map((c, i) => c.symbol(text, t.items[i]));
    return d;
  }
}

function taskDocumentSymbol(model: Model, lines: LineIndex, t: Task): DocumentSymbol {
  const line = t.line;
  const column = t.node.range.start - lines.starts[line];
  // Kept on the task, not in a map beside it, so it goes with the task (see core/memo.ts).
  const kept = t.shown as Shown | null;
  if (kept instanceof Shown && kept.line === line && kept.column === column) return kept.symbol(model.tree.text, t);
  const symbol = documentSymbol(lines, taskSymbol(model, t));
  t.shown = Shown.of(symbol);
  return symbol;
}

/**
 * The document's outline; a task standing where it stood is made from what it kept.
 */
export function documentSymbols(model: Model, lines: LineIndex): DocumentSymbol[] {
  const convert = (e: OutlineEntry): DocumentSymbol => {
    if (!isHeading(e)) return taskDocumentSymbol(model, lines, e);
    const d = new SymbolValue(e.name || " ", SYMBOL_KIND[e.kind], toRange(lines, e.range), toRange(lines, e.selectionRange));
    if (e.children.length) d.children = e.children.map(convert);
    return d;
  };
  return outlineEntries(model).map(convert);
}
