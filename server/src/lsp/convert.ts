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

/**
 * A diagnostic and its range as LSP has them, made by classes, not object literals. The
 * engine marks where a literal is written and, if what it makes there has been surviving
 * collections, makes it in the old generation from then on. A document's diagnostics built
 * when it opens survive while they are sent; without this, every later list (all of them,
 * when the findings change) was then made in the old generation, where it stays until a full
 * collection: about 150 KB a keystroke at 5,000 lines, a full collection every 200 or so
 * keystrokes. Objects made by a class carry no such mark. The answer is the same JSON.
 */
class DiagnosticPosition implements Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}
class DiagnosticRange implements LspRange {
  constructor(
    readonly start: Position,
    readonly end: Position,
  ) {}
}
class LspDiagnostic implements Diagnostic {
  declare codeDescription?: { href: string };
  declare relatedInformation?: Diagnostic["relatedInformation"];
  constructor(
    readonly range: LspRange,
    readonly severity: DiagnosticSeverity,
    readonly code: string,
    readonly source: string,
    readonly message: string,
  ) {}
}

function diagnosticPosition(lines: LineIndex, offset: number, near: number): DiagnosticPosition {
  const o = Math.max(0, Math.min(offset, lines.text.length));
  const line = lines.lineAtFrom(o, near);
  return new DiagnosticPosition(line, o - lines.starts[line]);
}

/** A document's findings as diagnostics, in the findings' order. */
export function toDiagnostics(lines: LineIndex, uri: string, findings: readonly Finding[], docsBase: string | null): Diagnostic[] {
  const out: Diagnostic[] = new Array(findings.length);
  // Findings come in order of their starts: each line is looked up from the one before.
  let near = 0;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    const start = diagnosticPosition(lines, f.range.start, near);
    const end = diagnosticPosition(lines, f.range.end, start.line);
    near = start.line;
    out[i] = toDiagnostic(lines, uri, f, docsBase, new DiagnosticRange(start, end));
  }
  return out;
}

export function toDiagnostic(lines: LineIndex, uri: string, f: Finding, docsBase: string | null, range: LspRange = toRange(lines, f.range)): Diagnostic {
  const d = new LspDiagnostic(range, SEVERITY[f.severity], f.code, "tasktable", f.message);
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
