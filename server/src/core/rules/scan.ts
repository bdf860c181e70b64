// Finding every occurrence of a character in the parts of the text a reader sees
// (everything but comments), with indexOf rather than a regular expression.

import type { Model } from "../model/model.js";

export function* occurrences(model: Model, ch: string): Iterable<number> {
  const text = model.tree.text;
  const comments = model.tree.comments;
  let ci = 0;
  let i = text.indexOf(ch);
  while (i >= 0) {
    while (ci < comments.length && comments[ci].range.end <= i) ci++;
    const inComment = ci < comments.length && comments[ci].range.start <= i;
    if (!inComment) yield i;
    i = text.indexOf(ch, i + 1);
  }
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
