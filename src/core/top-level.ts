/**
 * The file's top-level keys, read with the defaults of the format (format.md, "File" and
 * "workload, assumptions, targets"). A value of the wrong kind is reported by the schema check and
 * replaced by its default here, so that evaluations always receive numbers they can use.
 */
import type { ArchDiagnostic, MapEntry, MapNode, Range, TopLevel } from './document';
import { Codes } from './codes';
import { forbiddenKeys } from './yaml-read';
import { plainOf } from './resource-analysis';
import { checkTopLevelSchema } from './schema-check';
import { checkPercentFractions } from './unit-checks';
import { topLevelProperties } from '../model/top-level-keys';
import { findingSeverities } from '../model/severities';

/** The format versions this release reads: `1` and any `1.x`. */
const supportedVersion = /^1(\.\d+)?$/;

export const defaultRegion = 'us-east-1';
export const defaultZones: readonly string[] = ['a', 'b', 'c'];

/** Reads the top level of a file whose root is `root` (undefined for an empty file). */
export function readTopLevel(root: MapNode | undefined, diagnostics: ArchDiagnostic[]): TopLevel {
  const values: Record<string, unknown> = {};
  if (root !== undefined) {
    for (const entry of root.entries) {
      if (entry.key === 'resources' || Object.prototype.hasOwnProperty.call(values, entry.key)) continue;
      if (entry.key === '__proto__' || entry.key === 'constructor' || entry.key === 'prototype') continue;
      values[entry.key] = plainOf(entry.value);
    }
    diagnostics.push(...checkTopLevelSchema(root));
    diagnostics.push(...checkPercentFractions(root, topLevelProperties, undefined));
    checkRequired(root, diagnostics);
    checkZones(root, diagnostics);
  }

  const versionEntry = root?.entries.find((entry) => entry.key === 'cloudarch');
  const versionValue = versionEntry?.value?.kind === 'scalar' ? versionEntry.value.value : undefined;
  // `cloudarch: 1` is a number in YAML; reading it as the string it looks like is what users mean.
  const formatVersion =
    typeof versionValue === 'string'
      ? versionValue
      : typeof versionValue === 'number'
        ? versionEntry!.value!.kind === 'scalar'
          ? (versionEntry!.value as { source: string }).source
          : String(versionValue)
        : undefined;
  if (versionEntry?.value !== undefined && formatVersion !== undefined && !supportedVersion.test(formatVersion)) {
    diagnostics.push({
      code: Codes.unsupportedVersion,
      severity: 'error',
      message: `Format version \`${formatVersion}\` is not supported; this release reads version \`1\` (and \`1.x\`).`,
      range: versionEntry.value.range,
      source: 'cloudarch',
      fixes: [{ title: 'Use format version 1', edits: [{ range: versionEntry.value.range, newText: '"1"' }] }],
    });
  }

  const zones =
    Array.isArray(values.zones) && values.zones.length > 0 && values.zones.every((zone) => typeof zone === 'string')
      ? (values.zones as string[])
      : defaultZones;
  const workload = objectOf(values.workload);
  const assumptions = objectOf(values.assumptions);
  const targets = objectOf(values.targets);
  const maxSeverity = findingSeverities.find((severity) => severity === targets.maxFindingSeverity);
  const availabilityTarget = percentOf(targets.availability);
  const budget = nonNegativeOf(targets.monthlyBudget);
  return {
    formatVersion,
    name: typeof values.name === 'string' ? values.name : typeof values.name === 'number' ? String(values.name) : undefined,
    description: typeof values.description === 'string' ? values.description : undefined,
    region: typeof values.region === 'string' && values.region !== '' ? values.region : defaultRegion,
    zones,
    workload: {
      requestsPerSecond: nonNegativeOf(workload.requestsPerSecond) ?? 0,
      peakRequestsPerSecond: nonNegativeOf(workload.peakRequestsPerSecond) ?? nonNegativeOf(workload.requestsPerSecond) ?? 0,
      dataTransferOutGB: nonNegativeOf(workload.dataTransferOutGB) ?? 0,
      storageGrowthGBPerMonth: nonNegativeOf(workload.storageGrowthGBPerMonth) ?? 0,
    },
    assumptions: {
      zoneAvailability: percentOf(assumptions.zoneAvailability) ?? 99.99,
      regionAvailability: percentOf(assumptions.regionAvailability) ?? 99.999,
      hoursPerMonth: rangeOf(assumptions.hoursPerMonth, 1, 744) ?? 730,
      prices: pricesOf(assumptions.prices),
    },
    targets: {
      ...(availabilityTarget !== undefined ? { availability: availabilityTarget } : {}),
      ...(budget !== undefined ? { monthlyBudget: budget } : {}),
      ...(maxSeverity !== undefined ? { maxFindingSeverity: maxSeverity } : {}),
    },
  };
}

/**
 * The top-level keys written more than once, each later one reported where it is written. Read in
 * pieces, every top-level key is a piece of its own, so no piece's reader sees another's key (the
 * one-piece reader reports these itself, in yaml-read.ts); the first definition is the one read.
 */
export function duplicateTopLevelKeys(entries: readonly MapEntry[]): ArchDiagnostic[] {
  const firstRanges = new Map<string, Range>();
  const diagnostics: ArchDiagnostic[] = [];
  for (const entry of entries) {
    if (forbiddenKeys.has(entry.key)) continue;
    const first = firstRanges.get(entry.key);
    if (first === undefined) {
      firstRanges.set(entry.key, entry.keyRange);
      continue;
    }
    diagnostics.push({
      code: Codes.duplicateKey,
      severity: 'error',
      message: `\`${entry.key}\` is already defined in this map; this later definition is ignored.`,
      range: entry.keyRange,
      source: 'cloudarch',
      related: [{ message: `First definition of \`${entry.key}\``, range: first }],
    });
  }
  return diagnostics;
}

/**
 * The most availability zones an AWS region has: us-east-1 has six (a to f); most regions have three.
 * A design that spreads over more zones than this cannot be deployed in any region.
 */
const mostZonesInARegion = 6;

/** The top-level `zones` list: no more zones than a region has. (A zone listed twice is the schema's to report.) */
function checkZones(root: MapNode, diagnostics: ArchDiagnostic[]): void {
  const list = root.entries.find((entry) => entry.key === 'zones')?.value;
  if (list?.kind !== 'seq') return;
  const zones = new Set(list.items.flatMap((item) => (item.kind === 'scalar' && typeof item.value === 'string' ? [item.value] : [])));
  if (zones.size <= mostZonesInARegion) return;
  diagnostics.push({
    code: Codes.tooManyZones,
    severity: 'warning',
    message: `The design uses ${zones.size} availability zones, but no AWS region has more than six (us-east-1 has \`a\` to \`f\`; most regions have three). Its availability cannot be achieved in any region.`,
    range: list.range,
    source: 'cloudarch',
  });
}

function checkRequired(root: MapNode, diagnostics: ArchDiagnostic[]): void {
  const present = new Set(root.entries.map((entry) => entry.key));
  const missing = ['cloudarch', 'name', 'resources'].filter((key) => !present.has(key));
  if (missing.length === 0) return;
  const first = root.entries[0];
  const range = first?.keyRange ?? root.range;
  for (const key of missing) {
    const example = key === 'cloudarch' ? 'cloudarch: "1"' : key === 'name' ? 'name: My architecture' : 'resources:';
    diagnostics.push({
      code: Codes.missingRequired,
      severity: 'error',
      message: `The file has no \`${key}\`; every architecture needs one (for example \`${example}\`).`,
      range,
      source: 'cloudarch',
      ...(key !== 'resources'
        ? {
            fixes: [
              {
                title: `Add \`${example}\``,
                edits: [{ range: { start: root.range.start, end: root.range.start }, newText: `${example}\n` }],
              },
            ],
          }
        : {}),
    });
  }
}

function objectOf(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function rangeOf(value: unknown, minimum: number, maximum: number): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= minimum && value <= maximum ? value : undefined;
}

function percentOf(value: unknown): number | undefined {
  return rangeOf(value, 0, 100);
}

function nonNegativeOf(value: unknown): number | undefined {
  return rangeOf(value, 0, Number.MAX_VALUE);
}

function pricesOf(value: unknown): Readonly<Record<string, number>> {
  const prices: Record<string, number> = {};
  for (const [key, price] of Object.entries(objectOf(value))) {
    const number = nonNegativeOf(price);
    if (number !== undefined) prices[key] = number;
  }
  return prices;
}
