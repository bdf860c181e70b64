import type { Rule } from "./types.js";
import { markerText } from "../model/numbering.js";
import { allMarkers } from "./widths.js";
import { levelName } from "./numbering-edits.js";

export const markerForm: Rule = {
  code: "TT104",
  name: "marker-form",
  severity: "warning",
  description: {
    zh: "编号写法不对：一级用“一、”，二级用“（一）”，三级用“1.”，四级用“（1）”。",
    en: "A number is written in the wrong form: 一、 for sections, （一） for subsections, 1. for tasks, （1） for items.",
  },
  check(ctx) {
    const markers = allMarkers(ctx.model);
    for (let i = 0; i < markers.length; i++) {
      const m = markers[i];
      if (m.form !== "wrong" || m.value === null) continue;
      // The document's own width: a leftover bracket says nothing about it.
      const width = ctx.majorityWidth();
      const want = markerText(m.level, m.value, width, m.digitWidth ?? "half");
      const shown = ctx.text.slice(m.start, m.end);
      const ln = levelName(m.level);
      ctx.report({
        range: { start: m.start, end: m.end },
        message: {
          zh: `${ln.zh}编号写成了“${shown}”，应为“${want}”。`,
          en: `Number “${shown}” is not the form for ${ln.en}; write “${want}”.`,
        },
        fixes: [{ title: { zh: `改为“${want}”`, en: `Change to “${want}”` }, edits: [{ start: m.start, end: m.end, newText: want }], safe: true }],
      });
    }
  },
};
