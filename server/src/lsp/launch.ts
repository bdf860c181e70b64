// How the language server is started: the editor's client and the benchmark both read this,
// so the server is measured as it runs.

/**
 * Engine flags for the server process. A young generation of at most 8 MB a half: the
 * engine's default grows it to 16 MB a half after a large table is read and never gives the
 * room back. When this was chosen it held a server with a 50,000-line table open at about
 * 133 MB just after reading it instead of 147, and about 106 MB once idle (both have fallen
 * since, as the model and the bundle shrank: `npm run bench` prints today's). Typing in a
 * 5,000-line table then meets a young collection about every second keystroke: about 1 ms
 * more at the median, and no more at the 99th percentile.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ["--max-semi-space-size=8"];

/**
 * What the server's environment adds to the editor's. On Linux the C library gives each
 * thread that allocates (the engine's compiler and collector threads among them) an arena
 * of its own, and what an arena has touched stays counted against the process: at most two
 * arenas hold a server with a 50,000-line table open about 5 MB lower, just after reading
 * it and once idle, with the same latencies (measured under Node 20; in VS Code the server
 * runs on the editor's own runtime, where it was not measured). Where the C library is not
 * glibc the variable means nothing. A value the user has set is kept.
 */
export function serverEnvironment(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return { MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? "2" };
}
