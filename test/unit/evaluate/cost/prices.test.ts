/**
 * The price snapshot against the reference figures, and the catalog-wide guarantees of the cost
 * engine: every type has a pricing rule, and a file with one resource of every type is priced
 * without NaN and without silent zeros.
 */
import { strict as assert } from 'node:assert';
import { parseArchitecture } from '../../../../src/core/parse';
import { allResourceTypes } from '../../../../src/model/catalog';
import type { PropertyShape } from '../../../../src/model/catalog-types';
import { priceEntry, priceTable } from '../../../../src/model/prices';
import { evaluateCost, hasPricingRule } from '../../../../src/evaluate/cost';

describe('cost: price snapshot', () => {
  const reference: readonly [string, number][] = [
    ['ebs:gp2', 0.1],
    ['ebs:gp3', 0.08],
    ['ebs:gp3:iops', 0.005],
    ['ebs:gp3:throughput', 0.04],
    ['ebs:io1:iops', 0.065],
    ['ebs:st1', 0.045],
    ['ebs:sc1', 0.015],
    ['ebs:snapshot', 0.05],
    ['s3:STANDARD', 0.023],
    ['s3:STANDARD_IA', 0.0125],
    ['s3:ONEZONE_IA', 0.01],
    ['s3:GLACIER', 0.0036],
    ['s3:DEEP_ARCHIVE', 0.00099],
    ['s3:STANDARD:put', 0.005],
    ['s3:STANDARD:get', 0.0004],
    ['rds:storage:gp2', 0.115],
    ['aurora:db.r4.large', 0.29],
    ['dynamodb:on-demand:write', 0.625],
    ['dynamodb:on-demand:read', 0.125],
    ['dynamodb:provisioned:wcu', 0.00065],
    ['dynamodb:provisioned:rcu', 0.00013],
    ['dynamodb:storage', 0.25],
    ['elb:application:hour', 0.0225],
    ['elb:application:lcu', 0.008],
    ['elb:network:lcu', 0.006],
    ['elb:classic:hour', 0.025],
    ['nat:hour', 0.045],
    ['nat:gb', 0.045],
    ['dto:first-10tb', 0.09],
    ['route53:zone', 0.5],
    ['route53:queries:standard', 0.4],
    ['cloudfront:gb:first-10tb', 0.085],
    ['cloudfront:https', 0.01],
    ['efs:standard', 0.3],
    ['lambda:requests', 0.2],
    ['lambda:gb-second:x86', 0.0000166667],
    ['lambda:gb-second:arm64', 0.0000133334],
  ];
  for (const [key, usd] of reference) {
    it(`${key} = ${usd}`, () => assert.equal(priceEntry(key)?.usd, usd));
  }

  it('prices t3.medium at $0.0416/h: 730 h = $30.368', () => {
    const doc = parseArchitecture(
      'cloudarch: "1"\nname: t\nresources:\n  vm:\n    type: aws.ec2.instance\n    instanceType: t3.medium\n    zones: [a]\n',
    );
    const cost = evaluateCost(doc);
    assert.ok(Math.abs(cost.monthlyUSD - 30.368) < 1e-9, String(cost.monthlyUSD));
  });

  it('doubles db.r5.large for Multi-AZ', () => {
    const text = (multiAZ: boolean) =>
      `cloudarch: "1"\nname: t\nresources:\n  db:\n    type: aws.rds.instance\n    engine: mysql\n    instanceClass: db.r5.large\n    multiAZ: ${multiAZ}\n    zones: [a, b]\n    storage: { volumeType: gp2, sizeGB: 100 }\n`;
    const single = evaluateCost(parseArchitecture(text(false))).monthlyUSD;
    const multi = evaluateCost(parseArchitecture(text(true))).monthlyUSD;
    assert.ok(Math.abs(single - (0.24 * 730 + 11.5)) < 1e-9, String(single));
    assert.ok(Math.abs(multi - 2 * single) < 1e-9, String(multi));
  });

  it('gives every price a source, a date and a finite non-negative value', () => {
    for (const [key, entry] of Object.entries(priceTable)) {
      assert.ok(entry.source.length > 0, `${key} source`);
      assert.ok(entry.asOf.length > 0, `${key} asOf`);
      assert.ok(Number.isFinite(entry.usd) && entry.usd >= 0, `${key} value`);
    }
  });

  it("marks the reference's low-confidence figures as low", () => {
    for (const key of [
      'ebs:io2:iops-32k-64k',
      'ebs:io2:iops-over-64k',
      'ebs:snapshot-archive',
      's3:STANDARD:next-450tb',
      's3:STANDARD:over-500tb',
      'dto:over-150tb',
      'route53:zone-after-25',
      'efs:archive',
      's3:GLACIER_IR:retrieval',
    ]) {
      assert.equal(priceEntry(key)?.confidence, 'low', key);
    }
  });

  it('marks every figure that does not come from the reference as low confidence with an AWS pricing URL', () => {
    for (const [key, entry] of Object.entries(priceTable)) {
      if (entry.source.startsWith('https://aws.amazon.com/')) assert.notEqual(entry.confidence, 'high', key);
    }
  });
});

/** A plausible value for a required property, so a resource of every type can be written. */
function sampleValue(shape: PropertyShape, example: unknown): unknown {
  if (example !== undefined) return example;
  switch (shape.kind) {
    case 'enum':
      return shape.values[0]?.value;
    case 'number':
      return shape.minimum ?? 1;
    case 'boolean':
      return false;
    case 'instance-type':
      return 't3.medium';
    case 'db-instance-class':
      return 'db.r5.large';
    case 'reference':
      return 'other';
    case 'list':
      return [];
    default:
      return 'x';
  }
}

describe('cost: catalog coverage', () => {
  it('has a pricing rule (or a reason it is free) for every type of the catalog', () => {
    const missing = allResourceTypes()
      .map((t) => t.id)
      .filter((id) => !hasPricingRule(id));
    assert.deepEqual(missing, []);
    // And it says no for a type it has no rule for, so the check above can fail.
    assert.equal(hasPricingRule('aws.nosuch.service'), false);
    assert.equal(hasPricingRule('external.users'), true);
  });

  it('prices a file with one resource of every type without NaN and without silent zeros', () => {
    const lines = [
      'cloudarch: "1"',
      'name: everything',
      'workload:',
      '  requestsPerSecond: 10',
      '  dataTransferOutGB: 100',
      'resources:',
      '  other:',
      '    type: aws.s3.bucket',
      '    sizeGB: 1',
    ];
    for (const def of allResourceTypes()) {
      lines.push(`  r-${def.id.replace(/[^a-z0-9]+/g, '-')}:`, `    type: ${def.id}`);
      for (const [name, prop] of Object.entries(def.properties)) {
        if (!prop.required || name === 'type') continue;
        lines.push(`    ${name}: ${JSON.stringify(sampleValue(prop.shape, prop.example))}`);
      }
    }
    const doc = parseArchitecture(lines.join('\n') + '\n');
    const cost = evaluateCost(doc);
    assert.ok(Number.isFinite(cost.monthlyUSD) && cost.monthlyUSD > 0);
    for (const r of doc.resources) {
      if ((r.type ?? '').startsWith('external.') || r.type === 'aws.ec2.security-group') continue;
      const priced = cost.lineItems.some((l) => l.resource === r.name);
      const listed = cost.unpriced.some((u) => u.resource === r.name);
      assert.ok(priced || listed, `${r.name} (${r.type}) is neither priced nor listed as unpriced`);
    }
    for (const u of cost.unpriced) assert.ok(u.reason.length > 10, `${u.resource}: reason "${u.reason}"`);
  });
});
