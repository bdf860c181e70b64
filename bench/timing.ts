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

/**
 * The growth from input `f` to input `g`: their fastest runs compared, measured again while
 * the ratio (`g` over `f`, `f` taken as at least `floor` ms) is over `limit`, up to three
 * times in all. A pause of the machine can land on every run of one size; a path worse than
 * linear is over the limit in every measurement. Every measurement is returned, the last
 * one deciding.
 */
export function growth(f: () => void, g: () => void, limit: number, runs = 9, warm = 3, floor = 0): { ta: number; tb: number; ratio: number }[] {
  const tries: { ta: number; tb: number; ratio: number }[] = [];
  do {
    const [ta, tb] = fastestOfEach(f, g, runs, warm);
    tries.push({ ta, tb, ratio: tb / Math.max(ta, floor) });
  } while (tries[tries.length - 1].ratio > limit && tries.length < 3);
  return tries;
}
