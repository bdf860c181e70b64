// Text layouts of a table, read into an ImportTable: pipe rows, tab-separated rows, one cell
// per tab-indented line, one cell per paragraph.

import type { LabelTable } from "../syntax/labels.js";
import { classifyCell, classifyColumns, isBlank, isHeaderRow, isHeaderWord, isUnitRole, markerOf, trimAll, type SrcLine } from "./cells.js";
import type { Cell, ImportRow, ImportTable } from "./table.js";

const PIPE = /[|｜]/;

const BR = /^<br\s*\/?>/i;

/**
 * A pipe row's cells, each as its lines. As Markdown writes a table (and `export --to md`
 * does): `\|` is a pipe in a cell, `<br>` a line break in one; the backslash and the tag
 * are reported as delimiters.
 */
function splitPipes(line: SrcLine, dropped: number[]): string[][] {
  const out: string[][] = [];
  let cell: string[] = [];
  let cur = "";
  const t = line.text;
  // Where the cell's current line began in the text, while it is the text as written.
  let from = 0;
  let plain = true;
  for (let i = 0; i <= t.length; i++) {
    if (i === t.length || PIPE.test(t[i])) {
      // A cell in bold (**一、深化政务公开**), as Markdown writes a row that spans the table.
      const bold = plain && cell.length === 0 ? /^([\s\u3000]*)\*\*(?=[^*])((?:(?!\*\*).)*[^*])\*\*[\s\u3000]*$/.exec(cur) : null;
      if (bold) {
        const a = from + bold[1].length;
        const b = a + 2 + bold[2].length;
        dropped.push(line.offset + a, line.offset + a + 1, line.offset + b, line.offset + b + 1);
        cur = bold[1] + bold[2];
      }
      cell.push(cur);
      out.push(cell);
      cell = [];
      cur = "";
      if (i < t.length) dropped.push(line.offset + i);
      from = i + 1;
      plain = true;
      continue;
    }
    if (t[i] === "\\" && PIPE.test(t[i + 1] ?? "")) {
      dropped.push(line.offset + i);
      cur += t[++i];
      plain = false;
      continue;
    }
    const br = t[i] === "<" ? BR.exec(t.slice(i, i + 8)) : null;
    if (br) {
      for (let k = 0; k < br[0].length; k++) dropped.push(line.offset + i + k);
      cell.push(cur);
      cur = "";
      i += br[0].length - 1;
      plain = false;
      continue;
    }
    cur += t[i];
  }
  return out;
}

/** Pipe rows: `| a | b | c |` or `a | b | c`. */
export function readPipes(lines: SrcLine[], labels: LabelTable, dropped: number[]): ImportTable | null {
  const headerAt = (lenient: boolean) => lines.findIndex((l) => PIPE.test(l.text) && isHeaderRow(l.text.split(PIPE).map(trimAll).filter(Boolean), labels, lenient));
  let h = headerAt(false);
  if (h < 0) h = headerAt(true);
  if (h < 0) return null;
  const local: number[] = [];
  const headPieces = splitPipes(lines[h], local).map((p) => p.join(""));
  const leading = isBlank(headPieces[0]);
  const closing = /[|｜][\s\u3000]*$/.test(lines[h].text);
  const header = headPieces.map(trimAll).filter((x, i) => !(i === 0 && leading && !x) && !(i === headPieces.length - 1 && closing && !x));
  dropped.push(...local);
  const rows: ImportRow[] = [];
  let cur: string[][] | null = null;
  let open = false; // the last cell of `cur` continues on the next line
  let end = lines.length;
  for (let i = h + 1; i < lines.length; i++) {
    const l = lines[i];
    if (!cur) {
      if (isBlank(l.text)) continue;
      if (!PIPE.test(l.text)) {
        end = i;
        break;
      }
      if (/^[\s|｜:：\-－—]+$/.test(l.text)) {
        // A Markdown separator row: structure only.
        for (let k = 0; k < l.text.length; k++) if (!/\s/.test(l.text[k])) dropped.push(l.offset + k);
        continue;
      }
      cur = [];
      open = false;
    }
    const pieces = splitPipes(l, dropped);
    pieces.forEach((p, k) => {
      if (k === 0 && open) cur![cur!.length - 1].push(...p);
      else if (k === 0 && leading && p.every(isBlank)) return;
      else cur!.push(p);
    });
    const rowEnds = closing ? /[|｜][\s\u3000]*$/.test(l.text) : true;
    if (rowEnds) {
      if (closing && cur.length && cur[cur.length - 1].every(isBlank)) cur.pop();
      rows.push({ cells: cur });
      cur = null;
    } else open = true;
  }
  if (cur) rows.push({ cells: cur });
  return {
    before: lines.slice(0, h).map((l) => l.text),
    header,
    rows,
    after: lines.slice(end).map((l) => l.text),
    fit: "positional",
  };
}

/**
 * Tab-separated rows, as copied from a spreadsheet. A cell with a line break (or a tab or a
 * quote) comes quoted, as Excel copies it: `"…"` over several lines, `""` for a quote; the
 * quotes are reported as delimiters.
 */
export function readTsv(lines: SrcLine[], labels: LabelTable, dropped: number[] = []): ImportTable | null {
  const cellsOf = (t: string) => t.split("\t");
  const headerAt = (lenient: boolean) =>
    lines.findIndex((l) => {
      const c = cellsOf(trimAll(l.text));
      return c.length >= 2 && isHeaderRow(c.map(trimAll), labels, lenient);
    });
  let h = headerAt(false);
  if (h < 0) h = headerAt(true);
  if (h < 0) return null;
  const header = cellsOf(trimAll(lines[h].text)).map(trimAll);
  const rows: ImportRow[] = [];
  let end = lines.length;
  // The row being read, and the cell: its lines so far and the line being read. `quoted`: in
  // a quoted cell, which goes on past the end of the line.
  let row: string[][] | null = null;
  let cell: string[] = [];
  let cur = "";
  let quoted = false;
  // Where in `dropped` the open quote is, in case it never closes.
  let openedAt = -1;
  for (let i = h + 1; i < lines.length; i++) {
    const l = lines[i];
    if (!quoted) {
      const t = l.text;
      if (isBlank(t)) continue;
      if (!t.includes("\t")) {
        // A line without tabs: a heading spanning the table, or the end of the table.
        const m = markerOf(trimAll(t));
        if (m && m.level <= 3) {
          rows.push({ cells: [[t]] });
          continue;
        }
        end = i;
        break;
      }
      row = [];
    }
    // Trailing tabs are empty cells that are there (a spreadsheet copies them): kept, they are
    // empty; cut off, the row would read as short and its last cells as merged (同上).
    const t = quoted ? l.text : l.text.replace(/[ \u3000\u00a0\r\n]+$/, "");
    for (let k = 0; k <= t.length; k++) {
      const c = t[k];
      if (quoted) {
        if (k === t.length) {
          // A line break inside the quotes: the cell's next line.
          cell.push(cur);
          cur = "";
          break;
        }
        if (c === '"' && t[k + 1] === '"') {
          dropped.push(l.offset + k);
          cur += '"';
          k++;
        } else if (c === '"' && (k + 1 === t.length || t[k + 1] === "\t")) {
          dropped.push(l.offset + k);
          quoted = false;
        } else cur += c;
        continue;
      }
      if (k === t.length || c === "\t") {
        cell.push(cur);
        row!.push(cell);
        cell = [];
        cur = "";
      } else if (c === '"' && cur === "" && cell.length === 0) {
        openedAt = dropped.length;
        dropped.push(l.offset + k);
        quoted = true;
      } else cur += c;
    }
    if (!quoted && row) {
      rows.push({ cells: row });
      row = null;
    }
  }
  if (row) {
    // A quote never closed: it was no quoting, and stays as written.
    cell.push(cur);
    if (quoted && openedAt >= 0) {
      dropped.splice(openedAt, 1);
      cell[0] = '"' + cell[0];
    }
    row.push(cell);
    rows.push({ cells: row });
  }
  return { before: lines.slice(0, h).map((l) => l.text), header, rows, after: lines.slice(end).map((l) => l.text), fit: "positional" };
}

const TAB_START = /^[ \u3000\u00a0]*\t/;

/**
 * One cell per line: the header's cells on consecutive lines (each after a tab), or in
 * consecutive paragraphs (separated by blank lines).
 */
export function readCellLines(lines: SrcLine[], labels: LabelTable): ImportTable | null {
  // Candidate header runs: consecutive non-blank lines, or consecutive one-line paragraphs.
  const nonBlank = lines.map((l, i) => ({ t: trimAll(l.text), i })).filter((x) => x.t);
  let found: { from: number; to: number; tab: boolean } | null = null;
  for (let k = 0; k < nonBlank.length && !found; k++) {
    let j = k;
    while (j < nonBlank.length && isHeaderWord(nonBlank[j].t, labels)) j++;
    if (j - k >= 2 && isHeaderRow(nonBlank.slice(k, j).map((x) => x.t), labels)) {
      found = { from: nonBlank[k].i, to: nonBlank[j - 1].i, tab: TAB_START.test(lines[nonBlank[k].i].text) };
    }
  }
  if (!found) return null;
  const header = lines.slice(found.from, found.to + 1).map((l) => trimAll(l.text)).filter(Boolean);
  const cols = classifyColumns(header, labels);
  const lastUnit = cols.map((c) => isUnitRole(c.role)).lastIndexOf(true);
  const textAfterUnits = cols.some((c, i) => i > lastUnit && c.kind === "field" && !isUnitRole(c.role) && c.role !== "deadline");
  const rows: ImportRow[] = [];
  let end = lines.length;

  if (found.tab) {
    let cur: string[][] | null = null;
    let sawBlank = false;
    for (let i = found.to + 1; i < lines.length; i++) {
      const raw = lines[i].text;
      // A line with nothing but a tab is an empty cell; otherwise blank lines separate rows.
      if (isBlank(raw) && !(cur && raw.includes("\t"))) {
        sawBlank = true;
        continue;
      }
      const t = trimAll(raw);
      if (TAB_START.test(raw)) {
        const m = markerOf(t);
        const curIsHeading = cur !== null && cur.length === 1 && (markerOf(trimAll(cur[0][0] ?? ""))?.level ?? 9) <= 2;
        // A task number starts a row unless it opens a list inside a cell of an unfinished row.
        const starts = (m && m.level <= 2) || (m && m.level === 3 && (sawBlank || !cur || cur.length >= cols.length));
        if (!cur || starts || curIsHeading || (sawBlank && cur.length >= cols.length)) {
          cur = [[t]];
          rows.push({ cells: cur });
        } else cur.push([t]);
      } else {
        if (sawBlank || !cur) {
          end = i;
          break;
        }
        cur[cur.length - 1].push(t);
      }
      sawBlank = false;
    }
  } else {
    // Paragraphs: split at blank lines.
    const paras: { lines: string[]; at: number }[] = [];
    let p: { lines: string[]; at: number } | null = null;
    for (let i = found.to + 1; i < lines.length; i++) {
      if (isBlank(lines[i].text)) {
        p = null;
        continue;
      }
      if (!p) paras.push((p = { lines: [], at: i }));
      p.lines.push(trimAll(lines[i].text));
    }
    let cur: { cells: Cell[]; units: boolean } | null = null;
    for (const para of paras) {
      const m = markerOf(para.lines[0]);
      if (m && m.level <= 3) {
        cur = { cells: [para.lines], units: false };
        rows.push(cur);
        continue;
      }
      const k = classifyCell(para.lines);
      if (!cur || (cur.units && k === "text" && !textAfterUnits)) {
        end = para.at;
        break;
      }
      if (cur.cells.length === 1 && (markerOf(para.lines[0]) === null) && (markerOf(cur.cells[0]![0])?.level ?? 9) <= 2) {
        // Text under a heading row is not a cell of it.
        end = para.at;
        break;
      }
      if (k === "unit") cur.units = true;
      cur.cells.push(para.lines);
    }
  }
  return {
    before: lines.slice(0, found.from).map((l) => l.text),
    header,
    rows,
    after: lines.slice(end).map((l) => l.text),
    fit: "loose",
  };
}
