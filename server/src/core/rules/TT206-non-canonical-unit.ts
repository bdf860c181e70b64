import type { Msg, Rule, RuleContext } from "./types.js";
import type { Unit } from "../model/model.js";
import { MemoKey } from "../memo.js";

const HOW = {
  alias: { zh: "旧称或别名", en: "an alias" },
  abbreviation: { zh: "简称", en: "an abbreviation" },
  prefix: { zh: "省略了前缀的写法", en: "a shortened name" },
  // One half of 区应急局及各街道: the model keeps only that it was split, not how the half resolved.
  conjunction: { zh: "另一种写法", en: "another name" },
};

export const nonCanonicalUnit: Rule = {
  code: "TT206",
  name: "non-canonical-unit",
  severity: "hint",
  description: {
    zh: "单位用了简称、别名或省略前缀的写法，名录中的规范名称另有写法。",
    en: "A unit is written by an abbreviation, an alias or a shortened name instead of its registry name.",
  },
  checkTask(ctx, t) {
    if (!ctx.model.hasRegistry) return;
    for (const units of [t.lead, t.partners]) {
      for (const u of units) {
        if (u.inheritedFrom) continue;
        const other = u.resolution === "alias" || u.resolution === "abbreviation" || u.resolution === "prefix";
        if (!other && !(u.resolution === "conjunction" && u.name !== u.canonical)) continue;
        const how = HOW[u.resolution as keyof typeof HOW];
        // One message per name, as unknown-unit does: a table writes the same short names
        // again and again.
        const said = ctx.memo.get(SAID, newSaid);
        let m = said.get(u.name);
        if (!m || m.canonical !== u.canonical || m.how !== how) said.set(u.name, (m = { canonical: u.canonical, how, message: message(u, how) }));
        report(ctx, u, m.message);
      }
    }
  },
};

interface Said {
  canonical: string;
  how: Msg;
  message: Msg;
}
const SAID = new MemoKey<Map<string, Said>>("non-canonical-unit messages");
const newSaid = () => new Map<string, Said>();

function message(u: Unit, how: Msg): Msg {
  return { zh: `“${u.name}”是“${u.canonical}”的${how.zh}。`, en: `“${u.name}” is ${how.en} of “${u.canonical}”.` };
}

// Apart from the loop: a function made in the loop's body would make the engine set up a
// scope for it on every unit, reported or not.
function report(ctx: RuleContext, u: Unit, message: Msg) {
  ctx.report({
    range: u.range,
    message,
    fixes: () => [{ title: { zh: `改为“${u.canonical}”`, en: `Change to “${u.canonical}”` }, edits: [{ start: u.start, end: u.end, newText: u.canonical }], safe: true }],
  });
}
