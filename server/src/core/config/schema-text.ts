// The committed JSON schema's exact text, so the test and the writer agree byte for byte.
import { jsonSchema } from "./schema.js";

export function schemaText(): string {
  return JSON.stringify(jsonSchema(), null, 2) + "\n";
}
