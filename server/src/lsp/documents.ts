// The open documents as the client sends them, and for each the earliest offset an edit has
// touched since its last analysis: the text before it is unchanged, so the next parse can
// take over the nodes that lie there.

import { TextDocuments, type TextDocumentContentChangeEvent, type TextDocumentsConfiguration } from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";

export class Documents extends TextDocuments<TextDocument> {
  private readonly editStarts: Map<string, number>;

  constructor() {
    const editStarts = new Map<string, number>();
    const config: TextDocumentsConfiguration<TextDocument> = {
      create(uri, languageId, version, content) {
        editStarts.delete(uri);
        return TextDocument.create(uri, languageId, version, content);
      },
      update(doc, changes: TextDocumentContentChangeEvent[], version) {
        // One change at a time: each range is in the text as the changes before it left it,
        // and the text before the smallest start is unchanged by all of them.
        let min = editStarts.get(doc.uri) ?? Number.POSITIVE_INFINITY;
        for (const c of changes) {
          min = Math.min(min, "range" in c ? doc.offsetAt(c.range.start) : 0);
          TextDocument.update(doc, [c], version);
        }
        editStarts.set(doc.uri, min);
        return doc;
      },
    };
    super(config);
    this.editStarts = editStarts;
  }

  /** Where the edits since the last call began, and forgets it; undefined when unknown. */
  takeEditStart(uri: string): number | undefined {
    const s = this.editStarts.get(uri);
    this.editStarts.delete(uri);
    return s;
  }
}
