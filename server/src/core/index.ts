// The core's public face: text -> tree -> model -> findings, and the features over them.
// Nothing here knows of LSP, VS Code or the file system.

export { lineBreak, parse, type ParseOptions } from "./syntax/parser.js";
export type * from "./syntax/nodes.js";
export { buildModel } from "./model/build.js";
export type * from "./model/model.js";
export { check, levelOf } from "./check.js";
export { RULES, findRule } from "./rules/index.js";
export type { Finding, Fix, Edit, Rule } from "./rules/types.js";
export { defaultSettings, type Settings, type Severity, type Locale } from "./settings.js";
export { format, formatEdits } from "./features/format.js";
export { applyEdits, nonOverlapping } from "./features/edits.js";
export { fixAllText, safeFixEdits, replacementEdit, FIX_PASSES } from "./features/fix-all.js";
export { modelToJson, type ModelJson } from "./features/export-json.js";
export { parseConfig, parseUnitFile, type ConfigProblem } from "./config/load.js";
export { effectiveLayer, matchingOverrides, toSettings } from "./config/resolve.js";
export type { Config } from "./config/schema.js";
export { LineIndex, type Range, type Position } from "./text.js";
export { outline, outlineEntries, taskOutlineName, taskSymbol, isHeading, foldingRanges, selectionRanges, type OutlineSymbol, type OutlineEntry, type OutlineHeading, type FoldingRange } from "./features/outline.js";
export { complete, completesFromBlock, type CompletionEntry, type CompletionResult, type Snippet } from "./features/completion.js";
export { UnitIndex, searchKeys, type SearchKeys, type UnitInfo } from "./features/unit-index.js";
export { hover, type Hover, type WorkspaceCounts } from "./features/hover.js";
export { lineOwner, unitAt, unitOccurrences, unitUsage, unitWorkload, renameUnitEdits, type Occurrence, type UnitLoad } from "./features/lookup.js";
export { semanticTokens, TOKEN_TYPES, TOKEN_MODIFIERS, type SemanticToken } from "./features/semantic.js";
export { renameInRegistryText } from "./config/rename.js";
export { Registry } from "./model/registry.js";
export { renderPreview, workloadSvg, previewColumns, previewStyles, escapeHtml, type PreviewOptions, type PreviewResult, type PreviewColumn, type PreviewMark } from "./features/preview.js";

import { parse } from "./syntax/parser.js";
import { buildModel } from "./model/build.js";
import { check } from "./check.js";
import type { Settings } from "./settings.js";
import type { Model } from "./model/model.js";
import type { Finding } from "./rules/types.js";

/** Parse, build and check in one call: what the CLI and tests mostly need. */
export function analyze(text: string, settings: Settings): { model: Model; findings: Finding[] } {
  const tree = parse(text, { labels: settings.labels });
  const model = buildModel(tree, settings);
  return { model, findings: check(model, settings) };
}
export { importText, importRows, type ImportResult, type ImportOptions, type Layout as ImportLayout, type Cell as ImportCell } from "./import/index.js";
