// The reviewer's preview: the table as it will be published, as the BODY of an HTML
// document, with the findings marked on the rows they concern, and a chart of each
// unit's load. Pure: model and findings in, a string out. The fronts wrap it (the VS Code
// webview adds its content security policy and script; tests add fixed colours).
//
// Every block (title, paragraph, table row) carries `data-line`, the 0-based source line
// of its first line, so a front can scroll to it and reveal it.

import { unitWorkload, type UnitLoad } from "./lookup.js";
import type { EffectiveRole, Field, Model, Task } from "../model/model.js";
import type { HeadingNode, NoteNode, TaskNode } from "../syntax/nodes.js";
import type { Role } from "../syntax/labels.js";
import type { Finding } from "../rules/types.js";
import type { Locale, Severity } from "../settings.js";
import { displayWidth, type Range } from "../text.js";

export interface PreviewOptions {
  /** The language of the preview's own words (legend, badges); the table is the document's. */
  locale?: Locale;
  /** Findings below this level are left out. Default `info` (hints are not marked). */
  minSeverity?: Severity;
  /** Whether to add the workload chart. Default true. */
  chart?: boolean;
}

export interface PreviewColumn {
  heading: string;
  /** The role the heading's label has as written (责任 stays `responsible`); null for the
   *  task column and for headings that are not known labels. */
  role: Role | null;
  /** What the column holds in this document (责任 read as lead or partners). */
  effective: EffectiveRole | null;
}

export interface PreviewMark {
  /** 0-based line of the marked block. */
  line: number;
  severity: Severity;
  messages: string[];
}

export interface PreviewResult {
  /** The body: title, notes, table, chart. */
  html: string;
  title: string;
  /** The table's columns, the task column first. */
  columns: PreviewColumn[];
  /** The data-line of every block, in document order. */
  lines: number[];
  /** The blocks that carry findings. */
  marks: PreviewMark[];
}


const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

const DEFAULT_COLUMNS = ["工作任务", "工作要求", "牵头单位", "责任单位"];

const UI = {
  "zh-CN": {
    untitled: "（无标题）",
    tasks: (n: number) => `${n} 项任务`,
    counts: { error: "个错误", warning: "个警告", info: "条信息", hint: "条提示" } as Record<Severity, string>,
    severity: { error: "错误", warning: "警告", info: "信息", hint: "提示" } as Record<Severity, string>,
    ditto: "同上",
    workload: "各单位任务量",
    lead: "牵头",
    join: "参与",
    noLead: "未牵头任何任务",
    unitTitle: (u: UnitLoad) =>
      `${u.unit}：牵头 ${u.leads} 项，参与 ${u.joins} 项` + (u.names.length > 1 || u.names[0] !== u.unit ? `；写作 ${u.names.join("、")}` : ""),
    noUnits: "没有写明任何单位。",
  },
  en: {
    untitled: "(untitled)",
    tasks: (n: number) => `${n} task${n === 1 ? "" : "s"}`,
    counts: { error: "errors", warning: "warnings", info: "infos", hint: "hints" } as Record<Severity, string>,
    severity: { error: "error", warning: "warning", info: "info", hint: "hint" } as Record<Severity, string>,
    ditto: "same as above",
    workload: "Tasks per unit",
    lead: "leads",
    join: "joins",
    noLead: "leads no task",
    unitTitle: (u: UnitLoad) =>
      `${u.unit}: leads ${u.leads}, joins ${u.joins}` + (u.names.length > 1 || u.names[0] !== u.unit ? `; written ${u.names.join(", ")}` : ""),
    noUnits: "No unit is named.",
  },
};

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&#39;"));
}
const esc = escapeHtml;

// ---------------------------------------------------------------------------------------
// Workload


/** The workload as an inline SVG horizontal bar chart (lead and joined bars stacked). */
export function workloadSvg(loads: UnitLoad[], locale: Locale = "zh-CN"): string {
  const ui = UI[locale];
  if (loads.length === 0) return `<p class="tt-muted">${esc(ui.noUnits)}</p>`;
  const rowH = 22;
  const top = 30;
  const width = 760;
  const charPx = 6.8; // per display column at 13px
  const maxLabel = 34; // display columns
  const label = (s: string) => {
    if (displayWidth(s) <= maxLabel) return s;
    let out = "";
    for (const ch of s) {
      if (displayWidth(out + ch) > maxLabel - 2) break;
      out += ch;
    }
    return out + "…";
  };
  const labelW = Math.ceil(Math.min(maxLabel, Math.max(8, ...loads.map((l) => displayWidth(label(l.unit))))) * charPx) + 12;
  const barX = labelW + 8;
  const barW = width - barX - 70;
  const max = Math.max(1, ...loads.map((l) => l.leads + l.joins));
  const scale = barW / max;
  const height = top + loads.length * rowH + 8;
  const out: string[] = [];
  out.push(
    `<svg class="tt-chart" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(ui.workload)}">`,
  );
  // Legend.
  out.push(
    `<g class="tt-legend"><rect class="tt-bar-lead" x="${barX}" y="6" width="12" height="12"/><text x="${barX + 18}" y="16">${esc(ui.lead)}</text>` +
      `<rect class="tt-bar-join" x="${barX + 80}" y="6" width="12" height="12"/><text x="${barX + 98}" y="16">${esc(ui.join)}</text>` +
      `<text class="tt-nolead-label" x="${barX + 170}" y="16">${esc(ui.noLead)}</text></g>`,
  );
  loads.forEach((l, i) => {
    const y = top + i * rowH;
    const nolead = l.leads === 0;
    const lw = l.leads * scale;
    const jw = l.joins * scale;
    out.push(`<g class="tt-unit-bar${nolead ? " tt-nolead" : ""}" data-unit="${esc(l.unit)}" data-leads="${l.leads}" data-joins="${l.joins}">`);
    out.push(`<title>${esc(ui.unitTitle(l))}</title>`);
    if (nolead) out.push(`<rect class="tt-nolead-band" x="0" y="${y}" width="${width}" height="${rowH - 2}"/>`);
    out.push(`<text class="tt-unit-label" x="${labelW}" y="${y + 15}" text-anchor="end">${esc(label(l.unit))}</text>`);
    if (lw > 0) out.push(`<rect class="tt-bar-lead" x="${barX}" y="${y + 3}" width="${lw.toFixed(1)}" height="${rowH - 8}"/>`);
    if (jw > 0) out.push(`<rect class="tt-bar-join" x="${(barX + lw).toFixed(1)}" y="${y + 3}" width="${jw.toFixed(1)}" height="${rowH - 8}"/>`);
    out.push(`<text class="tt-bar-count" x="${(barX + lw + jw + 6).toFixed(1)}" y="${y + 15}">${l.leads} + ${l.joins}</text>`);
    out.push(`</g>`);
  });
  out.push(`</svg>`);
  return out.join("");
}

// ---------------------------------------------------------------------------------------
// Columns

const LONG_FOR_SHORT: Partial<Record<string, string>> = { 要求: "工作要求" };

function headingFor(label: string, role: Role, labels: ReadonlyMap<string, Role>): string {
  if (labels.get(label + "单位") === role) return label + "单位";
  return LONG_FOR_SHORT[label] ?? label;
}

function effectiveOf(model: Model, r: Role): EffectiveRole {
  return r === "responsible" ? (model.leadSource === "responsible" ? "lead" : "partners") : r;
}

/** The document's columns, or the labels its tasks use, or the usual four. */
export function previewColumns(model: Model): PreviewColumn[] {
  const labels = model.tree.labels;
  if (model.columns && model.columns.length > 0) {
    return model.columns.map((heading, i) => {
      if (i === 0) return { heading, role: null, effective: null };
      const role = labels.get(heading) ?? null;
      return { heading, role, effective: role ? effectiveOf(model, role) : null };
    });
  }
  // No 列： line: the labels the tasks use, the most used one per written role.
  const used = new Map<Role, Map<string, number>>();
  const walk = (t: Task) => {
    for (const f of t.fields) {
      const r = f.node.role;
      if (!r) continue;
      let m = used.get(r);
      if (!m) used.set(r, (m = new Map()));
      m.set(f.label, (m.get(f.label) ?? 0) + 1);
    }
    t.items.forEach(walk);
  };
  model.tasks.forEach(walk);
  model.orphanItems.forEach(walk);
  const cols: PreviewColumn[] = [{ heading: DEFAULT_COLUMNS[0], role: null, effective: null }];
  if (used.size === 0) {
    for (const h of DEFAULT_COLUMNS.slice(1)) {
      const role = labels.get(h) ?? null;
      cols.push({ heading: h, role, effective: role ? effectiveOf(model, role) : null });
    }
    return cols;
  }
  const order: Role[] = ["requirement", "lead", "responsible", "partners", "deadline"];
  for (const r of order) {
    const m = used.get(r);
    if (!m) continue;
    const label = [...m.entries()].sort((a, b) => b[1] - a[1])[0][0];
    cols.push({ heading: headingFor(label, r, labels), role: r, effective: effectiveOf(model, r) });
  }
  return cols;
}

/** Which column a field's cell goes to; -1: none (it is shown under the task's title). */
function columnOf(f: Field, cols: PreviewColumn[]): number {
  const raw = f.node.role;
  if (raw !== null) {
    for (let i = 1; i < cols.length; i++) if (cols[i].role === raw) return i;
    for (let i = 1; i < cols.length; i++) if (cols[i].effective === f.role) return i;
    return -1;
  }
  for (let i = 1; i < cols.length; i++) if (cols[i].role === null && cols[i].heading === f.label) return i;
  return -1;
}

// ---------------------------------------------------------------------------------------
// Rendering

const LIST_START = /^(?:\d+[.．、]|[（(]\d+[)）]|[一二三四五六七八九十]+、)/;

/** A text cell: wrapped lines run on, lines that start a list item start a new line. */
function textHtml(text: string, segments: readonly Range[]): string {
  let out = "";
  segments.forEach((r, i) => {
    const s = text.slice(r.start, r.end);
    if (i > 0 && LIST_START.test(s)) out += "<br>";
    out += esc(s);
  });
  return out;
}

interface Block {
  id: number;
  line: number;
  /** Filled while rendering, then the findings are attached. */
  severity: Severity | null;
  messages: string[];
}

export function renderPreview(model: Model, findings: readonly Finding[], options: PreviewOptions = {}): PreviewResult {
  const locale: Locale = options.locale ?? "zh-CN";
  const ui = UI[locale];
  const minRank = SEVERITY_RANK[options.minSeverity ?? "info"];
  const text = model.tree.text;
  const slice = (r: Range) => text.slice(r.start, r.end);
  const lineIndex = model.tree.lines;
  const columns = previewColumns(model);
  const ncol = columns.length;

  // Blocks own line spans; a finding goes to the block that owns its first line.
  const owner = new Int32Array(lineIndex.lineCount).fill(-1);
  const blocks: Block[] = [];
  const block = (line: number, endLine: number): Block => {
    const b: Block = { id: blocks.length, line, severity: null, messages: [] };
    blocks.push(b);
    for (let l = line; l <= endLine && l < owner.length; l++) owner[l] = b.id;
    return b;
  };

  const tasksByNode = new Map<TaskNode, Task>();
  for (const t of [...model.tasks, ...model.orphanItems]) tasksByNode.set(t.node, t);

  // Pieces are rendered after the findings are attached: closures over their blocks.
  type Piece = { where: "before" | "table" | "after"; render: () => string };
  const pieces: Piece[] = [];
  const nodes = model.tree.nodes;
  let firstTable = -1;
  let lastTable = -1;
  nodes.forEach((n, i) => {
    if (n.kind === "heading" || n.kind === "task") {
      if (firstTable < 0) firstTable = i;
      lastTable = i;
    }
  });
  const where = (i: number): Piece["where"] => (firstTable < 0 || i < firstTable ? "before" : i > lastTable ? "after" : "table");

  // The title first, wherever it stands.
  const titleNode = nodes.find((n) => n.kind === "title");
  const titleText = model.title ?? ui.untitled;
  const titleBlock = titleNode ? block(titleNode.line, titleNode.line) : null;
  let headerBlock: Block | null = null;

  const badge = (b: Block) => {
    if (!b.severity) return "";
    return `<span class="tt-badge tt-badge-${b.severity}" title="${esc(b.messages.join("\n"))}">${esc(ui.severity[b.severity])}${b.messages.length > 1 ? ` ${b.messages.length}` : ""}</span>`;
  };
  const rowAttrs = (b: Block, cls: string) =>
    `class="${cls}${b.severity ? ` tt-marked tt-${b.severity}` : ""}" data-line="${b.line}"${b.severity ? ` title="${esc(b.messages.join("\n"))}"` : ""}`;
  const findingsRow = (b: Block) =>
    b.messages.length === 0
      ? ""
      : `<tr class="tt-findings tt-${b.severity}" data-line="${b.line}"><td colspan="${ncol}"><ul>${b.messages.map((m) => `<li>${esc(m)}</li>`).join("")}</ul></td></tr>`;

  const noteHtml = (n: NoteNode, inTable: boolean) => {
    // One block per paragraph.
    const paras: { b: Block; html: string }[] = [];
    let cur: { line: number; segs: Range[] } | null = null;
    const flush = (endLine: number) => {
      if (!cur) return;
      const b = block(cur.line, endLine);
      paras.push({ b, html: textHtml(text, cur.segs) });
    };
    n.segments.forEach((r) => {
      const line = r.line;
      if (!cur || n.paragraphLines.includes(line)) {
        flush(line - 1);
        cur = { line, segs: [] };
      }
      cur!.segs.push(r);
    });
    flush(n.endLine);
    return () =>
      paras
        .map(({ b, html }) =>
          inTable
            ? `<tr ${rowAttrs(b, "tt-note-row")}><td colspan="${ncol}"><p class="tt-note${n.quoted ? " tt-quoted" : ""}">${html}${badge(b)}</p></td></tr>${findingsRow(b)}`
            : `<p ${rowAttrs(b, `tt-note${n.quoted ? " tt-quoted" : ""}`)}>${html}${badge(b)}</p>${b.messages.length ? `<ul class="tt-findings-list tt-${b.severity}" data-line="${b.line}">${b.messages.map((m) => `<li>${esc(m)}</li>`).join("")}</ul>` : ""}`,
        )
        .join("");
  };

  const headingHtml = (n: HeadingNode) => {
    const b = block(n.line, n.line);
    const cls = n.level === 1 ? "tt-section" : "tt-subsection";
    return () =>
      `<tr ${rowAttrs(b, cls)}><th colspan="${ncol}" scope="rowgroup"><span class="tt-num">${esc(text.slice(n.marker.start, n.marker.end))}</span>${esc(slice(n.title))}${badge(b)}</th></tr>${findingsRow(b)}`;
  };

  const unitsHtml = (fs: Field[]) =>
    fs
      .map((f) => {
        if (f.units.length === 0) return esc(f.text);
        return f.units
          .map((u) => {
            const ditto = u.inheritedFrom !== null && slice(u.range) !== u.name;
            const tip = ditto ? `${ui.ditto}${u.inheritedFrom?.number != null ? ` (${u.inheritedFrom.number})` : ""}` : u.canonical !== u.name ? u.canonical : "";
            return `<span class="tt-unit${ditto ? " tt-ditto" : ""}"${tip ? ` title="${esc(tip)}"` : ""}>${esc(u.name)}</span>`;
          })
          .join("、");
      })
      .join("<br>");

  const textCell = (t: Task, fs: Field[], role: EffectiveRole | null) =>
    fs
      .map((f) => {
        if (f.dittoSource && role && (role === "requirement" || role === "deadline" || role === "note")) {
          return `<span class="tt-ditto" title="${esc(ui.ditto)}">${esc(t[role] ?? f.text)}</span>`;
        }
        return textHtml(text, f.node.segments);
      })
      .join("<br>");

  const taskHtml = (tn: TaskNode): (() => string) => {
    const t = tasksByNode.get(tn);
    const b = block(tn.line, tn.endLine);
    const itemRenders = tn.items.map((it) => taskHtml(it));
    return () => {
      const cells: Field[][] = columns.map(() => []);
      const extra: Field[] = [];
      for (const f of t?.fields ?? []) {
        const c = columnOf(f, columns);
        if (c < 0) extra.push(f);
        else cells[c].push(f);
      }
      const marker = tn.marker ? text.slice(tn.marker.start, tn.marker.end) : "";
      const title = tn.titleSegments.map(slice).join("");
      let first = `<span class="tt-num">${esc(marker)}</span>${esc(title)}${badge(b)}`;
      for (const f of extra) first += `<div class="tt-extra"><span class="tt-label">${esc(f.label)}：</span>${f.units.length ? unitsHtml([f]) : textHtml(text, f.node.segments)}</div>`;
      const tds = [`<td class="tt-task-cell">${first}</td>`];
      for (let c = 1; c < ncol; c++) {
        const col = columns[c];
        const fs = cells[c];
        const isUnits = fs.some((f) => f.items !== null);
        const cls = col.effective === "requirement" ? "tt-req" : col.effective === "lead" || col.effective === "partners" ? "tt-units" : col.effective === "deadline" ? "tt-deadline" : "tt-other";
        tds.push(`<td class="${cls}">${isUnits ? unitsHtml(fs) : t ? textCell(t, fs, col.effective) : ""}</td>`);
      }
      const cls = tn.level === 4 ? "tt-item" : "tt-task";
      return `<tr ${rowAttrs(b, cls)}${t?.number != null ? ` data-number="${t.number}"` : ""}>${tds.join("")}</tr>${findingsRow(b)}${itemRenders.map((r) => r()).join("")}`;
    };
  };

  nodes.forEach((n, i) => {
    const w = where(i);
    switch (n.kind) {
      case "heading":
        pieces.push({ where: w, render: headingHtml(n) });
        break;
      case "task":
        pieces.push({ where: w, render: taskHtml(n) });
        break;
      case "note":
        pieces.push({ where: w, render: noteHtml(n, w === "table") });
        break;
      case "columns":
        headerBlock = block(n.line, n.line);
        break;
      default:
        break;
    }
  });
  if (titleBlock) owner[titleBlock.line] = titleBlock.id;

  // Lines no block owns (blank lines, comments) go to the block above.
  let prev = -1;
  for (let l = 0; l < owner.length; l++) {
    if (owner[l] >= 0) prev = owner[l];
    else owner[l] = prev;
  }
  const firstBlock = blocks.length ? blocks.reduce((a, c) => (c.line < a.line ? c : a)) : null;
  for (const f of findings) {
    if (SEVERITY_RANK[f.severity] > minRank) continue;
    const line = lineIndex.lineAt(f.range.start);
    const id = line < owner.length ? owner[line] : -1;
    const b = id >= 0 ? blocks[id] : firstBlock;
    if (!b) continue;
    b.messages.push(`${f.code} ${f.message}`);
    if (!b.severity || SEVERITY_RANK[f.severity] < SEVERITY_RANK[b.severity]) b.severity = f.severity;
  }

  // Assemble.
  const html: string[] = [];
  html.push(`<article class="tt-preview" lang="zh-CN">`);
  if (titleBlock) {
    html.push(`<h1 ${rowAttrs(titleBlock, "tt-title")}>${esc(titleText)}${badge(titleBlock)}</h1>`);
  } else {
    html.push(`<h1 class="tt-title tt-untitled" data-line="0">${esc(titleText)}</h1>`);
  }
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) if (SEVERITY_RANK[f.severity] <= minRank) counts[f.severity]++;
  const summary = [ui.tasks(model.tasks.length)];
  for (const s of ["error", "warning", "info", "hint"] as Severity[]) {
    if (counts[s]) summary.push(`<span class="tt-count tt-${s}">${counts[s]} ${esc(ui.counts[s])}</span>`);
  }
  html.push(`<div class="tt-summary">${summary.join(" · ")}</div>`);
  for (const p of pieces) if (p.where === "before") html.push(p.render());
  if (firstTable >= 0 || headerBlock) {
    const hb = headerBlock as Block | null;
    html.push(`<table class="tt-table"><colgroup>${columns.map((c, i) => `<col class="tt-col-${i === 0 ? "task" : (c.effective ?? "other")}">`).join("")}</colgroup>`);
    const hAttrs = hb ? rowAttrs(hb, "tt-head") : `class="tt-head" data-line="${firstTable >= 0 ? nodes[firstTable].line : 0}"`;
    html.push(`<thead><tr ${hAttrs}>${columns.map((c, i) => `<th scope="col">${esc(c.heading)}${i === 0 && hb ? badge(hb) : ""}</th>`).join("")}</tr>${hb ? findingsRow(hb) : ""}</thead><tbody>`);
    for (const p of pieces) if (p.where === "table") html.push(p.render());
    html.push(`</tbody></table>`);
  }
  for (const p of pieces) if (p.where === "after") html.push(p.render());
  if (options.chart !== false) {
    html.push(`<section class="tt-workload"><h2>${esc(ui.workload)}</h2>${workloadSvg(unitWorkload(model), locale)}</section>`);
  }
  html.push(`</article>`);

  const ordered = [...blocks].sort((a, b) => a.line - b.line);
  return {
    html: html.join("\n"),
    title: titleText,
    columns,
    lines: ordered.map((b) => b.line),
    marks: ordered.filter((b) => b.severity).map((b) => ({ line: b.line, severity: b.severity!, messages: b.messages })),
  };
}

// ---------------------------------------------------------------------------------------
// Styles

/**
 * The preview's style sheet. Colours come only from VS Code's theme variables
 * (`--vscode-*`); a page outside VS Code defines them (see the browser test).
 */
export function previewStyles(): string {
  return `
:root {
  --tt-body-font: "FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong", "SimSun", "宋体", "Songti SC", "AR PL UMing CN", "Noto Serif CJK SC", "Source Han Serif SC", serif;
  --tt-head-font: "SimHei", "黑体", "Heiti SC", "STHeiti", "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
  --tt-border: var(--vscode-editorWidget-border, var(--vscode-panel-border));
}
body {
  margin: 0;
  padding: 16px 24px 48px;
  background: var(--vscode-editor-background);
  color: var(--vscode-editor-foreground);
  font-family: var(--tt-body-font);
  font-size: 15px;
  line-height: 1.6;
}
.tt-preview { max-width: 1200px; margin: 0 auto; }
.tt-title {
  font-family: var(--tt-head-font);
  font-size: 22px;
  font-weight: normal;
  text-align: center;
  margin: 8px 0 4px;
  letter-spacing: 0.05em;
}
.tt-summary {
  text-align: center;
  font-family: var(--vscode-font-family);
  font-size: 12px;
  color: var(--vscode-descriptionForeground);
  margin-bottom: 12px;
}
.tt-note { margin: 6px 0; text-indent: 2em; }
.tt-note.tt-quoted { color: var(--vscode-editor-foreground); }
.tt-table {
  width: 100%;
  border-collapse: collapse;
  table-layout: fixed;
  margin: 12px 0 20px;
  border: 1.5px solid var(--vscode-editor-foreground);
}
.tt-table col.tt-col-task { width: 24%; }
.tt-table col.tt-col-requirement { width: 40%; }
.tt-table col.tt-col-lead, .tt-table col.tt-col-partners { width: 14%; }
.tt-table col.tt-col-deadline { width: 10%; }
.tt-table th, .tt-table td {
  border: 1px solid var(--tt-border);
  padding: 6px 8px;
  vertical-align: top;
  text-align: left;
  word-break: break-all;
}
.tt-table thead th {
  font-family: var(--tt-head-font);
  font-weight: normal;
  text-align: center;
  vertical-align: middle;
  background: var(--vscode-editorWidget-background);
  border-bottom: 1.5px solid var(--vscode-editor-foreground);
}
.tt-section th {
  font-family: var(--tt-head-font);
  font-weight: bold;
  font-size: 16px;
  background: var(--vscode-editorWidget-background);
  padding: 8px;
}
.tt-subsection th {
  font-family: var(--tt-body-font);
  font-weight: bold;
  padding-left: 1em;
}
.tt-task-cell .tt-num { font-weight: bold; margin-right: 0.25em; }
.tt-item .tt-task-cell { padding-left: 2.2em; }
.tt-item td { border-top-style: dashed; }
.tt-units .tt-unit { white-space: nowrap; }
.tt-units { font-size: 14px; }
.tt-ditto { text-decoration: underline dotted; }
.tt-extra { margin-top: 4px; font-size: 13px; color: var(--vscode-descriptionForeground); }
.tt-label { font-family: var(--tt-head-font); }
.tt-note-row td { border-left: none; border-right: none; }
.tt-note-row .tt-note { margin: 0; }
tr[data-line], p[data-line], h1[data-line] { cursor: pointer; }
tr.tt-task:hover, tr.tt-item:hover, tr.tt-section:hover, tr.tt-subsection:hover { background: var(--vscode-list-hoverBackground); }
.tt-current { outline: 2px solid var(--vscode-focusBorder); outline-offset: -2px; }
.tt-marked.tt-error { background: var(--vscode-inputValidation-errorBackground); }
.tt-marked.tt-warning { background: var(--vscode-inputValidation-warningBackground); }
.tt-marked.tt-info { background: var(--vscode-inputValidation-infoBackground); }
tr.tt-marked.tt-error > :first-child { box-shadow: inset 4px 0 0 var(--vscode-editorError-foreground); }
tr.tt-marked.tt-warning > :first-child { box-shadow: inset 4px 0 0 var(--vscode-editorWarning-foreground); }
tr.tt-marked.tt-info > :first-child { box-shadow: inset 4px 0 0 var(--vscode-editorInfo-foreground); }
.tt-badge {
  display: inline-block;
  margin-left: 0.5em;
  padding: 0 6px;
  border-radius: 8px;
  font-family: var(--vscode-font-family);
  font-size: 11px;
  font-weight: normal;
  line-height: 16px;
  vertical-align: 1px;
  text-indent: 0;
  color: var(--vscode-editor-background);
}
.tt-badge-error { background: var(--vscode-editorError-foreground); }
.tt-badge-warning { background: var(--vscode-editorWarning-foreground); }
.tt-badge-info, .tt-badge-hint { background: var(--vscode-editorInfo-foreground); }
.tt-findings td { padding: 2px 8px 4px 2.2em; border-top: none; }
.tt-findings ul, .tt-findings-list { margin: 0; padding-left: 1.2em; font-family: var(--vscode-font-family); font-size: 12px; }
.tt-findings-list { margin: 0 0 6px 2em; }
.tt-findings.tt-error li, .tt-findings-list.tt-error li { color: var(--vscode-editorError-foreground); }
.tt-findings.tt-warning li, .tt-findings-list.tt-warning li { color: var(--vscode-editorWarning-foreground); }
.tt-findings.tt-info li, .tt-findings-list.tt-info li { color: var(--vscode-editorInfo-foreground); }
.tt-count.tt-error { color: var(--vscode-editorError-foreground); }
.tt-count.tt-warning { color: var(--vscode-editorWarning-foreground); }
.tt-count.tt-info { color: var(--vscode-editorInfo-foreground); }
.tt-workload { margin-top: 28px; }
.tt-workload h2 { font-family: var(--tt-head-font); font-weight: normal; font-size: 18px; text-align: center; }
.tt-chart { display: block; margin: 0 auto; max-width: 100%; height: auto; font-family: var(--tt-body-font); font-size: 13px; }
.tt-chart text { fill: var(--vscode-editor-foreground); }
.tt-chart .tt-bar-lead { fill: var(--vscode-charts-blue); }
.tt-chart .tt-bar-join { fill: var(--vscode-charts-green); opacity: 0.75; }
.tt-chart .tt-bar-count { fill: var(--vscode-descriptionForeground); font-family: var(--vscode-font-family); font-size: 11px; }
.tt-chart .tt-nolead .tt-unit-label, .tt-chart .tt-nolead-label { fill: var(--vscode-charts-orange); font-style: italic; font-weight: bold; }
.tt-chart .tt-nolead-band { fill: var(--vscode-inputValidation-warningBackground); opacity: 0.5; }
.tt-muted { color: var(--vscode-descriptionForeground); }
`;
}
