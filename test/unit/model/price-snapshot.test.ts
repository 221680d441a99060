/**
 * The regional price snapshot is generated from the gathered source files (data/sources), and
 * every figure in it can be traced to one row of one of them: a stale or hand-edited snapshot fails
 * here, and so does a price that no source file gives.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EC2_PRICES, PRICE_SOURCES, PRICED_REGIONS, RDS_PRICES } from '../../../src/model/generated/price-snapshot';
import { ec2RegionalPrice, isPricedRegion } from '../../../src/model/instance-types';
import { dbClassRegionalPrice } from '../../../src/model/db-instance-classes';

const root = join(__dirname, '..', '..', '..');

function csvRows(file: string): string[][] {
  return readFileSync(join(root, 'data', 'sources', file), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.length > 0)
    .map((line) => line.split(','));
}

describe('price snapshot', () => {
  it('is what npm run prices makes of data/sources', function () {
    this.timeout(60_000);
    const result = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/generate-prices.ts', '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, `the snapshot is stale or the generator failed:\n${result.stdout}\n${result.stderr}`);
  });

  it('prices the seven regions the issue names, and says which regions it prices', () => {
    assert.deepEqual(
      [...PRICED_REGIONS],
      ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-1', 'ap-northeast-1'],
    );
    assert.ok(isPricedRegion('eu-west-1'));
    assert.ok(!isPricedRegion('sa-east-1'));
  });

  it('takes every EC2 price from a row of the source it names', () => {
    const karpenter = new Map(csvRows('karpenter-ec2-on-demand-us-east-1.csv').map(([name, usd]) => [name!, Number(usd)]));
    const scrape = new Map(
      csvRows('ec2instances-info-ec2-regional-2024-04-04.csv').map(([name, region, od, spot]) => [
        `${region}/${name}`,
        [Number(od), spot === '' ? null : Number(spot)] as const,
      ]),
    );
    for (const region of PRICED_REGIONS) {
      for (const [name, [onDemand, spot, onDemandSource, spotSource]] of Object.entries(EC2_PRICES[region]!)) {
        const file = PRICE_SOURCES[onDemandSource]!.file;
        if (file.startsWith('karpenter')) assert.equal(onDemand, karpenter.get(name), `${region} ${name}`);
        else assert.equal(onDemand, scrape.get(`${region}/${name}`)?.[0], `${region} ${name}`);
        if (spot !== null) {
          assert.equal(PRICE_SOURCES[spotSource!]!.file, 'ec2instances-info-ec2-regional-2024-04-04.csv');
          assert.equal(spot, scrape.get(`${region}/${name}`)?.[1], `${region} ${name} spot`);
        }
      }
    }
  });

  it('takes every RDS price from a row of the RDS scrape', () => {
    const rows = new Map(
      csvRows('ec2instances-info-rds-on-demand-2021-08-03.csv').map(([name, region, engine, usd]) => [
        `${region}/${name}/${engine}`,
        Number(usd),
      ]),
    );
    for (const region of PRICED_REGIONS) {
      for (const [name, engines] of Object.entries(RDS_PRICES[region]!)) {
        for (const [engine, usd] of Object.entries(engines))
          assert.equal(usd, rows.get(`${region}/${name}/${engine}`), `${region} ${name} ${engine}`);
      }
    }
  });

  it('gives the figures the issue names, with their source and date', () => {
    assert.deepEqual(
      { ...ec2RegionalPrice('m6i.large', 'us-east-1') },
      {
        onDemandUsdPerHour: 0.096,
        source:
          'github:aws/karpenter-provider-aws pkg/providers/pricing/zz_generated.pricing_aws.go @ 6fc13b52 (AWS Price List API, us-east-1 Linux on-demand), as of 2026-07-20',
        spotAvgUsdPerHour: 0.03936,
        spotSource:
          'github:vantage-sh/ec2instances.info opszero-app/instances.json @ a19cd859 (AWS Price List scrape, Linux on-demand and spot average by region), as of 2024-04-04',
      },
    );
    assert.equal(ec2RegionalPrice('r6i.large', 'us-east-1')?.onDemandUsdPerHour, 0.126);
    assert.equal(ec2RegionalPrice('t3.medium', 'eu-west-1')?.onDemandUsdPerHour, 0.0456);
    assert.equal(ec2RegionalPrice('t3.medium', 'us-east-1')?.onDemandUsdPerHour, 0.0416);
    assert.equal(dbClassRegionalPrice('db.t3.medium', 'mysql', 'us-east-1')?.usd, 0.068);
    assert.equal(ec2RegionalPrice('m6i.large', 'sa-east-1'), undefined);
  });
});
