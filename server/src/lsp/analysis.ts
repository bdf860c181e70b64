// One analysis per document version: the tree and model are built once and every request
// reads them; findings are computed only when diagnostics are asked for, then kept. After an
// edit, the parse takes over the nodes of the previous version that lie before it.

import { buildModel, check, parse, type Finding, type Model, type Settings } from "../core/index.js";

export class Analysis {
  private computed: Finding[] | undefined;
  readonly model: Model;
  constructor(
    readonly uri: string,
    readonly version: number,
    readonly text: string,
    readonly settings: Settings,
    previous?: { analysis: Analysis; editStart: number },
  ) {
    const reuse = previous && previous.analysis.settings === settings ? { tree: previous.analysis.model.tree, editStart: previous.editStart } : undefined;
    this.model = buildModel(parse(text, { labels: settings.labels, previous: reuse }), settings);
  }
  get findings(): Finding[] {
    return (this.computed ??= check(this.model, this.settings));
  }
  get lines() {
    return this.model.tree.lines;
  }
}
