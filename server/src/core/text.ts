// Text primitives shared by every layer: UTF-16 ranges, a line index, character classes.
// Everything here works on char codes at offsets; nothing slices the whole document.

/** A half-open range of UTF-16 offsets into the document text. */
export interface Range {
  start: number;
  end: number;
}

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based column in UTF-16 code units. */
  character: number;
}

/**
 * Offsets of the start of every line, computed once per text, in a typed array: its contents
 * are numbers the garbage collector neither scans nor copies.
 */
export class LineIndex {
  readonly starts: Int32Array;
  constructor(
    readonly text: string,
    known?: Int32Array,
  ) {
    if (known) {
      this.starts = known;
      return;
    }
    const n = text.length;
    // Written into a typed array that doubles when full (a copy of numbers, not of a list of
    // values the collector must trace), then cut to size.
    let starts = new Int32Array(Math.max(16, (n >> 5) + 1));
    let k = 1;
    const put = (s: number) => {
      if (k === starts.length) {
        const bigger = new Int32Array(starts.length * 2);
        bigger.set(starts);
        starts = bigger;
      }
      starts[k++] = s;
    };
    // Native searches for both breaks, the nearer first: CRLF files (as Word and WPS save
    // them) are read as fast as LF ones. CR then LF is one break.
    let cr = text.indexOf("\r");
    let lf = text.indexOf("\n");
    while (lf >= 0 || cr >= 0) {
      if (cr < 0 || (lf >= 0 && lf < cr)) {
        put(lf + 1);
        lf = text.indexOf("\n", lf + 1);
      } else if (lf === cr + 1) {
        put(lf + 1);
        cr = text.indexOf("\r", lf + 1);
        lf = text.indexOf("\n", lf + 1);
      } else {
        put(cr + 1);
        cr = text.indexOf("\r", cr + 1);
      }
    }
    this.starts = starts.slice(0, k);
  }
  /**
   * The line index of `text`, an edit of `previous.text` that left the text before `editStart`
   * and the last `unchangedTail` characters as they were: the line starts before the edit are
   * copied, those in the unchanged end copied and moved, and only the text between is read.
   */
  static afterEdit(previous: LineIndex, text: string, editStart: number, unchangedTail: number): LineIndex {
    const old = previous.starts;
    const oldLength = previous.text.length;
    const tail = Math.min(unchangedTail, oldLength, text.length);
    const midEnd = text.length - tail;
    if (editStart > midEnd || editStart > oldLength) return new LineIndex(text);
    const delta = text.length - oldLength;
    // The first line's start, and those before the edit whose line break and next character
    // are unchanged; then those whose line break lies in the unchanged end.
    let head = 1;
    while (head < old.length && old[head] <= editStart - 1) head++;
    let from = old.length;
    while (from > head && old[from - 1] - 1 >= oldLength - tail) from--;
    const mid: number[] = [];
    for (let i = Math.max(0, editStart - 1); i < midEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) mid.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) mid.push(i + 1);
    }
    const starts = new Int32Array(head + mid.length + (old.length - from));
    starts.set(old.subarray(0, head), 0);
    for (let k = 0; k < mid.length; k++) starts[head + k] = mid[k];
    let k = head + mid.length;
    for (let j = from; j < old.length; j++) starts[k++] = old[j] + delta;
    return new LineIndex(text, starts);
  }
  get lineCount(): number {
    return this.starts.length;
  }
  /** End of a line's content, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    let e = next;
    if (e > this.starts[line] && this.text.charCodeAt(e - 1) === 10) e--;
    if (e > this.starts[line] && this.text.charCodeAt(e - 1) === 13) e--;
    return e;
  }
  lineAt(offset: number): number {
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  /**
   * The same, for offsets read mostly in order: walks on a few lines from `near` (the line of
   * an offset read before), and searches when the offset lies behind it or further on.
   */
  lineAtFrom(offset: number, near: number): number {
    const s = this.starts;
    if (near < 0 || near >= s.length || s[near] > offset) return this.lineAt(offset);
    let at = near;
    for (let step = 0; at + 1 < s.length && s[at + 1] <= offset; step++) {
      if (step === 8) return this.lineAt(offset);
      at++;
    }
    return at;
  }
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(o);
    return { line, character: o - this.starts[line] };
  }
  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    return Math.min(this.starts[pos.line] + Math.max(0, pos.character), this.lineEnd(pos.line));
  }
}

export function isSpace(c: number): boolean {
  // space, tab, no-break space, ideographic space
  return c === 32 || c === 9 || c === 0xa0 || c === 0x3000;
}

/** Moves a range (or anything with a start and an end) by `d` characters, in place. */
export function shiftRange(r: { start: number; end: number }, d: number): void {
  r.start += d;
  r.end += d;
}

/**
 * A copy of `s` that does not keep the text it was cut from alive. The engine shares a long
 * slice with its source, so a name kept by a node or a model object that outlives one version
 * of a document (taken over by the next parse) would keep that whole version in memory.
 * Short strings are copied by the engine already.
 */
export function own(s: string): string {
  return s.length < 13 ? s : (" " + s).slice(1);
}

export function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3007;
}

export function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isFullDigit(c: number): boolean {
  return c >= 0xff10 && c <= 0xff19;
}

export function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10;
  return -1;
}

/** Columns a character takes on a terminal: 2 for East Asian wide and full-width forms. */
export function charWidth(c: number): number {
  if (c === 9) return 4;
  if (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0xd800 && c <= 0xdbff) // a surrogate pair: count the pair once, as wide
  ) {
    return 2;
  }
  if (c >= 0xdc00 && c <= 0xdfff) return 0;
  return 1;
}

export function displayWidth(s: string, from = 0, to = s.length): number {
  let w = 0;
  for (let i = from; i < to; i++) w += charWidth(s.charCodeAt(i));
  return w;
}

/** Width of indentation: tab to the next multiple of 4, ideographic space 2, others 1. */
export function indentWidth(text: string, from: number, to: number): number {
  let w = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 9) w += 4 - (w % 4);
    else if (c === 0x3000) w += 2;
    else w += 1;
  }
  return w;
}

/** Trims spaces from both ends of [start, end) and returns the trimmed range. */
export function trimRange(text: string, start: number, end: number): Range {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}
