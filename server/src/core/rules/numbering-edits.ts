// Edits that renumber one sibling group, or the whole document.

import type { NumberingAnalysis, Numbered } from "../model/numbering.js";
import { markerText, numeralText } from "../model/numbering.js";
import type { Edit } from "./types.js";
import { MemoKey } from "../memo.js";

export function renumberGroup(group: readonly Numbered[], width: "full" | "half"): Edit[] {
  const edits: Edit[] = [];
  group.forEach((m, i) => {
    const want = i + 1;
    const mk = m.marker;
    if (mk.form === "broken" || mk.value === null) {
      const w = mk.width === "full" || mk.width === "half" ? mk.width : width;
      // An empty marker (a task without a number) gets one written before its title.
      const text = markerText(m.level, want, w, mk.digitWidth ?? "half") + (mk.start === mk.end && m.level === 3 ? " " : "");
      edits.push({ start: mk.start, end: mk.end, newText: text });
    } else if (mk.value !== want) {
      edits.push({ start: mk.numeralStart, end: mk.numeralEnd, newText: numeralText(m.level, want, mk.digitWidth) });
    }
  });
  return edits;
}

export function renumberAll(a: NumberingAnalysis, width: "full" | "half"): Edit[] {
  const out: Edit[] = [];
  for (const g of a.groups) out.push(...renumberGroup(g, width));
  return out.sort((x, y) => x.start - y.start);
}

import type { FixProposal, RuleContext } from "./types.js";
import type { NumberingIssue } from "../model/numbering.js";

const LEVEL_NAME = [
  { zh: "", en: "" },
  { zh: "一级标题", en: "sections" },
  { zh: "二级标题", en: "subsections" },
  { zh: "任务", en: "tasks" },
  { zh: "事项", en: "items" },
];

export function levelName(level: number) {
  return LEVEL_NAME[level];
}

/** Renumber this level here, or the whole document. Neither is safe: a gap may be lost text. */
export function numberingFixes(ctx: RuleContext, issue: NumberingIssue): FixProposal[] {
  const w = ctx.majorityWidth();
  const ln = levelName(issue.member.level);
  const fixes: FixProposal[] = [];
  const group = renumberGroup(issue.group, w);
  if (group.length) fixes.push({ title: { zh: `重新编号本组${ln.zh}`, en: `Renumber these ${ln.en}` }, edits: group, safe: false });
  const all = wholeDocument(ctx, w);
  if (all.length > group.length) fixes.push({ title: { zh: "重新编号全文", en: "Renumber the whole document" }, edits: all, safe: false });
  return fixes;
}

// Renumbering the whole document is the same edit list for every numbering finding.
const WHOLE = new MemoKey<Edit[]>("renumber all");
function wholeDocument(ctx: RuleContext, w: "full" | "half"): Edit[] {
  const a = ctx.numbering();
  return a.memo.get(WHOLE, () => renumberAll(a, w));
}

export function shownNumber(ctx: RuleContext, m: Numbered): string {
  return ctx.text.slice(m.marker.start, m.marker.end);
}
