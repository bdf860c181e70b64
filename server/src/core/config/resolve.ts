// Config (and the texts of its unit files) -> Settings for one file, overrides applied.

import { labelTable, type Role } from "../syntax/labels.js";
import { Registry, type UnitEntry } from "../model/registry.js";
import { DEFAULT_COLLECTIVE_PREFIXES, type ConfiguredLevel, type RuleLevel, type Settings } from "../settings.js";
import type { Config, ConfigOverride, UnitEntryInput } from "./schema.js";
import { globMatch } from "./glob.js";

type Layer = Omit<ConfigOverride, "files">;

/** Which overrides apply to a file: files with the same ones share their settings. */
export function matchingOverrides(config: Config, relativePath: string | null): number[] {
  if (relativePath === null) return [];
  const p = relativePath.replace(/\\/g, "/");
  const out: number[] = [];
  (config.overrides ?? []).forEach((o, i) => {
    if (o.files.some((g) => globMatch(g, p))) out.push(i);
  });
  return out;
}

/** The config's top level merged with every override whose globs match the file. */
export function effectiveLayer(config: Config, relativePath: string | null): Layer {
  let out: Layer = { ...config };
  delete (out as { overrides?: unknown }).overrides;
  delete (out as { $schema?: unknown }).$schema;
  for (const i of matchingOverrides(config, relativePath)) {
    const { files: _files, ...rest } = config.overrides![i];
    out = {
      ...out,
      ...rest,
      fields: { ...out.fields, ...rest.fields, labels: { ...out.fields?.labels, ...rest.fields?.labels } },
      numbering: { ...out.numbering, ...rest.numbering },
      rules: { ...out.rules, ...rest.rules },
      snippets: { ...out.snippets, ...rest.snippets },
      format: { ...out.format, ...rest.format },
    };
  }
  return out;
}

export function toUnitEntry(u: UnitEntryInput): UnitEntry {
  return typeof u === "string" ? { name: u } : u;
}

/**
 * Settings for one layer. `unitFileUnits` holds the units read from the layer's unitFiles
 * (the host reads the files; the core never touches the file system).
 */
export function toSettings(layer: Layer, unitFileUnits: readonly UnitEntryInput[] = []): Settings {
  const rules: Record<string, ConfiguredLevel> = {};
  for (const [k, v] of Object.entries(layer.rules ?? {})) rules[k] = v === true ? "on" : v === false ? "off" : (v as RuleLevel);
  return {
    locale: layer.locale ?? "zh-CN",
    labels: labelTable(layer.fields?.labels as Record<string, Role | "none"> | undefined),
    responsible: layer.fields?.responsible ?? "auto",
    numbering: { tasks: layer.numbering?.tasks ?? "auto", subsections: layer.numbering?.subsections ?? "auto" },
    rules,
    collectivePrefixes: layer.collectiveUnitPrefixes ?? DEFAULT_COLLECTIVE_PREFIXES,
    format: { labels: layer.format?.labels ?? "keep" },
    registry: new Registry([...(layer.units ?? []), ...unitFileUnits].map(toUnitEntry)),
    snippets: layer.snippets ?? {},
  };
}
