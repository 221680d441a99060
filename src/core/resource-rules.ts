/**
 * Semantic rules that need only one resource and the catalog: EBS volume limits per volume type,
 * Multi-Attach, auto scaling capacities, Multi-AZ zones, instance types and database classes known
 * to the catalog, spot for a lone stateful instance, a public IP in a private subnet.
 * (Rules that look at other resources are in cross-checks.ts.)
 */
import type { PropertyDef, PropertyShape, ResourceTypeDef } from '../model/catalog-types';
import { allDbInstanceClasses, dbInstanceClass } from '../model/db-instance-classes';
import { allInstanceTypes, instanceType } from '../model/instance-types';
import type { ArchDiagnostic, FixPayload, MapNode, Range, ResourceNode, ValueNode } from './document';
import { Codes } from './codes';
import { setInMap } from './edits';
import { closestMatches, orList } from './suggest';

/** Per volume type: size in GiB, provisioned IOPS, IOPS per GiB, throughput in MiB/s (AWS EBS limits). */
interface VolumeLimits {
  readonly minSize: number;
  readonly maxSize: number;
  /** Absent when IOPS cannot be provisioned for the type. */
  readonly iops?: { readonly min: number; readonly max: number; readonly perGiB: number; readonly required: boolean };
  /** Absent when throughput cannot be provisioned for the type. */
  readonly throughput?: { readonly min: number; readonly max: number };
  readonly multiAttach: boolean;
}

/** EBS limits by volume type (AWS EBS volume types documentation; io2 per the project's brief). */
export const volumeLimits: Readonly<Record<string, VolumeLimits>> = {
  gp2: { minSize: 1, maxSize: 16384, multiAttach: false },
  gp3: { minSize: 1, maxSize: 16384, iops: { min: 3000, max: 16000, perGiB: 500, required: false }, throughput: { min: 125, max: 1000 }, multiAttach: false },
  io1: { minSize: 4, maxSize: 16384, iops: { min: 100, max: 64000, perGiB: 50, required: true }, multiAttach: true },
  io2: { minSize: 4, maxSize: 16384, iops: { min: 100, max: 256000, perGiB: 500, required: true }, multiAttach: true },
  st1: { minSize: 125, maxSize: 16384, multiAttach: false },
  sc1: { minSize: 125, maxSize: 16384, multiAttach: false },
};

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
  return entry?.value?.kind === 'scalar' && typeof entry.value.value === 'number' ? { value: entry.value.value, range: entry.value.range } : undefined;
}

function stringAt(map: MapNode | undefined, key: string): { value: string; range: Range } | undefined {
  const entry = entryOf(map, key);
  return entry?.value?.kind === 'scalar' && typeof entry.value.value === 'string' ? { value: entry.value.value, range: entry.value.range } : undefined;
}

function report(ctx: Ctx, code: string, severity: ArchDiagnostic['severity'], message: string, range: Range, fixes?: FixPayload[]): void {
  ctx.diagnostics.push({ code, severity, message, range, source: 'cloudarch', resource: ctx.resource.name, ...(fixes && fixes.length > 0 ? { fixes } : {}) });
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
  if (Number.isSafeInteger(value)) return String(Math.abs(value)).replace(/\B(?=(\d{3})+$)/g, ',').replace(/^/, value < 0 ? '-' : '');
  return value.toLocaleString('en-US');
}

/** Checks one volume description: an `aws.ebs.volume` body or an inline `volumes` item. */
function checkVolume(ctx: Ctx, map: MapNode, ownerKey: Range, defaultType: string, properties: Readonly<Record<string, PropertyDef>>): void {
  const typeAt = stringAt(map, 'volumeType');
  const volumeType = typeAt?.value ?? defaultType;
  const limits = Object.prototype.hasOwnProperty.call(volumeLimits, volumeType) ? volumeLimits[volumeType] : undefined;
  if (limits === undefined) return;
  // Values outside the bounds every volume type shares are reported once, by the schema check.
  const withinSchema = (key: string): { value: number; range: Range } | undefined => {
    const found = numberAt(map, key);
    const shape = properties[key]?.shape;
    if (found === undefined || shape?.kind !== 'number') return found;
    if ((shape.minimum !== undefined && found.value < shape.minimum) || (shape.maximum !== undefined && found.value > shape.maximum)) return undefined;
    return found;
  };
  const size = withinSchema('sizeGB');
  const iops = withinSchema('iops');
  const throughput = withinSchema('throughputMBps');
  if (size !== undefined && (size.value < limits.minSize || size.value > limits.maxSize)) {
    report(ctx, Codes.volumeSizeOutOfRange, 'error', `${aVolume(volumeType)} must be ${formatNumber(limits.minSize)} to ${formatNumber(limits.maxSize)} GiB; \`sizeGB\` is ${formatNumber(size.value)}.`, size.range);
  }
  if (iops !== undefined && limits.iops === undefined) {
    const fix: FixPayload = { title: 'Switch to gp3 to provision IOPS', edits: [typeAt ? { range: typeAt.range, newText: 'gp3' } : setInMap(map, ownerKey, 'volumeType', 'gp3')] };
    report(ctx, Codes.volumeIopsNotSettable, 'error', `IOPS cannot be provisioned on ${aVolume(volumeType).toLowerCase()} (${volumeType === 'gp2' ? 'gp2 performance follows its size' : 'HDD volumes are rated by throughput'}); remove \`iops\` or use gp3, io1 or io2.`, iops.range, [fix]);
  }
  if (limits.iops !== undefined) {
    if (iops === undefined && limits.iops.required && entryOf(map, 'iops') === undefined) {
      report(ctx, Codes.volumeIopsRequired, 'error', `${aVolume(volumeType)} needs \`iops\`: its performance is provisioned, from ${formatNumber(limits.iops.min)} to ${formatNumber(limits.iops.max)} IOPS.`, typeAt?.range ?? ownerKey, [
        { title: `Provision ${formatNumber(Math.max(limits.iops.min, 3000))} IOPS`, edits: [setInMap(map, ownerKey, 'iops', Math.max(limits.iops.min, 3000))] },
      ]);
    }
    if (iops !== undefined) {
      if (iops.value < limits.iops.min || iops.value > limits.iops.max) {
        report(ctx, Codes.volumeIopsOutOfRange, 'error', `${aVolume(volumeType)} takes ${formatNumber(limits.iops.min)} to ${formatNumber(limits.iops.max)} IOPS; \`iops\` is ${formatNumber(iops.value)}.`, iops.range);
      } else if (size !== undefined && iops.value > size.value * limits.iops.perGiB) {
        report(
          ctx,
          Codes.volumeIopsOutOfRange,
          'error',
          `${aVolume(volumeType)} allows at most ${limits.iops.perGiB} IOPS per GiB: ${formatNumber(iops.value)} IOPS needs at least ${formatNumber(Math.ceil(iops.value / limits.iops.perGiB))} GiB, and \`sizeGB\` is ${formatNumber(size.value)}.`,
          iops.range,
          [{ title: `Grow the volume to ${formatNumber(Math.ceil(iops.value / limits.iops.perGiB))} GiB`, edits: [{ range: size.range, newText: String(Math.ceil(iops.value / limits.iops.perGiB)) }] }],
        );
      }
    }
  }
  if (throughput !== undefined) {
    if (limits.throughput === undefined) {
      report(ctx, Codes.volumeThroughputOutOfRange, 'error', `Throughput can only be provisioned on gp3 volumes; ${aVolume(volumeType).toLowerCase()}'s throughput follows its type and size.`, throughput.range);
    } else if (throughput.value < limits.throughput.min || throughput.value > limits.throughput.max) {
      report(ctx, Codes.volumeThroughputOutOfRange, 'error', `${aVolume(volumeType)} takes ${limits.throughput.min} to ${formatNumber(limits.throughput.max)} MiB/s of throughput; \`throughputMBps\` is ${formatNumber(throughput.value)}.`, throughput.range);
    }
  }
  const multiAttach = entryOf(map, 'multiAttach');
  if (multiAttach?.value?.kind === 'scalar' && multiAttach.value.value === true && !limits.multiAttach) {
    const fix: FixPayload = { title: 'Switch to io2 (supports Multi-Attach)', isPreferred: true, edits: [typeAt ? { range: typeAt.range, newText: 'io2' } : setInMap(map, ownerKey, 'volumeType', 'io2')] };
    report(ctx, Codes.multiAttachUnsupported, 'error', `Multi-Attach is only available on io1 and io2 volumes; this volume is ${volumeType}.`, multiAttach.value.range, [fix]);
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
  checkMultiAz(ctx, body, typeDef);
  checkNames(ctx, body, typeDef);

  const purchase = stringAt(body, 'purchase');
  if (purchase?.value === 'spot' && statefulSingleInstanceTypes.has(typeDef.id)) {
    const count = numberAt(body, 'count')?.value ?? 1;
    if (count <= 1) {
      report(ctx, Codes.spotStateful, 'warning', `A single spot instance can be reclaimed with two minutes' notice, losing its in-memory state and any instance-store data; use on-demand or reserved capacity for a lone instance, or run several behind a load balancer.`, purchase.range, [
        { title: 'Buy on-demand', edits: [{ range: purchase.range, newText: 'on-demand' }] },
      ]);
    }
  }

  const publicIp = entryOf(body, 'publicIp');
  if (publicIp?.value?.kind === 'scalar' && publicIp.value.value === true && typeDef.inVpc) {
    const subnet = stringAt(body, 'subnet');
    if ((subnet?.value ?? 'private') !== 'public') {
      report(ctx, Codes.publicIpInPrivateSubnet, 'warning', 'A public IP is of no use in a private subnet: the subnet has no route to an internet gateway, so nothing reaches the address. Place the resource in `subnet: public`, or drop `publicIp`.', publicIp.value.range, [
        { title: 'Place it in a public subnet', edits: [subnet ? { range: subnet.range, newText: 'public' } : setInMap(body, resource.nameRange, 'subnet', 'public')] },
      ]);
    }
  }

  const instanceStore = entryOf(body, 'instanceStore');
  const typeName = stringAt(body, 'instanceType');
  if (instanceStore?.value !== undefined && typeName !== undefined && instanceStore.value.kind === 'scalar' && instanceStore.value.value !== false && instanceStore.value.value !== 0) {
    const hardware = safeInstanceType(typeName.value);
    if (hardware !== undefined && hardware.instanceStore === undefined) {
      const withStore = allInstanceTypesSafe().filter((candidate) => candidate.instanceStore !== undefined && candidate.family.startsWith(hardware.family.replace(/d$/, ''))).map((candidate) => candidate.name);
      report(ctx, Codes.instanceStoreUnavailable, 'error', `\`${typeName.value}\` has no instance store.${withStore.length > 0 ? ` Types with local disks include ${orList(withStore.slice(0, 3))}.` : ' Choose a `d` variant (for example m5d) or an i3/i4i type.'}`, instanceStore.value.range);
    }
  }
  return ctx.diagnostics;
}

function checkCapacities(ctx: Ctx, body: MapNode, typeDef: ResourceTypeDef): void {
  if (!('min' in typeDef.properties && 'max' in typeDef.properties)) return;
  const min = numberAt(body, 'min');
  const max = numberAt(body, 'max');
  const desired = numberAt(body, 'desired');
  const minValue = min?.value ?? (typeof typeDef.properties.min?.default === 'number' ? typeDef.properties.min.default : undefined);
  const maxValue = max?.value ?? (typeof typeDef.properties.max?.default === 'number' ? typeDef.properties.max.default : undefined);
  if (minValue === undefined || maxValue === undefined) return;
  if (minValue > maxValue) {
    const range = max?.range ?? min?.range ?? ctx.resource.nameRange;
    report(ctx, Codes.asgCapacityOrder, 'error', `\`min\` (${minValue}) is greater than \`max\` (${maxValue}); a group needs min ≤ desired ≤ max.`, range, [
      { title: `Set max to ${minValue}`, isPreferred: true, edits: [max ? { range: max.range, newText: String(minValue) } : setInMap(body, ctx.resource.nameRange, 'max', minValue)] },
    ]);
    return;
  }
  if (desired !== undefined && (desired.value < minValue || desired.value > maxValue)) {
    const corrected = Math.min(Math.max(desired.value, minValue), maxValue);
    report(ctx, Codes.asgCapacityOrder, 'error', `\`desired\` (${desired.value}) must lie between \`min\` (${minValue}) and \`max\` (${maxValue}).`, desired.range, [
      { title: `Set desired to ${corrected}`, isPreferred: true, edits: [{ range: desired.range, newText: String(corrected) }] },
    ]);
  }
}

function zonesOf(body: MapNode): { zones: string[]; range: Range } | undefined {
  const entry = entryOf(body, 'zones');
  if (entry?.value?.kind !== 'seq') return undefined;
  return { zones: entry.value.items.flatMap((item) => (item.kind === 'scalar' && typeof item.value === 'string' ? [item.value] : [])), range: entry.value.range };
}

function checkMultiAz(ctx: Ctx, body: MapNode, typeDef: ResourceTypeDef): void {
  const multiAz = entryOf(body, 'multiAZ');
  const zones = zonesOf(body);
  if (multiAz?.value?.kind === 'scalar' && multiAz.value.value === true && zones !== undefined && new Set(zones.zones).size < 2) {
    report(ctx, Codes.multiAzNeedsTwoZones, 'error', `\`multiAZ: true\` places a standby in a second zone, but \`zones\` lists only ${zones.zones.length === 0 ? 'none' : `\`${zones.zones[0]}\``}; list two zones.`, zones.range);
  }
  if (typeDef.id === 'aws.elb.application' && zones !== undefined && new Set(zones.zones).size < 2) {
    report(ctx, Codes.loadBalancerNeedsTwoZones, 'error', 'An Application Load Balancer needs subnets in at least two availability zones; list two zones.', zones.range);
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
    properties = Object.entries(typeDef.properties).filter(([, def]) => def.shape.kind === 'instance-type' || def.shape.kind === 'db-instance-class');
    namedSizeProperties.set(typeDef, properties);
  }
  for (const [key, def] of properties) {
    const written = stringAt(body, key);
    if (written === undefined || written.value === '') continue;
    const isEc2 = def.shape.kind === 'instance-type';
    const known = isEc2 ? safeInstanceType(written.value) !== undefined : dbInstanceClass(written.value) !== undefined;
    if (known) continue;
    const names = isEc2 ? allInstanceTypesSafe().map((candidate) => candidate.name) : allDbInstanceClasses().map((candidate) => candidate.name);
    if (names.length === 0) continue;
    const close = closestMatches(written.value, names);
    report(
      ctx,
      isEc2 ? Codes.unknownInstanceType : Codes.unknownDbInstanceClass,
      'warning',
      `\`${written.value}\` is not ${isEc2 ? 'an EC2 instance type' : 'a database instance class'} the catalog knows, so it cannot be sized or priced.${close.length > 0 ? ` Did you mean ${orList(close)}?` : ''}`,
      written.range,
      close.map((candidate, order) => ({ title: `Change to \`${candidate}\``, isPreferred: order === 0, edits: [{ range: written.range, newText: candidate }] })),
    );
  }
}
