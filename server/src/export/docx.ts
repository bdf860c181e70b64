// A .docx that looks like the published document: the title in 黑体, the table with the
// document's own headings, section rows spanning the table, 同上 runs merged, the body in
// 仿宋, page numbers in the footer. Built with the `docx` package.

import {
  AlignmentType,
  Document,
  Footer,
  PageNumber,
  PageOrientation,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} from "docx";
import type { PublishedTable } from "./table.js";

const BODY = "仿宋";
const HEAD = "黑体";
const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });

function paras(text: string, opts: { bold?: boolean; fontName?: string; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}): Paragraph[] {
  return text.split("\n").map(
    (line) =>
      new Paragraph({
        alignment: opts.align,
        children: [new TextRun({ text: line, bold: opts.bold, font: font(opts.fontName ?? BODY), size: opts.size ?? 24 })],
      }),
  );
}

/** Relative widths: the task and requirement columns wide, unit columns narrower. */
function widths(columns: string[]): number[] {
  const w = columns.map((c) => (/要求|内容/.test(c) ? 5 : /任务|事项/.test(c) ? 3 : /序号|编号/.test(c) ? 0.8 : 1.8));
  const sum = w.reduce((a, b) => a + b, 0);
  return w.map((x) => Math.round((x / sum) * 100));
}

export async function toDocx(t: PublishedTable): Promise<Buffer> {
  const n = t.columns.length;
  const pct = widths(t.columns);
  const header = new TableRow({
    tableHeader: true,
    children: t.columns.map(
      (c, i) =>
        new TableCell({
          width: { size: pct[i], type: WidthType.PERCENTAGE },
          children: paras(c, { fontName: HEAD, align: AlignmentType.CENTER }),
        }),
    ),
  });
  const rows: TableRow[] = [header];
  t.rows.forEach((r, ri) => {
    if (r.kind !== "task") {
      rows.push(
        new TableRow({
          children: [new TableCell({ columnSpan: n, children: paras(r.text, { fontName: r.kind === "section" ? HEAD : "楷体", bold: r.kind === "subsection" }) })],
        }),
      );
      return;
    }
    const next = t.rows[ri + 1];
    rows.push(
      new TableRow({
        cantSplit: false,
        children: r.cells.map((c, i) => {
          const continues = next && next.kind === "task" && next.cells[i].ditto;
          const verticalMerge = c.ditto ? VerticalMergeType.CONTINUE : continues ? VerticalMergeType.RESTART : undefined;
          return new TableCell({
            width: { size: pct[i], type: WidthType.PERCENTAGE },
            verticalMerge,
            children: c.ditto ? [new Paragraph({})] : paras(c.text),
          });
        }),
      }),
    );
  });
  const doc = new Document({
    creator: "tasktable",
    title: t.title ?? undefined,
    styles: { default: { document: { run: { font: font(BODY), size: 24 } } } },
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: font(BODY), size: 24 })],
              }),
            ],
          }),
        },
        children: [
          ...(t.title ? paras(t.title, { fontName: HEAD, size: 36, align: AlignmentType.CENTER }) : []),
          ...t.before.flatMap((b) => paras(b)),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
          ...t.after.flatMap((a) => paras(a)),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
