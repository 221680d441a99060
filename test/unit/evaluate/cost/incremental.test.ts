/**
 * The cost evaluation caches each resource's pricing by the resource object, which the parser keeps
 * for every resource whose text did not change. These tests hold the cached path to the fresh one:
 * after any sequence of random edits (values a user types, whole lines removed or duplicated,
 * routing and workload changes, stray characters), pricing the incrementally parsed document gives
 * exactly what pricing a fresh parse of the same text gives. They also check that the cache is used.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseArchitecture } from '../../../../src/core/parse';
import { evaluateCost } from '../../../../src/evaluate/cost';

const fixtureDir = join(__dirname, '../../../fixtures/cost');
const exampleDir = join(__dirname, '../../../../examples');
const texts = [
  ...readdirSync(fixtureDir)
    .filter((f) => f.endsWith('.cloudarch.yaml'))
    .map((f) => readFileSync(join(fixtureDir, f), 'utf8')),
  ...readdirSync(exampleDir)
    .filter((f) => f.endsWith('.cloudarch.yaml'))
    .map((f) => readFileSync(join(exampleDir, f), 'utf8')),
];

/** Values a user might type over a scalar: ones that change prices, routing, shares and validity. */
const words = [
  'gp2',
  'gp3',
  'io2',
  'true',
  'false',
  'on-demand',
  'reserved-1y',
  'spot',
  'savings-plan-1y',
  't3.medium',
  'm5.large',
  'db.r5.large',
  'STANDARD',
  'STANDARD_IA',
  'INTELLIGENT_TIERING',
  'failover',
  'weighted',
  'latency',
  'fargate',
  'http',
  'rest',
  'eu-west-1',
  'us-east-1',
  'arm64',
  '0',
  '1',
  '2',
  '7.5',
  '95',
  '100',
  '5000',
  '-3',
  '1e400',
  '"x"',
  '[a, b]',
  'nosuchthing',
];

type Edit =
  | { kind: 'number'; line: number; value: number }
  | { kind: 'word'; line: number; word: string }
  | { kind: 'line'; line: number; op: 'duplicate' | 'remove' }
  | { kind: 'insert'; at: number; text: string };

const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('number' as const),
      line: fc.nat(),
      value: fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.double({ min: 0, max: 100, noNaN: true })),
    }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('word' as const), line: fc.nat(), word: fc.constantFrom(...words) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('line' as const),
      line: fc.nat(),
      op: fc.constantFrom('duplicate' as const, 'remove' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      text: fc.constantFrom('x', ' ', '\n', ':', '#', '\n  extra:\n    type: external.users\n    connectsTo: [web]\n'),
    }),
  },
);

/** Lines of `text` matching `pattern`, or all lines when none does. */
function pickLine(lines: readonly string[], pattern: RegExp, n: number): number {
  const candidates = lines.map((line, index) => (pattern.test(line) ? index : -1)).filter((index) => index >= 0);
  return candidates.length > 0 ? candidates[n % candidates.length]! : n % lines.length;
}

function apply(text: string, edit: Edit): string {
  if (edit.kind === 'insert') {
    const at = edit.at % (text.length + 1);
    return text.slice(0, at) + edit.text + text.slice(at);
  }
  const lines = text.split('\n');
  if (edit.kind === 'number') {
    const index = pickLine(lines, /:\s*-?\d+(\.\d+)?\s*$/, edit.line);
    lines[index] = lines[index]!.replace(/-?\d+(\.\d+)?(\s*)$/, `${edit.value}$2`);
  } else if (edit.kind === 'word') {
    const index = pickLine(lines, /^\s+[A-Za-z]+:\s*\S/, edit.line);
    lines[index] = lines[index]!.replace(/^(\s+[A-Za-z]+:\s*).*$/, `$1${edit.word}`);
  } else {
    const index = edit.line % lines.length;
    if (edit.op === 'duplicate') lines.splice(index, 0, lines[index]!);
    else lines.splice(index, 1);
  }
  return lines.join('\n');
}

describe('cost: incremental evaluation', () => {
  it('equals pricing a fresh parse after any sequence of edits (property)', function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(editArbitrary, { minLength: 1, maxLength: 6 }), (base, edits) => {
        let text = base;
        let previous = parseArchitecture(text);
        let previousCost = evaluateCost(previous);
        for (const edit of edits) {
          text = apply(text, edit);
          const incremental = parseArchitecture(text, { previous });
          const fresh = parseArchitecture(text);
          const cost = evaluateCost(incremental, { previous: previousCost });
          assert.deepStrictEqual(cost, evaluateCost(fresh));
          previous = incremental;
          previousCost = cost;
        }
      }),
      { numRuns: 150, seed: 20261127 },
    );
  });

  const webShop = readFileSync(join(fixtureDir, 'web-shop.cloudarch.yaml'), 'utf8');

  it('reuses the pricing of resources an edit did not touch', () => {
    const first = parseArchitecture(webShop);
    const before = evaluateCost(first);
    const second = parseArchitecture(webShop.replace(/sizeGB: 200/, 'sizeGB: 300'), { previous: first });
    const after = evaluateCost(second, { previous: before });
    const dbBefore = before.lineItems.find((line) => line.resource === 'db');
    const dbAfter = after.lineItems.find((line) => line.resource === 'db');
    assert.ok(dbBefore !== undefined && dbBefore === dbAfter, "the database's line items are the same objects");
    const assetsBefore = before.lineItems.find((line) => line.resource === 'assets' && line.priceKey === 's3:STANDARD');
    const assetsAfter = after.lineItems.find((line) => line.resource === 'assets' && line.priceKey === 's3:STANDARD');
    assert.equal(assetsBefore?.quantity, 200);
    assert.equal(assetsAfter?.quantity, 300, 'the edited bucket is priced again');
  });

  it('reprices every resource when a document-level input changes', () => {
    const first = parseArchitecture(webShop);
    const before = evaluateCost(first);
    const second = parseArchitecture(
      webShop
        .replace(/hoursPerMonth: \d+/, 'hoursPerMonth: 720')
        .replace(/^workload:\n/m, 'assumptions:\n  hoursPerMonth: 720\nworkload:\n'),
      { previous: first },
    );
    const after = evaluateCost(second, { previous: before });
    assert.deepStrictEqual(after, evaluateCost(parseArchitecture(second.text)));
    const web = (result: typeof before) =>
      result.lineItems.find((line) => line.resource === 'web' && line.priceKey?.startsWith('ec2:') === true)!;
    assert.equal(web(before).quantity, 1460);
    assert.equal(web(after).quantity, 1440);
  });

  it("moves the data transfer to another resource when the edge changes, though that resource's text did not", () => {
    const text = [
      'cloudarch: "1"',
      'name: Edge moves',
      'workload:',
      '  requestsPerSecond: 5',
      '  dataTransferOutGB: 800',
      'resources:',
      '  users:',
      '    type: external.users',
      '    connectsTo: [lb]',
      '  lb:',
      '    type: aws.elb.application',
      '    targets: [web]',
      '  web:',
      '    type: aws.ec2.instance',
      '    instanceType: t3.medium',
      '  downloads:',
      '    type: aws.cloudfront.distribution',
      '',
    ].join('\n');
    const first = parseArchitecture(text);
    const before = evaluateCost(first);
    assert.ok(
      before.lineItems.some((line) => line.resource === 'downloads' && line.priceKey?.startsWith('cloudfront:gb')),
      'the distribution sends the data out',
    );
    // Without a distribution, the internet-facing load balancer sends the data out.
    const withoutCdn = text.replace('type: aws.cloudfront.distribution', 'type: aws.s3.bucket');
    const second = parseArchitecture(withoutCdn, { previous: first });
    assert.equal(second.resourceByName.get('lb'), first.resourceByName.get('lb'), 'the load balancer is the same object');
    const after = evaluateCost(second, { previous: before });
    assert.deepStrictEqual(after, evaluateCost(parseArchitecture(withoutCdn)));
    assert.ok(
      after.lineItems.some((line) => line.resource === 'lb' && line.priceKey?.startsWith('dto:')),
      'the load balancer carries the data transfer',
    );
    const third = parseArchitecture(text, { previous: second });
    assert.deepStrictEqual(evaluateCost(third, { previous: after }), evaluateCost(parseArchitecture(text)), 'and gives it back');
  });

  it("reprices a bucket whose replica moved to another region, though the bucket's text did not", () => {
    // The source bucket prices the replication's transfer by the replica's region: a read of
    // another resource that the cache must see change (written, removed to the file's region, moved).
    const text = (replicaRegion: string) =>
      [
        'cloudarch: "1"',
        'name: Replica moves',
        'region: us-east-1',
        'workload:',
        '  storageGrowthGBPerMonth: 100',
        'resources:',
        '  docs:',
        '    type: aws.s3.bucket',
        '    sizeGB: 500',
        '    versioning: true',
        '    replication: { to: docs-dr, kind: CRR }',
        '  docs-dr:',
        '    type: aws.s3.bucket',
        '    sizeGB: 500',
        '    versioning: true',
        ...(replicaRegion === '' ? [] : [`    region: ${replicaRegion}`]),
        '',
      ].join('\n');
    const transfer = (result: ReturnType<typeof evaluateCost>) =>
      result.lineItems
        .filter((line) => line.resource === 'docs' && line.priceKey?.startsWith('dto:'))
        .map((line) => `${line.what} ${line.priceKey}`);
    let previous = parseArchitecture(text('us-east-2'));
    let previousCost = evaluateCost(previous);
    assert.deepEqual(transfer(previousCost), [
      'cross-region replication transfer (us-east-1 to us-east-2) dto:inter-region:us-east-1:us-east-2',
    ]);
    for (const region of ['eu-west-1', '', 'us-east-2']) {
      const doc = parseArchitecture(text(region), { previous });
      assert.equal(doc.resourceByName.get('docs'), previous.resourceByName.get('docs'), 'the source bucket is the same object');
      const cost = evaluateCost(doc, { previous: previousCost });
      assert.deepStrictEqual(cost, evaluateCost(parseArchitecture(text(region))), `replica in ${region || "the file's region"}`);
      previous = doc;
      previousCost = cost;
    }
  });

  it('reprices a resource whose request share changed, though its text did not', () => {
    const routing = readFileSync(join(fixtureDir, 'routing-shares.cloudarch.yaml'), 'utf8');
    const first = parseArchitecture(routing);
    const before = evaluateCost(first);
    const second = parseArchitecture(routing.replace('weights: [3, 1]', 'weights: [1, 1]'), { previous: first });
    assert.equal(second.resourceByName.get('api-canary'), first.resourceByName.get('api-canary'), 'the canary API is the same object');
    const after = evaluateCost(second, { previous: before });
    const canary = (result: typeof before) => result.lineItems.find((line) => line.resource === 'api-canary')!.quantity;
    assert.ok(
      Math.abs(canary(after) - 2 * canary(before)) < 1e-9,
      `a quarter of the traffic becomes a half: ${canary(before)} -> ${canary(after)}`,
    );
  });

  it('reprices a bucket when two workload figures trade digits, though their text run reads the same', () => {
    // dataTransferOutGB 1 and storageGrowthGBPerMonth 23, then 12 and 3: the document-level inputs
    // must be told apart by more than their digits run together ("123" both times). The bucket
    // prices the replicated GB from storageGrowthGBPerMonth; the distribution carries the data transfer.
    const text = (dataTransferOutGB: number, storageGrowthGBPerMonth: number) =>
      [
        'cloudarch: "1"',
        'name: Trading digits',
        'workload:',
        `  dataTransferOutGB: ${dataTransferOutGB}`,
        `  storageGrowthGBPerMonth: ${storageGrowthGBPerMonth}`,
        'resources:',
        '  users:',
        '    type: external.users',
        '    connectsTo: [cdn]',
        '  cdn:',
        '    type: aws.cloudfront.distribution',
        '  docs:',
        '    type: aws.s3.bucket',
        '    sizeGB: 500',
        '    versioning: true',
        '    replication: { to: docs-dr, kind: CRR }',
        '  docs-dr:',
        '    type: aws.s3.bucket',
        '    sizeGB: 500',
        '    versioning: true',
        '    region: eu-west-1',
        '',
      ].join('\n');
    const first = parseArchitecture(text(1, 23));
    const before = evaluateCost(first);
    const second = parseArchitecture(text(12, 3), { previous: first });
    assert.equal(second.resourceByName.get('docs'), first.resourceByName.get('docs'), 'the source bucket is the same object');
    const after = evaluateCost(second, { previous: before });
    const replicated = (result: typeof before) =>
      result.lineItems.find((line) => line.resource === 'docs' && line.what.startsWith('cross-region replication'))?.quantity;
    assert.equal(replicated(before), 23);
    assert.equal(replicated(after), 3, 'the replicated GB follow storageGrowthGBPerMonth');
    assert.ok(
      after.lineItems.some((line) => line.resource === 'cdn' && line.quantity === 12 && line.priceKey?.startsWith('cloudfront:gb')),
    );
    assert.deepStrictEqual(after, evaluateCost(parseArchitecture(second.text)));
  });

  it("gives a custom fix builder's fixes, though the same resources were priced with the default one", () => {
    const doc = parseArchitecture(webShop);
    const withDefault = evaluateCost(doc);
    assert.ok(withDefault.alternatives.length > 0 && withDefault.alternatives.every((a) => a.fix?.title.startsWith('preview: ') !== true));
    const custom = evaluateCost(doc, { fixBuilder: (_resource, _changes, title) => ({ title: `preview: ${title}`, edits: [] }) });
    assert.equal(custom.alternatives.length, withDefault.alternatives.length);
    for (const alternative of custom.alternatives) assert.ok(alternative.fix?.title.startsWith('preview: '), alternative.change);
  });

  it('keeps file order between suggestions of equal saving on names that compare as equal, after an edit of the first', () => {
    // `café` written precomposed and decomposed: two names, equal under localeCompare, so only their
    // place in the file orders their equal suggestions. Editing the first re-inserts its suggestions
    // among the second's, which were kept.
    const text = (imdsv2: string) =>
      [
        'cloudarch: "1"',
        'name: Ties',
        'resources:',
        '  caf\u00e9:',
        '    type: aws.ec2.instance',
        '    instanceType: t3.medium',
        `    imdsv2: ${imdsv2}`,
        '  cafe\u0301:',
        '    type: aws.ec2.instance',
        '    instanceType: t3.medium',
        '',
      ].join('\n');
    const first = parseArchitecture(text('optional'));
    const before = evaluateCost(first);
    const order = (result: typeof before) =>
      result.alternatives.map((a) => `${a.resource === 'caf\u00e9' ? 'first' : 'second'} ${a.change}`);
    const expected = [
      'first purchase: reserved-1y',
      'second purchase: reserved-1y',
      'first purchase: savings-plan-1y',
      'second purchase: savings-plan-1y',
    ];
    assert.deepEqual(order(before), expected);
    const second = parseArchitecture(text('required'), { previous: first });
    assert.equal(second.resourceByName.get('cafe\u0301'), first.resourceByName.get('cafe\u0301'), 'the second instance is the same object');
    const after = evaluateCost(second, { previous: before });
    assert.deepEqual(order(after), expected);
    assert.deepStrictEqual(after, evaluateCost(parseArchitecture(second.text)));
  });
});
