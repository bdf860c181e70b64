// The prose layout: a plan (实施方案) whose tasks are numbered paragraphs, each closed by
// its units in brackets: `……。(公开时限:…;责任单位:办公室;配合单位:信息中心)`.

import { isBlank, markerOf, trimAll, type SrcLine } from "./cells.js";
import { Writer, writePreamble } from "./writer.js";

const ANNOTATION_LABEL = /^[\s\u3000]*((?:公开|完成|办理)?时限|完成时间|(?:牵头|责任|配合|协办|参与|主办)(?:单位|处室|部门|科室|股室)?)[\s\u3000]*[:：]/;

interface Part {
  label: string;
  value: string;
}

export interface Annotation {
  /** Index in the line where the bracket opens. */
  at: number;
  parts: Part[];
  /** Indexes in the line of the characters that only delimit (brackets, separators, a closing 。). */
  delimiters: number[];
}

/** The units in brackets at the end of a line, if it has them. */
export function findAnnotation(line: string): Annotation | null {
  let end = line.length;
  while (end > 0 && /[\s\u3000\u00a0]/.test(line[end - 1])) end--;
  const delimiters: number[] = [];
  if (end > 0 && (line[end - 1] === "。" || line[end - 1] === ".")) {
    delimiters.push(end - 1);
    end--;
  }
  const close = end - 1;
  if (close < 0 || (line[close] !== ")" && line[close] !== "）")) return null;
  let depth = 0;
  let open = -1;
  for (let i = close; i >= 0; i--) {
    const c = line[i];
    if (c === ")" || c === "）") depth++;
    else if (c === "(" || c === "（") {
      depth--;
      if (depth === 0) {
        open = i;
        break;
      }
    }
  }
  if (open < 0) return null;
  const body = line.slice(open + 1, close);
  if (!ANNOTATION_LABEL.test(body)) return null;
  // Split at separators that a label follows, outside brackets.
  const cuts: number[] = [];
  depth = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === "(" || c === "（") depth++;
    else if ((c === ")" || c === "）") && depth > 0) depth--;
    else if (depth === 0 && /[;；,，]/.test(c) && ANNOTATION_LABEL.test(body.slice(i + 1))) cuts.push(i);
  }
  const parts: Part[] = [];
  let s = 0;
  for (const k of [...cuts, body.length]) {
    const piece = body.slice(s, k);
    const m = ANNOTATION_LABEL.exec(piece)!;
    parts.push({ label: m[1], value: trimAll(piece.slice(m[0].length)) });
    s = k + 1;
  }
  delimiters.push(open, close, ...cuts.map((k) => open + 1 + k));
  return { at: open, parts, delimiters: delimiters.sort((a, b) => a - b) };
}

/** Splits a task paragraph into its title (the first sentence) and the rest. */
function splitTitle(text: string): { title: string; rest: string } {
  const i = text.indexOf("。");
  if (i < 0 || i === text.length - 1) return { title: text, rest: "" };
  return { title: text.slice(0, i + 1), rest: text.slice(i + 1) };
}

export function hasAnnotations(lines: SrcLine[]): boolean {
  let n = 0;
  for (const l of lines) if (findAnnotation(l.text)) n++;
  return n >= 1;
}

export function writeProse(w: Writer, lines: SrcLine[], dropped: number[]): void {
  const texts = lines.map((l) => l.text);
  const first = texts.findIndex((l) => {
    const m = markerOf(trimAll(l));
    return m !== null && m.level <= 2 && m.form !== "broken";
  });
  const bodyFrom = first < 0 ? texts.findIndex((l) => markerOf(trimAll(l))?.level === 3 || findAnnotation(l) !== null) : first;
  const start = bodyFrom < 0 ? texts.length : bodyFrom;
  writePreamble(w, texts.slice(0, start), false);

  // The columns: the task, its requirement, and the labels of the brackets, in order seen.
  const seen: string[] = [];
  for (const l of texts) for (const p of findAnnotation(l)?.parts ?? []) if (!seen.includes(p.label)) seen.push(p.label);
  w.blank();
  w.columns(["工作任务", "工作要求", ...seen]);
  w.guess("原文不是表格，这一行是导入时按括注里的栏目拼的。每项任务第一句作标题，其余作要求；句末括注拆成各栏。");
  w.blank();

  // Sections after the last one with tasks are closing text (具体要求, 保障措施): quoted notes.
  let lastTaskLine = -1;
  texts.forEach((l, i) => {
    if (findAnnotation(l) || markerOf(trimAll(l))?.level === 3) lastTaskLine = i;
  });
  let tailFrom = texts.length;
  for (let i = Math.max(lastTaskLine + 1, start); i < texts.length; i++) {
    if (markerOf(trimAll(texts[i]))?.level === 1) {
      tailFrom = i;
      break;
    }
  }

  for (let i = start; i < texts.length; i++) {
    const raw = texts[i];
    const t = trimAll(raw);
    if (isBlank(raw)) {
      w.blank();
      continue;
    }
    if (i >= tailFrom) {
      if (i === tailFrom) {
        w.blank();
        w.guess("以下各部分没有任务，是方案的收尾要求：原样保留为引用的说明。");
      }
      w.note(t, true);
      continue;
    }
    const m = markerOf(t);
    const ann = findAnnotation(raw);
    if (m && m.level <= 2 && !ann) {
      w.heading(t);
      continue;
    }
    if ((m && m.level === 3) || ann) {
      const lead = raw.length - raw.trimStart().length;
      const body = trimAll(ann ? raw.slice(0, ann.at) : raw);
      if (m && m.level === 3) {
        const markerText = body.slice(0, m.end);
        const { title, rest } = splitTitle(body.slice(m.end));
        w.task(markerText + title);
        if (rest) w.field("要求", [rest]);
      } else {
        const { title, rest } = splitTitle(body);
        w.guess("这一段没有任务编号，但有单位括注：按任务读入。");
        w.unnumbered(title);
        if (rest) w.field("要求", [rest]);
      }
      if (ann) {
        for (const p of ann.parts) w.field(p.label, [p.value]);
        for (const d of ann.delimiters) dropped.push(lines[i].offset + d);
      }
      void lead;
      w.endTask();
      continue;
    }
    w.note(t, m !== null);
  }
}
