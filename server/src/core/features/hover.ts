// Hover: a unit's names and how much it carries; a number's place in the outline; what a
// 同上 copies.

import type { Model, Unit } from "../model/model.js";
import type { Registry } from "../model/registry.js";
import type { Locale } from "../settings.js";
import type { Range } from "../text.js";
import { lineOwner, unitAt, unitUsage } from "./lookup.js";
import { outline, type OutlineSymbol } from "./outline.js";

export interface Hover {
  range: Range;
  /** Markdown. */
  contents: string;
}

export interface WorkspaceCounts {
  files: number;
  leads: number;
  joins: number;
}

const HOW: Record<Locale, Record<string, string>> = {
  "zh-CN": {
    alias: "旧称或别名",
    abbreviation: "简称",
    prefix: "省略前缀的写法",
    conjunction: "与另一单位以“及/和/与”连写",
    collective: "泛指一组单位",
    unknown: "不在单位名录中",
  },
  en: {
    alias: "a former name or alias",
    abbreviation: "an abbreviation",
    prefix: "shortened, its prefix left out",
    conjunction: "written joined to another unit by 及/和/与",
    collective: "a group of units",
    unknown: "not in the unit registry",
  },
};

export function hover(model: Model, offset: number, registry: Registry, workspace?: (canonical: string) => WorkspaceCounts, locale: Locale = "zh-CN"): Hover | null {
  const en = locale === "en";
  const u = unitAt(model, offset);
  // On 同上, what it copies (below), not the first unit it copies.
  if (u && !u.inheritedFrom) return unitHover(model, u, registry, workspace, locale);
  const owner = lineOwner(model, model.tree.lines.lineAt(offset));
  if (owner?.field) {
    // 同上 that was expanded: say what it copied.
    const copied = owner.field.units.filter((x) => x.inheritedFrom && x.range.start <= offset && offset <= x.range.end);
    if (copied.length) {
      const from = copied[0].inheritedFrom!;
      const names = copied.map((c) => c.canonical).join("、");
      return {
        range: copied[0].range,
        contents: en
          ? `**同上** (as above): the “${owner.field.label}” of task ${from.number ?? ""} on line ${from.line + 1}: ${names}`
          : `**同上**：沿用第 ${from.line + 1} 行任务${from.number ?? ""}的“${owner.field.label}”：${names}`,
      };
    }
  }
  return numberHover(model, offset, locale);
}

function unitHover(model: Model, u: Unit, registry: Registry, workspace: ((canonical: string) => WorkspaceCounts) | undefined, locale: Locale): Hover {
  const en = locale === "en";
  const how = HOW[locale];
  const lines: string[] = [`**${u.canonical}**`];
  if (u.name !== u.canonical) lines.push(en ? `written “${u.name}”: ${how[u.resolution] ?? ""}` : `写作“${u.name}”：${how[u.resolution] ?? ""}`);
  else if (u.resolution === "unknown" || u.resolution === "collective") lines.push(how[u.resolution]);
  const e = registry.entry(u.canonical);
  if (e?.aliases?.length) lines.push(en ? `Aliases: ${e.aliases.join("、")}` : `别名：${e.aliases.join("、")}`);
  if (e?.abbreviations?.length) lines.push(en ? `Abbreviations: ${e.abbreviations.join("、")}` : `简称：${e.abbreviations.join("、")}`);
  const here = unitUsage(model).get(u.canonical) ?? { leads: 0, joins: 0 };
  lines.push(en ? `This table: leads ${here.leads}, joins ${here.joins}` : `本表：牵头 ${here.leads} 项，配合 ${here.joins} 项`);
  if (workspace) {
    const w = workspace(u.canonical);
    lines.push(en ? `Workspace, ${w.files} files: leads ${w.leads}, joins ${w.joins}` : `工作区 ${w.files} 个文件：牵头 ${w.leads} 项，配合 ${w.joins} 项`);
  }
  return { range: u.range, contents: lines.join("  \n") };
}

function numberHover(model: Model, offset: number, locale: Locale): Hover | null {
  const path: OutlineSymbol[] = [];
  const top = outline(model);
  let level = top;
  for (;;) {
    const s = level.find((x) => x.range.start <= offset && offset <= x.range.end);
    if (!s) break;
    path.push(s);
    level = s.children;
  }
  const last = path[path.length - 1];
  if (!last || offset > last.selectionRange.end) return null;
  const siblings = path.length > 1 ? path[path.length - 2].children : top;
  const same = siblings.filter((s) => s.kind === last.kind);
  const place = same.indexOf(last) + 1;
  const trail = path.map((s) => s.name).join(" › ");
  const where = locale === "en" ? `${place} of ${same.length} at this level` : `同级第 ${place} 个，共 ${same.length} 个`;
  return { range: last.selectionRange, contents: `${trail}  \n${where}` };
}
