/**
 * Completion offers only what the cost model can price: every instance type, DB class, engine and
 * node type proposed at a SKU-valued key is written into a file and priced, and the test fails if
 * the cost evaluation then lists it as unpriced. Driven by the cases below (resource type, the
 * lines of the resource with the caret where completion is asked, the SKU's price key pattern).
 */
import { strict as assert } from 'node:assert';
import { parseArchitecture } from '../../../src/core/parse';
import { evaluateCost } from '../../../src/evaluate/cost';
import { createLanguageService } from '../../../src/language/language-service';
import { withoutCaret } from './fixtures';

interface SkuCase {
  readonly name: string;
  /** The resource's lines; `|^|` marks where completion is asked, `$VALUE` is replaced by each proposal. */
  readonly lines: readonly string[];
  /** At least this many proposals (so an empty list does not pass by accident). */
  readonly atLeast: number;
}

const cases: readonly SkuCase[] = [
  { name: 'EC2 instance type', lines: ['    type: aws.ec2.instance', '    instanceType: |^|', '    zones: [a]'], atLeast: 500 },
  {
    name: 'auto scaling group instance type',
    lines: ['    type: aws.autoscaling.group', '    instanceType: |^|', '    zones: [a, b]'],
    atLeast: 500,
  },
  {
    name: 'RDS MySQL class',
    lines: ['    type: aws.rds.instance', '    engine: mysql', '    instanceClass: |^|', '    zones: [a]'],
    atLeast: 30,
  },
  {
    name: 'RDS PostgreSQL class',
    lines: ['    type: aws.rds.instance', '    engine: postgres', '    instanceClass: |^|', '    zones: [a]'],
    atLeast: 30,
  },
  {
    name: 'RDS MariaDB class',
    lines: ['    type: aws.rds.instance', '    engine: mariadb', '    instanceClass: |^|', '    zones: [a]'],
    atLeast: 30,
  },
  {
    name: 'RDS engine',
    lines: ['    type: aws.rds.instance', '    engine: |^|', '    instanceClass: db.t3.medium', '    zones: [a]'],
    atLeast: 3,
  },
  {
    name: 'Aurora PostgreSQL class',
    lines: ['    type: aws.rds.aurora', '    engine: aurora-postgresql', '    instanceClass: |^|', '    zones: [a, b]'],
    atLeast: 10,
  },
  {
    name: 'Aurora MySQL class',
    lines: ['    type: aws.rds.aurora', '    engine: aurora-mysql', '    instanceClass: |^|', '    zones: [a, b]'],
    atLeast: 10,
  },
  { name: 'DocumentDB class', lines: ['    type: aws.docdb.cluster', '    instanceClass: |^|', '    zones: [a, b]'], atLeast: 3 },
  { name: 'Neptune class', lines: ['    type: aws.neptune.cluster', '    instanceClass: |^|', '    zones: [a, b]'], atLeast: 3 },
  { name: 'Redshift node type', lines: ['    type: aws.redshift.cluster', '    nodeType: |^|', '    zones: [a]'], atLeast: 3 },
  {
    name: 'Managed Blockchain peer node type',
    lines: ['    type: aws.managedblockchain.network', '    framework: hyperledger-fabric', '    peerNodeType: |^|', '    zones: [a]'],
    atLeast: 0,
  },
];

const service = createLanguageService();

function fileWith(lines: readonly string[]): string {
  return ['cloudarch: "1"', 'name: sku check', 'region: us-east-1', 'resources:', '  thing:', ...lines, ''].join('\n');
}

describe('completion offers only priced SKUs', () => {
  for (const skuCase of cases) {
    it(skuCase.name, () => {
      const { text, caret } = withoutCaret(fileWith(skuCase.lines));
      assert.ok(caret);
      const labels = service.completion(text, service.parse(text), caret).items.map((item) => item.label);
      assert.ok(labels.length >= skuCase.atLeast, `at least ${skuCase.atLeast} proposals, got ${labels.length}`);
      const unpriced: string[] = [];
      for (const label of labels) {
        const doc = parseArchitecture(fileWith(skuCase.lines.map((line) => line.replace('|^|', label))));
        const missing = evaluateCost(doc).unpriced.filter((item) => item.priceKey !== undefined && item.priceKey.includes(label));
        if (missing.length > 0) unpriced.push(`${label} (${missing.map((item) => item.priceKey).join(', ')})`);
      }
      assert.deepEqual(unpriced, [], `offered but unpriced: ${unpriced.slice(0, 20).join('; ')}`);
    });
  }

  it('can fail: a known but unpriced instance type is caught by the same check', () => {
    const doc = parseArchitecture(fileWith(['    type: aws.ec2.instance', '    instanceType: mac2.metal', '    zones: [a]']));
    assert.ok(evaluateCost(doc).unpriced.some((item) => item.priceKey === 'ec2:mac2.metal'));
  });
});
