// Timing two inputs fairly on a machine whose speed drifts: shared by the bench and the
// suite's growth test.

/**
 * The fastest run of each of two inputs, their runs taken in turn: the two sizes meet the
 * machine in the same state (its speed drifts by a factor of two over seconds here), and one
 * young-generation collection landing in a run of a few milliseconds doubles it. What the
 * ratio is to catch, a path worse than linear, is slow in every run.
 */
export function fastestOfEach(f: () => void, g: () => void, runs = 9, warm = 3): [number, number] {
  for (let i = 0; i < warm; i++) {
    f();
    g();
  }
  let bf = Infinity;
  let bg = Infinity;
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    f();
    bf = Math.min(bf, performance.now() - t0);
    t0 = performance.now();
    g();
    bg = Math.min(bg, performance.now() - t0);
  }
  return [bf, bg];
}
