// Entry point of the language server: over IPC from the VS Code client, or --stdio.
import { createConnection, IPCMessageReader, ProposedFeatures } from "vscode-languageserver/node";
import { Documents } from "./documents.js";
import { IpcWriter } from "./ipc.js";
import { TaskTableServer } from "./server.js";

// Over IPC with a writer of our own (see ipc.ts); any other transport as the library sets it up.
const connection = process.argv.includes("--node-ipc")
  ? createConnection(ProposedFeatures.all, new IPCMessageReader(process), new IpcWriter(process))
  : createConnection(ProposedFeatures.all);
const documents = new Documents();
new TaskTableServer(connection, documents);
documents.listen(connection);
connection.listen();
