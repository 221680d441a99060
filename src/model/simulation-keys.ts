/**
 * The format's simulation keys, described once for the schema, completion and hover: the
 * `scenarios:` top-level key and the goals under `targets: simulation:` (docs/format.md).
 */
import type { PropertyDef } from './catalog-types';

const specExamples = ['zone:a@1d+2h', 'zone:b@2d14h+4h', 'region:us-east-1@3d+2h', 'resource:db@1d12h+30m', 'spot@1d', 'spot@1d+2h'];

/** The keys of one scenario. */
export const scenarioProperties: Readonly<Record<string, PropertyDef>> = {
  description: { shape: { kind: 'string' }, description: 'What the scenario rehearses, in a sentence.' },
  duration: {
    shape: {
      kind: 'one-of',
      variants: [
        { kind: 'string', pattern: '^([0-9]+(\\.[0-9]+)?[dhms])+$', examples: ['7d', '36h', '2d12h'] },
        { kind: 'number', minimum: 0 },
      ],
    },
    default: '30d',
    example: '7d',
    description: 'How long to simulate: a time such as `7d`, `36h` or `2d12h`, or a number of days. Default 30 days.',
  },
  seed: {
    shape: { kind: 'number', integer: true, minimum: 0, maximum: 4294967295 },
    default: 1,
    example: 1,
    description:
      'The seed of the random failures: the same file and seed always give the same result, another seed another draw of failures.',
  },
  failures: {
    shape: { kind: 'list', items: { kind: 'string', examples: specExamples } },
    example: ['zone:a@1d+2h'],
    description:
      'Failures to inject, each `KIND[:TARGET]@AT[+FOR]` with times from the start (`1d`, `2d4h`, `90m`): `zone:a@1d+2h` (a zone for two hours), `region:us-east-1@...`, `resource:db@...`, `spot@1d` (every spot unit gets its two-minute notice; `spot@1d+2h` keeps spot capacity away for two hours). Outages last an hour unless `+FOR` says otherwise.',
  },
  surges: {
    shape: { kind: 'list', items: { kind: 'string', examples: ['3x@1d12h+2h', '2x@2d+30m'] } },
    example: ['3x@1d12h+2h'],
    description:
      'Traffic surges, each `FACTORx@AT[+FOR]`: `3x@1d12h+2h` triples the daily curve at noon of day two for two hours (an hour unless `+FOR` says otherwise).',
  },
};

/** `scenarios:`: named simulations saved with the architecture. */
export const scenariosProperty: PropertyDef = {
  shape: { kind: 'map', values: { kind: 'object', properties: scenarioProperties, additionalProperties: false } },
  description:
    'Named simulations saved with the architecture: each gives a `duration`, a `seed`, `failures` and `surges`. Run one with `cloudarch simulate FILE --scenario NAME`.',
};

/** The keys of `targets: simulation:`. */
export const simulationTargetProperties: Readonly<Record<string, PropertyDef>> = {
  maxDroppedPercent: {
    shape: { kind: 'number', minimum: 0, maximum: 100 },
    unit: 'percent',
    example: 0.1,
    description: 'The most requests the simulated run may drop, as a percent of those offered.',
  },
  maxRecoveryMinutes: {
    shape: { kind: 'number', minimum: 0 },
    unit: 'minutes',
    example: 5,
    description: 'How long service may take to be whole again after each injected failure of the run.',
  },
  zoneOutageMaxDroppedPercent: {
    shape: { kind: 'number', minimum: 0, maximum: 100 },
    unit: 'percent',
    example: 1,
    description:
      "The most requests a one-hour outage of any one zone at the daily peak may drop, as a percent of the requests offered meanwhile. Checked by simulating each zone's outage in turn.",
  },
  minObservedAvailability: {
    shape: { kind: 'number', minimum: 0, maximum: 100 },
    unit: 'percent',
    example: 99.9,
    description: 'The least share of the simulated time every entry point must work, in percent.',
  },
};

/** `targets: simulation:`. */
export const simulationTargetsProperty: PropertyDef = {
  shape: { kind: 'object', properties: simulationTargetProperties, additionalProperties: false },
  description: 'Goals the simulator judges (`cloudarch simulate --check-targets` exits with status 2 when one is missed).',
};
