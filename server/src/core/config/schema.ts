// The one schema of tasktable.json: the source of the Config type and of
// schemas/tasktable.schema.json (npm run schema writes it; a test fails when it is stale).
//
// Written with zod's functional build ("zod/mini"), whose parts the bundler keeps only where
// used: the chained build brought about 730 KB into each bundle and 11 MB to the memory of
// every process that loaded it; this one, about 45 KB. Its messages come from zod's English
// locale, loaded here, as the chained build loads it by itself.

import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";
import { RULES } from "../rules/index.js";

z.config(en());

const nonEmpty = () => z.string().check(z.minLength(1));
const described = <T extends z.ZodMiniType>(schema: T, description: string): T => schema.check(z.describe(description)) as T;

const level = described(
  z.union([z.enum(["error", "warning", "info", "hint", "off"]), z.boolean()]),
  "error, warning, info, hint or off; true keeps the rule's default level, false turns it off",
);

const ruleKeys = RULES.flatMap((r) => [r.code, r.name]) as [string, ...string[]];

export const unitEntrySchema = z.union([
  described(nonEmpty(), "A unit's canonical name"),
  z.strictObject({
    name: described(nonEmpty(), "The canonical name, as it should be written"),
    aliases: described(z.optional(z.array(nonEmpty())), "Other full names, such as names from before a reorganisation"),
    abbreviations: described(z.optional(z.array(nonEmpty())), "Short forms, such as 发改局 for 区发改局"),
  }),
]);

const role = z.enum(["lead", "responsible", "partners", "requirement", "deadline", "note", "none"]);

const settingsShape = {
  locale: described(z.optional(z.enum(["zh-CN", "en"])), "Language of messages"),
  units: described(z.optional(z.array(unitEntrySchema)), "The team's unit registry"),
  unitFiles: described(z.optional(z.array(nonEmpty())), "Registry files (JSON arrays of units), relative to this file"),
  collectiveUnitPrefixes: described(z.optional(z.array(nonEmpty())), "Names starting with these name a group of units (各街道) and are never unknown"),
  fields: z.optional(
    z.strictObject({
      labels: described(z.optional(z.record(nonEmpty(), role)), "Extra field labels and their roles; none removes a default label"),
      responsible: described(
        z.optional(z.enum(["auto", "lead", "partners"])),
        "What 责任单位 means: the lead, the partners, or auto (partners where the table also has 牵头)",
      ),
    }),
  ),
  numbering: z.optional(
    z.strictObject({
      tasks: described(z.optional(z.enum(["auto", "continuous", "per-section", "per-subsection"])), "How task numbers run"),
      subsections: described(z.optional(z.enum(["auto", "continuous", "per-section"])), "How subsection numbers run"),
    }),
  ),
  rules: described(z.optional(z.partialRecord(z.enum(ruleKeys), level)), "Rule levels by code (TT101) or name (number-gap)"),
  snippets: described(
    z.optional(
      z.record(
        nonEmpty(),
        z.strictObject({
          prefix: nonEmpty(),
          body: z.union([z.string(), z.array(z.string())]),
          description: z.optional(z.string()),
        }),
      ),
    ),
    "Team snippets offered by completion",
  ),
  format: z.optional(z.strictObject({ labels: described(z.optional(z.enum(["keep", "short", "long"])), "How fmt writes field labels") })),
};

export const overrideSchema = z.strictObject({
  files: described(z.array(nonEmpty()).check(z.minLength(1)), "Globs, relative to the config file's folder"),
  ...settingsShape,
});

export const configSchema = z.strictObject({
  $schema: z.optional(z.string()),
  ...settingsShape,
  overrides: described(z.optional(z.array(overrideSchema)), "Settings for files matching globs"),
});

export type Config = z.infer<typeof configSchema>;
export type ConfigOverride = z.infer<typeof overrideSchema>;
export type UnitEntryInput = z.infer<typeof unitEntrySchema>;

export const unitFileSchema = z.union([z.array(unitEntrySchema), z.strictObject({ units: z.array(unitEntrySchema) })]);

export function jsonSchema(): unknown {
  const s = z.toJSONSchema(configSchema, { target: "draft-7" }) as Record<string, unknown>;
  return { ...s, title: "tasktable.json", description: "Configuration of tasktable: unit registry, field labels, numbering, rule levels, snippets." };
}
