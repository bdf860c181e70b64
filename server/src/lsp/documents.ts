// The open documents as the client sends them, and for each what the edits since its last
// analysis left unchanged: the text before the earliest offset they touched, and the text
// after the last, counted from the end. The next parse takes over the nodes that lie there.

import { TextDocuments, type TextDocumentContentChangeEvent, type TextDocumentsConfiguration } from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";

/** What the edits since a document's last analysis left as it was. */
export interface Edited {
  /** The earliest offset an edit touched. */
  start: number;
  /** How many characters at the end of the text no edit touched. */
  unchangedTail: number;
}

export class Documents extends TextDocuments<TextDocument> {
  private readonly edits: Map<string, Edited>;

  constructor() {
    const edits = new Map<string, Edited>();
    const config: TextDocumentsConfiguration<TextDocument> = {
      create(uri, languageId, version, content) {
        edits.delete(uri);
        return TextDocument.create(uri, languageId, version, content);
      },
      update(doc, changes: TextDocumentContentChangeEvent[], version) {
        // One change at a time: each range is in the text as the changes before it left it.
        // The text before the smallest start is unchanged by all of them, and so is the
        // shortest of the ends each left after its range.
        const e = edits.get(doc.uri);
        let start = e ? e.start : Number.POSITIVE_INFINITY;
        let tail = e ? e.unchangedTail : Number.POSITIVE_INFINITY;
        for (const c of changes) {
          if ("range" in c) {
            start = Math.min(start, doc.offsetAt(c.range.start));
            tail = Math.min(tail, doc.getText().length - doc.offsetAt(c.range.end));
          } else {
            start = 0;
            tail = 0;
          }
          TextDocument.update(doc, [c], version);
        }
        edits.set(doc.uri, { start, unchangedTail: tail });
        return doc;
      },
    };
    super(config);
    this.edits = edits;
    this.onDidClose((e) => edits.delete(e.document.uri));
  }

  /** What the edits since the last call left unchanged, and forgets it; undefined when unknown. */
  takeEdits(uri: string): Edited | undefined {
    const s = this.edits.get(uri);
    this.edits.delete(uri);
    return s;
  }
}
