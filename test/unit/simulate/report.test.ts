/**
 * The simulation report as the terminal and a pull request show it (`cloudarch simulate` text and
 * Markdown), line for line: once for a real run (a capped group under a surge, then a zone outage,
 * with its targets judged), once for a result built by hand to reach every other wording (no
 * interval, no analytic figure, an outage not recovered, an event without impact, a long timeline,
 * a target missed, text that would break a Markdown table).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArchitecture } from '../../../src/core/parse';
import { checkSimulationTargets, simulate, type SimulationResult, type SimulationTargetResult } from '../../../src/evaluate/simulate';
import { simulationMarkdown, simulationText } from '../../../src/evaluate/simulate/report';
import { specs } from './spec-helpers';

const folder = join(__dirname, '..', '..', 'fixtures', 'simulate');

function cappedRun(): { result: SimulationResult; targets: SimulationTargetResult[] } {
  const doc = parseArchitecture(readFileSync(join(folder, 'capped.cloudarch.yaml'), 'utf8'));
  const options = { days: 2, randomFailures: false };
  const result = simulate(doc, { ...options, events: specs('surge:5x@1d+1h', 'zone:a@1d6h+30m') });
  const targets = checkSimulationTargets(doc, result, (events) => simulate(doc, { ...options, events }));
  return { result, targets };
}

/** A result no run gives, to reach each wording: every field is what a report prints. */
function handMade(): SimulationResult {
  const events = Array.from({ length: 27 }, (_, i) => ({
    at: i * 3_661 + 86_400 * (i === 26 ? 9 : 0),
    kind: 'unit-failed' as const,
    resource: 'web',
    message: i === 0 ? 'web | api: a unit\nfailed' : `event ${i}`,
  }));
  return {
    seed: 12,
    days: 10,
    stepSeconds: 300,
    requests: { offered: 1_234_567.4, served: 1_200_000, dropped: 34_567, droppedPercent: 2.8 },
    availability: { observedPercent: 99.5, ci95: null, analyticPercent: null, servedPercent: 97.2, downtimeMinutes: 72 },
    capacity: { belowNeededSeconds: 90_061, belowNeededPercent: 10.4 },
    cost: { accruedUSD: 1_234.5, monthlyEquivalentUSD: 3_703.5, staticMonthlyUSD: null },
    injected: [
      {
        spec: 'zone:a@1d',
        kind: 'zone',
        startSeconds: 86_400,
        endSeconds: 90_000,
        droppedRequests: 1_500,
        droppedPercent: 0.5,
        recoverySeconds: null,
        belowNeededSeconds: 0,
      },
      {
        spec: 'surge:2x@2d+1h',
        kind: 'surge',
        startSeconds: 172_800,
        endSeconds: 176_400,
        droppedRequests: 0,
        droppedPercent: 0,
        recoverySeconds: 0,
        belowNeededSeconds: 0,
      },
    ],
    timeline: { events, omitted: 3 },
    series: { intervalSeconds: 86_400, time: [], load: [], capacity: [], dropped: [], cost: [], healthyUnitsByZone: {} },
    counts: { unitFailures: 27, failovers: 2, scaleOuts: 3, scaleIns: 4, spotInterruptions: 5, zoneOutages: 6, regionOutages: 7 },
    unitCapacity: {},
    assumptions: {},
  };
}

const missed: SimulationTargetResult[] = [
  { target: 'maxRecoveryMinutes', met: false, expected: 5, actual: -1, message: 'Not recovered | at all.' },
];

describe('simulate report: a real run', () => {
  // 1,000/s for the hour of the surge on at most 600/s: 1,514,000 of its 3,600,000 requests dropped
  // (42.0556%); the zone outage drops half the load for the health check's minute, 6,000 of the
  // 360,000 requests of its half hour.
  it('the terminal report', () => {
    const { result, targets } = cappedRun();
    assert.equal(
      simulationText(result, 'capped.cloudarch.yaml', targets),
      [
        'capped.cloudarch.yaml: simulated 2 days (seed 1, 60 s steps)',
        '',
        'Requests     37,440,000 offered, 35,920,000 served, 1,520,000 dropped (4.059829%)',
        'Availability 100% observed (95% interval 100-100%); analytic 99.976401%; 0 minutes down',
        'Capacity     below the load for 1h1m (2.118056% of the time)',
        'Cost         $12.53 accrued, $190.59 a month at this rate; static estimate $189.83 a month',
        'Events       0 unit failures, 0 failovers, 1 scale-outs, 1 scale-ins, 0 spot interruptions, 0 zone and 0 region outages at random',
        '',
        'Injected',
        '  surge:5x@1d+1h   1,514,000 dropped (42.0556%), recovered after 1h, below the load for 1h',
        '  zone:a@1d6h+30m  6,000 dropped (1.6667%), recovered after 1m, below the load for 1m',
        '',
        'Targets',
        '  met    maxDroppedPercent: 4.059829% of requests dropped in the simulated 2 days; the target allows 5%.',
        '  met    zoneOutageMaxDroppedPercent: A one-hour outage of zone a at the daily peak drops 0.8333% of the requests offered meanwhile; the target allows 1%.',
        '',
        'Timeline',
        '  day 2 00:00:00  Injected: surge:5x@1d+1h',
        '  day 2 00:02:00  web: scaling out from 2 to 3 units (in service after 300 s)',
        '  day 2 01:00:00  Injected event over: surge:5x@1d+1h',
        '  day 2 01:14:00  web: scaling in from 3 to 2 units',
        '  day 2 06:00:00  Injected: zone:a@1d6h+30m',
        '  day 2 06:05:00  web: a replacement for a unit of a failed zone is in service in b',
        '  day 2 06:30:00  Injected event over: zone:a@1d6h+30m',
        '',
      ].join('\n'),
    );
  });

  it('the Markdown report', () => {
    const { result, targets } = cappedRun();
    assert.equal(
      simulationMarkdown(result, 'capped.cloudarch.yaml', targets),
      [
        '# Simulation of `capped.cloudarch.yaml`',
        '',
        '2 simulated days, seed 1, 60-second steps.',
        '',
        '| | |',
        '| --- | --- |',
        '| Requests | 37,440,000 offered, 35,920,000 served, 1,520,000 dropped (4.059829%) |',
        '| Availability | 100% observed (95% interval 100-100%); analytic 99.976401%; 0 minutes down |',
        '| Capacity | below the load for 1h1m (2.118056% of the time) |',
        '| Cost | $12.53 accrued, $190.59 a month at this rate; static estimate $189.83 a month |',
        '| Events | 0 unit failures, 0 failovers, 1 scale-outs, 1 scale-ins, 0 spot interruptions, 0 zone and 0 region outages at random |',
        '',
        '## Injected events',
        '',
        '| event | dropped | dropped % | recovery | below the load |',
        '| --- | ---: | ---: | --- | --- |',
        '| `surge:5x@1d+1h` | 1,514,000 | 42.0556 | recovered after 1h | 1h |',
        '| `zone:a@1d6h+30m` | 6,000 | 1.6667 | recovered after 1m | 1m |',
        '',
        '## Targets',
        '',
        '| target | result | detail |',
        '| --- | --- | --- |',
        '| `maxDroppedPercent` | met | 4.059829% of requests dropped in the simulated 2 days; the target allows 5%. |',
        '| `zoneOutageMaxDroppedPercent` | met | A one-hour outage of zone a at the daily peak drops 0.8333% of the requests offered meanwhile; the target allows 1%. |',
        '',
        '## Timeline',
        '',
        '| when | what |',
        '| --- | --- |',
        '| day 2 00:00:00 | Injected: surge:5x@1d+1h |',
        '| day 2 00:02:00 | web: scaling out from 2 to 3 units (in service after 300 s) |',
        '| day 2 01:00:00 | Injected event over: surge:5x@1d+1h |',
        '| day 2 01:14:00 | web: scaling in from 3 to 2 units |',
        '| day 2 06:00:00 | Injected: zone:a@1d6h+30m |',
        '| day 2 06:05:00 | web: a replacement for a unit of a failed zone is in service in b |',
        '| day 2 06:30:00 | Injected event over: zone:a@1d6h+30m |',
        '',
      ].join('\n'),
    );
  });
});

describe('simulate report: every other wording', () => {
  const timelineText = Array.from({ length: 25 }, (_, i) => {
    // Each an hour, a minute and a second after the one before: day 1 00:00:00, 01:01:01, ...,
    // 23:23:23, then day 2 00:24:24.
    const seconds = i * 3_661;
    const day = Math.floor(seconds / 86_400);
    const rest = seconds - day * 86_400;
    const clock = [Math.floor(rest / 3_600), Math.floor((rest % 3_600) / 60), rest % 60].map((n) => String(n).padStart(2, '0'));
    return { clock: `day ${day + 1} ${clock.join(':')}`, message: i === 0 ? 'web | api: a unit\nfailed' : `event ${i}` };
  });

  it('the terminal report: no interval, no analytic figure, an outage not recovered, a target missed, 25 of 30 events', () => {
    assert.deepEqual([timelineText[23]!.clock, timelineText[24]!.clock], ['day 1 23:23:23', 'day 2 00:24:24']);
    const text = simulationText(handMade(), 'a|b.cloudarch.yaml', missed);
    assert.equal(
      text,
      [
        'a|b.cloudarch.yaml: simulated 10 days (seed 12, 300 s steps)',
        '',
        'Requests     1,234,567 offered, 1,200,000 served, 34,567 dropped (2.8%)',
        'Availability 99.5% observed; 72 minutes down',
        'Capacity     below the load for 1d1h1m1s (10.4% of the time)',
        'Cost         $1,234.50 accrued, $3,703.50 a month at this rate',
        'Events       27 unit failures, 2 failovers, 3 scale-outs, 4 scale-ins, 5 spot interruptions, 6 zone and 7 region outages at random',
        '',
        'Injected',
        '  zone:a@1d       1,500 dropped (0.5%), not recovered by the end, below the load for 0s',
        '  surge:2x@2d+1h  0 dropped (0%), no impact, below the load for 0s',
        '',
        'Targets',
        '  MISSED maxRecoveryMinutes: Not recovered | at all.',
        '',
        'Timeline (first 25; 5 more in --format json)',
        ...timelineText.map((entry) => `  ${entry.clock}  ${entry.message}`),
        '',
      ].join('\n'),
    );
  });

  it('the Markdown report escapes what would break its tables, and says how many events it left out', () => {
    const markdown = simulationMarkdown(handMade(), 'a|b.cloudarch.yaml', missed);
    assert.equal(
      markdown,
      [
        '# Simulation of `a\\|b.cloudarch.yaml`',
        '',
        '10 simulated days, seed 12, 300-second steps.',
        '',
        '| | |',
        '| --- | --- |',
        '| Requests | 1,234,567 offered, 1,200,000 served, 34,567 dropped (2.8%) |',
        '| Availability | 99.5% observed; 72 minutes down |',
        '| Capacity | below the load for 1d1h1m1s (10.4% of the time) |',
        '| Cost | $1,234.50 accrued, $3,703.50 a month at this rate |',
        '| Events | 27 unit failures, 2 failovers, 3 scale-outs, 4 scale-ins, 5 spot interruptions, 6 zone and 7 region outages at random |',
        '',
        '## Injected events',
        '',
        '| event | dropped | dropped % | recovery | below the load |',
        '| --- | ---: | ---: | --- | --- |',
        '| `zone:a@1d` | 1,500 | 0.5 | not recovered by the end | 0s |',
        '| `surge:2x@2d+1h` | 0 | 0 | no impact | 0s |',
        '',
        '## Targets',
        '',
        '| target | result | detail |',
        '| --- | --- | --- |',
        '| `maxRecoveryMinutes` | **missed** | Not recovered \\| at all. |',
        '',
        '## Timeline',
        '',
        '| when | what |',
        '| --- | --- |',
        ...timelineText.map((entry) => `| ${entry.clock} | ${entry.message.replace('|', '\\|').replace('\n', ' ')} |`),
        '',
        '5 more events in the JSON output.',
        '',
      ].join('\n'),
    );
  });

  it('a run without injected events, targets or timeline has none of their sections', () => {
    const quiet: SimulationResult = { ...handMade(), injected: [], timeline: { events: [], omitted: 0 } };
    const text = simulationText(quiet, 'quiet.cloudarch.yaml');
    assert.deepEqual(
      text
        .split('\n')
        .filter((l) => /^[A-Z]/.test(l))
        .map((l) => l.split(' ')[0]),
      ['Requests', 'Availability', 'Capacity', 'Cost', 'Events'],
    );
    assert.ok(text.endsWith('outages at random\n'));
    const markdown = simulationMarkdown(quiet, 'quiet.cloudarch.yaml');
    assert.doesNotMatch(markdown, /##/);
    assert.ok(markdown.endsWith('outages at random |\n'));
  });

  it('a timeline of 25 events or fewer is shown whole, with only what the run left out counted', () => {
    const events = handMade().timeline.events.slice(1, 25);
    const whole = simulationText({ ...handMade(), timeline: { events, omitted: 0 } }, 'f');
    assert.match(whole, /\nTimeline\n {2}day 1 01:01:01 {2}event 1\n/);
    const some = simulationText({ ...handMade(), timeline: { events, omitted: 2 } }, 'f');
    assert.match(some, /\nTimeline \(first 24; 2 more in --format json\)\n/);
    assert.match(simulationMarkdown({ ...handMade(), timeline: { events, omitted: 2 } }, 'f'), /\n\n2 more events in the JSON output\.\n$/);
    assert.doesNotMatch(simulationMarkdown({ ...handMade(), timeline: { events, omitted: 0 } }, 'f'), /more events/);
  });
});
