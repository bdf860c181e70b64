// Which width of brackets and dots a document mostly uses, for rules and the formatter.

import type { Model } from "../model/model.js";
import type { MarkerMatch } from "../syntax/markers.js";
import { dominantWidth, treeMarkers } from "../syntax/widths.js";

export function allMarkers(model: Model): readonly MarkerMatch[] {
  return treeMarkers(model.tree);
}

export function majorityWidth(model: Model): "full" | "half" {
  return dominantWidth(model.tree);
}
