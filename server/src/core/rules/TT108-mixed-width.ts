import type { Rule } from "./types.js";
import type { MarkerMatch } from "../syntax/markers.js";
import { allMarkers } from "./widths.js";
import type { Edit } from "./types.js";

const OPEN = { full: "（", half: "(" };
const CLOSE = { full: "）", half: ")" };

export const mixedWidth: Rule = {
  code: "TT108",
  name: "mixed-width",
  severity: "warning",
  description: {
    zh: "同一文件里编号的括号或圆点全角、半角混用。",
    en: "Numbers in one document mix full-width and half-width brackets or dots.",
  },
  check(ctx) {
    const markers = allMarkers(ctx.model);
    const want = ctx.majorityWidth();
    // Brackets of levels 2 and 4.
    for (let i = 0; i < markers.length; i++) {
      const m = markers[i];
      if ((m.level !== 2 && m.level !== 4) || m.form === "broken") continue;
      if (m.width !== "full" && m.width !== "half") continue;
      if (m.width === want) continue;
      // Both brackets must be there (1) is marker-form's, not a width to change).
      const open = ctx.text.charCodeAt(m.start);
      if (open !== 0xff08 && open !== 40) continue;
      ctx.report({
        range: { start: m.start, end: m.numeralEnd + 1 },
        message: widthMessage(ctx.text.slice(m.start, m.numeralEnd + 1), want),
        fixes: [{ title: fixTitle(want), edits: bracketEdits(m, want), safe: true }],
      });
    }
    // Dots of level 3.
    let full = 0;
    let half = 0;
    for (let i = 0; i < markers.length; i++) {
      const m = markers[i];
      if (m.level === 3 && m.form === "canonical") m.width === "full" ? full++ : half++;
    }
    // The canonical task number is 1. (and fmt writes it so): where dots are mixed, the
    // full-width ones are the odd ones out, whatever their count.
    if (full && half) {
      for (const m of markers) {
        if (m.level !== 3 || m.form !== "canonical" || m.width !== "full") continue;
        ctx.report({
          range: { start: m.start, end: m.end },
          message: widthMessage(ctx.text.slice(m.start, m.end), "half"),
          fixes: [{ title: fixTitle("half"), edits: [{ start: m.end - 1, end: m.end, newText: "." }], safe: true }],
        });
      }
    }
  },
};

function bracketEdits(m: MarkerMatch, want: "full" | "half"): Edit[] {
  return [
    { start: m.start, end: m.start + 1, newText: OPEN[want] },
    { start: m.numeralEnd, end: m.numeralEnd + 1, newText: CLOSE[want] },
  ];
}

function widthMessage(shown: string, want: "full" | "half") {
  return want === "full"
    ? { zh: `编号“${shown}”用了半角符号，本文件其他编号用全角。`, en: `“${shown}” uses half-width punctuation; the rest of the document uses full-width.` }
    : { zh: `编号“${shown}”用了全角符号，本文件其他编号用半角。`, en: `“${shown}” uses full-width punctuation; the rest of the document uses half-width.` };
}

function fixTitle(want: "full" | "half") {
  return want === "full" ? { zh: "改为全角", en: "Make it full-width" } : { zh: "改为半角", en: "Make it half-width" };
}
