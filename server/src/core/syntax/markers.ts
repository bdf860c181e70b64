// Recognises heading numbers at the start of a line: the canonical forms, the wrong but
// readable forms, and what is left of a number after copy and paste lost part of it.

import { digitValue, isAsciiDigit, isFullDigit, isSpace } from "../text.js";
import { isChineseNumeralChar, parseChineseNumeral } from "./numerals.js";

/** 1 section 一、 · 2 subsection （一） · 3 task 1. · 4 item （1） */
export type Level = 1 | 2 | 3 | 4;

export type MarkerForm = "canonical" | "wrong" | "broken";

/** full: （ ） ． and full-width digits; half: ( ) . */
export type Width = "full" | "half" | "mixed";

export interface MarkerMatch {
  level: Level;
  form: MarkerForm;
  /** The number, or null where it was lost. */
  value: number | null;
  /** Offsets of the whole marker (numeral and punctuation), in the text. */
  start: number;
  end: number;
  numeralStart: number;
  numeralEnd: number;
  /** Width of the brackets or the dot, null where the form has neither (一、). */
  width: Width | null;
  /** Width of Arabic digits (3 and 4 only). */
  digitWidth: "full" | "half" | null;
}

const OPEN_FULL = 0xff08; // （
const CLOSE_FULL = 0xff09; // ）
const OPEN_HALF = 40; // (
const CLOSE_HALF = 41; // )
const DUN = 0x3001; // 、
const DOT = 46; // .
const DOT_FULL = 0xff0e; // ．
const COMMA_FULL = 0xff0c; // ，
const COMMA = 44;

function isOpen(c: number) {
  return c === OPEN_FULL || c === OPEN_HALF;
}
function isClose(c: number) {
  return c === CLOSE_FULL || c === CLOSE_HALF;
}
function bracketWidth(open: number, close: number): Width {
  const o = open === OPEN_FULL;
  const c = close === CLOSE_FULL;
  return o && c ? "full" : !o && !c ? "half" : "mixed";
}

function readChinese(text: string, i: number, end: number): number {
  let j = i;
  while (j < end && j - i < 6 && isChineseNumeralChar(text.charCodeAt(j))) j++;
  return j;
}

function readDigits(text: string, i: number, end: number): { end: number; value: number; full: boolean; mixed: boolean } {
  let j = i;
  let v = 0;
  let full = false;
  let half = false;
  while (j < end && j - i < 6) {
    const c = text.charCodeAt(j);
    const d = digitValue(c);
    if (d < 0) break;
    if (isFullDigit(c)) full = true;
    else half = true;
    v = v * 10 + d;
    j++;
  }
  return { end: j, value: v, full: full && !half, mixed: full && half };
}

/**
 * Reads a heading number at `pos` (the first non-space character of a line ending at
 * `end`). Returns null when the line does not start with one.
 */
export function scanMarker(text: string, pos: number, end: number): MarkerMatch | null {
  if (pos >= end) return null;
  const c0 = text.charCodeAt(pos);

  // Level 2 and 4: （一） (一) （1） (1), possibly followed by a stray 、 or .
  if (isOpen(c0)) {
    const i = pos + 1;
    const ci = text.charCodeAt(i);
    if (isChineseNumeralChar(ci)) {
      const j = readChinese(text, i, end);
      const v = parseChineseNumeral(text.slice(i, j));
      if (j < end && isClose(text.charCodeAt(j)) && !Number.isNaN(v)) {
        return bracketed(text, pos, i, j, end, 2, v, null);
      }
      return null;
    }
    if (isAsciiDigit(ci) || isFullDigit(ci)) {
      const d = readDigits(text, i, end);
      if (d.end < end && isClose(text.charCodeAt(d.end))) {
        return bracketed(text, pos, i, d.end, end, 4, d.value, d.mixed ? "half" : d.full ? "full" : "half");
      }
      return null;
    }
    return null;
  }

  // A lost opening: ）推进…  )推进…
  if (isClose(c0)) {
    const next = pos + 1;
    if (next < end && !isSpace(text.charCodeAt(next))) {
      return {
        level: 2,
        form: "broken",
        value: null,
        start: pos,
        end: next,
        numeralStart: pos,
        numeralEnd: pos,
        width: c0 === CLOSE_FULL ? "full" : "half",
        digitWidth: null,
      };
    }
    return null;
  }

  // A lost numeral: 、紧扣…
  if (c0 === DUN) {
    if (pos + 1 < end) {
      return { level: 1, form: "broken", value: null, start: pos, end: pos + 1, numeralStart: pos, numeralEnd: pos, width: null, digitWidth: null };
    }
    return null;
  }

  // A lost task number: .主动公开…
  if (c0 === DOT || c0 === DOT_FULL) {
    const n = pos + 1 < end ? text.charCodeAt(pos + 1) : 0;
    if (pos + 1 < end && digitValue(n) < 0 && n !== DOT && !isSpace(n)) {
      return { level: 3, form: "broken", value: null, start: pos, end: pos + 1, numeralStart: pos, numeralEnd: pos, width: c0 === DOT ? "half" : "full", digitWidth: null };
    }
    return null;
  }

  // Level 1: 一、 (and 一. 一． 一， as wrong forms); a lost opening bracket: 四）
  if (isChineseNumeralChar(c0)) {
    const j = readChinese(text, pos, end);
    if (j >= end) return null;
    const v = parseChineseNumeral(text.slice(pos, j));
    if (Number.isNaN(v) || v === 0) return null;
    const s = text.charCodeAt(j);
    if (s === DUN) return plain(pos, j, j + 1, 1, "canonical", v, null);
    if (s === DOT || s === DOT_FULL || s === COMMA_FULL || s === COMMA) {
      // 一.5 is not a heading
      if (s === DOT && j + 1 < end && isAsciiDigit(text.charCodeAt(j + 1))) return null;
      return plain(pos, j, j + 1, 1, "wrong", v, null);
    }
    if (isClose(s)) {
      return { level: 2, form: "broken", value: v, start: pos, end: j + 1, numeralStart: pos, numeralEnd: j, width: s === CLOSE_FULL ? "full" : "half", digitWidth: null };
    }
    return null;
  }

  // Level 3: 1. 1． (and 1、 1， as wrong forms); level 4 wrong form: 1） 1)
  if (isAsciiDigit(c0) || isFullDigit(c0)) {
    const d = readDigits(text, pos, end);
    if (d.end >= end || d.end - pos > 5) return null;
    const dw = d.full ? "full" : "half";
    const s = text.charCodeAt(d.end);
    // 1、 1， 1） are numbers only while short: 2021，全年… is a sentence.
    if (d.end - pos > 3 && s !== DOT && s !== DOT_FULL) return null;
    if (s === DOT || s === DOT_FULL) {
      const n = d.end + 1 < end ? text.charCodeAt(d.end + 1) : 0;
      if (digitValue(n) >= 0) return null; // 1.5倍
      return plain(pos, d.end, d.end + 1, 3, "canonical", d.value, s === DOT ? "half" : "full", dw);
    }
    if (s === DUN || s === COMMA_FULL) return plain(pos, d.end, d.end + 1, 3, "wrong", d.value, null, dw);
    if (isClose(s)) {
      return plain(pos, d.end, d.end + 1, 4, "wrong", d.value, s === CLOSE_FULL ? "full" : "half", dw);
    }
    return null;
  }
  return null;
}

function plain(
  start: number,
  numeralEnd: number,
  end: number,
  level: Level,
  form: MarkerForm,
  value: number,
  width: Width | null,
  digitWidth: "full" | "half" | null = null,
): MarkerMatch {
  return { level, form, value, start, end, numeralStart: start, numeralEnd, width, digitWidth };
}

function bracketed(
  text: string,
  pos: number,
  numeralStart: number,
  closeAt: number,
  lineEnd: number,
  level: Level,
  value: number,
  digitWidth: "full" | "half" | null,
): MarkerMatch {
  const width = bracketWidth(text.charCodeAt(pos), text.charCodeAt(closeAt));
  let end = closeAt + 1;
  let form: MarkerForm = width === "mixed" ? "wrong" : "canonical";
  if (end < lineEnd) {
    const s = text.charCodeAt(end);
    if (s === DUN || s === DOT || s === DOT_FULL) {
      form = "wrong";
      end++;
    }
  }
  return { level, form, value, start: pos, end, numeralStart, numeralEnd: closeAt, width, digitWidth };
}
