// Writes `.tasktable` lines: title, notes (quoted where they would read as something
// else), headings, tasks, fields and the importer's `//` remarks. The result is formatted
// by the core's own formatter afterwards, so only the structure has to be right here.

import type { LabelTable } from "../syntax/labels.js";
import { displayWidth } from "../text.js";
import { markerOf, plainNoteSafe, trimAll, isBlank } from "./cells.js";

export class Writer {
  readonly lines: string[] = [];
  guesses = 0;
  hasTitle = false;
  /** Whether the last thing written is a task block (fields may follow). */
  private inTask = false;

  constructor(private readonly labels: LabelTable) {}

  blank() {
    if (this.lines.length && this.lines[this.lines.length - 1] !== "") this.lines.push("");
  }

  title(text: string) {
    // A Markdown heading's own signs (# 标题) are the title's sign here.
    this.lines.push(`# ${trimAll(text).replace(/^#[ \t]+/, "")}`);
    this.hasTitle = true;
    this.inTask = false;
  }

  columns(headings: string[]) {
    this.lines.push(`列：${headings.map((h) => trimAll(h).replace(/[|｜]/g, "／")).join(" | ")}`);
    this.inTask = false;
  }

  /** A note; quoted when it would otherwise read as a heading, task, field or comment. */
  note(text: string, quote = false) {
    const t = trimAll(text);
    if (!t) return this.blank();
    this.lines.push(quote || !plainNoteSafe(t, this.labels) ? `> ${t}` : t);
    this.inTask = false;
  }

  /** A remark on a guess, at the place it was made. */
  guess(text: string) {
    this.guesses++;
    this.lines.push(`${this.inTask ? "   " : ""}// ${text}`);
  }

  remark(text: string) {
    this.lines.push(`${this.inTask ? "   " : ""}// ${text}`);
  }

  heading(text: string) {
    this.blank();
    this.lines.push(trimAll(text));
    this.blank();
    this.inTask = false;
  }

  /** A task line (its number included) and the lines that continue its title. */
  task(first: string, more: string[] = []) {
    this.lines.push(trimAll(first));
    for (const l of more) if (!isBlank(l)) this.lines.push(`   ${trimAll(l)}`);
    this.inTask = true;
  }

  /** An unnumbered task: plain text that fields follow. */
  unnumbered(first: string, more: string[] = []) {
    const t = trimAll(first);
    // Plain text only reads as a task title when it is not something else.
    if (!plainNoteSafe(t, this.labels)) this.guess("下面一行没有任务编号，原样保留");
    this.task(t, more);
  }

  field(label: string, value: string[]) {
    const vals = value.map(trimAll).filter((v) => v !== "");
    const head = `   ${label}：`;
    const pad = " ".repeat(displayWidth(head));
    this.lines.push(head + (vals[0] ?? ""));
    for (const v of vals.slice(1)) this.lines.push(pad + v);
    this.inTask = true;
  }

  endTask() {
    this.inTask = false;
    this.blank();
  }

  text(): string {
    while (this.lines.length && this.lines[this.lines.length - 1] === "") this.lines.pop();
    return this.lines.join("\n") + "\n";
  }
}

/** Writes the lines before a table: the title (found by its words) and the rest as notes. */
export function writePreamble(w: Writer, lines: string[], quoteNumbered: boolean) {
  const t = findTitle(lines);
  for (let i = 0; i < lines.length; i++) {
    if (t && i === t.from) {
      w.title(lines.slice(t.from, t.to + 1).map(trimAll).join(""));
      i = t.to;
      continue;
    }
    const l = lines[i];
    if (isBlank(l)) w.blank();
    else w.note(l, quoteNumbered && markerOf(trimAll(l)) !== null);
  }
  return t !== null;
}

/** The title: the table's own (…表), else a plan's (…方案), else the first line. A title broken over two short lines is joined. */
export function findTitle(lines: string[]): { from: number; to: number } | null {
  const ok = (l: string) => {
    const t = trimAll(l);
    return t.length >= 4 && t.length <= 80 && !markerOf(t) && !/[:：。]/.test(t);
  };
  let at = -1;
  for (let i = lines.length - 1; i >= 0; i--) if (ok(lines[i]) && /(分解表|任务表|清单|台账|一览表|安排表|计划表|表)$/.test(trimAll(lines[i]))) {
    at = i;
    break;
  }
  if (at < 0) at = lines.findIndex((l) => ok(l) && /(方案|要点|计划|安排|通知|意见|任务)$/.test(trimAll(l)));
  if (at < 0) at = lines.findIndex((l) => ok(l));
  if (at < 0) return null;
  let from = at;
  const prev = at > 0 ? trimAll(lines[at - 1]) : "";
  if (prev && prev.length <= 20 && !/[，,。：:、；;！？\s]/.test(prev) && !/^附件|\d$/.test(prev) && !markerOf(prev) && !/^\d{4}年/.test(trimAll(lines[at])) && trimAll(lines[at]).length <= 30) from = at - 1;
  return { from, to: at };
}
