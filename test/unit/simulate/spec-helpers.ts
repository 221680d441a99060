/**
 * Helpers the simulator's tests share: the fixture designs (test/fixtures/simulate), edited and
 * parsed; events written as the CLI's `--event` text; runs of injected events alone; and the
 * result as a user reads it (timeline lines, each injected event's outcome, the counts).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArchDocument } from '../../../src/core/document';
import { parseArchitecture } from '../../../src/core/parse';
import { isSpecError, parseSimulationSpec, type SimulationSpec } from '../../../src/core/simulation-spec';
import {
  simulate,
  SimulationInputError,
  type SimulationOptions,
  type SimulationResult,
  type TimelineEvent,
} from '../../../src/evaluate/simulate';

/** Seconds in a simulated day. */
export const day = 86_400;

/** The text of test/fixtures/simulate/<name>.cloudarch.yaml. */
export function fixtureText(name: string): string {
  return readFileSync(join(__dirname, '..', '..', 'fixtures', 'simulate', `${name}.cloudarch.yaml`), 'utf8');
}

/**
 * `text` with each `[from, to]` edit made, parsed. An edit whose `from` is not there, or a result
 * with an error diagnostic, fails the test: it would otherwise simulate a design it did not mean.
 */
export function designOf(text: string, ...edits: [string, string][]): ArchDocument {
  for (const [from, to] of edits) {
    assert.ok(text.includes(from), from);
    text = text.replace(from, to);
  }
  const doc = parseArchitecture(text);
  assert.deepEqual(
    doc.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message),
    [],
  );
  return doc;
}

/** A fixture design, edited and parsed as `designOf` does. */
export function loadFixture(name: string, ...edits: [string, string][]): ArchDocument {
  return designOf(fixtureText(name), ...edits);
}

/** Each text parsed as a simulation event; a text that does not parse fails the test that wrote it. */
export function specs(...texts: string[]): SimulationSpec[] {
  return texts.map((text) => {
    const spec = parseSimulationSpec(text);
    if (isSpecError(spec)) throw new Error(spec.message);
    return spec;
  });
}

/** Edits that turn a fixture's flat traffic of `from` requests/s (average and peak) into `to`. */
export function flatTraffic(from: number, to: number): [string, string] {
  return [`requestsPerSecond: ${from}\n  peakRequestsPerSecond: ${from}`, `requestsPerSecond: ${to}\n  peakRequestsPerSecond: ${to}`];
}

/** An edit of the spot fixture: its group of four spot instances becomes four spot EC2 instances (repaired in place, never moved). */
export const spotAsInstances: [string, string] = [
  '    type: aws.autoscaling.group\n    instanceType: t3.medium\n    purchase: spot\n    zones: [a, b]\n    min: 4\n    desired: 4\n    max: 4',
  '    type: aws.ec2.instance\n    instanceType: t3.medium\n    purchase: spot\n    zones: [a, b]\n    count: 4',
];

/**
 * two-zone at 300 requests/s with its load balancer over zones a, b and c and its group still over
 * a and b (so that the system can work while neither of the group's zones does), edited further.
 */
export function twoZoneWithThirdLbZone(...edits: [string, string][]): ArchDocument {
  const text = fixtureText('two-zone')
    .replace('zones: [a, b]\nworkload', 'zones: [a, b, c]\nworkload')
    .replace('subnet: public\n    zones: [a, b]', 'subnet: public\n    zones: [a, b, c]');
  return designOf(text, flatTraffic(600, 300), ...edits);
}

/**
 * Injected events alone, without random failures (they would blur the figures these tests check
 * exactly): two days and four series points of half a day each, unless `options` say otherwise.
 */
export function runInjected(doc: ArchDocument, events: readonly string[], options: SimulationOptions = {}): SimulationResult {
  return simulate(doc, { days: 2, randomFailures: false, seriesPoints: 4, events: specs(...events), ...options });
}

/** A fixture, run with its injected events alone as `runInjected` does. */
export function runFixture(name: string, events: readonly string[], options: SimulationOptions = {}): SimulationResult {
  return runInjected(loadFixture(name), events, options);
}

/** Injected events alone, as `runInjected` does, for one day: four series points of six hours each. */
export function runOneDay(doc: ArchDocument, events: readonly string[], options: SimulationOptions = {}): SimulationResult {
  return runInjected(doc, events, { days: 1, ...options });
}

/** A timeline entry as a user reads it: when (seconds after `from`), what, which resource, which zone, the message. */
export function timelineLine(event: TimelineEvent, from = 0): string {
  return [event.at - from, event.kind, event.resource ?? '-', event.zone ?? '-', event.message].join(' | ');
}

/** The timeline as a user reads it, in seconds after `from`; with `kinds`, only the entries of those kinds. */
export function timelineOf(result: SimulationResult, from = 0, kinds?: readonly TimelineEvent['kind'][]): string[] {
  const events = kinds === undefined ? result.timeline.events : result.timeline.events.filter((e) => kinds.includes(e.kind));
  return events.map((event) => timelineLine(event, from));
}

/** Each injected event as [spec, dropped requests, recovery seconds, seconds below the needed capacity]. */
export function outcomes(result: SimulationResult): (string | number | null)[][] {
  return result.injected.map((i) => [i.spec, i.droppedRequests, i.recoverySeconds, i.belowNeededSeconds]);
}

/** The counts of a run in which nothing happened at random; spread it and name what did. */
export const noCounts: SimulationResult['counts'] = {
  unitFailures: 0,
  failovers: 0,
  scaleOuts: 0,
  scaleIns: 0,
  spotInterruptions: 0,
  zoneOutages: 0,
  regionOutages: 0,
};

/** The zones of the four instances of the `spot` and `two-zone` fixtures, in the order they were placed. */
export const fourPlaced: readonly string[] = ['a', 'b', 'a', 'b'];

/** The timeline line of a self-healing group's replacement, in `zone`, for a unit of a failed zone. */
export function movedOut(at: number, zone: string, resource = 'web'): string {
  return `${at} | unit-replaced | ${resource} | ${zone} | ${resource}: a replacement for a unit of a failed zone is in service in ${zone}`;
}

/** The timeline lines of spot interruption notices at `at`, one a unit, for units in `zones` in order. */
export function spotNotices(at: number, zones: readonly string[], resource = 'web'): string[] {
  return zones.map((zone) => `${at} | spot-notice | ${resource} | ${zone} | ${resource}: spot interruption notice for a unit in ${zone}`);
}

/** The timeline lines of replacements for interrupted spot units in service at `at`, in `zones` in order. */
export function spotReplacements(at: number, zones: readonly string[], resource = 'web'): string[] {
  return zones.map(
    (zone) =>
      `${at} | unit-replaced | ${resource} | ${zone} | ${resource}: a replacement for an interrupted spot unit is in service in ${zone}`,
  );
}

/** Asserts that `run` is refused with a `SimulationInputError` saying `message` word for word (a string) or matching it. */
export function assertRefused(run: () => unknown, message: string | RegExp): void {
  assert.throws(
    run,
    (error: unknown) =>
      error instanceof SimulationInputError && (typeof message === 'string' ? error.message === message : message.test(error.message)),
  );
}
