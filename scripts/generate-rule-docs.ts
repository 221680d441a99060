/**
 * Writes docs/security-rules.md from the rule registry: `npx tsx scripts/generate-rule-docs.ts`.
 * test/unit/evaluate/security/rule-docs.test.ts fails while the page is stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleTableMarkdown } from '../src/evaluate/security/rule-table';

const target = join(__dirname, '..', 'docs', 'security-rules.md');
mkdirSync(join(__dirname, '..', 'docs'), { recursive: true });
writeFileSync(target, ruleTableMarkdown());
console.log(`wrote ${target}`);
