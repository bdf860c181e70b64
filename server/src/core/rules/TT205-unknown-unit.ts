import type { Msg, Rule, RuleContext } from "./types.js";
import type { Unit } from "../model/model.js";
import { MemoKey } from "../memo.js";
import type { Registry } from "../model/registry.js";

export const unknownUnit: Rule = {
  code: "TT205",
  name: "unknown-unit",
  severity: "warning",
  description: {
    zh: "单位不在团队的单位名录中（仅在配置了名录时检查）。",
    en: "A unit is not in the team's registry (checked only when a registry is configured).",
  },
  checkTask(ctx, t) {
    const { model, settings } = ctx;
    if (!model.hasRegistry) return;
    for (const units of [t.lead, t.partners]) {
      for (const u of units) {
        if (u.resolution !== "unknown" || u.inheritedFrom) continue;
        // One message per name: a table names the same few unknown units over and over.
        const said = ctx.memo.get(SAID, newSaid);
        let m = said.get(u.name);
        if (!m) said.set(u.name, (m = message(u.name, closest(settings.registry, u.name))));
        report(ctx, u, m);
      }
    }
  },
};

interface Said {
  message: Msg;
  hint: string | null;
}
const SAID = new MemoKey<Map<string, Said>>("unknown-unit messages");
const newSaid = () => new Map<string, Said>();

function message(name: string, hint: string | null): Said {
  return {
    hint,
    message: hint
      ? { zh: `单位名录中没有“${name}”，是否为“${hint}”？`, en: `“${name}” is not in the unit registry; did you mean “${hint}”?` }
      : { zh: `单位名录中没有“${name}”。`, en: `“${name}” is not in the unit registry.` },
  };
}

// Apart from the loop: a function made in the loop's body would make the engine set up a
// scope for it on every unit, reported or not.
function report(ctx: RuleContext, u: Unit, { message, hint }: Said) {
  ctx.report({
    range: u.range,
    message,
    // Made when asked for: a table may name many units the registry lacks.
    fixes: hint ? () => [{ title: { zh: `改为“${hint}”`, en: `Change to “${hint}”` }, edits: [{ start: u.start, end: u.end, newText: hint }], safe: false }] : undefined,
  });
}

/**
 * The registry name closest to an unknown one. Strictly more than half alike: unit names
 * are short and share 区…局, so two of four characters in common (区税务局, 区财政局) is
 * another unit, not a typo.
 */
function closest(registry: Registry, name: string): string | null {
  return registry.suggest(name, 0.5)?.canonical ?? null;
}
