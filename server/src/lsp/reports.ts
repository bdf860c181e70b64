// Pulled diagnostics with result ids. Typing changes the text on every keystroke but the
// findings far less often: when a document's diagnostics are what the client already holds,
// the answer is "unchanged" and neither side builds, sends or reads the list again.
//
// What was last sent is kept as a fingerprint, not as the list: every position as a number
// and every string by reference, so a 50,000-line table costs a few hundred kilobytes here.

import type { Diagnostic } from "vscode-languageserver";
import type { Finding, LineIndex } from "../core/index.js";

interface Sent {
  id: string;
  numbers: Int32Array;
  strings: string[];
}

const SEVERITY = { error: 1, warning: 2, info: 3, hint: 4 } as const;

/** Positions (line and character of each end) and severity, then the texts, of each finding. */
export function fingerprint(lines: LineIndex, findings: readonly Finding[]): { numbers: Int32Array; strings: string[] } {
  let n = 0;
  for (const f of findings) n += 1 + f.related.length;
  const numbers = new Int32Array(n * 5);
  const strings: string[] = [];
  let k = 0;
  // Findings come in order of their starts, and end near them: each line is looked up from
  // the line of the finding before.
  const starts = lines.starts;
  const size = lines.text.length;
  let at = 0;
  const put = (start: number, end: number, extra: number) => {
    const a = Math.max(0, Math.min(start, size));
    const b = Math.max(0, Math.min(end, size));
    const la = lines.lineAtFrom(a, at);
    numbers[k++] = la;
    numbers[k++] = a - starts[la];
    const lb = lines.lineAtFrom(b, la);
    numbers[k++] = lb;
    numbers[k++] = b - starts[lb];
    numbers[k++] = extra;
    at = la;
  };
  for (const f of findings) {
    put(f.range.start, f.range.end, SEVERITY[f.severity] * 65536 + f.related.length);
    strings.push(f.code, f.message);
    for (const r of f.related) {
      put(r.range.start, r.range.end, 0);
      strings.push(r.message);
    }
  }
  return { numbers, strings };
}

function same(a: Sent, numbers: Int32Array, strings: string[]): boolean {
  if (a.numbers.length !== numbers.length || a.strings.length !== strings.length) return false;
  for (let i = 0; i < numbers.length; i++) if (a.numbers[i] !== numbers[i]) return false;
  for (let i = 0; i < strings.length; i++) if (a.strings[i] !== strings[i]) return false;
  return true;
}

export type Report = { kind: "full"; resultId: string; items: Diagnostic[] } | { kind: "unchanged"; resultId: string };

export class DiagnosticReports {
  private readonly sent = new Map<string, Sent>();
  private next = 0;

  /**
   * The report for a document whose diagnostics are `findings`: unchanged when the client's
   * `previousResultId` names what was last sent and nothing it shows would differ; else the
   * full list, built by `build` only then.
   */
  report(uri: string, previousResultId: string | undefined, lines: LineIndex, findings: readonly Finding[], build: () => Diagnostic[]): Report {
    const { numbers, strings } = fingerprint(lines, findings);
    const last = this.sent.get(uri);
    if (last && previousResultId === last.id && same(last, numbers, strings)) return { kind: "unchanged", resultId: last.id };
    const id = String(++this.next);
    this.sent.set(uri, { id, numbers, strings });
    return { kind: "full", resultId: id, items: build() };
  }

  forget(uri: string) {
    this.sent.delete(uri);
  }
}
