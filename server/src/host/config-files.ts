// Finds and reads tasktable.json and its unit files, for the CLI and the language server.
// The core only ever sees their texts. Settings are built once per config and set of
// matching overrides, so a large registry is indexed once, not once per table.

import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { effectiveLayer, matchingOverrides, parseConfig, parseUnitFile, toSettings, type Config, type ConfigProblem, type Settings } from "../core/index.js";
import { LineIndex } from "../core/text.js";
import type { UnitEntryInput } from "../core/config/schema.js";

export const CONFIG_NAME = "tasktable.json";

export interface HostProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface LoadedFile {
  /** The text the problems' offsets refer to. */
  text: string;
  problems: ConfigProblem[];
  /** The config in force: the last one that was JSON, if this text is not. */
  config?: Config;
  units?: UnitEntryInput[];
  /** This text could not be used (not JSON, or unreadable); an earlier one is in force. */
  stale?: boolean;
  /** The file could not be read at all. */
  unreadable?: boolean;
}

export interface ConfigFilesOptions {
  /** An explicit config (--config): every file uses it. */
  explicit?: string;
  locale?: "zh-CN" | "en";
  /** Reads a file; an editor passes its open buffers first. Returns null if there is none. */
  read?: (path: string) => string | null;
}

const readDisk = (path: string): string | null => {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
};

export class ConfigFiles {
  private readonly configByDir = new Map<string, string | null>();
  private readonly files = new Map<string, LoadedFile>();
  private readonly settings = new Map<string, Settings>();
  private readonly read: (path: string) => string | null;

  constructor(private readonly options: ConfigFilesOptions = {}) {
    this.read = options.read ?? readDisk;
  }

  /** Forget a changed config or unit file (or everything): the next request reads it again. */
  invalidate(path?: string) {
    this.settings.clear();
    this.configByDir.clear();
    if (path === undefined) for (const k of this.files.keys()) this.dirty.add(k);
    else this.dirty.add(resolve(path));
  }
  private readonly dirty = new Set<string>();

  /** The config that governs a file: --config, else the nearest tasktable.json above it. */
  configPathFor(file: string): string | null {
    if (this.options.explicit) return resolve(this.options.explicit);
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
      if (this.read === readDisk ? existsSync(candidate) : this.read(candidate) !== null) {
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
    if (!path) return this.defaults();
    const config = this.config(path);
    const rel = relative(dirname(path), resolve(file));
    const key = `${path}\u0000${matchingOverrides(config, rel).join(",")}`;
    return this.cached(key, () => {
      const layer = effectiveLayer(config, rel);
      const units: UnitEntryInput[] = [];
      for (const f of layer.unitFiles ?? []) {
        const file = resolve(dirname(path), f);
        units.push(...this.unitFile(file));
        if (this.files.get(file)?.unreadable) this.problemAt(path, JSON.stringify(f), `cannot read the unit file ${f}; its units are left out`);
      }
      return toSettings(layer, units);
    });
  }

  /** The settings of a file under no config. */
  defaults(): Settings {
    return this.cached("", () => toSettings({}));
  }

  /**
   * Where the registry in force for a file is written: in its config, the top-level units
   * list or the last matching override that has one (an override's list replaces the one
   * above it), and the unit files of the layer in force. Null without a config.
   */
  registrySources(file: string): { config: string; top: boolean; overrides: number[]; unitFiles: string[] } | null {
    const path = this.configPathFor(file);
    if (!path) return null;
    const config = this.config(path);
    const rel = relative(dirname(path), resolve(file));
    const withUnits = matchingOverrides(config, rel).filter((i) => config.overrides![i].units !== undefined);
    const layer = effectiveLayer(config, rel);
    return {
      config: path,
      top: withUnits.length === 0,
      overrides: withUnits.slice(-1),
      unitFiles: (layer.unitFiles ?? []).map((f) => resolve(dirname(path), f)),
    };
  }

  private cached(key: string, make: () => Settings): Settings {
    let s = this.settings.get(key);
    if (!s) {
      s = make();
      if (this.options.locale) s = { ...s, locale: this.options.locale };
      this.settings.set(key, s);
    }
    return s;
  }

  /** The config in force at a path (the last good one while the file is not JSON). */
  config(path: string): Config {
    return this.load(path, "config").config ?? {};
  }

  /** Every config and unit file read so far, with its problems. */
  loaded(): ReadonlyMap<string, LoadedFile> {
    return this.files;
  }

  private unitFile(path: string): UnitEntryInput[] {
    return this.load(path, "units").units ?? [];
  }

  private load(path: string, kind: "config" | "units"): LoadedFile {
    const prev = this.files.get(path);
    if (prev && !this.dirty.has(path)) return prev;
    this.dirty.delete(path);
    const text = this.read(path);
    let f: LoadedFile;
    if (text === null) {
      // An unreadable unit file is reported where the config names it (see settingsFor).
      f = { text: "", problems: kind === "config" ? [{ message: "cannot read the config; defaults apply", start: 0, end: 0 }] : [], config: {}, units: [], unreadable: true };
    } else if (kind === "config") {
      const r = parseConfig(text);
      // Not JSON (mid-edit, most likely): keep the last config that was.
      f = r.ok || !prev?.config ? { text, problems: r.problems, config: r.config } : { text, problems: r.problems, config: prev.config, stale: true };
    } else {
      const r = parseUnitFile(text);
      f = { text, problems: r.problems, units: r.problems.length && !r.units.length && prev?.units ? prev.units : r.units };
    }
    this.files.set(path, f);
    return f;
  }

  /** Adds a problem to a config file, at the first place its text has `needle`. */
  private problemAt(path: string, needle: string, message: string) {
    const f = this.files.get(path);
    if (!f || f.problems.some((p) => p.message === message)) return;
    const at = Math.max(0, f.text.indexOf(needle));
    f.problems.push({ message, start: at, end: at + (at >= 0 ? needle.length : 0) });
  }

  /** Problems of every file read, with line and column, for printing. */
  problems(): HostProblem[] {
    const out: HostProblem[] = [];
    for (const [file, f] of this.files) {
      const lines = new LineIndex(f.text);
      for (const p of f.problems) {
        const pos = lines.positionAt(p.start);
        out.push({ file, line: pos.line + 1, column: pos.character + 1, message: p.message });
      }
    }
    return out;
  }
}
