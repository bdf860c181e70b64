// What the core needs from configuration, already resolved: no file names, no JSON.

import { labelTable, type LabelTable } from "./syntax/labels.js";
import { Registry } from "./model/registry.js";
import type { Snippet } from "./features/completion.js";

export type Severity = "error" | "warning" | "info" | "hint";
export type RuleLevel = Severity | "off";
/** A configured level: `on` is the rule's own default. */
export type ConfiguredLevel = RuleLevel | "on";
export type Locale = "zh-CN" | "en";

export interface Settings {
  locale: Locale;
  labels: LabelTable;
  responsible: "auto" | "lead" | "partners";
  numbering: {
    tasks: "auto" | "continuous" | "per-section" | "per-subsection";
    subsections: "auto" | "continuous" | "per-section";
  };
  /** Levels by rule code or name. */
  rules: Readonly<Record<string, ConfiguredLevel>>;
  collectivePrefixes: readonly string[];
  format: { labels: "keep" | "short" | "long" };
  registry: Registry;
  snippets: Readonly<Record<string, Snippet>>;
}

export const DEFAULT_COLLECTIVE_PREFIXES = ["各", "相关", "有关", "其他", "其它"];

let cached: Settings | null = null;

export function defaultSettings(): Settings {
  return (cached ??= {
    locale: "zh-CN",
    labels: labelTable(),
    responsible: "auto",
    numbering: { tasks: "auto", subsections: "auto" },
    rules: {},
    collectivePrefixes: DEFAULT_COLLECTIVE_PREFIXES,
    format: { labels: "keep" },
    registry: new Registry([]),
    snippets: {},
  });
}
