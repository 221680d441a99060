/**
 * Generates snippets/cloudarch.code-snippets from the catalog: one snippet per resource type, whose
 * body is a complete resource under a name placeholder. The prefix is `res-<service>-<kind>`, not the
 * type id: a prefix equal to the id would be offered inside `type: aws.` too, where a whole resource
 * block is the wrong thing to insert. The catalog's `snippet`
 * field is the single source; a unit test fails when the committed file is stale.
 *
 * Run: npx tsx scripts/generate-snippets.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allResourceTypes } from '../src/model/catalog';
import type { ResourceTypeDef } from '../src/model/catalog-types';

/** A VS Code snippet as it is written in a `.code-snippets` file. */
export interface SnippetEntry {
  readonly scope: string;
  readonly prefix: readonly string[];
  readonly body: readonly string[];
  readonly description: string;
}

/** Where the generated file lives, relative to the repository root. */
export const SNIPPETS_PATH = join('snippets', 'cloudarch.code-snippets');

/**
 * Shifts the catalog's tab stops by one (`$1` becomes `$2`, `${2:x}` becomes `${3:x}`) so that the
 * resource's name can be the first stop; `$0`, the final cursor position, stays where it is.
 */
export function shiftTabStops(body: string): string {
  return body.replace(/\$(\{)?(\d+)/g, (whole, brace: string | undefined, digits: string) => {
    const index = Number(digits);
    if (index === 0) return whole;
    return `$${brace ?? ''}${index + 1}`;
  });
}

/** The default resource name offered by a snippet: the type's last part, e.g. `instance`. */
function defaultName(def: ResourceTypeDef): string {
  const last = def.id.split('.').slice(1).join('-');
  return last.replace(/[^a-z0-9-]/g, '-');
}

/** One snippet per catalog type, keyed by a readable title. */
export function buildSnippets(types: readonly ResourceTypeDef[] = allResourceTypes()): Record<string, SnippetEntry> {
  const snippets: Record<string, SnippetEntry> = {};
  for (const def of types) {
    const lines = shiftTabStops(def.snippet).split('\n');
    snippets[`${def.title} (${def.id})`] = {
      scope: 'cloudarch',
      prefix: [`res-${defaultName(def)}`],
      body: [`\${1:${defaultName(def)}}:`, ...lines.map((line) => `  ${line}`)],
      description: `${def.title}: ${def.docs.what.split(/(?<=\.)\s/)[0] ?? def.docs.what}`,
    };
  }
  return snippets;
}

/** The file's exact text, so the staleness test can compare it byte for byte. */
export function snippetsFileText(types?: readonly ResourceTypeDef[]): string {
  return `${JSON.stringify(buildSnippets(types), null, 2)}\n`;
}

if (process.argv[1] && /generate-snippets\.ts$/.test(process.argv[1])) {
  writeFileSync(SNIPPETS_PATH, snippetsFileText());
  console.log(`wrote ${SNIPPETS_PATH} (${Object.keys(buildSnippets()).length} snippets)`);
}
