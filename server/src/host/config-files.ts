// Finds and reads tasktable.json and its unit files from disk, for the CLI and the server.
// The core only ever sees their texts.

import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { effectiveLayer, parseConfig, parseUnitFile, toSettings, type Config, type ConfigProblem, type Settings } from "../core/index.js";
import { LineIndex } from "../core/text.js";
import type { UnitEntryInput } from "../core/config/schema.js";

export const CONFIG_NAME = "tasktable.json";

export interface HostProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

interface LoadedConfig {
  path: string;
  config: Config;
}

export class ConfigFiles {
  private readonly configByDir = new Map<string, string | null>();
  private readonly loaded = new Map<string, LoadedConfig>();
  private readonly unitFiles = new Map<string, UnitEntryInput[]>();
  readonly problems: HostProblem[] = [];
  private readonly reported = new Set<string>();

  constructor(private readonly explicit?: string, private readonly locale?: "zh-CN" | "en") {}

  /** The config that governs a file: --config, else the nearest tasktable.json above it. */
  configPathFor(file: string): string | null {
    if (this.explicit) return resolve(this.explicit);
    let dir = dirname(resolve(file));
    const seen: string[] = [];
    for (;;) {
      const cached = this.configByDir.get(dir);
      if (cached !== undefined) {
        for (const d of seen) this.configByDir.set(d, cached);
        return cached;
      }
      seen.push(dir);
      const candidate = join(dir, CONFIG_NAME);
      if (existsSync(candidate)) {
        for (const d of seen) this.configByDir.set(d, candidate);
        return candidate;
      }
      const up = dirname(dir);
      if (up === dir) {
        for (const d of seen) this.configByDir.set(d, null);
        return null;
      }
      dir = up;
    }
  }

  settingsFor(file: string): Settings {
    const path = this.configPathFor(file);
    if (!path) return this.withLocale(toSettings({}));
    const cfg = this.load(path);
    const rel = relative(dirname(path), resolve(file));
    const layer = effectiveLayer(cfg.config, rel);
    const units: UnitEntryInput[] = [];
    for (const f of layer.unitFiles ?? []) units.push(...this.unitFile(resolve(dirname(path), f), path));
    return this.withLocale(toSettings(layer, units));
  }

  private withLocale(s: Settings): Settings {
    return this.locale ? { ...s, locale: this.locale } : s;
  }

  private load(path: string): LoadedConfig {
    let c = this.loaded.get(path);
    if (c) return c;
    let text = "";
    try {
      text = readFileSync(path, "utf8");
    } catch (e) {
      this.problem(path, null, 0, `cannot read the config: ${(e as Error).message}; defaults apply`);
    }
    const r = parseConfig(text);
    this.report(path, text, r.problems);
    c = { path, config: r.config };
    this.loaded.set(path, c);
    return c;
  }

  private unitFile(path: string, from: string): UnitEntryInput[] {
    let u = this.unitFiles.get(path);
    if (u) return u;
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (e) {
      this.problem(from, null, 0, `unit file ${path}: ${(e as Error).message}`);
      this.unitFiles.set(path, []);
      return [];
    }
    const r = parseUnitFile(text);
    this.report(path, text, r.problems);
    u = r.units;
    this.unitFiles.set(path, u);
    return u;
  }

  private report(file: string, text: string, problems: ConfigProblem[]) {
    if (problems.length === 0) return;
    const lines = new LineIndex(text);
    for (const p of problems) this.problem(file, lines, p.start, p.message);
  }

  private problem(file: string, lines: LineIndex | null, offset: number, message: string) {
    const pos = lines ? lines.positionAt(offset) : { line: 0, character: 0 };
    const key = `${file}:${pos.line}:${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.problems.push({ file, line: pos.line + 1, column: pos.character + 1, message });
  }
}
