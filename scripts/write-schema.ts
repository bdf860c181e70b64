// Writes schemas/tasktable.schema.json from the zod schema (npm run schema).
import { writeFileSync } from "node:fs";
import { schemaText } from "../server/src/core/config/schema-text.js";

writeFileSync(new URL("../schemas/tasktable.schema.json", import.meta.url), schemaText());
console.log("wrote schemas/tasktable.schema.json");
