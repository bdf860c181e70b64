// Finding every occurrence of a character in the parts of the text a reader sees
// (everything but comments), with indexOf rather than a regular expression.

import type { Model } from "../model/model.js";

/**
 * Calls `fn` with the offset of every occurrence of `ch` outside comments. A loop, not a
 * generator: each step of a generator makes a result object, and the rules that use this run
 * on every keystroke over the whole table.
 */
export function forEachOccurrence(model: Model, ch: string, fn: (offset: number) => void): void {
  const text = model.tree.text;
  const comments = model.tree.comments;
  let ci = 0;
  let i = text.indexOf(ch);
  while (i >= 0) {
    while (ci < comments.length && comments[ci].range.end <= i) ci++;
    const inComment = ci < comments.length && comments[ci].range.start <= i;
    if (!inComment) fn(i);
    i = text.indexOf(ch, i + 1);
  }
}

/** Whether the four characters at `i` are a year: 19xx or 20xx in ASCII digits. */
export function isYearAt(text: string, i: number): boolean {
  const a = text.charCodeAt(i);
  const b = text.charCodeAt(i + 1);
  return ((a === 49 && b === 57) || (a === 50 && b === 48)) && isDigitAt(text, i + 2) && isDigitAt(text, i + 3);
}

export function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** Start of the run of ASCII digits that ends just before `end`. */
export function digitsBefore(text: string, end: number, max = 12): number {
  let j = end;
  while (j > 0 && end - j < max && isDigitAt(text, j - 1)) j--;
  return j;
}
