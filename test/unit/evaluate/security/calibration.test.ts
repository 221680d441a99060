/**
 * Severity calibration: a tidy design gets no critical or high finding, every critical and high rule
 * says why (compared with Security Hub and Checkov), and the cross-references the issue found wrong
 * stay right.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArchitecture } from '../../../../src/core';
import { evaluateSecurity } from '../../../../src/evaluate/security';
import { securityRule, securityRules } from '../../../../src/evaluate/security/registry';
import { ruleTableMarkdown } from '../../../../src/evaluate/security/rule-table';

const tidyFolder = join(__dirname, '..', '..', '..', 'fixtures', 'security', 'tidy');

describe('severity calibration', () => {
  for (const file of readdirSync(tidyFolder).filter((name) => name.endsWith('.cloudarch.yaml'))) {
    it(`${file}: a tidy design gets no critical or high finding`, () => {
      const doc = parseArchitecture(readFileSync(join(tidyFolder, file), 'utf8'));
      assert.deepEqual(
        doc.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => diagnostic.message),
        [],
      );
      const serious = evaluateSecurity(doc).findings.filter((item) => item.severity === 'critical' || item.severity === 'high');
      assert.deepEqual(
        serious.map((item) => `${item.severity} ${item.ruleId} ${item.resource}: ${item.message}`),
        [],
      );
    });
  }

  it('gives every critical and high rule a written rationale, printed in docs/security-rules.md', () => {
    const page = ruleTableMarkdown();
    for (const rule of securityRules.filter((candidate) => candidate.severity === 'critical' || candidate.severity === 'high')) {
      assert.ok(rule.severityRationale && rule.severityRationale.length > 40, `${rule.id} has no severity rationale`);
      assert.ok(page.includes(`- **${rule.id}** (${rule.severity}) — `), `${rule.id}'s rationale is not in the rule table`);
    }
  });

  it('does not flag a distribution whose default origin is a load balancer for its default root object', () => {
    const text = [
      'cloudarch: "1"',
      'name: cdn',
      'resources:',
      '  cdn:',
      '    type: aws.cloudfront.distribution',
      '    origins: [lb, site]',
      '    viewerProtocol: https-only',
      '    originAccessControl: true',
      '    waf: true',
      '  lb:',
      '    type: aws.elb.application',
      '    zones: [a, b]',
      '  site:',
      '    type: aws.s3.bucket',
      '',
    ].join('\n');
    const findings = evaluateSecurity(parseArchitecture(text)).findings;
    assert.deepEqual(
      findings.filter((item) => item.ruleId === 'CA-CF-008'),
      [],
    );
    assert.equal(securityRule('CA-CF-008')?.severity, 'high', 'Security Hub CloudFront.1 is High, not Critical');
  });

  it('maps the rules the issue found wrong to the right checks and concerns', () => {
    assert.deepEqual(securityRule('CA-LAMBDA-006')?.checkov, ['CKV_AWS_258']);
    assert.ok(!securityRule('CA-RDS-009')?.checkov.includes('CKV_AWS_157'), 'CKV_AWS_157 is about RDS instances, not Aurora');
    assert.equal(securityRule('CA-EBS-002')?.concern, 'cost');
  });
});
