// Entry point of the language server: over IPC from the VS Code client, or --stdio.
import { createConnection, ProposedFeatures, TextDocuments } from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { TaskTableServer } from "./server.js";

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
new TaskTableServer(connection, documents);
documents.listen(connection);
connection.listen();
