// Entry point of the language server: over IPC from the VS Code client, or --stdio.
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { Documents } from "./documents.js";
import { TaskTableServer } from "./server.js";

const connection = createConnection(ProposedFeatures.all);
const documents = new Documents();
new TaskTableServer(connection, documents);
documents.listen(connection);
connection.listen();
