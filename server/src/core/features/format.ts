// The normaliser behind `tasktable fmt` and editor formatting. It rewrites numbers, labels
// and indentation, and takes every other character of a line verbatim.

import type { FieldNode, SyntaxTree, TaskNode } from "../syntax/nodes.js";
import { lineBreak } from "../syntax/parser.js";
import { LONG_LABEL, SHORT_LABEL } from "../syntax/labels.js";
import type { MarkerMatch } from "../syntax/markers.js";
import { markerText } from "../model/numbering.js";
import { dominantWidth } from "../syntax/widths.js";
import type { Settings } from "../settings.js";
import { displayWidth, isSpace } from "../text.js";
import type { Edit } from "../rules/types.js";
import { applyEdits } from "./edits.js";

const STEP = 3;

type LinePlan =
  /** Replace the line's indentation and syntax: `prefix` then the text from `from`. */
  | { kind: "rewrite"; indent: number; prefix: string; from: number }
  /** Keep the content, drop trailing spaces. */
  | { kind: "keep" };

export interface FormatOptions {
  labels: Settings["format"]["labels"];
}

/** Line-by-line edits that bring a document to its canonical form. */
export function formatEdits(tree: SyntaxTree, options: FormatOptions, range?: { startLine: number; endLine: number }): Edit[] {
  const { text, lines } = tree;
  const width = dominantWidth(tree);
  const plans = new Array<LinePlan | undefined>(lines.lineCount);

  const markerPrefix = (m: MarkerMatch): string => {
    if (m.form === "broken" || m.value === null) return text.slice(m.start, m.end);
    const w = m.level === 3 ? "half" : width;
    const s = markerText(m.level, m.value, w, m.digitWidth ?? "half");
    return m.level === 3 ? s + " " : s;
  };
  const after = (pos: number, end: number) => {
    while (pos < end && isSpace(text.charCodeAt(pos))) pos++;
    return pos;
  };
  // （一）. would read as a wrong form of the number: keep a space before such a title.
  const joinTitle = (m: MarkerMatch, prefix: string, from: number) =>
    (m.level === 2 || m.level === 4) && m.form !== "broken" && "、.．".includes(text[from] ?? "x") && !prefix.endsWith(" ") ? prefix + " " : prefix;

  const planField = (f: FieldNode, indent: number) => {
    const label =
      f.role === null || options.labels === "keep" ? f.labelText : options.labels === "short" ? SHORT_LABEL[f.role] : LONG_LABEL[f.role];
    const prefix = label + "：";
    plans[f.line] = { kind: "rewrite", indent, prefix, from: f.valueStart };
    const contIndent = indent + displayWidth(prefix);
    for (const s of f.segments) if (s.line !== f.line) plans[s.line] = { kind: "rewrite", indent: contIndent, prefix: "", from: s.start };
  };

  const planTask = (t: TaskNode, indent: number) => {
    let titleIndent = indent + STEP;
    if (t.marker) {
      const from = after(t.marker.end, lines.lineEnd(t.line));
      const prefix = joinTitle(t.marker, markerPrefix(t.marker), from);
      plans[t.line] = { kind: "rewrite", indent, prefix, from };
      titleIndent = indent + displayWidth(prefix);
    } else if (t.titleSegments.length) {
      plans[t.line] = { kind: "rewrite", indent, prefix: "", from: t.titleSegments[0].start };
    }
    // Title lines under the title align with it; one that comes after an item (it went back to
    // the task) stands at the items' column, which closes the item: aligned with the title
    // (`10. ` is four columns), it would read as the item's.
    let inner = Infinity;
    if (t.fields.length) inner = t.fields[0].line;
    if (t.items.length) inner = Math.min(inner, t.items[0].line);
    for (const s of t.titleSegments) if (s.line !== t.line) plans[s.line] = { kind: "rewrite", indent: s.line > inner ? indent + STEP : titleIndent, prefix: "", from: s.start };
    for (const f of t.fields) planField(f, indent + STEP);
    for (const it of t.items) planTask(it, indent + STEP);
  };

  for (const n of tree.nodes) {
    switch (n.kind) {
      case "title":
        plans[n.line] = { kind: "rewrite", indent: 0, prefix: "# ", from: n.text.start };
        break;
      case "columns": {
        const colonAt = after(n.label.end, n.range.end);
        plans[n.line] = { kind: "rewrite", indent: 0, prefix: text.slice(n.label.start, n.label.end) + "：", from: after(colonAt + 1, n.range.end) };
        break;
      }
      case "heading": {
        const from = after(n.marker.end, n.range.end);
        plans[n.line] = { kind: "rewrite", indent: 0, prefix: joinTitle(n.marker, markerPrefix(n.marker), from), from };
        break;
      }
      case "task":
        planTask(n, 0);
        break;
      case "note":
        if (n.quoted) for (const s of n.segments) plans[s.line] = { kind: "rewrite", indent: 0, prefix: "> ", from: s.start };
        else {
          // A paragraph starts at the margin (a block above may have moved); the lines it
          // wraps onto keep their indentation, which is all that holds them to it.
          const starts = new Set(n.paragraphLines);
          for (const s of n.segments) if (starts.has(s.line)) plans[s.line] = { kind: "rewrite", indent: 0, prefix: "", from: s.start };
        }
        break;
    }
  }

  const edits: Edit[] = [];
  const first = range ? range.startLine : 0;
  const last = range ? Math.min(range.endLine, lines.lineCount - 1) : lines.lineCount - 1;
  for (let li = first; li <= last; li++) {
    let ls = lines.starts[li];
    if (li === 0 && tree.bom) ls = 1;
    const le = lines.lineEnd(li);
    let e = le;
    while (e > ls && isSpace(text.charCodeAt(e - 1))) e--;
    const plan = plans[li];
    let want: string;
    if (!plan || plan.kind === "keep" || e === ls) {
      want = text.slice(ls, e);
    } else {
      const from = Math.min(plan.from, e);
      want = (" ".repeat(plan.indent) + plan.prefix + text.slice(from, e)).trimEnd();
    }
    if (want !== text.slice(ls, le)) edits.push({ start: ls, end: le, newText: want });
  }

  if (!range || range.endLine >= lines.lineCount - 1) {
    // Exactly one line break at the end, of the file's own kind.
    let end = text.length;
    let k = end;
    while (k > 0) {
      const c = text.charCodeAt(k - 1);
      if (c === 10 || c === 13 || isSpace(c)) k--;
      else break;
    }
    const lastContentLine = lines.lineAt(k);
    const tailStart = lines.lineEnd(lastContentLine);
    // A range that holds only blank lines at the end leaves them: the edit would start on the
    // last line with text, outside the range.
    if (range && lastContentLine < range.startLine) return edits;
    if (k > (tree.bom ? 1 : 0) && tailStart < end) {
      // Keep the last line's own break; drop blank lines and spaces after it.
      const tail = text.slice(tailStart, end);
      const own = tail.startsWith("\r\n") ? "\r\n" : tail.startsWith("\r") ? "\r" : tail.startsWith("\n") ? "\n" : lineBreak(tree);
      if (tail !== own) {
        for (let i = edits.length - 1; i >= 0 && edits[i].start >= tailStart; i--) edits.pop();
        edits.push({ start: tailStart, end, newText: own });
      }
    } else if (k > (tree.bom ? 1 : 0) && tailStart === end) {
      edits.push({ start: end, end, newText: lineBreak(tree) });
    }
  }
  return edits;
}

export function format(tree: SyntaxTree, options: FormatOptions): string {
  return applyEdits(tree.text, formatEdits(tree, options));
}
