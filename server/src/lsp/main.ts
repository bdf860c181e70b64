// Entry point of the language server: over IPC from the VS Code client, or --stdio.
import { createConnection, IPCMessageReader, ProposedFeatures } from "vscode-languageserver/node";
import { Documents } from "./documents.js";
import { IpcWriter } from "./ipc.js";
import { TaskTableServer } from "./server.js";

// Over IPC with a writer of our own (see ipc.ts); any other transport as the library sets it
// up. The transport is the first of these arguments, as the library reads them.
const transport = process.argv.slice(2).find((a) => /^--(node-ipc|stdio|socket|pipe)(=|$)/.test(a));
const connection = transport === "--node-ipc"
  ? createConnection(ProposedFeatures.all, new IPCMessageReader(process), new IpcWriter(process))
  : createConnection(ProposedFeatures.all);
const documents = new Documents();
new TaskTableServer(connection, documents);
documents.listen(connection);
connection.listen();
