/**
 * The top-level keys of a `.cloudarch.yaml` file (format.md, "File" and "workload, assumptions,
 * targets"), as catalog-style properties: the one definition that the JSON Schema, the validators,
 * the reading of the top level (core/top-level.ts), completion and hover all derive from.
 */
import type { PropertyDef } from './catalog-types';
import { findingSeverities, type FindingSeverity } from './severities';
import { scenariosProperty, simulationTargetsProperty } from './simulation-keys';

function percent(description: string, defaultValue?: number, example?: number): PropertyDef {
  return {
    shape: { kind: 'number', minimum: 0, maximum: 100 },
    unit: 'percent',
    description,
    ...(defaultValue !== undefined ? { default: defaultValue } : {}),
    ...(example !== undefined ? { example } : {}),
  };
}

function nonNegative(description: string, unit: string, defaultValue?: number, example?: number): PropertyDef {
  return {
    shape: { kind: 'number', minimum: 0 },
    unit,
    description,
    ...(defaultValue !== undefined ? { default: defaultValue } : {}),
    ...(example !== undefined ? { example } : {}),
  };
}

/** What each `targets.maxFindingSeverity` value lets fail the target. */
const failsTheTarget: Readonly<Record<FindingSeverity, string>> = {
  critical: 'Only critical findings fail the target.',
  high: 'High and critical findings fail the target.',
  medium: 'Medium and more severe findings fail the target.',
  low: 'Anything but informational findings fails the target.',
  info: 'Every finding fails the target.',
};

/** The keys of the top-level map, in the order a file usually lists them. */
export const topLevelProperties: Readonly<Record<string, PropertyDef>> = {
  cloudarch: {
    shape: { kind: 'string', pattern: '^1(\\.[0-9]+)?$', examples: ['1'] },
    required: true,
    example: '1',
    description: 'The version of the CloudArch format this file is written in: `"1"` (a minor version such as `"1.2"` is also read).',
  },
  name: {
    shape: { kind: 'string', minLength: 1, maxLength: 200 },
    required: true,
    example: 'my-architecture',
    description: 'The name of the architecture, shown as the title of the diagram and of reports.',
  },
  description: {
    shape: { kind: 'string' },
    description: 'Free text describing the architecture: its purpose, its owners, the decisions behind it.',
  },
  region: {
    shape: { kind: 'region' },
    default: 'us-east-1',
    description: 'The AWS region every resource is placed in unless it names its own `region`.',
  },
  zones: {
    shape: { kind: 'list', items: { kind: 'zone' }, minItems: 1, uniqueItems: true },
    default: ['a', 'b', 'c'],
    description: "The availability zones in use in the default region, as letters. Each resource's `zones` must be chosen from these.",
  },
  workload: {
    shape: {
      kind: 'object',
      additionalProperties: false,
      properties: {
        requestsPerSecond: nonNegative('Average requests per second reaching the entry points.', 'requests/s', 0),
        peakRequestsPerSecond: nonNegative(
          'Requests per second at the daily peak; the simulator swings daily between the average and this peak.',
          'requests/s',
          0,
        ),
        dataTransferOutGB: nonNegative('Data sent from AWS to the internet each month, billed as data transfer out.', 'GB/month', 0),
        storageGrowthGBPerMonth: nonNegative('How much stored data grows each month.', 'GB/month', 0),
      },
    },
    description: 'The traffic and data the architecture carries; cost and simulation derive request and transfer charges from it.',
  },
  assumptions: {
    shape: {
      kind: 'object',
      additionalProperties: false,
      properties: {
        zoneAvailability: percent(
          'Probability, in percent, that one availability zone is up; zone failures are treated as independent.',
          99.99,
        ),
        regionAvailability: percent('Probability, in percent, that a region is up.', 99.999),
        hoursPerMonth: {
          shape: { kind: 'number', minimum: 1, maximum: 744 },
          unit: 'hours',
          default: 730,
          description: 'Hours in a month for cost: 730 is the average month that AWS bills by.',
        },
        prices: {
          shape: { kind: 'map', values: { kind: 'number', minimum: 0 } },
          description:
            'Price overrides in USD, keyed as the price table names them (for example `"ec2:t3.medium": 0.0416`). Use them for negotiated discounts.',
        },
      },
    },
    description: 'The knobs of the model: how available zones and regions are, hours per month, and price overrides.',
  },
  targets: {
    shape: {
      kind: 'object',
      additionalProperties: false,
      properties: {
        availability: percent('The availability the design must reach, in percent (for example `99.95`).', undefined, 99.95),
        monthlyBudget: nonNegative('The monthly cost the design must stay within, in USD.', 'USD', undefined, 1000),
        maxFindingSeverity: {
          shape: {
            kind: 'enum',
            values: findingSeverities.map((value) => ({ value, description: failsTheTarget[value] })),
          },
          example: 'medium',
          description: 'The most severe security finding the design may have; anything above it misses the target.',
        },
        simulation: simulationTargetsProperty,
      },
    },
    description:
      'The goals the evaluations are judged against; `cloudarch evaluate --check-targets` exits with status 2 when one is missed.',
  },
  scenarios: scenariosProperty,
  resources: {
    shape: { kind: 'map', values: { kind: 'object', properties: {} } },
    required: true,
    description: 'The resources of the architecture, by name. Names use lowercase letters, digits and hyphens and start with a letter.',
  },
};

/** The keys of a top-level section (`workload`, `assumptions`, `targets`): the properties of its object shape. */
export function sectionKeys(section: string): Readonly<Record<string, PropertyDef>> {
  const shape = Object.prototype.hasOwnProperty.call(topLevelProperties, section) ? topLevelProperties[section]!.shape : undefined;
  return shape?.kind === 'object' ? shape.properties : {};
}

/** The three small maps of the file and their keys (`workload`, `assumptions`, `targets`). */
export const sectionProperties: Readonly<Record<string, Readonly<Record<string, PropertyDef>>>> = {
  workload: sectionKeys('workload'),
  assumptions: sectionKeys('assumptions'),
  targets: sectionKeys('targets'),
};
