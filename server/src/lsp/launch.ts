// How the language server is started: the editor's client and the benchmark both read this,
// so the server is measured as it runs.

/**
 * Engine flags for the server process. A young generation of at most 8 MB a half: the
 * engine's default grows it to 16 MB a half after a large table is read and never gives the
 * room back, which held a server with a 50,000-line table open at about 147 MB; with this
 * it is about 133 MB just after and settles near 106 MB once idle. Typing in a 5,000-line
 * table then meets a young collection about every second keystroke: about 1 ms more at the
 * median, and no more at the 99th percentile.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ["--max-semi-space-size=8"];
