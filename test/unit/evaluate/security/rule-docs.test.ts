/** docs/security-rules.md is generated from the registry; this fails until it is regenerated. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { securityRules } from '../../../../src/evaluate/security/registry';
import { ruleTableMarkdown } from '../../../../src/evaluate/security/rule-table';

describe('security rule documentation', () => {
  it('docs/security-rules.md is current (run `npm run generate`)', () => {
    const page = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'security-rules.md'), 'utf8');
    assert.equal(page, ruleTableMarkdown());
  });

  it('lists every rule with its severity and cross-references', () => {
    const page = ruleTableMarkdown();
    for (const rule of securityRules) {
      const row = page.split('\n').find((line) => line.includes(`</a>${rule.id} |`));
      assert.ok(row, rule.id);
      assert.ok(row.includes(`| ${rule.severity} |`), rule.id);
      for (const id of [...rule.checkov, ...rule.securityHub]) assert.ok(row.includes(id), `${rule.id} ${id}`);
    }
  });
});
