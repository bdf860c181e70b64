// Minimal globs for config overrides: * (within a folder), ** (any folders), ?.

const cache = new Map<string, RegExp>();

export function globMatch(glob: string, path: string): boolean {
  let re = cache.get(glob);
  if (!re) {
    let s = "^";
    const g = glob.replace(/^\.\//, "");
    for (let i = 0; i < g.length; i++) {
      const c = g[i];
      if (c === "*") {
        if (g[i + 1] === "*") {
          s += g[i + 2] === "/" ? "(?:.*/)?" : ".*";
          i += g[i + 2] === "/" ? 2 : 1;
        } else s += "[^/]*";
      } else if (c === "?") s += "[^/]";
      else s += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
    }
    // A glob without a folder matches the file name anywhere below the config.
    re = new RegExp(g.includes("/") ? s + "$" : "(?:^|/)" + s.slice(1) + "$");
    cache.set(glob, re);
  }
  return re.test(path);
}
