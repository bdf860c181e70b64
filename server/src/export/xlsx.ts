// An .xlsx with the published table: title row, headings, section rows merged across the
// table, and 同上 runs merged down their column. Built with exceljs.

import ExcelJS from "exceljs";
import type { PublishedTable } from "./table.js";

export async function toXlsx(t: PublishedTable): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "tasktable";
  const ws = wb.addWorksheet("任务分解表", { pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const n = t.columns.length;
  const body = { name: "仿宋", size: 12 };
  const head = { name: "黑体", size: 12 };
  const wrap = { wrapText: true, vertical: "top" as const };
  let r = 1;
  if (t.title) {
    ws.getCell(r, 1).value = t.title;
    ws.getCell(r, 1).font = { name: "黑体", size: 16 };
    ws.getCell(r, 1).alignment = { horizontal: "center" };
    if (n > 1) ws.mergeCells(r, 1, r, n);
    r++;
  }
  for (const b of t.before) {
    ws.getCell(r, 1).value = b;
    ws.getCell(r, 1).alignment = wrap;
    if (n > 1) ws.mergeCells(r, 1, r, n);
    r++;
  }
  t.columns.forEach((c, i) => {
    const cell = ws.getCell(r, i + 1);
    cell.value = c;
    cell.font = head;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  });
  r++;
  const runStart: number[] = t.columns.map(() => 0);
  for (const row of t.rows) {
    if (row.kind !== "task") {
      ws.getCell(r, 1).value = row.text;
      ws.getCell(r, 1).font = row.kind === "section" ? head : { ...body, bold: true };
      if (n > 1) ws.mergeCells(r, 1, r, n);
      runStart.fill(0);
      r++;
      continue;
    }
    row.cells.forEach((c, i) => {
      if (c.ditto && runStart[i] > 0) {
        // Merge down from the start of the run (re-merging the grown range).
        const top = runStart[i];
        if (r - 1 > top) ws.unMergeCells(top, i + 1, r - 1, i + 1);
        ws.mergeCells(top, i + 1, r, i + 1);
        return;
      }
      const cell = ws.getCell(r, i + 1);
      cell.value = c.text;
      cell.font = body;
      cell.alignment = wrap;
      runStart[i] = r;
    });
    r++;
  }
  for (const a of t.after.flatMap((x) => x.split("\n"))) {
    ws.getCell(r, 1).value = a;
    ws.getCell(r, 1).alignment = wrap;
    if (n > 1) ws.mergeCells(r, 1, r, n);
    r++;
  }
  ws.columns.forEach((col, i) => {
    const h = t.columns[i] ?? "";
    col.width = /要求|内容/.test(h) ? 60 : /任务|事项/.test(h) ? 36 : /序号|编号/.test(h) ? 6 : 18;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
