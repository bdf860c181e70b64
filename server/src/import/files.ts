// Importing files: text (UTF-8, with or without BOM; GB18030 as a fallback), .docx through
// mammoth (its HTML table), .xlsx through exceljs. Every file is size-checked first, and
// zip files have their declared sizes checked before anything is inflated.

import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { importRows, importText, type ImportCell, type ImportOptions, type ImportResult } from "../core/index.js";
import { readHtmlTable } from "./html-table.js";
import { ImportError, checkFileSize, checkZip } from "./limits.js";

export { ImportError } from "./limits.js";

export async function importFile(file: string, options: ImportOptions = {}): Promise<ImportResult> {
  checkFileSize(file);
  const buf = readFileSync(file);
  return importBuffer(buf, file, options);
}

export async function importBuffer(buf: Buffer, name: string, options: ImportOptions = {}): Promise<ImportResult> {
  const ext = extname(name).toLowerCase();
  if (ext === ".docx") return importDocx(buf, name, options);
  if (ext === ".xlsx") return importXlsx(buf, name, options);
  if (ext === ".doc" || ext === ".xls") throw new ImportError(`${name}: the old binary ${ext} format is not read; save it as ${ext}x or as text`);
  if (buf.length > 20 * 1024 * 1024) throw new ImportError(`${name} is over 20 MB; the importer reads files of up to 20 MB`);
  const text = decodeText(buf, name);
  if (ext === ".csv") return importRows(readCsv(text), "csv", options);
  if (ext === ".html" || ext === ".htm") {
    const doc = readHtmlTable(text);
    if (doc) return importRows(doc.rows, "html", { ...options, before: doc.before, after: doc.after });
  }
  return importText(text, options);
}

/**
 * Text in UTF-16 with its byte order mark (Excel's "Unicode Text", Notepad's "Unicode"), in
 * UTF-8, or else in GB18030 (GBK's superset). A file with NUL bytes and no UTF-16 mark is
 * not text (a PDF, a spreadsheet saved in another format): refused, not read as garbage.
 */
export function decodeText(buf: Buffer, name = "the file"): string {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder("utf-16le").decode(buf.subarray(2));
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder("utf-16be").decode(buf.subarray(2));
  const head = buf.subarray(0, 5).toString("latin1");
  if (buf.includes(0) || head === "%PDF-" || head.startsWith("PK\u0003\u0004")) {
    throw new ImportError(`${name} is not a text file, nor a .docx or .xlsx: save the table as one of those`);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buf).replace(/^\ufeff/, "");
  } catch {
    return new TextDecoder("gb18030").decode(buf);
  }
}

export async function importDocx(buf: Buffer, name: string, options: ImportOptions = {}): Promise<ImportResult> {
  checkZip(buf, name);
  const mammoth = await import("mammoth");
  const { value: html } = await damaged(name, "a Word", () => (mammoth.default ?? mammoth).convertToHtml({ buffer: buf }));
  const doc = readHtmlTable(html);
  if (!doc) {
    // No table: the document's text, read as a text layout.
    const { value } = await (mammoth.default ?? mammoth).extractRawText({ buffer: buf });
    return importText(value, options);
  }
  const remarks = doc.numbered ? ["任务编号是 Word 的自动编号，原文字里没有：导入时按栏目往下依次补上，请核对。"] : [];
  return importRows(doc.rows, "docx", { ...options, before: doc.before, after: doc.after, remarks });
}

export async function importXlsx(buf: Buffer, name: string, options: ImportOptions = {}): Promise<ImportResult> {
  checkZip(buf, name);
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  await damaged(name, "an Excel", () => wb.xlsx.load(buf as unknown as ArrayBuffer));
  const ws = wb.worksheets[0];
  if (!ws) throw new ImportError(`${name} has no worksheet`);
  const rows: ImportCell[][] = [];
  const cols = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: ImportCell[] = [];
    for (let c = 1; c <= cols; c++) {
      const cell = ws.getCell(r, c);
      if (cell.isMerged && cell.master.address !== cell.address) {
        // Merged into the cell above: 同上. Merged into the cell to the left: one spanning cell.
        if (cell.master.col === cell.col) row.push(null);
        continue;
      }
      const text = cellText(cell.value, cell.text ?? "", cell.numFmt);
      row.push(text.split(/\r\n|\r|\n/));
    }
    if (row.length === 0 || row.every((c) => c !== null && c.every((l) => !l.trim()))) continue;
    rows.push(row);
  }
  return importRows(rows, "xlsx", options);
}

/**
 * What a spreadsheet cell shows, as text. A date (typed as 2021年10月 or 2021-10-31, Excel
 * keeps a date) is written as 2021年10月31日, not as the date object's own text; a formula
 * gives its last result.
 */
export function cellText(value: unknown, shown: string, numFmt?: string): string {
  if (value instanceof Date) return chineseDate(value, numFmt);
  if (value && typeof value === "object" && "result" in value) {
    const r = (value as { result?: unknown }).result;
    if (r instanceof Date) return chineseDate(r, numFmt);
    // A number shows as its format makes it (50%): the text the library gives, if any.
    if (r !== undefined && r !== null && typeof r !== "object") return shown || String(r);
  }
  return shown;
}

/** A date to the precision its format shows: 2021年10月 for a month, 2021年10月31日 for a day. */
function chineseDate(d: Date, numFmt?: string): string {
  const f = (numFmt ?? "").replace(/"[^"]*"|\\./g, "");
  const y = `${d.getUTCFullYear()}年`;
  if (f && !/m/i.test(f)) return y;
  const m = `${y}${d.getUTCMonth() + 1}月`;
  if (f && !/d/i.test(f)) return m;
  return `${m}${d.getUTCDate()}日`;
}

/** Reading a damaged file fails deep in its library: said in one line, not as a stack trace. */
async function damaged<T>(name: string, kind: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    throw new ImportError(`${name} cannot be read as ${kind} file (${(e as Error).message.split("\n")[0]}); open it there and save it again`);
  }
}

/**
 * CSV as RFC 4180 writes it (and `export --to csv`, and Excel): cells between commas, a
 * quoted cell may hold commas, quotes doubled and line breaks. Each cell as its lines.
 */
export function readCsv(text: string): ImportCell[][] {
  const rows: ImportCell[][] = [];
  let row: ImportCell[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    row.push(cell.split(/\r\n|\r|\n/));
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === ",") endCell();
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endCell();
      rows.push(row);
      row = [];
    } else cell += c;
  }
  if (cell !== "" || row.length) {
    endCell();
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c !== null && c.some((l) => l.trim())));
}
