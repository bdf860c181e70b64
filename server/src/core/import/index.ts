// Import: a table as it leaves Word, a spreadsheet or a web page, turned into a `.tasktable`
// document. Text in, text out; the .docx and .xlsx readers (server/src/import/) hand their
// cells to importRows. See docs/import.md for the layouts and the guesses.

import { parse } from "../syntax/parser.js";
import { format } from "../features/format.js";
import { labelTable, type LabelTable } from "../syntax/labels.js";
import { isBlank, isHeaderRow, markerOf, splitLines, trimAll } from "./cells.js";
import { readCellLines, readPipes, readTsv } from "./read.js";
import { hasAnnotations, writeProse } from "./prose.js";
import { writeTable, type Cell, type ImportTable } from "./table.js";
import { Writer, writePreamble } from "./writer.js";

export type { Cell, ImportRow, ImportTable } from "./table.js";
export { findAnnotation } from "./prose.js";

export type Layout = "pipe" | "tsv" | "tab" | "paragraph" | "prose" | "docx" | "xlsx" | "csv" | "html" | "text";

export interface ImportOptions {
  labels?: LabelTable;
}

export interface ImportResult {
  /** The document, in canonical form. */
  text: string;
  layout: Layout;
  /** How many `//` remarks say that the importer guessed. */
  guesses: number;
  /**
   * Offsets in the input of the characters that only delimited cells and were not written
   * (the pipes of pipe rows, the brackets and separators of a unit annotation). Every
   * other non-space character of the input is in the output, in order.
   */
  dropped: number[];
}

function finish(w: Writer, labels: LabelTable, layout: Layout, dropped: number[]): ImportResult {
  const text = format(parse(w.text(), { labels }), { labels: "keep" });
  return { text, layout, guesses: w.guesses, dropped: [...new Set(dropped)].sort((a, b) => a - b) };
}

/** Imports a table from plain text (pasted, or saved from a web page or Word). */
export function importText(input: string, options: ImportOptions = {}): ImportResult {
  const labels = options.labels ?? labelTable();
  const body = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const shift = input.length - body.length;
  const lines = splitLines(body);
  const dropped: number[] = [];
  const w = new Writer(labels);

  const pipes = readPipes(lines, labels, dropped);
  if (pipes) {
    writeTable(w, pipes, labels);
    return finish(w, labels, "pipe", dropped.map((d) => d + shift));
  }
  dropped.length = 0;
  const tsv = readTsv(lines, labels, dropped);
  if (tsv) {
    writeTable(w, tsv, labels);
    return finish(w, labels, "tsv", dropped.map((d) => d + shift));
  }
  const cells = readCellLines(lines, labels);
  if (cells) {
    writeTable(w, cells, labels);
    const tab = lines.some((l) => /^[ \u3000\u00a0]*\t/.test(l.text));
    return finish(w, labels, tab ? "tab" : "paragraph", []);
  }
  if (hasAnnotations(lines) || numberedPlan(lines.map((l) => l.text))) {
    writeProse(w, lines, dropped);
    return finish(w, labels, "prose", dropped.map((d) => d + shift));
  }
  // Nothing reads as a table: keep the text as notes, with the title found.
  writePreamble(w, [], false);
  w.guess("没有找到表头（工作任务、牵头单位……）或单位括注：全文保留为说明。");
  writePreamble(w, lines.map((l) => l.text), true);
  return finish(w, labels, "text", []);
}

/**
 * Imports the rows of a table read from a .docx or .xlsx file: cells are already known,
 * `null` where a vertically merged cell covers them. The header is the first row that
 * reads as one; rows above it, and `before`, are the preamble.
 */
export function importRows(rows: Cell[][], layout: Layout, options: ImportOptions & { before?: string[]; after?: string[]; remarks?: string[] } = {}): ImportResult {
  const labels = options.labels ?? labelTable();
  const text = (c: Cell) => (c ?? []).map(trimAll).filter(Boolean).join("");
  let h = rows.findIndex((r) => isHeaderRow(r.map(text).filter(Boolean), labels));
  if (h < 0) h = rows.findIndex((r) => isHeaderRow(r.map(text).filter(Boolean), labels, true));
  const w = new Writer(labels);
  // What the reader of the file guessed (numbers Word generated): said at the top.
  for (const r of options.remarks ?? []) w.guess(r);
  const before = [...(options.before ?? [])];
  if (h < 0) {
    w.guess("表格里没有找到表头（工作任务、牵头单位……）：全文保留为说明。");
    for (const r of rows) before.push(r.map(text).filter(Boolean).join(" "));
    writePreamble(w, [...before, ...(options.after ?? [])], true);
    return finish(w, labels, layout, []);
  }
  for (const r of rows.slice(0, h)) before.push(...r.map(text).filter(Boolean));
  const table: ImportTable = {
    before,
    header: rows[h].map(text),
    rows: rows.slice(h + 1).map((cells) => ({ cells })),
    after: options.after ?? [],
    fit: "positional",
  };
  writeTable(w, table, labels);
  return finish(w, labels, layout, []);
}

/** Headings with numbered tasks under them: a plan written as prose, with or without units. */
function numberedPlan(texts: string[]): boolean {
  let heading = false;
  for (const t of texts) {
    const m = markerOf(trimAll(t));
    if (m && m.form !== "broken" && m.level <= 2) heading = true;
    else if (heading && m && m.form !== "broken" && m.level === 3) return true;
  }
  return false;
}

/** Whether a text looks like a table the importer reads (for the editor's paste command). */
export function looksLikeTable(input: string): boolean {
  const lines = splitLines(input).filter((l) => !isBlank(l.text));
  return lines.some((l) => markerOf(trimAll(l.text)) !== null) || hasAnnotations(lines);
}
