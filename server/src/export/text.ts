// The text formats: Markdown, CSV (RFC 4180, UTF-8 with a BOM for Excel) and a standalone
// HTML page (everything escaped, no remote content).

import type { PublishedTable } from "./table.js";

const mdCell = (s: string) => s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\n/g, "<br>");

export function toMarkdown(t: PublishedTable): string {
  const out: string[] = [];
  if (t.title) out.push(`# ${t.title}`, "");
  for (const b of t.before) out.push(b.replace(/\n/g, "  \n"), "");
  out.push(`| ${t.columns.map(mdCell).join(" | ")} |`, `| ${t.columns.map(() => "---").join(" | ")} |`);
  for (const r of t.rows) {
    if (r.kind === "task") out.push(`| ${r.cells.map((c) => mdCell(c.ditto ? "同上" : c.text)).join(" | ")} |`);
    else out.push(`| ${r.kind === "section" ? `**${mdCell(r.text)}**` : mdCell(r.text)} |${" |".repeat(Math.max(0, t.columns.length - 1))}`);
  }
  for (const a of t.after) out.push("", a.replace(/\n/g, "  \n"));
  return out.join("\n") + "\n";
}

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function toCsv(t: PublishedTable): string {
  const lines: string[] = [t.columns.map(csvCell).join(",")];
  for (const r of t.rows) {
    if (r.kind === "task") lines.push(r.cells.map((c) => csvCell(c.text)).join(","));
    else lines.push([csvCell(r.text), ...t.columns.slice(1).map(() => "")].join(","));
  }
  return "\ufeff" + lines.join("\r\n") + "\r\n";
}

export const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
const htmlLines = (s: string) => escapeHtml(s).replace(/\n/g, "<br>");

export function toHtml(t: PublishedTable): string {
  const n = t.columns.length;
  const rows = t.rows.map((r) => {
    if (r.kind !== "task") return `<tr class="${r.kind}"><td colspan="${n}">${htmlLines(r.text)}</td></tr>`;
    return `<tr>${r.cells.map((c) => `<td${c.ditto ? ' class="ditto"' : ""}>${htmlLines(c.text)}</td>`).join("")}</tr>`;
  });
  const title = escapeHtml(t.title ?? "任务分解表");
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
body { font-family: "FangSong", "仿宋", "STFangsong", serif; margin: 2em auto; max-width: 80em; line-height: 1.6; }
h1, th, tr.section td { font-family: "SimHei", "黑体", "STHeiti", sans-serif; }
h1 { text-align: center; font-size: 1.6em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #000; padding: 0.3em 0.5em; vertical-align: top; }
tr.section td { font-weight: bold; }
tr.subsection td { font-weight: bold; font-family: "KaiTi", "楷体", serif; }
td.ditto { color: #555; }
</style>
</head>
<body>
${t.title ? `<h1>${title}</h1>\n` : ""}${t.before.map((b) => `<p>${htmlLines(b)}</p>`).join("\n")}
<table>
<thead><tr>${t.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join("")}</tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>
${t.after.map((a) => `<p>${htmlLines(a)}</p>`).join("\n")}
</body>
</html>
`;
}
