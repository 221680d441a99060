/**
 * The state of the request path between events, as a user reads it: a failover window whose new
 * writer is lost in it (the note at its end and which unit is the writer), an injected outage of an
 * external resource, and a tier behind a lagging health check that two load balancers reach. One
 * day of flat traffic, injected events alone, so that each figure is worked out in the comments.
 */
import { strict as assert } from 'node:assert';
import type { SimulationResult } from '../../../src/evaluate/simulate';
import {
  designOf,
  fixtureText,
  flatTraffic,
  fourPlaced,
  loadFixture,
  outcomes,
  runOneDay,
  spotNotices,
  spotReplacements,
  timelineLine,
  timelineOf,
} from './spec-helpers';

/** The timeline without the web group's replacements (they do not touch the database's story). */
function notWeb(result: SimulationResult): string[] {
  return result.timeline.events.filter((event) => event.resource !== 'web').map((event) => timelineLine(event));
}

describe('simulate engine: a failover window whose new writer is lost in it', () => {
  // multi-az-db at 300 requests/s: the writer is in a, the standby in b. Zone a fails at 2 h and
  // the database fails over to b; seed 1 draws a window of 94.116 s (to 7,294.116 s), as in
  // engine-state.test.ts. 300 requests/s × 94.116 s ≈ 28,235 dropped.

  it('the writer chosen when the window opens is the writer at its end, if it is back by then', () => {
    // Zone a is back at 7,210 s; b is down from 7,220 s to 7,240 s, inside the window. The window
    // runs its course and ends with the writer it chose, in b, which is usable again.
    const result = runOneDay(loadFixture('multi-az-db'), ['zone:a@2h+10s', 'zone:b@2h20s+20s']);
    assert.deepEqual(notWeb(result), [
      '7200 | injected-start | - | - | Injected: zone:a@2h+10s',
      '7200 | failover-start | db | - | db: the writer is lost; failing over to a unit in b',
      '7200 | system-down | - | - | An entry point stopped working: requests are dropped',
      '7210 | injected-end | - | - | Injected event over: zone:a@2h+10s',
      '7220 | injected-start | - | - | Injected: zone:b@2h20s+20s',
      '7240 | injected-end | - | - | Injected event over: zone:b@2h20s+20s',
      '7294.116 | failover-done | db | - | db: failover complete; the writer is in b',
      '7294.116 | system-up | - | - | Every entry point works again',
    ]);
    assert.equal(result.requests.dropped, Math.round(300 * 94.116));
    assert.equal(result.counts.failovers, 1);
  });

  it('a new writer still lost when the window ends gives way at once to a usable unit, without a second window', () => {
    // Zone a is back at 7,210 s; b is down from 7,220 s for an hour. At the window's end the
    // writer (in b) is not usable and the unit in a is: it is the writer from then on, and the
    // database serves at 7,294.116 s, not when the next event happens to come (the group's
    // replacements at 7,520 s).
    const result = runOneDay(loadFixture('multi-az-db'), ['zone:a@2h+10s', 'zone:b@2h20s+1h']);
    assert.deepEqual(timelineOf(result), [
      '7200 | injected-start | - | - | Injected: zone:a@2h+10s',
      '7200 | failover-start | db | - | db: the writer is lost; failing over to a unit in b',
      '7200 | system-down | - | - | An entry point stopped working: requests are dropped',
      '7210 | injected-end | - | - | Injected event over: zone:a@2h+10s',
      '7220 | injected-start | - | - | Injected: zone:b@2h20s+1h',
      '7294.116 | failover-done | db | - | db: failover complete; the writer is in a',
      '7294.116 | system-up | - | - | Every entry point works again',
      '7520 | unit-replaced | web | a | web: a replacement for a unit of a failed zone is in service in a',
      '7520 | unit-replaced | web | a | web: a replacement for a unit of a failed zone is in service in a',
      '10820 | injected-end | - | - | Injected event over: zone:b@2h20s+1h',
    ]);
    assert.equal(result.requests.dropped, Math.round(300 * 94.116));
    assert.equal(result.counts.failovers, 1);
    assert.equal(result.availability.downtimeMinutes, 1.569);
  });

  it('a window that ends with no unit usable says no "failover complete"; the database serves when a zone returns', () => {
    // Zone a is down from 2 h for two hours, b from 7,230 s for an hour: at the window's end
    // neither unit is usable. The database is down until b returns at 10,830 s:
    // 300 requests/s × 3,630 s = 1,089,000 dropped.
    const result = runOneDay(loadFixture('multi-az-db'), ['zone:a@2h+2h', 'zone:b@2h30s+1h']);
    assert.deepEqual(notWeb(result), [
      '7200 | injected-start | - | - | Injected: zone:a@2h+2h',
      '7200 | failover-start | db | - | db: the writer is lost; failing over to a unit in b',
      '7200 | system-down | - | - | An entry point stopped working: requests are dropped',
      '7230 | injected-start | - | - | Injected: zone:b@2h30s+1h',
      '10830 | injected-end | - | - | Injected event over: zone:b@2h30s+1h',
      '10830 | system-up | - | - | Every entry point works again',
      '14400 | injected-end | - | - | Injected event over: zone:a@2h+2h',
    ]);
    assert.equal(result.requests.dropped, 1_089_000);
    assert.equal(result.counts.failovers, 1);
    assert.equal(result.availability.downtimeMinutes, 60.5);
  });
});

describe('simulate engine: an injected outage of an external resource', () => {
  it('an on-premises database the group depends on, taken out for an hour, drops every request of that hour', () => {
    // docs/format.md: `resource:NAME` takes one resource down, whatever its units and zones; an
    // external resource never fails at random, but an injected outage is the user's own.
    // 600 requests/s × 3,600 s = 2,160,000 dropped.
    const doc = designOf(
      fixtureText('two-zone').replace('connectsTo: [table]', 'connectsTo: [table, legacy]') +
        '  legacy:\n    type: external.onprem-database\n',
    );
    const result = runOneDay(doc, ['resource:legacy@2h+1h']);
    assert.deepEqual(timelineOf(result), [
      '7200 | injected-start | - | - | Injected: resource:legacy@2h+1h',
      '7200 | system-down | - | - | An entry point stopped working: requests are dropped',
      '10800 | injected-end | - | - | Injected event over: resource:legacy@2h+1h',
      '10800 | system-up | - | - | Every entry point works again',
    ]);
    assert.deepEqual(outcomes(result), [['resource:legacy@2h+1h', 2_160_000, 3_600, 3_600]]);
    assert.equal(result.requests.dropped, 2_160_000);
    assert.equal(result.availability.downtimeMinutes, 60);
  });
});

describe('simulate engine: one tier reached by two paths', () => {
  it('a group behind two load balancers loses the health check minute once, not once per load balancer', () => {
    // two-zone at 300 requests/s with a second load balancer in front of the same group. Zone a
    // fails at 2 h: for the health check's minute both load balancers send half the requests to
    // the two lost instances, 150 × 60 = 9,000 dropped; the two in b carry the rest (400/s).
    const text = fixtureText('two-zone')
      .replace('connectsTo: [lb]', 'connectsTo: [lb, lb2]')
      .replace(
        '  web:\n',
        '  lb2:\n    type: aws.elb.application\n    scheme: internet-facing\n    subnet: public\n    zones: [a, b]\n    targets: [web]\n  web:\n',
      );
    const result = runOneDay(designOf(text, flatTraffic(600, 300)), ['zone:a@2h+1h']);
    assert.deepEqual(outcomes(result), [['zone:a@2h+1h', 9_000, 60, 60]]);
    assert.equal(result.requests.dropped, 9_000);
  });
});

describe('simulate engine: a unit launched at the first instant', () => {
  it('spot@0s: the replacements launched at 0 s are not taken for failed targets while they start', () => {
    // The spot fixture's four instances get their notice at 0 s and leave at 120 s; the group
    // launches their replacements at the notice, in service at 300 s. The leaving instances serve
    // until 120 s, nothing serves from 120 s to 300 s: 300 requests/s × 180 s = 54,000 dropped, as
    // for spot@1h. A starting unit is no target the load balancer sends to.
    for (const [event, at] of [
      ['spot@0s', 0],
      ['spot@1h', 3_600],
    ] as const) {
      const result = runOneDay(loadFixture('spot'), [event]);
      assert.deepEqual(timelineOf(result, at), [
        `0 | injected-start | - | - | Injected: ${event}`,
        ...spotNotices(0, fourPlaced),
        '120 | system-down | - | - | An entry point stopped working: requests are dropped',
        ...spotReplacements(300, fourPlaced),
        '300 | system-up | - | - | Every entry point works again',
      ]);
      assert.deepEqual(outcomes(result), [[event, 54_000, 300, 180]]);
      assert.equal(result.requests.dropped, 54_000);
    }
  });
});
