// The `tasktable` command line: check, fmt, export, rules. The same core as the editor.

import { existsSync, statSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import {
  RULES,
  analyze,
  buildModel,
  format,
  parse,
  type Finding,
  type Locale,
  type Severity,
} from "../core/index.js";
import { LineIndex } from "../core/text.js";
import { ConfigFiles } from "../host/config-files.js";
import { EXPORT_FORMATS, exportModel, isBinary } from "../export/index.js";
import { ImportError, importFile } from "../import/files.js";
import { collectFiles, readTable } from "../host/files.js";
import { formatGithub, formatSarif, formatText, toJsonFindings, type FileResult } from "./report.js";

const VERSION = "0.1.0";

const USAGE = `tasktable ${VERSION}: check, format and export task decomposition tables (任务分解表)

Usage:
  tasktable check <files or folders…> [--format text|json|sarif|github] [--config FILE]
                  [--min-severity error|warning|info|hint] [--locale zh-CN|en]
  tasktable fmt <files or folders…> [--check] [--config FILE]
  tasktable export <file> --to json|md|csv|html|docx|xlsx [-o FILE] [--config FILE]
  tasktable import <file.txt|.md|.docx|.xlsx> [-o FILE.tasktable] [--config FILE]
  tasktable rules [--locale zh-CN|en]

check exits 0 when no finding is at error level, 1 when one is, 2 on usage or I/O errors.
fmt --check exits 1 when a file is not formatted, and changes nothing.
export --to docx|xlsx needs -o. import exits 2 on a file it refuses (too large, a zip bomb).
`;

class UsageError extends Error {}

interface Options {
  positional: string[];
  flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set(["--format", "--config", "--to", "-o", "--output", "--min-severity", "--locale"]);

function parseArgs(argv: string[]): Options {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith("-") && a !== "-") {
      const eq = a.indexOf("=");
      const name = eq > 0 ? a.slice(0, eq) : a;
      if (VALUE_FLAGS.has(name)) {
        const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
        if (v === undefined) throw new UsageError(`${name} needs a value`);
        flags.set(name, v);
      } else if (["--check", "--help", "-h", "--version", "--no-color", "--color"].includes(name)) flags.set(name, true);
      else throw new UsageError(`unknown option ${a}`);
    } else positional.push(a);
  }
  return { positional, flags };
}

function flag(o: Options, name: string): string | undefined {
  const v = o.flags.get(name);
  return typeof v === "string" ? v : undefined;
}

function oneOf<T extends string>(name: string, v: string | undefined, allowed: readonly T[], dflt: T): T {
  if (v === undefined) return dflt;
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`${name} must be one of ${allowed.join(", ")}`);
  return v as T;
}

function readText(file: string): string {
  const t = readTable(file);
  return t.charCodeAt(0) === 0xfeff ? t.slice(1) : t;
}

function localeFrom(o: Options): Locale | undefined {
  const v = flag(o, "--locale");
  if (v !== undefined) return oneOf("--locale", v, ["zh-CN", "en"] as const, "zh-CN");
  const env = process.env.TASKTABLE_LOCALE;
  return env === "en" || env === "zh-CN" ? env : undefined;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export interface Io {
  out: NodeJS.WritableStream & { isTTY?: boolean };
  err: NodeJS.WritableStream;
}

export async function main(argv: string[], io: Io = { out: process.stdout, err: process.stderr }): Promise<number> {
  const write = (s: string) => io.out.write(s);
  const warn = (s: string) => io.err.write(s);
  try {
    const o = parseArgs(argv);
    const [cmd, ...rest] = o.positional;
    if (o.flags.has("--version")) {
      write(VERSION + "\n");
      return 0;
    }
    if (!cmd || o.flags.has("--help") || o.flags.has("-h") || cmd === "help") {
      write(USAGE);
      return cmd || o.flags.size ? 0 : 2;
    }
    const locale = localeFrom(o);
    const explicit = flag(o, "--config");
    // A config named on the command line that is not there is a mistake, not a default.
    if (explicit !== undefined && !(existsSync(explicit) && statSync(explicit).isFile())) {
      warn(`tasktable: cannot read the config ${explicit}: no such file\n`);
      return 2;
    }
    const configs = new ConfigFiles({ explicit, locale });
    const flushConfigProblems = () => {
      for (const p of configs.problems()) warn(`${relative(process.cwd(), p.file) || p.file}:${p.line}:${p.column}: ${p.message}\n`);
    };
    switch (cmd) {
      case "check": {
        const fmt = oneOf("--format", flag(o, "--format"), ["text", "json", "sarif", "github"] as const, "text");
        const min = oneOf("--min-severity", flag(o, "--min-severity"), ["error", "warning", "info", "hint"] as const, "info");
        if (rest.length === 0) throw new UsageError("check needs files or folders");
        const { files, missing } = collectFiles(rest);
        for (const m of missing) warn(`tasktable: ${m.why}: ${m.path}\n`);
        const results: FileResult[] = [];
        let errors = 0;
        let ioFailed = missing.length > 0;
        let shownLocale: Locale = locale ?? "zh-CN";
        // Many files on a terminal: say how far along the check is, on one line of stderr.
        const progress = files.length > 20 && (io.err as NodeJS.WriteStream).isTTY === true;
        let done = 0;
        for (const file of files) {
          if (progress && done++ % 10 === 0) warn(`\r${done}/${files.length} ${relative(process.cwd(), file)}`.slice(0, 100).padEnd(100));
          let text: string;
          try {
            text = readText(file);
          } catch (e) {
            warn(`tasktable: cannot read ${file}: ${(e as Error).message}\n`);
            ioFailed = true;
            continue;
          }
          const settings = configs.settingsFor(file);
          shownLocale = settings.locale;
          const { findings } = analyze(text, settings);
          const shown: Finding[] = findings.filter((f) => RANK[f.severity] <= RANK[min]);
          errors += findings.filter((f) => f.severity === "error").length;
          results.push({ file: relative(process.cwd(), file) || file, text, lines: new LineIndex(text), findings: shown });
        }
        if (progress) warn("\r" + " ".repeat(100) + "\r");
        flushConfigProblems();
        if (fmt === "json") write(JSON.stringify(toJsonFindings(results), null, 2) + "\n");
        else if (fmt === "sarif") write(formatSarif(results, VERSION, shownLocale));
        else if (fmt === "github") write(formatGithub(results));
        else {
          const color = o.flags.has("--color") || (!o.flags.has("--no-color") && io.out.isTTY === true && !process.env.NO_COLOR);
          write(formatText(results, color, shownLocale));
        }
        if (ioFailed) return 2;
        return errors > 0 ? 1 : 0;
      }
      case "fmt": {
        if (rest.length === 0) throw new UsageError("fmt needs files or folders");
        const { files, missing } = collectFiles(rest);
        for (const m of missing) warn(`tasktable: ${m.why}: ${m.path}\n`);
        const checkOnly = o.flags.has("--check");
        let unformatted = 0;
        let ioFailed = missing.length > 0;
        for (const file of files) {
          let raw: string;
          try {
            raw = readTable(file);
          } catch (e) {
            // Left as it is: a file that is not UTF-8 would lose its characters.
            warn(`tasktable: cannot read ${file}: ${(e as Error).message}\n`);
            ioFailed = true;
            continue;
          }
          const bom = raw.charCodeAt(0) === 0xfeff ? "\ufeff" : "";
          const text = bom ? raw.slice(1) : raw;
          const settings = configs.settingsFor(file);
          const out = format(parse(text, { labels: settings.labels }), { labels: settings.format.labels });
          if (out === text) continue;
          unformatted++;
          const shown = relative(process.cwd(), file) || file;
          if (checkOnly) write(`${shown}\n`);
          else {
            writeFileSync(file, bom + out);
            write(`formatted ${shown}\n`);
          }
        }
        flushConfigProblems();
        if (ioFailed) return 2;
        return checkOnly && unformatted > 0 ? 1 : 0;
      }
      case "export": {
        const to = oneOf("--to", flag(o, "--to"), EXPORT_FORMATS, "json");
        if (rest.length !== 1) throw new UsageError("export needs exactly one file");
        const file = rest[0];
        const outFile = flag(o, "-o") ?? flag(o, "--output");
        if (isBinary(to) && !outFile) throw new UsageError(`export --to ${to} writes a binary file: give it with -o FILE`);
        let text: string;
        try {
          text = readText(file);
        } catch (e) {
          warn(`tasktable: cannot read ${file}: ${(e as Error).message}\n`);
          return 2;
        }
        const settings = configs.settingsFor(file);
        flushConfigProblems();
        const model = buildModel(parse(text, { labels: settings.labels }), settings);
        const body = await exportModel(model, settings, to);
        if (outFile) writeFileSync(outFile, body);
        else write(body as string);
        return 0;
      }
      case "import": {
        if (rest.length !== 1) throw new UsageError("import needs exactly one file");
        const file = rest[0];
        const outFile = flag(o, "-o") ?? flag(o, "--output");
        const settings = configs.settingsFor(outFile ?? file);
        flushConfigProblems();
        let result;
        try {
          result = await importFile(file, { labels: settings.labels });
        } catch (e) {
          if (e instanceof ImportError) {
            warn(`tasktable: ${e.message}\n`);
            return 2;
          }
          if ((e as NodeJS.ErrnoException).code === "ENOENT" || (e as NodeJS.ErrnoException).code === "EISDIR") {
            warn(`tasktable: cannot read ${file}: ${(e as Error).message}\n`);
            return 2;
          }
          throw e;
        }
        if (outFile) {
          writeFileSync(outFile, result.text);
          warn(`imported ${file} (${result.layout}; ${result.guesses} guesses marked with //) -> ${outFile}\n`);
        } else write(result.text);
        return 0;
      }
      case "rules": {
        const loc = locale ?? "zh-CN";
        for (const r of RULES) {
          write(`${r.code}  ${r.name.padEnd(22)} ${r.severity.padEnd(8)} ${loc === "en" ? r.description.en : r.description.zh}\n`);
        }
        return 0;
      }
      default:
        throw new UsageError(`unknown command ${cmd}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      warn(`tasktable: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    warn(`tasktable: ${(e as Error).stack ?? e}\n`);
    return 2;
  }
}

// Run as a program (the bundled dist/cli.js started directly, as the editor's task does).
if (typeof require !== "undefined" && require.main === module) runAsProgram();

/** Runs the CLI on the process's arguments; a reader that stops early (| head) is no error. */
export function runAsProgram(): void {
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
