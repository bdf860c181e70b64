// What the import and export commands need, bundled on its own (dist/transfer.js) and
// loaded the first time one of them runs, so the extension activates without it.

export { buildModel, defaultSettings, importText, parse } from "../../server/src/core/index.js";
export { exportModel, EXPORT_FORMATS, type ExportFormat } from "../../server/src/export/index.js";
export { ImportError, importFile } from "../../server/src/import/files.js";
