// A table read into rows of cells, written as a `.tasktable` document. The readers (text
// layouts here in the core, .docx and .xlsx in the host) all end in an ImportTable.

import type { LabelTable } from "../syntax/labels.js";
import { toChineseNumeral } from "../syntax/numerals.js";
import {
  bareNumber,
  classifyCell,
  classifyColumns,
  isBlank,
  isUnitLine,
  isUnitRole,
  markerOf,
  trimAll,
  unitsInWords,
  type CellClass,
  type Column,
} from "./cells.js";
import { Writer, writePreamble } from "./writer.js";

/** A cell's lines, or null where a merged cell above covers it (written `同上`). */
export type Cell = string[] | null;

export interface ImportRow {
  cells: Cell[];
}

export interface ImportTable {
  /** Lines before the header row: the title, a covering notice. */
  before: string[];
  header: string[];
  rows: ImportRow[];
  /** Lines after the table. */
  after: string[];
  /**
   * How cells map to columns. `positional`: each cell sits under its heading (pipe and
   * tab-separated rows, .docx, .xlsx); a short row lost merged cells. `loose`: cells come
   * in column order but a missing cell may leave no trace, so count and kind decide.
   */
  fit: "positional" | "loose";
}

const SECTION_NAMES = (c: Column) => `“${trimAll(c.heading)}”`;

export function writeTable(w: Writer, t: ImportTable, labels: LabelTable): void {
  const cols = classifyColumns(t.header, labels);
  const taskCol = cols.findIndex((c) => c.kind === "task");
  const numberCol = cols.findIndex((c) => c.kind === "number");
  const sectionCol = cols.findIndex((c) => c.kind === "section");
  const fieldCols = cols.map((c, i) => (c.kind === "field" ? i : -1)).filter((i) => i >= 0);
  const leadCol = cols.find((c) => c.role === "lead");
  const respCol = cols.find((c) => c.role === "responsible");
  const partCol = cols.find((c) => c.role === "partners");
  const firstUnitCol = fieldCols.find((i) => isUnitRole(cols[i].role));
  // Units written in words need a lead and a partner label that mean the same in this table.
  const wordsLead = leadCol?.label ?? respCol?.label ?? "牵头";
  const wordsPartners = partCol?.label ?? (leadCol && respCol ? respCol.label : "配合");

  writePreamble(w, t.before, true);
  w.blank();
  w.columns(t.header);
  for (const c of cols) if (c.kind === "field" && c.role === "other") w.guess(`${SECTION_NAMES(c)}栏不是已知的栏目，各任务里写作“备注”。`);
  w.blank();

  let lastSection: string | null = null;
  let sections = 0;
  // Rows spanning the table after its last task are closing paragraphs, not headings.
  const filledCount = (r: ImportRow) => r.cells.filter((c) => c !== null && c.some((l) => !isBlank(l))).length;
  let lastTaskRow = -1;
  t.rows.forEach((r, i) => {
    const first = r.cells.find((c) => c && c.some((l) => !isBlank(l)));
    const m = first ? markerOf(trimAll(first.find((l) => !isBlank(l))!)) : null;
    if (filledCount(r) >= 2 || m?.level === 3 || (r.cells.length > 1 && filledCount(r) === 1 && (m?.level ?? 9) > 2)) lastTaskRow = i;
  });
  for (const [ri, row] of t.rows.entries()) {
    const cells = row.cells;
    if (ri > lastTaskRow && lastTaskRow >= 0) {
      for (const c of cells) for (const l of c ?? []) if (isBlank(l)) w.blank(); else w.note(l, markerOf(trimAll(l)) !== null);
      w.blank();
      continue;
    }
    const filled = cells.filter((c): c is string[] => c !== null && c.some((l) => !isBlank(l)));
    if (filled.length === 0) continue;
    // The header again (text copied from a PDF or a print repeats it on each page): a
    // remark, not a task.
    const texts = cells.map((c) => (c === null ? "" : trimAll(c.join(""))));
    while (texts.length > t.header.length && texts[texts.length - 1] === "") texts.pop();
    if (texts.length === t.header.length && texts.every((x, i) => x === trimAll(t.header[i]))) {
      // Kept as a note, so that nothing of the input is lost.
      w.remark("表头又出现了一次（分页时重复的表头）：不是任务，留作说明。");
      w.note(texts.join(" | "), true);
      w.blank();
      continue;
    }
    const firstText = (c: string[]) => trimAll(c.find((l) => !isBlank(l)) ?? "");
    // A row with a single cell, or a single filled cell that is a heading: spans the table.
    const only = filled.length === 1 ? filled[0] : null;
    const onlyMarker = only ? markerOf(firstText(only)) : null;
    if (only && (cells.length === 1 || (onlyMarker && onlyMarker.level <= 2))) {
      const lines = only.filter((l) => !isBlank(l));
      if (onlyMarker && onlyMarker.level <= 2) {
        w.heading(lines.map(trimAll).join(""));
        if (onlyMarker.level === 1) lastSection = null;
        sections += onlyMarker.level === 1 ? 1 : 0;
      } else if (onlyMarker && onlyMarker.level === 3) {
        w.task(lines[0], lines.slice(1));
        w.endTask();
      } else {
        for (const l of lines) w.note(l, markerOf(trimAll(l)) !== null);
        w.blank();
      }
      continue;
    }

    let cs = cells;
    let taskAt = taskCol;
    let assigned = new Map<number, Cell>();
    const guesses: string[] = [];
    if (t.fit === "positional" || cs.length === cols.length) {
      if (cs.length < cols.length) {
        const a = align(cs, cols);
        cs = a.cells;
        // A unit cell written in words names every unit column: the ones after it are not merged.
        const words = fieldCols.find((i) => cs[i] && isUnitRole(cols[i].role) && unitsInWords(cs[i]!.map(trimAll).join("")));
        const covered = new Set(words === undefined ? [] : fieldCols.filter((i) => i > words && isUnitRole(cols[i].role) && cs[i] === null));
        for (const i of covered) cs[i] = [];
        const merged = cols.filter((c, i) => c.kind === "field" && cs[i] === null && i > a.shift + cells.length - 1);
        if (merged.length) guesses.push(`这一行比表头少${cols.length - cells.length}格：看作合并单元格，${merged.map(SECTION_NAMES).join("")}写作“同上”。`);
        else if (covered.size) guesses.push(`这一行比表头少${cols.length - cells.length}格：单位格写的是一句话，占了${[...covered].map((i) => SECTION_NAMES(cols[i])).join("")}。`);
      }
      for (const i of fieldCols) assigned.set(i, cs[i] ?? null);
    } else {
      // Loose: the task cell is the one with a task number, or the first.
      taskAt = Math.max(0, cs.findIndex((c) => c !== null && markerOf(firstText(c))?.level === 3));
      const later = fieldCols.filter((i) => i > taskCol);
      const r = fitLoose(cs.slice(taskAt + 1), later, cols);
      assigned = r.assigned;
      guesses.push(...r.guesses);
      // Cells before the task cell: a number, or a section.
      const pre = cs.slice(0, taskAt);
      cs = cols.map((_, i) => (i === numberCol ? pre.find((c) => c && bareNumber(firstText(c)) !== null) ?? null : i === sectionCol ? pre.find((c) => c && bareNumber(firstText(c)) === null) ?? null : null));
      cs[taskCol] = cells[taskAt];
      taskAt = taskCol;
    }

    // The section column: a new value opens a section.
    if (sectionCol >= 0) {
      const s = cs[sectionCol];
      const st = s ? s.filter((l) => !isBlank(l)).map(trimAll).join("") : "";
      if (st && st !== lastSection) {
        lastSection = st;
        const m = markerOf(st);
        if (m && m.level <= 2) w.heading(st);
        else {
          sections++;
          w.blank();
          w.remark(`${SECTION_NAMES(cols[sectionCol])}栏的值，编号“${toChineseNumeral(sections)}、”是导入时加的。`);
          w.guesses++;
          w.heading(`${toChineseNumeral(sections)}、${st}`);
        }
      }
    }

    const taskLines = (cs[taskAt] ?? []).filter((l) => !isBlank(l));
    const num = numberCol >= 0 && cs[numberCol] ? bareNumber(firstText(cs[numberCol]!)) : null;
    const m = taskLines.length ? markerOf(trimAll(taskLines[0])) : null;
    if (m && m.level === 3) w.task(taskLines[0], taskLines.slice(1));
    else if (num !== null) w.task(`${num}. ${taskLines[0] ?? ""}`, taskLines.slice(1));
    else if (taskLines.length) w.unnumbered(taskLines[0], taskLines.slice(1));
    else {
      w.task("");
      guesses.unshift("这一行没有任务栏。");
    }
    for (const g of guesses) w.guess(g);

    for (const i of fieldCols) {
      if (!assigned.has(i)) continue;
      const col = cols[i];
      const cell = assigned.get(i)!;
      if (cell === null) {
        w.field(col.label, ["同上"]);
        continue;
      }
      const lines = cell.filter((l) => !isBlank(l));
      if (!isUnitRole(col.role)) {
        if (lines.length) w.field(col.label, lines);
        continue;
      }
      if (lines.length === 0) {
        if (i === firstUnitCol) w.field(col.label, []);
        continue;
      }
      if (lines.every(isUnitLine)) {
        w.field(col.label, lines);
        continue;
      }
      const words = unitsInWords(lines.map(trimAll).join(""));
      if (words) {
        w.remark(`${SECTION_NAMES(col)}格写的是一句话，按“牵头”“配合”拆成单位，原话留作备注。`);
        w.field(wordsLead, [words.lead]);
        if (words.partners) w.field(wordsPartners, [words.partners]);
        w.field("备注", lines);
        continue;
      }
      w.guess(`${SECTION_NAMES(col)}格是一段话，不是单位名单：整段写作备注。`);
      w.field("备注", lines);
    }
    // Cells past the last heading: no column names them, and nothing is dropped.
    if (t.fit === "positional" && cells.length > cols.length) {
      const extra = cells.slice(cols.length).filter((c): c is string[] => c !== null && c.some((l) => !isBlank(l)));
      if (extra.length) {
        w.guess(`这一行比表头多${cells.length - cols.length}格：多出的写作“备注”。`);
        for (const c of extra) w.field("备注", c.filter((l) => !isBlank(l)));
      }
    }
    w.endTask();
  }

  for (const l of t.after) {
    if (isBlank(l)) w.blank();
    else w.note(l, markerOf(trimAll(l)) !== null);
  }
}

/**
 * A short row from a table with merged cells: where do its cells go? Each possible shift
 * is scored by how well the cells suit their columns; the cells the row lacks are merged
 * with the row above.
 */
function align(cells: Cell[], cols: Column[]): { cells: Cell[]; shift: number } {
  let best = 0;
  let bestScore = -Infinity;
  for (let k = 0; k + cells.length <= cols.length; k++) {
    let score = 0;
    cells.forEach((c, j) => (score += suits(c, cols[k + j])));
    if (score > bestScore) {
      bestScore = score;
      best = k;
    }
  }
  const out: Cell[] = cols.map(() => null);
  cells.forEach((c, j) => (out[best + j] = c));
  return { cells: out, shift: best };
}

function suits(c: Cell, col: Column): number {
  if (c === null) return 0;
  const t = trimAll(c.find((l) => !isBlank(l)) ?? "");
  if (!t) return 0;
  const num = bareNumber(t) !== null;
  const m = markerOf(t);
  switch (col.kind) {
    case "number":
      return num ? 3 : -2;
    case "section":
      return m && m.level <= 2 ? 3 : num ? -2 : 0;
    case "task":
      return m && m.level === 3 ? 3 : num ? -2 : 1;
    case "field": {
      if (num) return -2;
      const k = classifyCell(c);
      if (isUnitRole(col.role)) return k === "unit" ? 2 : -1;
      if (col.role === "deadline") return k === "deadline" ? 2 : k === "unit" ? -1 : 0;
      return k === "text" ? 1 : k === "unit" ? -1 : 0;
    }
  }
}

function accepts(col: Column, k: CellClass): boolean {
  if (k === "unit") return isUnitRole(col.role);
  if (k === "deadline") return col.role === "deadline" || col.role === "requirement" || col.role === "note" || col.role === "other";
  return !isUnitRole(col.role) && col.role !== "deadline";
}

/**
 * Cells in column order where an empty cell may have left no trace: each cell goes to the
 * next column that takes its kind; where there are more cells of a kind than columns left
 * for it, the first column takes the surplus (as a cell over several lines would).
 */
function fitLoose(cells: Cell[], fieldCols: number[], cols: Column[]): { assigned: Map<number, Cell>; guesses: string[] } {
  const assigned = new Map<number, Cell>();
  const guesses: string[] = [];
  const items = cells.filter((c): c is string[] => c !== null && c.some((l) => !isBlank(l))).map((c) => ({ lines: c, k: classifyCell(c) }));
  let ci = 0;
  let last = -1;
  const many = new Set<number>();
  items.forEach((it, idx) => {
    const cand = fieldCols.slice(ci).filter((i) => accepts(cols[i], it.k));
    let target: number;
    if (cand.length === 0) {
      if (last < 0) {
        // Nowhere to go: keep it as a note field.
        target = fieldCols.find((i) => !isUnitRole(cols[i].role)) ?? fieldCols[0];
        if (target === undefined) return;
      } else target = last;
    } else {
      // Cells of this kind still to come, from here to the end of the row.
      const ahead = items.slice(idx).filter((x) => x.k === it.k).length;
      target = cand[0];
      ci = ahead > cand.length ? fieldCols.indexOf(target) : fieldCols.indexOf(target) + 1;
    }
    const prev = assigned.get(target);
    if (prev) {
      assigned.set(target, [...prev, ...it.lines]);
      many.add(target);
    } else assigned.set(target, [...it.lines]);
    last = target;
  });
  for (const i of many) {
    if (isUnitRole(cols[i].role)) {
      const tail = fieldCols.filter((j) => j > i && isUnitRole(cols[j].role) && assigned.has(j));
      guesses.push(
        tail.length
          ? `单位格的分界看不出：最后${tail.length === 1 ? "一" : tail.length}个单位作${tail.map((j) => SECTION_NAMES(cols[j])).join("")}，其余都算${SECTION_NAMES(cols[i])}。`
          : `${SECTION_NAMES(cols[i])}格有好几段，都算作这一格。`,
      );
    } else guesses.push(`几段文字都归入${SECTION_NAMES(cols[i])}格。`);
  }
  const unitCols = fieldCols.filter((i) => isUnitRole(cols[i].role));
  const gotUnits = unitCols.filter((i) => assigned.has(i));
  if (gotUnits.length > 0 && gotUnits.length < unitCols.length) {
    const missing = unitCols.filter((i) => !assigned.has(i));
    guesses.push(`单位只够填${gotUnits.map((i) => SECTION_NAMES(cols[i])).join("")}，${missing.map((i) => SECTION_NAMES(cols[i])).join("")}看作空格。`);
  }
  return { assigned, guesses };
}
