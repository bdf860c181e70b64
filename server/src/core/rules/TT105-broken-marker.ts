import type { Rule } from "./types.js";
import { markerText } from "../model/numbering.js";
import { allMarkers } from "./widths.js";
import { levelName } from "./numbering-edits.js";

export const brokenMarker: Rule = {
  code: "TT105",
  name: "broken-marker",
  severity: "error",
  description: {
    zh: "编号残缺：复制粘贴丢了编号的一部分，如“)推进……”原为“（四）推进……”。",
    en: "A number lost part of itself in copy and paste, as in “)推进…” for “（四）推进…”.",
  },
  check(ctx) {
    const slots = ctx.numbering().slot;
    const markers = allMarkers(ctx.model);
    for (let i = 0; i < markers.length; i++) {
      const m = markers[i];
      if (m.form !== "broken") continue;
      const value = m.value ?? slots.get(m) ?? null;
      const shown = ctx.text.slice(m.start, m.end);
      const ln = levelName(m.level);
      // The document's own width: a leftover bracket says nothing about it.
      const width = ctx.majorityWidth();
      const want = value !== null ? markerText(m.level, value, width, m.digitWidth ?? "half") : null;
      ctx.report({
        range: { start: m.start, end: m.end },
        message: want
          ? { zh: `编号残缺：“${shown}”像是${ln.zh}编号“${want}”丢了一部分。`, en: `Broken number: “${shown}” looks like what is left of the ${ln.en.replace(/s$/, "")} number “${want}”.` }
          : { zh: `编号残缺：“${shown}”像是${ln.zh}编号丢了一部分。`, en: `Broken number: “${shown}” looks like what is left of a ${ln.en.replace(/s$/, "")} number.` },
        fixes: want ? [{ title: { zh: `改为“${want}”`, en: `Change to “${want}”` }, edits: [{ start: m.start, end: m.end, newText: want }], safe: false }] : [],
      });
    }
  },
};
