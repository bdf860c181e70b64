// One analysis per document version: the tree and model are built once and every request
// reads them; findings are computed only when diagnostics are asked for, then kept. After an
// edit, the parse takes over the nodes of the previous version that lie before it and, moved,
// those after it; the model takes over the sections those nodes hold. The previous version is
// handed over: nothing reads it once a later one is built from it.
//
// Unit-name completion may be answered from a partial analysis: the text parsed down to the
// first heading after the cursor. The whole analysis of the same version, when something asks
// for it, picks up from that tree.

import { buildModel, check, parse, type Finding, type Model, type Settings } from "../core/index.js";

export class Analysis {
  private computed: Finding[] | undefined;
  readonly model: Model;
  constructor(
    readonly uri: string,
    readonly version: number,
    readonly text: string,
    readonly settings: Settings,
    previous?: { analysis: Analysis; editStart: number; unchangedTail?: number },
    until?: number,
  ) {
    const reuse =
      previous && previous.analysis.settings === settings
        ? { tree: previous.analysis.model.tree, editStart: previous.editStart, unchangedTail: previous.unchangedTail }
        : undefined;
    // The model takes over the sections of the previous one that the parse took over.
    this.model = buildModel(parse(text, { labels: settings.labels, previous: reuse, until }), settings, reuse && previous!.analysis.model);
  }
  /** Whether the whole text was parsed (else: down to the first heading after an offset). */
  get whole(): boolean {
    const t = this.model.tree;
    return t.parsedTo >= t.lines.lineCount;
  }
  /** Whether the block at this offset was parsed. */
  reaches(offset: number): boolean {
    const t = this.model.tree;
    return this.whole || t.lines.starts[t.parsedTo] > offset;
  }
  get findings(): Finding[] {
    if (!this.whole) throw new Error("findings of a partial analysis");
    return (this.computed ??= check(this.model, this.settings));
  }
  get lines() {
    return this.model.tree.lines;
  }
}
