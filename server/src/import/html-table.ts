// Reads the simple HTML mammoth writes: paragraphs and tables (with colspan and rowspan).
// Not a general HTML parser; enough for mammoth's output.

import type { ImportCell } from "../core/index.js";

export interface HtmlDoc {
  before: string[];
  rows: ImportCell[][];
  after: string[];
  /** Numbers were written in from Word's automatic list numbering (see readHtmlTable). */
  numbered: boolean;
}

const decode = (s: string) =>
  s
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, "&");

function blockLines(html: string): string[] {
  const out: string[] = [];
  const re = /<(p|h[1-6]|li)\b[^>]*>([\s\S]*?)<\/\1>/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) out.push(...decode(m[2]).split("\n"));
  if (out.length === 0 && html.replace(/<[^>]+>/g, "").trim()) out.push(...decode(html).split("\n"));
  return out;
}

/** The first table (the largest, where there are several) and the paragraphs around it. */
export function readHtmlTable(html: string): HtmlDoc | null {
  const tables: { start: number; end: number }[] = [];
  const re = /<table\b[\s\S]*?<\/table>/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) tables.push({ start: m.index, end: m.index + m[0].length });
  if (tables.length === 0) return null;
  const t = tables.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
  const inner = html.slice(t.start, t.end);
  const rows: ImportCell[][] = [];
  // rowspan bookkeeping: column -> rows still covered
  const covered: number[] = [];
  // Word's automatic numbering is not in the text: mammoth writes such paragraphs as items of
  // an ordered list. A cell with one item (a task's number) is numbered on down the column,
  // as Word numbers one list; a cell with several (points of a requirement) from 1 in it.
  const listed: number[] = [];
  let numbered = false;
  const trs = inner.match(/<tr\b[\s\S]*?<\/tr>/gi) ?? [];
  for (const tr of trs) {
    const row: ImportCell[] = [];
    let col = 0;
    const takeCovered = () => {
      while (covered[col] > 0) {
        covered[col]--;
        row.push(null);
        col++;
      }
    };
    const tds = tr.match(/<t[dh]\b[^>]*>[\s\S]*?<\/t[dh]>/gi) ?? [];
    for (const td of tds) {
      takeCovered();
      const open = /^<t[dh]\b([^>]*)>/i.exec(td)![1];
      const colspan = Number(/colspan="?(\d+)/i.exec(open)?.[1] ?? 1);
      const rowspan = Number(/rowspan="?(\d+)/i.exec(open)?.[1] ?? 1);
      const body = td
        .replace(/^<t[dh]\b[^>]*>|<\/t[dh]>$/gi, "")
        .replace(/<ol\b[^>]*>([\s\S]*?)<\/ol>/gi, (_, items: string) => {
          numbered = true;
          const one = (items.match(/<li\b/gi) ?? []).length === 1;
          let k = 0;
          return items.replace(/<li\b([^>]*)>/gi, (_m, attrs: string) => `<li${attrs}>${one ? (listed[col] = (listed[col] ?? 0) + 1) : ++k}. `);
        });
      row.push(blockLines(body));
      for (let k = 0; k < colspan; k++) {
        if (rowspan > 1) covered[col + k] = rowspan - 1;
      }
      col += colspan;
      // A cell spanning columns counts once: a row that is one spanning cell stays one cell.
    }
    takeCovered();
    rows.push(row);
  }
  return { before: blockLines(html.slice(0, t.start)), rows, after: blockLines(html.slice(t.end)), numbered };
}
