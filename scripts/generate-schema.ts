/**
 * Writes schemas/cloudarch.schema.json from the catalog (`npm run schema`). The file is committed so
 * editors (Red Hat's YAML extension, `yaml.schemas`) can use it without running anything; a unit
 * test regenerates it in memory and fails when the committed copy is stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allResourceTypes } from '../src/model/catalog';
import { buildJsonSchema } from '../src/model/json-schema';

/** The schema file's exact text: two-space JSON with a final newline. */
export function schemaText(): string {
  return `${JSON.stringify(buildJsonSchema(allResourceTypes()), null, 2)}\n`;
}

if (require.main === module) {
  const target = join(__dirname, '..', 'schemas', 'cloudarch.schema.json');
  writeFileSync(target, schemaText());
  console.log(`wrote ${target}`);
}
