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
import { simulate, type SimulationOptions, type SimulationResult, type TimelineEvent } from '../../../src/evaluate/simulate';

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

/**
 * Injected events alone, without random failures (they would blur the figures these tests check
 * exactly): two days and four series points of half a day each, unless `options` say otherwise.
 */
export function runInjected(doc: ArchDocument, events: readonly string[], options: SimulationOptions = {}): SimulationResult {
  return simulate(doc, { days: 2, randomFailures: false, seriesPoints: 4, events: specs(...events), ...options });
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
