// The one schema of tasktable.json: the source of the Config type and of
// schemas/tasktable.schema.json (npm run schema writes it; a test fails when it is stale).

import { z } from "zod";
import { RULES } from "../rules/index.js";

const level = z
  .union([z.enum(["error", "warning", "info", "hint", "off"]), z.boolean()])
  .describe("error, warning, info, hint or off; true keeps the rule's default level, false turns it off");

const ruleKeys = RULES.flatMap((r) => [r.code, r.name]) as [string, ...string[]];

export const unitEntrySchema = z.union([
  z.string().min(1).describe("A unit's canonical name"),
  z
    .object({
      name: z.string().min(1).describe("The canonical name, as it should be written"),
      aliases: z.array(z.string().min(1)).optional().describe("Other full names, such as names from before a reorganisation"),
      abbreviations: z.array(z.string().min(1)).optional().describe("Short forms, such as 发改局 for 区发改局"),
    })
    .strict(),
]);

const role = z.enum(["lead", "responsible", "partners", "requirement", "deadline", "note", "none"]);

const settingsShape = {
  locale: z.enum(["zh-CN", "en"]).optional().describe("Language of messages"),
  units: z.array(unitEntrySchema).optional().describe("The team's unit registry"),
  unitFiles: z.array(z.string().min(1)).optional().describe("Registry files (JSON arrays of units), relative to this file"),
  collectiveUnitPrefixes: z
    .array(z.string().min(1))
    .optional()
    .describe("Names starting with these name a group of units (各街道) and are never unknown"),
  fields: z
    .object({
      labels: z.record(z.string().min(1), role).optional().describe("Extra field labels and their roles; none removes a default label"),
      responsible: z
        .enum(["auto", "lead", "partners"])
        .optional()
        .describe("What 责任单位 means: the lead, the partners, or auto (partners where the table also has 牵头)"),
    })
    .strict()
    .optional(),
  numbering: z
    .object({
      tasks: z.enum(["auto", "continuous", "per-section", "per-subsection"]).optional().describe("How task numbers run"),
      subsections: z.enum(["auto", "continuous", "per-section"]).optional().describe("How subsection numbers run"),
    })
    .strict()
    .optional(),
  rules: z.partialRecord(z.enum(ruleKeys), level).optional().describe("Rule levels by code (TT101) or name (number-gap)"),
  snippets: z
    .record(
      z.string().min(1),
      z
        .object({
          prefix: z.string().min(1),
          body: z.union([z.string(), z.array(z.string())]),
          description: z.string().optional(),
        })
        .strict(),
    )
    .optional()
    .describe("Team snippets offered by completion"),
  format: z
    .object({ labels: z.enum(["keep", "short", "long"]).optional().describe("How fmt writes field labels") })
    .strict()
    .optional(),
};

export const overrideSchema = z
  .object({
    files: z.array(z.string().min(1)).min(1).describe("Globs, relative to the config file's folder"),
    ...settingsShape,
  })
  .strict();

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    ...settingsShape,
    overrides: z.array(overrideSchema).optional().describe("Settings for files matching globs"),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
export type ConfigOverride = z.infer<typeof overrideSchema>;
export type UnitEntryInput = z.infer<typeof unitEntrySchema>;

export const unitFileSchema = z.union([z.array(unitEntrySchema), z.object({ units: z.array(unitEntrySchema) }).strict()]);

export function jsonSchema(): unknown {
  const s = z.toJSONSchema(configSchema, { target: "draft-7" }) as Record<string, unknown>;
  return { ...s, title: "tasktable.json", description: "Configuration of tasktable: unit registry, field labels, numbering, rule levels, snippets." };
}
