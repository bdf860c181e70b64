// What a piece of table text looks like: a column heading, a unit list, a deadline, a
// number. The importer's guesses all start here. Pure functions over strings.

import { scanMarker, type MarkerMatch } from "../syntax/markers.js";
import { DEFAULT_LABELS, type LabelTable, type Role } from "../syntax/labels.js";

/** A line of the input with its offset, so that consumed delimiters can be reported. */
export interface SrcLine {
  text: string;
  /** Offset of text[0] in the input. */
  offset: number;
}

export function splitLines(input: string): SrcLine[] {
  const out: SrcLine[] = [];
  let s = 0;
  for (let i = 0; i <= input.length; i++) {
    const c = input.charCodeAt(i);
    if (i === input.length || c === 10 || c === 13) {
      out.push({ text: input.slice(s, i), offset: s });
      if (c === 13 && input.charCodeAt(i + 1) === 10) i++;
      s = i + 1;
    }
  }
  return out;
}

const SPACE_RE = /^[\s\u3000\u00a0\ufeff]*$/;
export const isBlank = (s: string) => SPACE_RE.test(s);
export const trimAll = (s: string) => s.replace(/^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/g, "");

/** The heading marker at the start of a (trimmed) text, if any. */
export function markerOf(text: string): MarkerMatch | null {
  return scanMarker(text, 0, text.length);
}

/** A cell that is nothing but a task number: `1`, `12.`, `３、`. */
export function bareNumber(text: string): number | null {
  const m = /^([0-9０-９]{1,5})[.．、]?$/.exec(trimAll(text));
  if (!m) return null;
  return Number(m[1].replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
}

export type ColumnKind = "number" | "section" | "task" | "field";

export interface Column {
  heading: string;
  kind: ColumnKind;
  /** For fields: the role and the label the importer writes. */
  role: Role | "other";
  label: string;
}

const TASK_HEADINGS = /^(工作任务|主要任务|重点任务|具体任务|任务|任务名称|任务内容|工作事项|事项|主要工作|工作项目|重点工作|工作重点|公开事项|公开内容)$/;
const NUMBER_HEADINGS = /^(序号|编号|序列|No\.?)$/i;
const SECTION_HEADINGS = /^(类别|分类|类型|领域|重点领域|工作领域|板块|方面|项目类别|工作类别)$/;
const UNIT_HEADING = /^(牵头|责任|配合|协办|参与|主办|承办|协助)(单位|处室|部门|科室|股室|领导)?$/;

/** A heading without spaces, and without a bracketed gloss after it (责任单位（部门）). */
export const compact = (s: string) => s.replace(/[\s\u3000\u00a0]+/g, "").replace(/^(.+?)[（(][^（）()]*[）)]$/, "$1");
/** Headings tables use for columns the format has no label for: kept, as 备注. */
const OTHER_HEADINGS = /(要求|内容|措施|情况|进度|安排|节点|目标|标准|成效|依据|方式|形式|责任人|联系人|领导)$/;

/** Whether a cell's text reads as one of the headings of a task table. */
export function isHeaderWord(text: string, labels: LabelTable): boolean {
  const t = compact(text);
  if (!t || t.length > 8) return false;
  return labels.has(t) || TASK_HEADINGS.test(t) || NUMBER_HEADINGS.test(t) || SECTION_HEADINGS.test(t) || UNIT_HEADING.test(t) || /^(完成|公开|办理)?(时限|时间|期限)$/.test(t) || /^(备注|说明)$/.test(t);
}

/**
 * A header row must name a task column or a unit column and have two headings at least.
 * `lenient` (tried only where no row is a header otherwise, so that a contact table above
 * the task table is not taken for it): columns tables add for themselves (具体措施, 完成情况)
 * count as headings, and in a row of four or more, one heading never seen does too.
 */
export function isHeaderRow(cells: string[], labels: LabelTable, lenient = false): boolean {
  const words = cells.map(compact).filter(Boolean);
  if (words.length < 2) return false;
  const unknown = words.filter((w) => !isHeaderWord(w, labels) && !(lenient && w.length <= 8 && !markerOf(w) && OTHER_HEADINGS.test(w)));
  if (unknown.length > (lenient && words.length >= 4 ? 1 : 0) || unknown.some((w) => w.length > 8 || markerOf(w))) return false;
  return words.some((w) => TASK_HEADINGS.test(w) || UNIT_HEADING.test(w) || /单位|处室|部门/.test(w));
}

const SHORT: Record<Role, string> = { lead: "牵头", responsible: "责任", partners: "配合", requirement: "要求", deadline: "时限", note: "备注" };

/**
 * The role a field column's heading gives its cells, as a table's own headings are read: a
 * label (工作要求), a unit heading (主办单位), a deadline or requirement word (时间节点,
 * 具体措施); null for none. Shared by import and export, so a table reads back as it was.
 */
export function headingRole(heading: string, labels: LabelTable): Role | null {
  const t = compact(heading);
  const role = labels.get(t) ?? DEFAULT_LABELS[t];
  if (role) return role;
  const u = UNIT_HEADING.exec(t);
  if (u) return u[1] === "牵头" || u[1] === "主办" ? "lead" : u[1] === "责任" || u[1] === "承办" ? "responsible" : "partners";
  if (/时限|时间|期限/.test(t)) return "deadline";
  if (/要求|内容|措施/.test(t)) return "requirement";
  return null;
}

export function classifyColumns(headings: string[], labels: LabelTable): Column[] {
  const cols: Column[] = headings.map((h) => {
    const t = compact(h);
    const field = (role: Role): Column => ({ heading: h, kind: "field", role, label: labels.has(t) ? t : SHORT[role] });
    const label = labels.get(t) ?? DEFAULT_LABELS[t];
    if (label) return field(label);
    if (NUMBER_HEADINGS.test(t)) return { heading: h, kind: "number", role: "other", label: "" };
    if (SECTION_HEADINGS.test(t)) return { heading: h, kind: "section", role: "other", label: "" };
    if (TASK_HEADINGS.test(t)) return { heading: h, kind: "task", role: "other", label: "" };
    const role = headingRole(h, labels);
    return role ? field(role) : { heading: h, kind: "field", role: "other", label: "备注" };
  });
  // Every table has a task column: the first column that is not a number or a section.
  if (!cols.some((c) => c.kind === "task")) {
    const i = cols.findIndex((c) => c.kind === "field");
    if (i >= 0) cols[i] = { ...cols[i], kind: "task", role: "other", label: "" };
  }
  return cols;
}

export const isUnitRole = (r: Role | "other") => r === "lead" || r === "responsible" || r === "partners";

const UNIT_END = /(局|处|室|办|中心|部|委|会|院|所|站|队|馆|街道|单位|部门|科|股|组|厅|司|府|镇|乡|社区|公司|行|校|台|团|社|署|机构|机关|党组|政府|领导|各方|人员)$/;
const UNIT_START = /^(各|相关|有关|其他|其它|全体|所属|区属|市属)/;

/** Splits a unit list at its separators, not inside brackets. */
export function unitParts(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of text) {
    if (ch === "(" || ch === "（") depth++;
    else if ((ch === ")" || ch === "）") && depth > 0) depth--;
    if (depth === 0 && /[、，,；;\s\u3000\u00a0]/.test(ch)) {
      if (cur) parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (cur) parts.push(cur);
  return parts.map((p) => p.replace(/[。.]$/, "")).filter(Boolean);
}

/** A list of unit names: short parts, each ending like a unit or naming a group. */
export function isUnitList(text: string): boolean {
  const t = trimAll(text);
  if (!t || /[。：:！？!?“”《》]/.test(t.replace(/。$/, ""))) return false;
  if (markerOf(t)) return false;
  const parts = unitParts(t);
  if (parts.length === 0) return false;
  return parts.every((p) => p.length >= 2 && p.length <= 24 && (UNIT_END.test(p) || UNIT_START.test(p)));
}

/** A unit cell's line: a unit list, in which 同上 may stand for the units above (同上、区财政局). */
export function isUnitLine(text: string): boolean {
  if (isUnitList(text)) return true;
  const parts = unitParts(trimAll(text));
  return parts.some((p) => p === "同上") && parts.every((p) => p === "同上" || isUnitList(p));
}

/** Units written in words: `办公室牵头，其他股室及属下单位配合`. */
export function unitsInWords(text: string): { lead: string; partners: string | null } | null {
  const t = trimAll(text).replace(/[。；;]$/, "");
  const m = /^(?:由)?(.+?)(?:负责)?牵头(?:负责)?(?:[，,；;、\s]+(?:由)?(.+?)(?:配合|协办|协助|参与))?$/.exec(t);
  if (!m) return null;
  if (!isUnitList(m[1]) || (m[2] !== undefined && !isUnitList(m[2]))) return null;
  return { lead: m[1], partners: m[2] ?? null };
}

/** A deadline: a date, a period, or the words tables use for standing tasks. */
export function isDeadline(text: string): boolean {
  const t = compact(text);
  if (t.length > 30 || /。.+/.test(t)) return false;
  return /^(\d{4}年)?\d{1,2}月(底|中旬|上旬|下旬|\d{1,2}日)?(前|之前|底前)?$|^\d{4}年(底|年底)?(前|之前)?$|^(长期|持续|常态化|全年|每年|每季度|每月|定期|及时)(推进|开展|坚持|执行)?$|^\d{4}年\d{1,2}月(底)?(前)?$|工作日内/.test(t);
}

export type CellClass = "empty" | "unit" | "deadline" | "text";

export function classifyCell(lines: string[]): CellClass {
  const t = lines.map(trimAll).join("\n").trim();
  if (!t) return "empty";
  if (lines.every((l) => isBlank(l) || isUnitList(l)) || unitsInWords(t)) return "unit";
  if (isDeadline(t)) return "deadline";
  return "text";
}

const LABEL_START = new RegExp(`^(${Object.keys(DEFAULT_LABELS).sort((a, b) => b.length - a.length).join("|")})[\\s\\u3000]*[:：]`);

/**
 * Whether a line may stand as a plain note: it must not read as any other kind of line.
 * Otherwise the writer quotes it with `> `.
 */
export function plainNoteSafe(line: string, labels: LabelTable): boolean {
  const t = trimAll(line);
  if (!t) return true;
  if (/^[#＃>＞]|^\/\/|^(列|表头)[\s\u3000]*[:：]/.test(t)) return false;
  if (markerOf(t)) return false;
  if (LABEL_START.test(t)) return false;
  const m = /^([\u4e00-\u9fff]{1,8})[\s\u3000]*[:：]/.exec(t);
  if (m && labels.has(m[1])) return false;
  return true;
}
