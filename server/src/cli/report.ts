// Output formats of `tasktable check`: text (like a compiler), json, sarif, github.

import type { Finding, Locale, Severity } from "../core/index.js";
import { RULES } from "../core/index.js";
import { LineIndex } from "../core/text.js";
import { displayWidth } from "../core/text.js";

export interface FileResult {
  file: string;
  text: string;
  lines: LineIndex;
  findings: Finding[];
}

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  name: string;
  message: string;
}

export function toJsonFindings(results: FileResult[]): JsonFinding[] {
  const out: JsonFinding[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      const s = r.lines.positionAt(f.range.start);
      const e = r.lines.positionAt(f.range.end);
      out.push({
        file: r.file,
        line: s.line + 1,
        column: s.character + 1,
        endLine: e.line + 1,
        endColumn: e.character + 1,
        severity: f.severity,
        code: f.code,
        name: f.name,
        message: f.message,
      });
    }
  }
  return out;
}

const MAX_WIDTH = 100;
const CONTEXT = 24;

const COLORS: Record<Severity, string> = { error: "\x1b[31m", warning: "\x1b[33m", info: "\x1b[36m", hint: "\x1b[2m" };
const WORDS: Record<Locale, Record<Severity, string>> = {
  "zh-CN": { error: "错误", warning: "警告", info: "信息", hint: "提示" },
  en: { error: "error", warning: "warning", info: "info", hint: "hint" },
};

export function formatText(results: FileResult[], color: boolean, locale: Locale): string {
  const out: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  const paint = (s: string, c: string) => (color ? c + s + "\x1b[0m" : s);
  for (const r of results) {
    for (const f of r.findings) {
      counts[f.severity]++;
      const s = r.lines.positionAt(f.range.start);
      const lineStart = r.lines.starts[s.line];
      const lineEnd = r.lines.lineEnd(s.line);
      const endOnLine = Math.min(Math.max(f.range.end, f.range.start + 1), lineEnd);
      // Long lines (a requirement is often one long line) are cut to a window around the range.
      let from = lineStart;
      let to = lineEnd;
      let head = "";
      let tail = "";
      if (displayWidth(r.text, lineStart, lineEnd) > MAX_WIDTH) {
        from = Math.max(lineStart, f.range.start - CONTEXT);
        to = Math.min(lineEnd, Math.max(endOnLine, f.range.start + 1) + CONTEXT);
        if (from > lineStart) head = "…";
        if (to < lineEnd) tail = "…";
      }
      // A tab shown as the four columns the caret below counts for it.
      const src = head + r.text.slice(from, to).replace(/\t/g, "    ") + tail;
      const pad = displayWidth(head) + displayWidth(r.text, from, f.range.start);
      const len = Math.max(1, displayWidth(r.text, f.range.start, Math.min(endOnLine, to)));
      const gutter = String(s.line + 1);
      const blank = " ".repeat(gutter.length);
      out.push(
        `${paint(`${r.file}:${s.line + 1}:${s.character + 1}`, color ? "\x1b[1m" : "")}: ${paint(WORDS[locale][f.severity], COLORS[f.severity])} ${f.code}/${f.name} ${f.message}`,
      );
      out.push(`  ${gutter} | ${src}`);
      out.push(`  ${blank} | ${" ".repeat(pad)}${paint("^".repeat(len), COLORS[f.severity])}`);
    }
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const files = results.length;
  if (locale === "en") {
    out.push(
      total === 0
        ? `${plural(files, "file")} checked, no problems.`
        : `${plural(files, "file")} checked: ${plural(total, "problem")} (${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}, ${plural(counts.info + counts.hint, "note")}).`,
    );
  } else {
    out.push(
      total === 0
        ? `检查了 ${files} 个文件，没有发现问题。`
        : `检查了 ${files} 个文件，发现 ${total} 个问题（${counts.error} 个错误，${counts.warning} 个警告，${counts.info + counts.hint} 个提示）。`,
    );
  }
  return out.join("\n") + "\n";
}

export function formatGithub(results: FileResult[]): string {
  const esc = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const prop = (s: string) => esc(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
  const kind: Record<Severity, string> = { error: "error", warning: "warning", info: "notice", hint: "notice" };
  return toJsonFindings(results)
    .map(
      (f) =>
        `::${kind[f.severity]} file=${prop(f.file)},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${prop(`${f.code} ${f.name}`)}::${esc(f.message)}`,
    )
    .join("\n")
    .concat(results.some((r) => r.findings.length) ? "\n" : "");
}

export function formatSarif(results: FileResult[], version: string, locale: Locale): string {
  const level: Record<Severity, string> = { error: "error", warning: "warning", info: "note", hint: "note" };
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "tasktable",
            version,
            rules: RULES.map((r) => ({
              id: r.code,
              name: r.name,
              shortDescription: { text: locale === "en" ? r.description.en : r.description.zh },
              helpUri: `docs/rules/${r.code}-${r.name}.md`,
              defaultConfiguration: { level: level[r.severity] },
            })),
          },
        },
        columnKind: "utf16CodeUnits",
        results: toJsonFindings(results).map((f) => ({
          ruleId: f.code,
          ruleIndex: RULES.findIndex((r) => r.code === f.code),
          level: level[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: sarifUri(f.file) },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + "\n";
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/**
 * A file's path as a SARIF artifact URI (a URI reference): each segment percent-encoded, so
 * spaces, Chinese names and a colon in the first segment of a relative path are valid there.
 * An absolute path becomes a file: URI.
 */
export function sarifUri(file: string): string {
  const path = file.replace(/\\/g, "/");
  const encoded = path
    .split("/")
    .map((seg, i) => (i === 0 && /^[A-Za-z]:$/.test(seg) ? seg : encodeURIComponent(seg)))
    .join("/");
  if (path.startsWith("/")) return "file://" + encoded;
  if (/^[A-Za-z]:\//.test(path)) return "file:///" + encoded;
  return encoded;
}
