// Export builders: a model as json, md, csv, html, docx or xlsx. Outside the core: the
// binary formats pull in docx and exceljs.

import { modelToJson, type Model, type Settings } from "../core/index.js";
import { publishedTable } from "./table.js";
import { toCsv, toHtml, toMarkdown } from "./text.js";

export const EXPORT_FORMATS = ["json", "docx", "xlsx", "html", "csv", "md"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const isBinary = (f: ExportFormat) => f === "docx" || f === "xlsx";

export { publishedTable, type PublishedTable } from "./table.js";

export async function exportModel(model: Model, settings: Settings, to: ExportFormat): Promise<string | Buffer> {
  if (to === "json") return JSON.stringify(modelToJson(model), null, 2) + "\n";
  const t = publishedTable(model, settings);
  switch (to) {
    case "md":
      return toMarkdown(t);
    case "csv":
      return toCsv(t);
    case "html":
      return toHtml(t);
    // The Word and Excel libraries are large: loaded only when asked for.
    case "docx":
      return (await import("./docx.js")).toDocx(t);
    case "xlsx":
      return (await import("./xlsx.js")).toXlsx(t);
  }
}
