// Messages to VS Code over its IPC channel, as vscode-jsonrpc's own writer sends them, save
// that nothing holds a message once it has been handed to the channel.
//
// Node turns a message into JSON as it is sent. When the channel cannot take the whole of it
// at once (a large answer, or an editor that is behind), the write completes only once the
// editor has read it, and the library's writer keeps the message, for its error report, until
// then: the full diagnostics of a table or its outline stayed reachable across young
// collections and were promoted whole, about 170 KB a keystroke with the findings changing at
// 5,000 lines, and a full collection every 140 or so keystrokes.

import { AbstractMessageWriter, type Message, type MessageWriter } from "vscode-languageserver/node";

type Channel = Pick<NodeJS.Process, "send" | "on">;

export class IpcWriter extends AbstractMessageWriter implements MessageWriter {
  private errors = 0;
  constructor(private readonly channel: Channel) {
    super();
    channel.on("error", (error: Error) => this.fireError(error));
    channel.on("close", () => this.fireClose());
  }
  write(message: Message): Promise<void> {
    try {
      if (typeof this.channel.send === "function") {
        // The callback names no message: once sent, it may be collected young.
        this.channel.send(message, undefined, undefined, (error: Error | null) => {
          if (error) this.fireError(error, undefined, ++this.errors);
          else this.errors = 0;
        });
      }
      return Promise.resolve();
    } catch (error) {
      this.fireError(error, message, ++this.errors);
      return Promise.reject(error);
    }
  }
  end(): void {}
}
