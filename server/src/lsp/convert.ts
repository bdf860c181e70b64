// Core offsets and values -> LSP types. The only place that knows both.

import { DiagnosticSeverity, type Diagnostic, type Position, type Range as LspRange, type TextEdit } from "vscode-languageserver";
import type { Edit, Finding, LineIndex, Range } from "../core/index.js";

export function toPosition(lines: LineIndex, offset: number): Position {
  return lines.positionAt(offset);
}

export function toRange(lines: LineIndex, r: Range): LspRange {
  return { start: lines.positionAt(r.start), end: lines.positionAt(r.end) };
}

export function toOffset(lines: LineIndex, p: Position): number {
  return lines.offsetAt(p);
}

export function toTextEdit(lines: LineIndex, e: Edit): TextEdit {
  return { range: toRange(lines, e), newText: e.newText };
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint };

/** One description link per docs folder and rule, shared by all its diagnostics. */
const links = new Map<string, Map<string, { href: string }>>();

export function toDiagnostic(lines: LineIndex, uri: string, f: Finding, docsBase: string | null): Diagnostic {
  const d: Diagnostic = {
    range: toRange(lines, f.range),
    severity: SEVERITY[f.severity],
    code: f.code,
    source: "tasktable",
    message: f.message,
  };
  if (docsBase) {
    let folder = links.get(docsBase);
    if (!folder) links.set(docsBase, (folder = new Map()));
    let link = folder.get(f.code);
    if (!link) folder.set(f.code, (link = { href: `${docsBase}/${f.code}-${f.name}.md` }));
    d.codeDescription = link;
  }
  if (f.related.length) d.relatedInformation = f.related.map((r) => ({ location: { uri, range: toRange(lines, r.range) }, message: r.message }));
  return d;
}
