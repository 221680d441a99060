/**
 * The little language of simulated events, shared by `cloudarch simulate --fail SPEC` and the
 * `scenarios:` key (docs/cli.md, docs/format.md): `KIND[:TARGET]@AT[+FOR]`, with times such as
 * `1d`, `2d4h`, `90m` or `30s` counted from the start of the simulation.
 *
 *   zone:b@1d            zone b (of the default region) fails one day in, for the default hour
 *   zone:a@2d+4h         zone a fails two days in, for four hours
 *   zone:us-west-2a@1d   a zone named in full (multi-region designs)
 *   region:us-east-1@3d+2h
 *   resource:db@1d12h+30m
 *   spot@1d              every spot unit gets its two-minute interruption notice one day in
 *   spot@1d+2h           ...and spot capacity stays unavailable for two hours
 *   surge:3x@1d+2h       traffic three times the daily curve, one day in, for two hours
 *
 * Parsing is pure syntax: whether zone b or resource db exists is checked against the document
 * by `checkSpecTargets`. Errors name the part that is wrong, so a long command line is easy to fix.
 */

/** What a spec injects. */
export type SpecKind = 'zone' | 'region' | 'resource' | 'spot' | 'surge';

/** A parsed spec; times in seconds from the start of the simulation. */
export interface SimulationSpec {
  readonly kind: SpecKind;
  /** The zone, region or resource named after the colon (absent for `spot` and `surge`). */
  readonly target?: string;
  /** For `surge`: the multiplier of the traffic curve. */
  readonly factor?: number;
  readonly atSeconds: number;
  /** How long the event lasts; the default when the spec gives none (see `defaultDurationSeconds`). */
  readonly forSeconds: number;
  /** Whether the spec wrote its duration. */
  readonly explicitDuration: boolean;
  /** The spec as written, for reports. */
  readonly text: string;
}

/** A spec that could not be read: the message names the bad part, `part` is where it starts. */
export interface SpecError {
  readonly message: string;
  /** Offset of the offending part inside the spec text. */
  readonly offset: number;
  readonly length: number;
}

/** Durations when a spec gives none: outages and surges last an hour; a spot notice has no length. */
export const defaultDurationSeconds: Readonly<Record<SpecKind, number>> = {
  zone: 3_600,
  region: 3_600,
  resource: 3_600,
  spot: 0,
  surge: 3_600,
};

const unitSeconds: Readonly<Record<string, number>> = { d: 86_400, h: 3_600, m: 60, s: 1 };
const durationPattern = /^(?:\d+(?:\.\d+)?[dhms])+$/;
const durationPart = /(\d+(?:\.\d+)?)([dhms])/g;

/**
 * Reads a duration such as `1d`, `2d4h`, `90m`, `1.5h`; undefined when it is not one.
 * Exported for the `duration:` of a scenario.
 */
export function parseDuration(text: string): number | undefined {
  if (!durationPattern.test(text)) return undefined;
  let seconds = 0;
  for (const match of text.matchAll(durationPart)) seconds += Number(match[1]) * unitSeconds[match[2]!]!;
  return Number.isFinite(seconds) ? seconds : undefined;
}

/** Formats seconds the way specs are written (`1d4h`, `90s`), for reports. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return '0s';
  let rest = Math.round(seconds);
  let out = '';
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    const count = Math.floor(rest / size);
    if (count > 0) {
      out += `${count}${unit}`;
      rest -= count * size;
    }
  }
  // Under half a second rounds to nothing: still a time, not an empty text.
  return out === '' ? '0s' : out;
}

function timeHint(part: string): string {
  if (/^\d+(\.\d+)?$/.test(part)) return `\`${part}\` has no unit: write ${part}d, ${part}h, ${part}m or ${part}s`;
  return `\`${part}\` is not a time: write a number and a unit (d, h, m, s), such as 1d, 2d4h or 90m`;
}

const kinds: readonly SpecKind[] = ['zone', 'region', 'resource', 'spot', 'surge'];

/** Parses one spec; the result is the spec or an error naming its bad part. */
export function parseSimulationSpec(text: string): SimulationSpec | SpecError {
  const spec = text.trim();
  const lead = text.indexOf(spec);
  const fail = (message: string, offset: number, length: number): SpecError => ({
    message: `\`${spec}\`: ${message}`,
    offset: lead + offset,
    length: Math.max(1, length),
  });
  if (spec === '') return fail('empty; write for example zone:b@1d, resource:db@2d+4h or surge:3x@1d+2h', 0, 0);
  const at = spec.indexOf('@');
  if (at < 0) return fail('no `@time`: say when it happens, for example `' + spec + '@1d`', spec.length, 0);
  const head = spec.slice(0, at);
  const when = spec.slice(at + 1);
  const colon = head.indexOf(':');
  const kindText = colon < 0 ? head : head.slice(0, colon);
  const target = colon < 0 ? undefined : head.slice(colon + 1);
  const kind = kinds.find((k) => k === kindText);
  if (kind === undefined)
    return fail(`\`${kindText}\` is not a kind of event: use zone, region, resource, spot or surge`, 0, kindText.length);
  let factor: number | undefined;
  if (kind === 'zone' || kind === 'region' || kind === 'resource') {
    if (target === undefined || target === '') return fail(`\`${kind}\` needs a name: write ${kind}:NAME@TIME`, kindText.length, 1);
    if (!/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(target)) return fail(`\`${target}\` is not a ${kind} name`, colon + 1, target.length);
  } else if (kind === 'surge') {
    const match = target === undefined ? null : /^(\d+(?:\.\d+)?)x$/.exec(target);
    if (target === undefined || target === '') return fail('`surge` needs a factor: write surge:3x@TIME', kindText.length, 1);
    if (match === null)
      return fail(`\`${target}\` is not a traffic factor: write a number followed by x, such as 3x or 1.5x`, colon + 1, target.length);
    factor = Number(match[1]);
    if (!(factor > 0) || factor > 1000)
      return fail(`\`${target}\` is out of range: the factor must be above 0 and at most 1000`, colon + 1, target.length);
  } else if (target !== undefined) {
    return fail(
      '`spot` takes no name: every spot unit is interrupted (write spot@TIME or spot@TIME+FOR)',
      kindText.length,
      target.length + 1,
    );
  }
  const plus = when.indexOf('+');
  const atText = plus < 0 ? when : when.slice(0, plus);
  const forText = plus < 0 ? undefined : when.slice(plus + 1);
  const atOffset = at + 1;
  if (atText === '') return fail('no time after `@`: write for example @1d or @2d4h', atOffset, 0);
  const atSeconds = parseDuration(atText);
  if (atSeconds === undefined) return fail(timeHint(atText), atOffset, atText.length);
  let forSeconds = defaultDurationSeconds[kind];
  if (forText !== undefined) {
    const forOffset = atOffset + atText.length + 1;
    if (forText === '') return fail('no duration after `+`: write for example +4h', forOffset, 0);
    const parsed = parseDuration(forText);
    if (parsed === undefined) return fail(timeHint(forText), forOffset, forText.length);
    if (parsed <= 0 && kind !== 'spot')
      return fail(`\`${forText}\` is no time at all: an outage or surge must last`, forOffset, forText.length);
    forSeconds = parsed;
  }
  return {
    kind,
    ...(target !== undefined && kind !== 'surge' ? { target } : {}),
    ...(factor !== undefined ? { factor } : {}),
    atSeconds,
    forSeconds,
    explicitDuration: forText !== undefined,
    text: spec,
  };
}

/** Whether a parse result is an error. */
export function isSpecError(result: SimulationSpec | SpecError): result is SpecError {
  return 'message' in result;
}

/** What the document offers as targets of specs. */
export interface SpecTargets {
  /** Zone letters of the default region, and full zone names (`us-east-1a`) in use. */
  readonly zones: ReadonlySet<string>;
  readonly regions: ReadonlySet<string>;
  readonly resources: ReadonlySet<string>;
}

/** Checks that a spec's target exists; returns the message, or undefined when it does. */
export function checkSpecTarget(spec: SimulationSpec, targets: SpecTargets): string | undefined {
  if (spec.target === undefined) return undefined;
  const known =
    spec.kind === 'zone'
      ? targets.zones
      : spec.kind === 'region'
        ? targets.regions
        : spec.kind === 'resource'
          ? targets.resources
          : undefined;
  if (known === undefined || known.has(spec.target)) return undefined;
  const listed = [...known]
    .sort((x, y) => x.length - y.length || (x < y ? -1 : x > y ? 1 : 0))
    .slice(0, 12)
    .join(', ');
  return `\`${spec.text}\`: no ${spec.kind} \`${spec.target}\` in this architecture${listed === '' ? '' : ` (${spec.kind === 'zone' ? 'zones in use' : spec.kind === 'region' ? 'regions in use' : 'resources'}: ${listed})`}`;
}
