// The workspace's task tables, open or not: found on start, indexed in the background,
// kept up to date from file-watcher events, read from open buffers where there are some.

import { URI } from "vscode-uri";
import type { Settings } from "../core/index.js";
import { Analysis } from "./analysis.js";
import { findTables, readTable } from "../host/files.js";

export { EXTENSION } from "../host/files.js";

interface Entry {
  /** null while the file is open: the editor's buffer is the truth then, and one copy is enough. */
  analysis: Analysis | null;
}

export class WorkspaceIndex {
  private readonly disk = new Map<string, Entry>();
  private readonly pending: string[] = [];
  private scanning = false;
  /** Bumped on every change, so derived data (usage counts) knows when to rebuild. */
  generation = 0;

  constructor(
    private readonly settingsFor: (path: string) => Settings,
    private readonly open: (uri: string) => Analysis | undefined,
  ) {}

  /** Finds every table under the folders and indexes them a few at a time. */
  scan(folders: string[], done?: () => void) {
    for (const f of folders) findTables(f, this.pending);
    if (!this.scanning) this.drain(done);
  }

  private drain(done?: () => void) {
    this.scanning = true;
    const step = () => {
      const t0 = Date.now();
      while (this.pending.length && Date.now() - t0 < 15) this.indexFile(this.pending.shift()!);
      if (this.pending.length) setImmediate(step);
      else {
        this.scanning = false;
        done?.();
      }
    };
    setImmediate(step);
  }

  get busy(): boolean {
    return this.scanning;
  }

  indexFile(path: string) {
    let text: string;
    try {
      // A file that is not UTF-8 is left out rather than read with its characters replaced.
      text = readTable(path);
    } catch {
      this.remove(path);
      return;
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const uri = URI.file(path).toString();
    const analysis = this.open(uri) ? null : new Analysis(uri, -1, text, this.settingsFor(path));
    this.disk.set(uri, { analysis });
    this.generation++;
  }

  remove(path: string) {
    if (this.disk.delete(URI.file(path).toString())) this.generation++;
  }

  /** Re-reads every indexed file with fresh settings (after a config change). */
  reindexAll() {
    const paths = [...this.disk.keys()].map((u) => URI.parse(u).fsPath);
    this.pending.push(...paths);
    if (!this.scanning) this.drain();
  }

  /** Every table: open buffers win over disk. */
  *analyses(): Iterable<Analysis> {
    for (const [uri, e] of this.disk) {
      const a = this.open(uri) ?? e.analysis;
      if (a) yield a;
    }
  }

  get(uri: string): Analysis | undefined {
    return this.open(uri) ?? this.disk.get(uri)?.analysis ?? undefined;
  }

  /** A file was opened: drop the disk copy; the open buffer stands for it. */
  opened(uri: string) {
    const e = this.disk.get(uri);
    if (e) e.analysis = null;
  }

  /** A file was closed: read it from disk again (it may have been saved, or not). */
  closed(uri: string) {
    if (this.disk.has(uri)) this.indexFile(URI.parse(uri).fsPath);
  }

  uris(): string[] {
    return [...this.disk.keys()];
  }
}
