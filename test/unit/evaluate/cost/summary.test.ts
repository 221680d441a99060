/**
 * The wording of cost totals that every view shares (CodeLens, inlay hints, status bar, report
 * headline): a lower bound when something is unpriced, with the items named (five at most), how
 * many lines borrow another region's price, and the diagnostic that names the price key to set, on
 * the property that selects the SKU.
 */
import { strict as assert } from 'node:assert';
import { parseArchitecture } from '../../../../src/core/parse';
import { evaluateCost } from '../../../../src/evaluate/cost';
import {
  borrowedLines,
  costFigureText,
  costHeadline,
  unpricedByResource,
  unpricedCount,
  unpricedDiagnostics,
  unpricedIn,
} from '../../../../src/evaluate/cost/summary';
import type { CostLineItem, CostResult } from '../../../../src/evaluate/types';

function unpriced(...resources: string[]): CostResult['unpriced'] {
  return resources.map((resource, index) => ({ resource, what: `thing ${index + 1}`, reason: 'r' }));
}

function line(resource: string, borrowedFrom?: string): CostLineItem {
  return {
    resource,
    what: 'w',
    quantity: 1,
    unit: 'u',
    unitPriceUSD: 1,
    monthlyUSD: 1,
    priceSource: 's',
    priceKey: 'k',
    ...(borrowedFrom !== undefined ? { borrowedFrom } : {}),
  };
}

function cost(items: CostResult['unpriced'], lineItems: readonly CostLineItem[] = []): CostResult {
  return { monthlyUSD: 1, byResource: {}, lineItems, purchaseOptions: {}, alternatives: [], unpriced: items };
}

describe('cost: how totals are worded', () => {
  it('words the headline of a complete total, one unpriced item, and many', () => {
    assert.equal(costHeadline(cost([]), '$5.00'), 'Monthly total $5.00.');
    assert.equal(costHeadline(cost([]), '$5.00', 'Estimated:'), 'Estimated: $5.00.');
    assert.equal(
      costHeadline(cost(unpriced('a')), '$5.00'),
      'Monthly total ≥ $5.00: at least this much, because 1 item is not priced: a (thing 1).',
    );
    assert.equal(
      costHeadline(cost(unpriced('a', 'b', 'c', 'd', 'e')), '$5.00'),
      'Monthly total ≥ $5.00: at least this much, because 5 items are not priced: a (thing 1), b (thing 2), c (thing 3), d (thing 4), e (thing 5).',
    );
    assert.equal(
      costHeadline(cost(unpriced('a', 'b', 'c', 'd', 'e', 'f', 'g')), '$5.00'),
      'Monthly total ≥ $5.00: at least this much, because 7 items are not priced: a (thing 1), b (thing 2), c (thing 3), d (thing 4), e (thing 5), and 2 more.',
    );
  });

  it('says how many lines borrow a price, and from which regions', () => {
    assert.equal(
      costHeadline(cost([], [line('a', 'us-east-1'), line('b')]), '$5.00'),
      "Monthly total $5.00. 1 line uses a price borrowed from us-east-1 (no sourced price for the resource's region; marked as estimates).",
    );
    assert.equal(
      costHeadline(cost(unpriced('a'), [line('a', 'us-east-1'), line('b', 'eu-west-1'), line('c', 'us-east-1')]), '$5.00'),
      "Monthly total ≥ $5.00: at least this much, because 1 item is not priced: a (thing 1). 3 lines use a price borrowed from us-east-1, eu-west-1 (no sourced price for the resource's region; marked as estimates).",
    );
    assert.deepEqual(
      borrowedLines([line('a', 'us-east-1'), line('b'), line('c', 'eu-west-1')]).map((item) => item.resource),
      ['a', 'c'],
    );
  });

  it('shows a figure as a lower bound when anything is unpriced', () => {
    assert.equal(costFigureText('$2.30/mo', 0), '$2.30/mo');
    assert.equal(costFigureText('$2.30/mo', 1), '≥ $2.30/mo · 1 unpriced');
    assert.equal(costFigureText('$2.30/mo', 3), '≥ $2.30/mo · 3 unpriced');
  });

  it('counts unpriced items of the design and of a resource, from the items or from the counts', () => {
    const items = cost(unpriced('a', 'b', 'a'));
    assert.deepEqual([unpricedCount(items), unpricedCount(items, 'a'), unpricedCount(items, 'b'), unpricedCount(items, 'c')], [3, 2, 1, 0]);
    assert.deepEqual({ ...unpricedByResource(items) }, { a: 2, b: 1 });
    assert.deepEqual([unpricedIn(items), unpricedIn(items, 'a'), unpricedIn(items, 'c')], [3, 2, 0]);
    const counts = { unpricedCount: 4, unpricedByResource: { a: 3 } };
    assert.deepEqual([unpricedIn(counts), unpricedIn(counts, 'a'), unpricedIn(counts, 'b')], [4, 3, 0]);
    assert.deepEqual([unpricedIn({}), unpricedIn({}, 'a')], [0, 0]);
    assert.equal(unpricedIn({ unpricedCount: 2, unpriced: [{ resource: 'a' }] }), 2, 'the count wins over the items');
  });

  it('puts the diagnostic of a missing price on the property that names the SKU, else on the resource name', () => {
    const doc = parseArchitecture(
      [
        'cloudarch: "1"',
        'name: t',
        'resources:',
        '  vm:',
        '    type: aws.ec2.instance',
        '    instanceType: z9.unknown',
        '  db:',
        '    type: aws.rds.aurora',
        '    engine: aurora-mysql',
        '    instanceClass: db.m5d.2xlarge',
        '  warehouse:',
        '    type: aws.redshift.cluster',
        '    nodeType: ra3.64xlarge',
        '  files:',
        '    type: aws.fsx.filesystem',
        '    kind: ontap',
        '    storageCapacityGB: 100',
        '  implicit:',
        '    type: aws.elasticbeanstalk.environment',
        '    platform: go',
        '    instanceType: z9.unknown',
        '',
      ].join('\n'),
    );
    const result = evaluateCost(doc);
    const shown = unpricedDiagnostics(doc, result).map(
      (diagnostic) =>
        `${diagnostic.resource} ${diagnostic.range.start.line}:${diagnostic.range.start.character}-${diagnostic.range.end.line}:${diagnostic.range.end.character} ${diagnostic.code} ${diagnostic.severity} ${diagnostic.source}: ${diagnostic.message}`,
    );
    assert.deepEqual(shown, [
      'vm 5:18-5:28 cost-unpriced warning cloudarch.cost: Not priced: z9.unknown instance-hours. The price snapshot has no "ec2:z9.unknown" price, so the cost total leaves it out. Set assumptions.prices["ec2:z9.unknown"] to the unit price to include it.',
      'db 9:19-9:33 cost-unpriced warning cloudarch.cost: Not priced: db.m5d.2xlarge aurora-mysql on-demand instance-hours. The price snapshot has no "aurora:db.m5d.2xlarge" price, so the cost total leaves it out. Set assumptions.prices["aurora:db.m5d.2xlarge"] to the unit price to include it.',
      'warehouse 12:14-12:26 cost-unpriced warning cloudarch.cost: Not priced: ra3.64xlarge on-demand node-hours (2 nodes). The price snapshot has no "redshift:ra3.64xlarge" price, so the cost total leaves it out. Set assumptions.prices["redshift:ra3.64xlarge"] to the unit price to include it.',
      'files 13:2-13:7 cost-unpriced warning cloudarch.cost: Not priced: FSx for NetApp ONTAP SSD storage. The price snapshot has no "fsx:ontap:ssd" price, so the cost total leaves it out. Set assumptions.prices["fsx:ontap:ssd"] to the unit price to include it.',
      'files 13:2-13:7 cost-unpriced warning cloudarch.cost: Not priced: FSx for NetApp ONTAP throughput capacity. The price snapshot has no "fsx:ontap:throughput" price, so the cost total leaves it out. Set assumptions.prices["fsx:ontap:throughput"] to the unit price to include it.',
      'implicit 20:18-20:28 cost-unpriced warning cloudarch.cost: Not priced: environment instances: z9.unknown instance-hours. The price snapshot has no "ec2:z9.unknown" price, so the cost total leaves it out. Set assumptions.prices["ec2:z9.unknown"] to the unit price to include it.',
    ]);
  });

  it('puts no diagnostic on an item no price would fix, nor on a resource that is not in the file', () => {
    const doc = parseArchitecture('cloudarch: "1"\nname: t\nresources:\n  ledger:\n    type: aws.qldb.ledger\n');
    assert.deepEqual(unpricedDiagnostics(doc, evaluateCost(doc)), []);
    const elsewhere = cost([{ resource: 'gone', what: 'w', reason: 'r', priceKey: 'ec2:z9.unknown' }]);
    assert.deepEqual(unpricedDiagnostics(doc, elsewhere), []);
  });
});
