// Core offsets and values -> LSP types. The only place that knows both.

import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Location, type Position, type Range as LspRange, type TextEdit } from "vscode-languageserver";
import type { Edit, Finding, LineIndex, Range } from "../core/index.js";

/**
 * Positions, ranges and diagnostics (with their related places) as LSP has them, made by
 * classes, not object literals. A request makes them afresh by the thousand and drops them
 * once sent. The engine marks where a literal is written and, once what it makes there has
 * survived collections, makes it in the old generation from then on, where it stays until a
 * full collection. The answers built when a large table opens survive while they are sent,
 * so without this every later answer went to the old generation: with the findings
 * changing at 5,000 lines, a full collection every 200 or so keystrokes; with a 30,000-line
 * outline, one every 20. Objects made by a class carry no such mark. As JSON they are the
 * same.
 */
export class PositionValue implements Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}
export class RangeValue implements LspRange {
  constructor(
    readonly start: Position,
    readonly end: Position,
  ) {}
}

export function toPosition(lines: LineIndex, offset: number): Position {
  return positionNear(lines, offset, -1);
}

/** The position of an offset, its line looked up from `near` (a line read before), or -1. */
function positionNear(lines: LineIndex, offset: number, near: number): PositionValue {
  const o = Math.max(0, Math.min(offset, lines.text.length));
  const line = lines.lineAtFrom(o, near);
  return new PositionValue(line, o - lines.starts[line]);
}

export function toRange(lines: LineIndex, r: Range): RangeValue {
  const start = positionNear(lines, r.start, -1);
  return new RangeValue(start, positionNear(lines, r.end, start.line));
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

/** A document's findings as diagnostics, in the findings' order. */
export function toDiagnostics(lines: LineIndex, uri: string, findings: readonly Finding[], docsBase: string | null): Diagnostic[] {
  const out: Diagnostic[] = new Array(findings.length);
  // Findings come in order of their starts: each line is looked up from the one before.
  let near = 0;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    const start = positionNear(lines, f.range.start, near);
    const end = positionNear(lines, f.range.end, start.line);
    near = start.line;
    out[i] = toDiagnostic(lines, uri, f, docsBase, new RangeValue(start, end));
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
  if (f.related.length) d.relatedInformation = f.related.map((r) => new RelatedValue(new LocationValue(uri, toRange(lines, r.range)), r.message));
  return d;
}

class LocationValue implements Location {
  constructor(
    readonly uri: string,
    readonly range: LspRange,
  ) {}
}
class RelatedValue implements DiagnosticRelatedInformation {
  constructor(
    readonly location: Location,
    readonly message: string,
  ) {}
}
