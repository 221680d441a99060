/**
 * Semantic rules that need only one resource and the catalog: EBS volume limits per volume type,
 * Multi-Attach, auto scaling capacities, Multi-AZ zones, instance types and database classes known
 * to the catalog, spot for a lone stateful instance, a public IP in a private subnet.
 * (Rules that look at other resources are in cross-checks.ts.)
 */
import type { PropertyDef, PropertyShape, ResourceTypeDef } from '../model/catalog-types';
import { allDbInstanceClasses, dbInstanceClass } from '../model/db-instance-classes';
import { allInstanceTypes, instanceType } from '../model/instance-types';
import { defaultValue } from '../model/catalog';
import { DYNAMODB_MRSC, EBS_LIMITS, RDS_GP3_BASELINE, type EbsLimits } from '../model/aws-facts';
import type { ArchDiagnostic, FixPayload, MapNode, Range, ResourceNode, ValueNode } from './document';
import type { TextEdit } from 'vscode-languageserver-types';
import { Codes } from './codes';
import { setInMap } from './edits';
import { closestMatches, orList } from './suggest';

/** EBS limits by volume type, from the dated facts of the catalog (src/model/aws-facts.ts). */
export const volumeLimits: Readonly<Record<string, EbsLimits>> = EBS_LIMITS;

/** Types whose single unit holds state that a spot interruption would lose. */
const statefulSingleInstanceTypes = new Set(['aws.ec2.instance']);

interface Ctx {
  readonly resource: ResourceNode;
  readonly diagnostics: ArchDiagnostic[];
}

function entryOf(map: MapNode | undefined, key: string): { keyRange: Range; value: ValueNode | undefined } | undefined {
  return map?.entries.find((entry) => entry.key === key);
}

function numberAt(map: MapNode | undefined, key: string): { value: number; range: Range } | undefined {
  const entry = entryOf(map, key);
  return entry?.value?.kind === 'scalar' && typeof entry.value.value === 'number'
    ? { value: entry.value.value, range: entry.value.range }
    : undefined;
}

function stringAt(map: MapNode | undefined, key: string): { value: string; range: Range } | undefined {
  const entry = entryOf(map, key);
  return entry?.value?.kind === 'scalar' && typeof entry.value.value === 'string'
    ? { value: entry.value.value, range: entry.value.range }
    : undefined;
}

function report(ctx: Ctx, code: string, severity: ArchDiagnostic['severity'], message: string, range: Range, fixes?: FixPayload[]): void {
  ctx.diagnostics.push({
    code,
    severity,
    message,
    range,
    source: 'cloudarch',
    resource: ctx.resource.name,
    ...(fixes && fixes.length > 0 ? { fixes } : {}),
  });
}

/** The properties of an inline volume, found in the type's `volumes` list shape. */
function inlineVolumeProperties(typeDef: ResourceTypeDef): Readonly<Record<string, PropertyDef>> {
  const shape = typeDef.properties.volumes?.shape;
  const items: PropertyShape | undefined = shape?.kind === 'list' ? shape.items : undefined;
  const candidates = items?.kind === 'one-of' ? items.variants : items ? [items] : [];
  const object = candidates.find((candidate) => candidate.kind === 'object');
  return object?.kind === 'object' ? object.properties : {};
}

/** "a gp3 volume", "an io2 volume": the article follows how the name is spoken. */
function aVolume(volumeType: string): string {
  return `${/^(io|st|sc)/.test(volumeType) ? 'An' : 'A'} ${volumeType} volume`;
}

function formatNumber(value: number): string {
  // Whole numbers are grouped by hand: `toLocaleString` goes through Intl, slow in a loop over 10,000 resources.
  if (Number.isSafeInteger(value))
    return String(Math.abs(value))
      .replace(/\B(?=(\d{3})+$)/g, ',')
      .replace(/^/, value < 0 ? '-' : '');
  return value.toLocaleString('en-US');
}

/** Checks one volume description: an `aws.ebs.volume` body or an inline `volumes` item. */
function checkVolume(
  ctx: Ctx,
  map: MapNode,
  ownerKey: Range,
  defaultType: string,
  properties: Readonly<Record<string, PropertyDef>>,
): void {
  const typeAt = stringAt(map, 'volumeType');
  // A type written as something other than text (a number, a list, nothing) names no volume type:
  // the schema check says so, and limits of the default would be about a type the user did not choose.
  if (typeAt === undefined && entryOf(map, 'volumeType') !== undefined) return;
  const volumeType = typeAt?.value ?? defaultType;
  // Messages about a volume type the user did not write name it as the default.
  const defaulted = typeAt === undefined ? ` (\`volumeType\` is not written; the default is ${defaultType})` : '';
  const limits = Object.prototype.hasOwnProperty.call(volumeLimits, volumeType) ? volumeLimits[volumeType] : undefined;
  if (limits === undefined) return;
  // Values outside the bounds every volume type shares are reported once, by the schema check.
  const withinSchema = (key: string): { value: number; range: Range } | undefined => {
    const found = numberAt(map, key);
    const shape = properties[key]?.shape;
    if (found === undefined || shape?.kind !== 'number') return found;
    if ((shape.minimum !== undefined && found.value < shape.minimum) || (shape.maximum !== undefined && found.value > shape.maximum))
      return undefined;
    return found;
  };
  const size = withinSchema('sizeGB');
  const iops = withinSchema('iops');
  const throughput = withinSchema('throughputMBps');
  if (size !== undefined && (size.value < limits.minSize || size.value > limits.maxSize)) {
    report(
      ctx,
      Codes.volumeSizeOutOfRange,
      'error',
      `${aVolume(volumeType)} must be ${formatNumber(limits.minSize)} to ${formatNumber(limits.maxSize)} GiB; \`sizeGB\` is ${formatNumber(size.value)}.`,
      size.range,
    );
  }
  if (iops !== undefined && limits.iops === undefined) {
    const fix: FixPayload = {
      title: 'Switch to gp3 to provision IOPS',
      edits: [typeAt ? { range: typeAt.range, newText: 'gp3' } : setInMap(map, ownerKey, 'volumeType', 'gp3')],
    };
    report(
      ctx,
      Codes.volumeIopsNotSettable,
      'error',
      `IOPS cannot be provisioned on ${aVolume(volumeType).toLowerCase()} (${volumeType === 'gp2' ? 'gp2 performance follows its size' : 'HDD volumes are rated by throughput'}); remove \`iops\` or use gp3, io1 or io2${defaulted}.`,
      iops.range,
      [fix],
    );
  }
  if (limits.iops !== undefined) {
    if (iops === undefined && limits.iops.required && entryOf(map, 'iops') === undefined) {
      report(
        ctx,
        Codes.volumeIopsRequired,
        'error',
        `${aVolume(volumeType)} needs \`iops\`: its performance is provisioned, from ${formatNumber(limits.iops.min)} to ${formatNumber(limits.iops.max)} IOPS.`,
        typeAt?.range ?? ownerKey,
        [
          {
            title: `Provision ${formatNumber(Math.max(limits.iops.min, 3000))} IOPS`,
            edits: [setInMap(map, ownerKey, 'iops', Math.max(limits.iops.min, 3000))],
          },
        ],
      );
    }
    if (iops !== undefined) {
      if (iops.value < limits.iops.min || iops.value > limits.iops.max) {
        report(
          ctx,
          Codes.volumeIopsOutOfRange,
          'error',
          `${aVolume(volumeType)} takes ${formatNumber(limits.iops.min)} to ${formatNumber(limits.iops.max)} IOPS; \`iops\` is ${formatNumber(iops.value)}.`,
          iops.range,
        );
      } else if (size !== undefined && iops.value > size.value * limits.iops.perGiB) {
        report(
          ctx,
          Codes.volumeIopsOutOfRange,
          'error',
          `${aVolume(volumeType)} allows at most ${limits.iops.perGiB} IOPS per GiB: ${formatNumber(iops.value)} IOPS needs at least ${formatNumber(Math.ceil(iops.value / limits.iops.perGiB))} GiB, and \`sizeGB\` is ${formatNumber(size.value)}.`,
          iops.range,
          [
            {
              title: `Grow the volume to ${formatNumber(Math.ceil(iops.value / limits.iops.perGiB))} GiB`,
              edits: [{ range: size.range, newText: String(Math.ceil(iops.value / limits.iops.perGiB)) }],
            },
          ],
        );
      }
    }
  }
  if (throughput !== undefined) {
    if (limits.throughput === undefined) {
      report(
        ctx,
        Codes.volumeThroughputOutOfRange,
        'error',
        `Throughput can only be provisioned on gp3 volumes; ${aVolume(volumeType).toLowerCase()}'s throughput follows its type and size${defaulted}.`,
        throughput.range,
        [
          {
            title: 'Switch to gp3 to provision throughput',
            edits: [typeAt ? { range: typeAt.range, newText: 'gp3' } : setInMap(map, ownerKey, 'volumeType', 'gp3')],
          },
        ],
      );
    } else if (throughput.value < limits.throughput.min || throughput.value > limits.throughput.max) {
      report(
        ctx,
        Codes.volumeThroughputOutOfRange,
        'error',
        `${aVolume(volumeType)} takes ${limits.throughput.min} to ${formatNumber(limits.throughput.max)} MiB/s of throughput; \`throughputMBps\` is ${formatNumber(throughput.value)}.`,
        throughput.range,
      );
    }
  }
  const multiAttach = entryOf(map, 'multiAttach');
  if (multiAttach?.value?.kind === 'scalar' && multiAttach.value.value === true && !limits.multiAttach) {
    const fix: FixPayload = {
      title: 'Switch to io2 (supports Multi-Attach)',
      isPreferred: true,
      edits: [typeAt ? { range: typeAt.range, newText: 'io2' } : setInMap(map, ownerKey, 'volumeType', 'io2')],
    };
    report(
      ctx,
      Codes.multiAttachUnsupported,
      'error',
      `Multi-Attach is only available on io1 and io2 volumes; this volume is ${volumeType}${defaulted}.`,
      multiAttach.value.range,
      [fix],
    );
  }
}

/** Runs every single-resource rule that applies to the resource's type. */
export function checkResourceRules(resource: ResourceNode, typeDef: ResourceTypeDef): ArchDiagnostic[] {
  const ctx: Ctx = { resource, diagnostics: [] };
  const body = resource.body;
  if (body === undefined) return ctx.diagnostics;
  const defaultVolumeType = typeof typeDef.properties.volumeType?.default === 'string' ? typeDef.properties.volumeType.default : 'gp2';

  if (typeDef.id === 'aws.ebs.volume') checkVolume(ctx, body, resource.nameRange, defaultVolumeType, typeDef.properties);
  const volumes = entryOf(body, 'volumes');
  if (volumes?.value?.kind === 'seq' && (typeDef.id === 'aws.ec2.instance' || typeDef.id === 'aws.autoscaling.group')) {
    const inline = inlineVolumeProperties(typeDef);
    for (const item of volumes.value.items) if (item.kind === 'map') checkVolume(ctx, item, volumes.keyRange, 'gp2', inline);
  }

  checkCapacities(ctx, body, typeDef);
  checkClosedService(ctx, body, typeDef);
  if (typeDef.id === 'aws.s3.bucket') checkVersioningNeeds(ctx, body);
  if (typeDef.id === 'aws.rds.instance') checkRdsGp3Baseline(ctx, body);
  if (typeDef.id === 'aws.dynamodb.table') checkStrongConsistencyRegions(ctx, body);
  checkMultiAz(ctx, body, typeDef);
  checkNames(ctx, body, typeDef);
  checkPortRanges(ctx, body);

  const purchase = stringAt(body, 'purchase');
  if (purchase?.value === 'spot' && statefulSingleInstanceTypes.has(typeDef.id)) {
    const count = numberAt(body, 'count')?.value ?? 1;
    if (count <= 1) {
      report(
        ctx,
        Codes.spotStateful,
        'warning',
        `A single spot instance can be reclaimed with two minutes' notice, losing its in-memory state and any instance-store data; use on-demand or reserved capacity for a lone instance, or run several behind a load balancer.`,
        purchase.range,
        [{ title: 'Buy on-demand', edits: [{ range: purchase.range, newText: 'on-demand' }] }],
      );
    }
  }

  const publicIp = entryOf(body, 'publicIp');
  if (publicIp?.value?.kind === 'scalar' && publicIp.value.value === true && typeDef.inVpc) {
    const subnet = stringAt(body, 'subnet');
    if ((subnet?.value ?? 'private') !== 'public') {
      report(
        ctx,
        Codes.publicIpInPrivateSubnet,
        'warning',
        'A public IP is of no use in a private subnet: the subnet has no route to an internet gateway, so nothing reaches the address. Place the resource in `subnet: public`, or drop `publicIp`.',
        publicIp.value.range,
        [
          {
            title: 'Place it in a public subnet',
            edits: [subnet ? { range: subnet.range, newText: 'public' } : setInMap(body, resource.nameRange, 'subnet', 'public')],
          },
        ],
      );
    }
  }

  const instanceStore = entryOf(body, 'instanceStore');
  const typeName = stringAt(body, 'instanceType');
  if (
    instanceStore?.value !== undefined &&
    typeName !== undefined &&
    instanceStore.value.kind === 'scalar' &&
    instanceStore.value.value !== false &&
    instanceStore.value.value !== 0
  ) {
    const hardware = safeInstanceType(typeName.value);
    // A type whose store size the hardware list does not give (m6id...) is not said to have none.
    if (hardware !== undefined && hardware.instanceStore === undefined && hardware.instanceStoreKnown !== false) {
      const withStore = allInstanceTypesSafe()
        .filter((candidate) => candidate.instanceStore !== undefined && candidate.family.startsWith(hardware.family.replace(/d$/, '')))
        .map((candidate) => candidate.name);
      report(
        ctx,
        Codes.instanceStoreUnavailable,
        'error',
        `\`${typeName.value}\` has no instance store.${withStore.length > 0 ? ` Types with local disks include ${orList(withStore.slice(0, 3))}.` : ' Choose a `d` variant (for example m5d) or an i3/i4i type.'}`,
        instanceStore.value.range,
      );
    }
  }
  return ctx.diagnostics;
}

/**
 * A port range such as `8000-8100` in a firewall rule: the schema's pattern accepts any two numbers,
 * so a range written backwards or past 65535 is caught here. Without this check the security rules
 * could not read the rule and would say nothing about it.
 */
function checkPortRanges(ctx: Ctx, body: MapNode): void {
  for (const listKey of ['ingress', 'egress', 'firewall']) {
    const list = entryOf(body, listKey)?.value;
    if (list?.kind !== 'seq') continue;
    for (const item of list.items) {
      if (item.kind !== 'map') continue;
      const port = stringAt(item, 'port');
      const range = port && /^(\d{1,5})-(\d{1,5})$/.exec(port.value);
      if (!port || !range) continue;
      const [low, high] = [Number(range[1]), Number(range[2])];
      if (high > 65535) report(ctx, Codes.invalidValue, 'error', `Port ${high} does not exist: ports run from 0 to 65535.`, port.range);
      else if (low > high) {
        report(
          ctx,
          Codes.invalidValue,
          'error',
          `The port range \`${port.value}\` runs backwards: write the lower port first (\`${high}-${low}\`).`,
          port.range,
          [{ title: `Write it as ${high}-${low}`, edits: [{ range: port.range, newText: `${high}-${low}` }] }],
        );
      }
    }
  }
}

/**
 * `min ≤ desired ≤ max`. Values the user did not write take their catalog defaults (derived from the
 * written ones: `min(1, desired)`, `min`, `max(desired, min)`), which never contradict what is
 * written; a message that mentions a defaulted value says it is a default.
 */
function checkCapacities(ctx: Ctx, body: MapNode, typeDef: ResourceTypeDef): void {
  if (!('min' in typeDef.properties && 'max' in typeDef.properties)) return;
  const min = numberAt(body, 'min');
  const max = numberAt(body, 'max');
  const desired = numberAt(body, 'desired');
  const props = ctx.resource.props;
  const fallback = (key: string): number | undefined => {
    const value = defaultValue(typeDef, key, props);
    return typeof value === 'number' ? value : undefined;
  };
  const minValue = min?.value ?? fallback('min');
  const maxValue = max?.value ?? fallback('max');
  if (minValue === undefined || maxValue === undefined) return;
  const named = (key: string, value: number, written: boolean) => `\`${key}\` (${value}${written ? '' : ', the default'})`;
  if (minValue > maxValue) {
    const range = max?.range ?? min?.range ?? ctx.resource.nameRange;
    report(
      ctx,
      Codes.asgCapacityOrder,
      'error',
      `${named('min', minValue, min !== undefined)} is greater than ${named('max', maxValue, max !== undefined)}; a group needs min ≤ desired ≤ max.`,
      range,
      [
        {
          title: `Set max to ${minValue}`,
          isPreferred: true,
          edits: [max ? { range: max.range, newText: String(minValue) } : setInMap(body, ctx.resource.nameRange, 'max', minValue)],
        },
      ],
    );
    return;
  }
  if (desired !== undefined && (desired.value < minValue || desired.value > maxValue)) {
    const corrected = Math.min(Math.max(desired.value, minValue), maxValue);
    // The defaults follow `desired`, so the bound in the way is always one the user wrote.
    const fixes: FixPayload[] = [
      { title: `Set desired to ${corrected}`, isPreferred: true, edits: [{ range: desired.range, newText: String(corrected) }] },
    ];
    report(
      ctx,
      Codes.asgCapacityOrder,
      'error',
      `\`desired\` (${desired.value}) must lie between ${named('min', minValue, min !== undefined)} and ${named('max', maxValue, max !== undefined)}.`,
      desired.range,
      fixes,
    );
  }
}

function zonesOf(body: MapNode): { zones: string[]; range: Range } | undefined {
  const entry = entryOf(body, 'zones');
  if (entry?.value?.kind !== 'seq') return undefined;
  return {
    zones: entry.value.items.flatMap((item) => (item.kind === 'scalar' && typeof item.value === 'string' ? [item.value] : [])),
    range: entry.value.range,
  };
}

function checkMultiAz(ctx: Ctx, body: MapNode, typeDef: ResourceTypeDef): void {
  const multiAz = entryOf(body, 'multiAZ');
  const zones = zonesOf(body);
  if (multiAz?.value?.kind === 'scalar' && multiAz.value.value === true && zones !== undefined && new Set(zones.zones).size < 2) {
    report(
      ctx,
      Codes.multiAzNeedsTwoZones,
      'error',
      `\`multiAZ: true\` places a standby in a second zone, but \`zones\` lists only ${zones.zones.length === 0 ? 'none' : `\`${zones.zones[0]}\``}; list two zones.`,
      zones.range,
    );
  }
  if (typeDef.id === 'aws.elb.application' && zones !== undefined && new Set(zones.zones).size < 2) {
    report(
      ctx,
      Codes.loadBalancerNeedsTwoZones,
      'error',
      'An Application Load Balancer needs subnets in at least two availability zones; list two zones.',
      zones.range,
    );
  }
}

function safeInstanceType(name: string): ReturnType<typeof instanceType> {
  try {
    return instanceType(name);
  } catch {
    return undefined;
  }
}

function allInstanceTypesSafe(): ReturnType<typeof allInstanceTypes> {
  try {
    return allInstanceTypes();
  } catch {
    return [];
  }
}

/** Instance types and database classes must be ones the catalog knows (it prices and sizes them). */
/** Memo: Per type, the properties that name an instance type or a database instance class. */
const namedSizeProperties = new WeakMap<ResourceTypeDef, [string, PropertyDef][]>();

function checkNames(ctx: Ctx, body: MapNode, typeDef: ResourceTypeDef): void {
  let properties = namedSizeProperties.get(typeDef);
  if (properties === undefined) {
    properties = Object.entries(typeDef.properties).filter(
      ([, def]) => def.shape.kind === 'instance-type' || def.shape.kind === 'db-instance-class',
    );
    namedSizeProperties.set(typeDef, properties);
  }
  for (const [key, def] of properties) {
    const written = stringAt(body, key);
    if (written === undefined || written.value === '') continue;
    const isEc2 = def.shape.kind === 'instance-type';
    const known = isEc2 ? safeInstanceType(written.value) !== undefined : dbInstanceClass(written.value) !== undefined;
    if (known) continue;
    const names = isEc2
      ? allInstanceTypesSafe().map((candidate) => candidate.name)
      : allDbInstanceClasses().map((candidate) => candidate.name);
    if (names.length === 0) continue;
    const close = closestMatches(written.value, names);
    report(
      ctx,
      isEc2 ? Codes.unknownInstanceType : Codes.unknownDbInstanceClass,
      'warning',
      `\`${written.value}\` is not ${isEc2 ? 'an EC2 instance type' : 'a database instance class'} the catalog knows, so it cannot be sized or priced.${close.length > 0 ? ` Did you mean ${orList(close)}?` : ''}`,
      written.range,
      close.map((candidate, order) => ({
        title: `Change to \`${candidate}\``,
        isPreferred: order === 0,
        edits: [{ range: written.range, newText: candidate }],
      })),
    );
  }
}

/** A service closed to new customers: warn, unless the design says the account already uses it. */
function checkClosedService(ctx: Ctx, body: MapNode, typeDef: ResourceTypeDef): void {
  const closed = typeDef.closedToNewCustomers;
  if (closed === undefined) return;
  if (closed.retired) {
    // No fix: nothing in the file can bring a retired service back; the message names the way out.
    report(
      ctx,
      Codes.serviceRetired,
      'warning',
      `${closed.statement} Plan the move to ${closed.alternatives}.`,
      ctx.resource.typeRange ?? ctx.resource.nameRange,
    );
    return;
  }
  const existing = entryOf(body, 'existingCustomer');
  if (existing?.value?.kind === 'scalar' && existing.value.value === true) return;
  report(
    ctx,
    Codes.closedToNewCustomers,
    'warning',
    `${closed.statement} A new design should use ${closed.alternatives} instead. If this account already uses the service, say so with \`existingCustomer: true\`.`,
    ctx.resource.typeRange ?? ctx.resource.nameRange,
    [
      {
        title: 'This account already uses the service (existingCustomer: true)',
        edits: [existing?.value ? { range: existing.value.range, newText: 'true' } : besideType(ctx, body, 'existingCustomer', true)],
      },
    ],
  );
}

/** S3 replication and Object Lock both require versioning on the bucket (S3 rejects the configuration otherwise). */
function checkVersioningNeeds(ctx: Ctx, body: MapNode): void {
  const versioning = entryOf(body, 'versioning');
  if (versioning?.value?.kind === 'scalar' && versioning.value.value === true) return;
  const replication = entryOf(body, 'replication');
  const objectLock = entryOf(body, 'objectLock');
  const needs: { key: string; range: Range }[] = [];
  // Reported in the order the keys appear in the file.
  if (
    replication?.value !== undefined &&
    !(replication.value.kind === 'scalar' && (replication.value.value === null || replication.value.value === false)) &&
    !(replication.value.kind === 'seq' && replication.value.items.length === 0)
  ) {
    needs.push({ key: 'replication', range: replication.keyRange });
  }
  if (objectLock?.value?.kind === 'scalar' && objectLock.value.value === true)
    needs.push({ key: 'Object Lock', range: objectLock.keyRange });
  const fix: FixPayload = {
    title: 'Turn on versioning (versioning: true)',
    isPreferred: true,
    edits: [
      versioning?.value ? { range: versioning.value.range, newText: 'true' } : setInMap(body, ctx.resource.nameRange, 'versioning', true),
    ],
  };
  const state = versioning?.value
    ? 'is off'
    : versioning
      ? 'has no value, so it takes the default `false`'
      : 'is not written, so it takes the default `false`';
  needs.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  for (const need of needs) {
    report(
      ctx,
      Codes.s3VersioningRequired,
      'error',
      `S3 ${need.key} requires versioning on the bucket, and \`versioning\` ${state}.`,
      need.range,
      [fix],
    );
  }
}

/** RDS gp3 storage includes a baseline of IOPS that grows at 400 GiB; provisioning less is rejected. */
function checkRdsGp3Baseline(ctx: Ctx, body: MapNode): void {
  const storage = entryOf(body, 'storage')?.value;
  if (storage?.kind !== 'map') return;
  const typeAt = stringAt(storage, 'volumeType');
  // As for EBS volumes: a type written as something other than text is the schema check's to report.
  if (typeAt === undefined && entryOf(storage, 'volumeType') !== undefined) return;
  const volumeType = typeAt?.value ?? 'gp3';
  const size = numberAt(storage, 'sizeGB');
  const iops = numberAt(storage, 'iops');
  if (volumeType !== 'gp3' || size === undefined || iops === undefined) return;
  if (size.value < RDS_GP3_BASELINE.stripedFromGiB || iops.value >= RDS_GP3_BASELINE.stripedBaselineIops) return;
  const baseline = RDS_GP3_BASELINE.stripedBaselineIops;
  report(
    ctx,
    Codes.rdsGp3IopsBelowBaseline,
    'warning',
    `RDS gp3 storage of ${formatNumber(size.value)} GiB already includes ${formatNumber(baseline)} IOPS (from ${RDS_GP3_BASELINE.stripedFromGiB} GiB RDS stripes it over four volumes); \`iops\` is ${formatNumber(iops.value)}, which RDS rejects. Provision at least ${formatNumber(baseline)} or leave \`iops\` out.`,
    iops.range,
    [
      {
        title: `Provision the baseline (${formatNumber(baseline)} IOPS)`,
        isPreferred: true,
        edits: [{ range: iops.range, newText: String(baseline) }],
      },
    ],
  );
}

/**
 * An edit that adds a line right after the resource's `type:` (block style), so it lands in the
 * resource even when a later line of the body is broken; elsewhere, and when the key is already
 * written (`key:` with no value), it falls back to `setInMap`, which fills in the value rather than
 * adding the key a second time.
 */
function besideType(ctx: Ctx, body: MapNode, key: string, value: boolean): TextEdit {
  const typeEntry = entryOf(body, 'type');
  if (
    body.flow ||
    entryOf(body, key) !== undefined ||
    typeEntry?.value === undefined ||
    typeEntry.value.range.end.line !== typeEntry.keyRange.start.line
  )
    return setInMap(body, ctx.resource.nameRange, key, value);
  return {
    range: { start: typeEntry.value.range.end, end: typeEntry.value.range.end },
    newText: `\n${' '.repeat(typeEntry.keyRange.start.character)}${key}: ${String(value)}`,
  };
}

/** DynamoDB multi-Region strong consistency spans exactly three regions: the table's and two more. */
function checkStrongConsistencyRegions(ctx: Ctx, body: MapNode): void {
  const consistency = stringAt(body, 'globalConsistency');
  if (consistency?.value !== 'strong') return;
  const replicas = entryOf(body, 'globalTables');
  const regions = replicas?.value?.kind === 'seq' ? replicas.value.items : [];
  if (regions.length === 2) return;
  const fixes: FixPayload[] = [];
  if (regions.length > 2 && replicas?.value?.kind === 'seq') {
    const kept = regions
      .slice(0, 2)
      .map((item) => (item.kind === 'scalar' ? String(item.value) : ''))
      .filter((name) => name !== '');
    if (kept.length === 2)
      fixes.push({
        title: `Keep two other regions (${kept.join(', ')})`,
        edits: [{ range: replicas.value.range, newText: `[${kept.join(', ')}]` }],
      });
  }
  fixes.push({
    title: 'Use multi-Region eventual consistency (globalConsistency: eventual)',
    isPreferred: fixes.length === 0,
    edits: [{ range: consistency.range, newText: 'eventual' }],
  });
  const count = regions.length === 0 ? 'no other region' : regions.length === 1 ? 'one other region' : `${regions.length} other regions`;
  report(
    ctx,
    Codes.dynamodbStrongConsistencyRegions,
    'error',
    `Multi-Region strong consistency needs exactly three regions, this table's and two more in \`globalTables\` (a replica or a witness each); \`globalTables\` lists ${count}. ${DYNAMODB_MRSC.statement}`,
    consistency.range,
    fixes,
  );
}
