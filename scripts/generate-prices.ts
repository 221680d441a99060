/**
 * Turns the gathered source files under `data/sources/` (see its README) into the hardware
 * catalog and regional price snapshot the cost evaluation reads:
 * `src/model/generated/price-snapshot.ts`. Run with `npm run prices`; `--check` fails (exit 1)
 * when the committed file differs from what the sources give, so CI notices a hand edit.
 *
 * No figure is made up here: every price in the output is a number read from one source file,
 * and every row says which one (by index into `SOURCES`). Where two sources price the same type
 * in the same region, the newer one wins (karpenter's 2026 us-east-1 table over the 2024 scrape).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const sourcesDir = join(root, 'data', 'sources');
const outputFile = join(root, 'src', 'model', 'generated', 'price-snapshot.ts');

/** The regions the snapshot prices; a design in any other region gets borrowed (marked) prices. */
const REGIONS = ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-1', 'ap-northeast-1'] as const;

interface SourceInfo {
  readonly file: string;
  readonly origin: string;
  readonly asOf: string;
}

/** The source files, with their origin and date (the same as data/sources/README.md). */
const SOURCES: readonly SourceInfo[] = [
  {
    file: 'karpenter-ec2-on-demand-us-east-1.csv',
    origin:
      'github:aws/karpenter-provider-aws pkg/providers/pricing/zz_generated.pricing_aws.go @ 6fc13b52 (AWS Price List API, us-east-1 Linux on-demand)',
    asOf: '2026-07-20',
  },
  {
    file: 'ec2instances-info-ec2-regional-2024-04-04.csv',
    origin:
      'github:vantage-sh/ec2instances.info opszero-app/instances.json @ a19cd859 (AWS Price List scrape, Linux on-demand and spot average by region)',
    asOf: '2024-04-04',
  },
  {
    file: 'ec2instances-info-rds-on-demand-2021-08-03.csv',
    origin:
      'github:vantage-sh/ec2instances.info www/rds/instances.json @ 14ede5a5 (AWS Price List scrape, RDS/Aurora on-demand Single-AZ by engine and region)',
    asOf: '2021-08-03',
  },
  {
    file: 'cluster-autoscaler-ec2-instance-types.csv',
    origin:
      'github:kubernetes/autoscaler cluster-autoscaler/cloudprovider/aws/ec2_instance_types.go @ e964265b (generated from the EC2 DescribeInstanceTypes API)',
    asOf: '2026-01-22',
  },
  {
    file: 'karpenter-ec2-bandwidth.csv',
    origin:
      'github:aws/karpenter-provider-aws pkg/providers/instancetype/zz_generated.bandwidth.go @ 7f27b4e8 (baseline network bandwidth, Mbit/s, from the EC2 documentation)',
    asOf: '2026-08-18',
  },
  {
    file: 'previous-catalog-instance-store.csv',
    origin:
      'CloudArch instance-types.ts before 2026-12-03 (instance store sizes hand-transcribed from the AWS instance-type specifications)',
    asOf: '2026-11-27',
  },
  {
    file: 'ec2instances-info-rds-classes-2021-08-03.csv',
    origin: 'github:vantage-sh/ec2instances.info www/rds/instances.json @ 14ede5a5 (RDS instance class hardware)',
    asOf: '2021-08-03',
  },
];

const sourceIndex = (file: string): number => {
  const index = SOURCES.findIndex((source) => source.file === file);
  if (index < 0) throw new Error(`unknown source ${file}`);
  return index;
};

/** Rows of a CSV file (no quoting: the gathered files have none), header checked. */
function readCsv(file: string, header: string): string[][] {
  const text = readFileSync(join(sourcesDir, file), 'utf8');
  const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
  if (lines[0] !== header) throw new Error(`${file}: expected header "${header}", found "${lines[0]}"`);
  return lines.slice(1).map((line, index) => {
    const cells = line.split(',');
    if (cells.length !== header.split(',').length) throw new Error(`${file}:${index + 2}: expected ${header.split(',').length} cells`);
    return cells;
  });
}

function price(text: string, where: string): number | undefined {
  if (text === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${where}: "${text}" is not a price`);
  // A zero on-demand price in these tables means "not sold there", never "free".
  return value > 0 ? value : undefined;
}

// ---------------------------------------------------------------------------------------------
// EC2 hardware
// ---------------------------------------------------------------------------------------------
type Hardware = [
  name: string,
  vcpu: number,
  memoryGiB: number,
  arm64: 0 | 1,
  gpus: number,
  networkMbps: number | null,
  store: [number, number, string] | null,
];

const bandwidth = new Map(
  readCsv('karpenter-ec2-bandwidth.csv', 'instance_type,baseline_megabits').map(([name, mbps]) => [name!, Number(mbps)]),
);
const stores = new Map(
  readCsv('previous-catalog-instance-store.csv', 'instance_type,disks,size_gb_each,media').map(([name, disks, size, media]) => [
    name!,
    [Number(disks), Number(size), media!] as [number, number, string],
  ]),
);
const hardware = new Map<string, Hardware>();
for (const [name, vcpu, memoryMb, gpu, arch] of readCsv(
  'cluster-autoscaler-ec2-instance-types.csv',
  'instance_type,vcpu,memory_mb,gpu,architecture',
)) {
  hardware.set(name!, [
    name!,
    Number(vcpu),
    Math.round((Number(memoryMb) / 1024) * 1000) / 1000,
    arch === 'arm64' ? 1 : 0,
    Number(gpu),
    bandwidth.get(name!) ?? null,
    stores.get(name!) ?? null,
  ]);
}

// ---------------------------------------------------------------------------------------------
// EC2 prices: [on-demand, spot average | null, source of the on-demand figure, source of spot]
// ---------------------------------------------------------------------------------------------
type Ec2Price = [onDemand: number, spot: number | null, onDemandSource: number, spotSource: number | null];
const ec2Prices: Record<string, Record<string, Ec2Price>> = Object.fromEntries(REGIONS.map((region) => [region, {}]));

const scrape = sourceIndex('ec2instances-info-ec2-regional-2024-04-04.csv');
readCsv('ec2instances-info-ec2-regional-2024-04-04.csv', 'instance_type,region,on_demand_usd_per_hour,spot_avg_usd_per_hour').forEach(
  ([name, region, onDemand, spot], index) => {
    const table = ec2Prices[region!];
    if (!table) return;
    const where = `ec2instances-info-ec2-regional-2024-04-04.csv:${index + 2}`;
    const od = price(onDemand!, where);
    if (od === undefined) return;
    const sp = price(spot!, where);
    table[name!] = [od, sp ?? null, scrape, sp === undefined ? null : scrape];
  },
);
const karpenter = sourceIndex('karpenter-ec2-on-demand-us-east-1.csv');
readCsv('karpenter-ec2-on-demand-us-east-1.csv', 'instance_type,usd_per_hour').forEach(([name, usd], index) => {
  const od = price(usd!, `karpenter-ec2-on-demand-us-east-1.csv:${index + 2}`);
  if (od === undefined) return;
  const older = ec2Prices['us-east-1']![name!];
  // The spot average stays the scrape's (karpenter's table has none); the on-demand price is the newer one.
  ec2Prices['us-east-1']![name!] = [od, older?.[1] ?? null, karpenter, older?.[3] ?? null];
});

// A priced type must have hardware to be offered; keep only those (and say how many were dropped).
let droppedNoHardware = 0;
for (const region of REGIONS) {
  for (const name of Object.keys(ec2Prices[region]!)) {
    if (!hardware.has(name)) {
      delete ec2Prices[region]![name];
      droppedNoHardware++;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// RDS / Aurora classes and prices
// ---------------------------------------------------------------------------------------------
type DbClass = [name: string, vcpu: number, memoryGiB: number, network: string];
const dbClasses: DbClass[] = readCsv(
  'ec2instances-info-rds-classes-2021-08-03.csv',
  'db_class,vcpu,memory_gib,network_performance,current_generation',
)
  // Current generation only (the scrape marks db.m1-m4, r3-r4, t1-t2 as previous), and not the
  // Outposts/Custom variants (`.tpc`, `cv11`...), which a design does not name.
  .filter(
    ([name, vcpu, memory, , current]) =>
      current === 'Yes' && Number(vcpu) > 0 && Number(memory) > 0 && !name!.includes('.tpc') && !/^db\.(cv11|mv11|rv11)\./.test(name!),
  )
  .map(([name, vcpu, memory, network]) => [name!, Number(vcpu), Number(memory), network!]);
const knownClasses = new Set(dbClasses.map(([name]) => name));
const rdsSource = sourceIndex('ec2instances-info-rds-on-demand-2021-08-03.csv');
const rdsPrices: Record<string, Record<string, Record<string, number>>> = Object.fromEntries(REGIONS.map((region) => [region, {}]));
readCsv('ec2instances-info-rds-on-demand-2021-08-03.csv', 'db_class,region,engine,on_demand_usd_per_hour').forEach(
  ([name, region, engine, usd], index) => {
    const table = rdsPrices[region!];
    if (!table || !knownClasses.has(name!)) return;
    const od = price(usd!, `ec2instances-info-rds-on-demand-2021-08-03.csv:${index + 2}`);
    if (od === undefined) return;
    (table[name!] ??= {})[engine!] = od;
  },
);

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------
const sortedHardware = [...hardware.values()].sort((a, b) => a[0].localeCompare(b[0]));
const sortedRecord = <T>(record: Record<string, T>): Record<string, T> =>
  Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, record[key]!]),
  );

const lines: string[] = [
  '// GENERATED by scripts/generate-prices.ts from data/sources/ (see its README). Do not edit: run `npm run prices`.',
  '',
  '/** The source files of this snapshot, with their origin and date; rows name them by index. */',
  `export const PRICE_SOURCES: readonly { readonly file: string; readonly origin: string; readonly asOf: string }[] = ${JSON.stringify(SOURCES, null, 2)};`,
  '',
  '/** The regions the snapshot has EC2 and RDS prices for. */',
  `export const PRICED_REGIONS: readonly string[] = ${JSON.stringify(REGIONS)};`,
  '',
  '/** The index into PRICE_SOURCES of the EC2 hardware list, and the date that list was taken. */',
  `export const EC2_HARDWARE_SOURCE = ${sourceIndex('cluster-autoscaler-ec2-instance-types.csv')};`,
  `export const EC2_NETWORK_SOURCE = ${sourceIndex('karpenter-ec2-bandwidth.csv')};`,
  `export const EC2_STORE_SOURCE = ${sourceIndex('previous-catalog-instance-store.csv')};`,
  `export const DB_CLASS_SOURCE = ${sourceIndex('ec2instances-info-rds-classes-2021-08-03.csv')};`,
  '',
  '/** [name, vCPUs, memory GiB, arm64 (1) or x86_64 (0), GPUs, baseline network Mbit/s or null, instance store [disks, GB each, media] or null]. */',
  'export const EC2_HARDWARE: readonly (readonly [string, number, number, 0 | 1, number, number | null, readonly [number, number, string] | null])[] = [',
  ...sortedHardware.map((row) => `  ${JSON.stringify(row)},`),
  '];',
  '',
  '/** Per region, per instance type: [on-demand USD/h, spot average USD/h or null, on-demand source, spot source or null]. */',
  'export const EC2_PRICES: Readonly<Record<string, Readonly<Record<string, readonly [number, number | null, number, number | null]>>>> = {',
  ...REGIONS.flatMap((region) => [
    `  ${JSON.stringify(region)}: {`,
    ...Object.entries(sortedRecord(ec2Prices[region]!)).map(([name, row]) => `    ${JSON.stringify(name)}: ${JSON.stringify(row)},`),
    '  },',
  ]),
  '};',
  '',
  '/** [class, vCPUs, memory GiB, network performance]. */',
  'export const DB_CLASSES: readonly (readonly [string, number, number, string])[] = [',
  ...dbClasses.map((row) => `  ${JSON.stringify(row)},`),
  '];',
  '',
  `/** Source of every RDS price below (index into PRICE_SOURCES). */`,
  `export const RDS_PRICE_SOURCE = ${rdsSource};`,
  '',
  '/** Per region, per class, per engine: on-demand Single-AZ USD per hour. */',
  'export const RDS_PRICES: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, number>>>>>> = {',
  ...REGIONS.flatMap((region) => [
    `  ${JSON.stringify(region)}: {`,
    ...Object.entries(sortedRecord(rdsPrices[region]!)).map(([name, row]) => `    ${JSON.stringify(name)}: ${JSON.stringify(row)},`),
    '  },',
  ]),
  '};',
  '',
];
const output = lines.join('\n');

if (process.argv.includes('--check')) {
  const current = readFileSync(outputFile, 'utf8');
  if (current !== output) {
    console.error(`${outputFile} is not what data/sources gives; run npm run prices`);
    process.exit(1);
  }
  console.log('price snapshot is up to date');
} else {
  writeFileSync(outputFile, output);
  const counts = REGIONS.map(
    (region) => `${region} ${Object.keys(ec2Prices[region]!).length} EC2 / ${Object.keys(rdsPrices[region]!).length} DB classes`,
  );
  console.log(
    `wrote ${outputFile}: ${sortedHardware.length} EC2 types, ${dbClasses.length} DB classes; ${counts.join('; ')}; ${droppedNoHardware} priced rows without hardware dropped`,
  );
}
